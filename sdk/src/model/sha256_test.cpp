#include "kontor/model/sha256.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kontor {
namespace {

TEST(Sha256, MatchesFips180Vectors) {
  EXPECT_EQ(Sha256::hex_of(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256::hex_of("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256::hex_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, StreamingInOddPiecesGivesTheSameDigest) {
  const std::string million(1000000, 'a');
  Sha256 hasher;
  for (std::size_t offset = 0; offset < million.size();) {
    const std::size_t piece = std::min<std::size_t>(offset % 97 + 1, million.size() - offset);
    hasher.update(std::string_view(million).substr(offset, piece));
    offset += piece;
  }
  EXPECT_EQ(Sha256::hex(hasher.finish()),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

}  // namespace
}  // namespace kontor
