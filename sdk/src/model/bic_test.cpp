#include "kontor/model/bic.hpp"

#include <gtest/gtest.h>

namespace kontor {
namespace {

TEST(Bic, AcceptsEightAndElevenCharacters) {
  Result<Bic> eight = Bic::parse("COBADEFF");
  ASSERT_TRUE(eight);
  EXPECT_EQ(eight->country_code(), "DE");
  Result<Bic> eleven = Bic::parse("deut de ff 500");
  ASSERT_TRUE(eleven);
  EXPECT_EQ(eleven->text(), "DEUTDEFF500");
  EXPECT_EQ(eleven->office(), "DEUTDEFF");
}

TEST(BicRejects, WrongLengthOrShape) {
  struct Case {
    const char* text;
    std::int64_t position;
    const char* words;
  };
  for (const Case& c :
       {Case{"COBADEF", 8, "8 or 11"}, Case{"COBADEFF50", 9, "8 or 11"},
        Case{"COBA1EFF", 5, "country code"}, Case{"CO-ADEFF", 3, "party prefix"},
        Case{"COBADEF_", 8, "location code"}, Case{"COBADEFF5-0", 10, "branch code"}}) {
    Result<Bic> result = Bic::parse(c.text);
    ASSERT_FALSE(result) << c.text;
    EXPECT_EQ(result.error().position, c.position) << result.error().message;
    EXPECT_NE(result.error().message.find(c.words), std::string::npos) << result.error().message;
  }
}

}  // namespace
}  // namespace kontor
