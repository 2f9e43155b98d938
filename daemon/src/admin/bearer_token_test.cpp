#include "admin/bearer_token.hpp"

#include <gtest/gtest.h>

namespace kontor::admin {
namespace {

constexpr const char* kSecret = "0123456789abcdef-token";

BearerToken token() {
  auto made = BearerToken::from_secret(kSecret);
  EXPECT_TRUE(made.ok());
  return made.value();
}

TEST(BearerToken, AcceptsExactlyTheSecretAfterTheBearerScheme) {
  EXPECT_TRUE(token().accepts(std::string("Bearer ") + kSecret));
  EXPECT_TRUE(token().accepts(std::string("bearer ") + kSecret));
  EXPECT_TRUE(token().accepts(std::string("BEARER ") + kSecret));
}

TEST(BearerToken, RefusesEverythingElse) {
  EXPECT_FALSE(token().accepts(""));
  EXPECT_FALSE(token().accepts("Bearer "));
  EXPECT_FALSE(token().accepts(kSecret));
  EXPECT_FALSE(token().accepts(std::string("Basic ") + kSecret));
  EXPECT_FALSE(token().accepts(std::string("Bearer  ") + kSecret));
  EXPECT_FALSE(token().accepts(std::string("Bearer ") + kSecret + "x"));
  EXPECT_FALSE(token().accepts(std::string("Bearer ") + std::string(kSecret).substr(1)));
}

TEST(BearerToken, ShortOrUnprintableSecretsAreRefusedWithoutQuotingThem) {
  auto short_one = BearerToken::from_secret("tooshort");
  ASSERT_FALSE(short_one.ok());
  EXPECT_EQ(short_one.error().message.find("tooshort"), std::string::npos);
  EXPECT_FALSE(BearerToken::from_secret("0123456789abcdef with space").ok());
  EXPECT_FALSE(BearerToken::from_secret("0123456789abcdef\r\nX-Evil: 1").ok());
}

}  // namespace
}  // namespace kontor::admin
