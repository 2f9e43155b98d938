#include "json_object.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::plugins::open_items {
namespace {

using ::testing::HasSubstr;

std::vector<JsonMember> members_of(std::string_view line) {
  std::vector<JsonMember> members;
  Status read = read_json_object(line, members);
  EXPECT_TRUE(read) << read.error().message;
  return members;
}

std::string error_of(std::string_view line) {
  std::vector<JsonMember> members;
  Status read = read_json_object(line, members);
  return read ? "" : read.error().message;
}

TEST(JsonObject, NumbersKeepTheDigitsTheyWereWrittenWith) {
  const auto members = members_of(
      R"({"amount": 119.00, "count": 5, "rate": 7.5, "huge": 123456789012345678901234})");
  ASSERT_EQ(members.size(), 4u);
  EXPECT_EQ(members[0].key, "amount");
  EXPECT_EQ(members[0].text, "119.00");
  EXPECT_TRUE(members[0].is_number);
  EXPECT_EQ(members[1].text, "5");
  EXPECT_EQ(members[2].text, "7.5");
  EXPECT_EQ(members[3].text, "123456789012345678901234");
}

TEST(JsonObject, StringsAreUnescapedNullIsEmptyBooleansAreText) {
  const auto members =
      members_of(R"({"name": "M\u00fcller \"GmbH\"", "email": null, "agreed": true})");
  ASSERT_EQ(members.size(), 3u);
  EXPECT_EQ(members[0].text, "Müller \"GmbH\"");
  EXPECT_FALSE(members[0].is_number);
  EXPECT_EQ(members[1].text, "");
  EXPECT_EQ(members[2].text, "true");
}

TEST(JsonObject, OnlyAFlatObjectIsARow) {
  EXPECT_THAT(error_of(R"([1, 2])"), HasSubstr("found an array"));
  EXPECT_THAT(error_of(R"("text")"), HasSubstr("found a single value"));
  EXPECT_THAT(error_of(R"({"a": {"b": 1}})"), HasSubstr("member 'a' holds an object"));
  EXPECT_THAT(error_of(R"({"a": [1]})"), HasSubstr("member 'a' holds an array"));
  EXPECT_THAT(error_of(R"({"a": 1, "a": 2})"), HasSubstr("key 'a' appears twice"));
}

TEST(JsonObject, SyntaxErrorsSayWhere) {
  EXPECT_EQ(error_of(R"({"a": 1,})"),
            "not valid JSON at byte 9: syntax error while parsing object key - unexpected '}'; "
            "expected string literal");
  EXPECT_THAT(error_of(R"({"a": 1} trailing)"),
              HasSubstr("not valid JSON at byte 12: syntax error while parsing value - invalid "
                        "literal; last read: '1} tra'; expected end of input"));
  EXPECT_EQ(error_of(R"({"a": 1e999})"),
            "not valid JSON at byte 11: number overflow parsing '1e999'");
}

}  // namespace
}  // namespace kontor::plugins::open_items
