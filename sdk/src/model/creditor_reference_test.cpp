#include "kontor/model/creditor_reference.hpp"

#include <gtest/gtest.h>

namespace kontor {
namespace {

void expect_error(const Result<CreditorReference>& result, std::int64_t position,
                  std::string_view words) {
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().position, position) << result.error().message;
  EXPECT_NE(result.error().message.find(words), std::string::npos) << result.error().message;
}

TEST(CreditorReference, ValidatesIso11649) {
  Result<CreditorReference> rf = CreditorReference::parse("RF18 5390 0754 7034");
  ASSERT_TRUE(rf);
  EXPECT_EQ(rf->electronic(), "RF18539007547034");
  EXPECT_EQ(rf->formatted(), "RF18 5390 0754 7034");
  EXPECT_EQ(rf->reference(), "539007547034");
  EXPECT_TRUE(CreditorReference::parse("rf18539007547034"));
}

TEST(CreditorReference, GeneratedFromInvoiceNumberValidates) {
  Result<CreditorReference> rf = CreditorReference::from_number("RE-2026/0012");
  ASSERT_TRUE(rf) << rf.error().message;
  EXPECT_EQ(rf->electronic(), "RF34RE20260012");
  EXPECT_EQ(CreditorReference::parse(rf->formatted())->electronic(), rf->electronic());
  EXPECT_EQ(CreditorReference::from_number("539007547034")->electronic(), "RF18539007547034");
  EXPECT_EQ(CreditorReference::from_number("1")->electronic(), "RF741");
  EXPECT_EQ(CreditorReference::from_number("abcdefghijklmnopqrstu")->electronic(),
            "RF95ABCDEFGHIJKLMNOPQRSTU");
}

TEST(CreditorReferenceRejects, NumbersThatCannotBecomeAReference) {
  expect_error(CreditorReference::from_number("2026-0012-ÄB"), 11, "only letters, digits");
  expect_error(CreditorReference::from_number("1234567890123456789012"), 22, "at most 21");
  expect_error(CreditorReference::from_number("--"), 1, "no letters or digits");
}

TEST(CreditorReferenceRejects, MalformedOrWrongCheckDigits) {
  expect_error(CreditorReference::parse("RF19539007547034"), 3, "check digits 19 do not match");
  expect_error(CreditorReference::parse("XX18539007547034"), 1, "expected 'RF'");
  expect_error(CreditorReference::parse("RF1A539007547034"), 4, "two check digits");
  expect_error(CreditorReference::parse("RF18"), 5, "1 to 21 letters or digits");
  expect_error(CreditorReference::parse("RF18 5390-0754"), 10, "found '-'");
  expect_error(CreditorReference::parse("RF95ABCDEFGHIJKLMNOPQRSTUV"), 26, "at most 21");
}

}  // namespace
}  // namespace kontor
