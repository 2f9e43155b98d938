#include "creditor_identifier.hpp"

#include <gtest/gtest.h>

namespace kontor::plugins::camt {
namespace {

TEST(CreditorIdentifierTest, TellsCreditorIdentifiersFromOtherNumbers) {
  EXPECT_TRUE(looks_like_creditor_identifier("DE98ZZZ09999999999"));
  EXPECT_TRUE(looks_like_creditor_identifier("DE46ZZZ00000012345"));  // check digits off
  EXPECT_FALSE(looks_like_creditor_identifier("DEE1234567890"));
  EXPECT_FALSE(looks_like_creditor_identifier("455454654"));
  EXPECT_FALSE(looks_like_creditor_identifier("de98zzz09999999999"));
  EXPECT_FALSE(looks_like_creditor_identifier("DE98ZZZ"));
}

}  // namespace
}  // namespace kontor::plugins::camt
