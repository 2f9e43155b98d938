// The journal's text rules one by one (plaintext-journals.md, "Common syntax subset").
#include "journal_text.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "journal_writer.hpp"

namespace kontor::plugins::journal {
namespace {

Money euros(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

TEST(JournalTextTest, AnInvalidUtf8ByteBecomesTheReplacementCharacter) {
  EXPECT_EQ(valid_utf8("M\xFCller"), "M\xEF\xBF\xBDller");  // Latin-1 ü
  EXPECT_EQ(valid_utf8("Grünwald"), "Grünwald");
  EXPECT_EQ(valid_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
  EXPECT_EQ(valid_utf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(valid_utf8("ab\xE2\x82"), "ab\xEF\xBF\xBD\xEF\xBF\xBD");              // cut short
}

TEST(JournalTextTest, ControlCharactersAndRunsOfBlanksBecomeOneBlank) {
  EXPECT_EQ(one_line("  Zahlung\tRE 1\r\n  Rest  "), "Zahlung RE 1 Rest");
  EXPECT_EQ(one_line("a  b"), "a b");  // two blanks would end an account name
}

TEST(JournalTextTest, ACodeHasNoParentheses) {
  EXPECT_EQ(code_text("RE(2024)-1"), "RE[2024]-1");
}

TEST(JournalTextTest, APayeeHasNoSemicolonAndNoBar) {
  EXPECT_EQ(payee_text("Müller; Söhne | KG"), "Müller, Söhne / KG");
  EXPECT_EQ(note_text("Zahlung; Rest | Teil"), "Zahlung, Rest | Teil");
}

TEST(JournalTextTest, ATagValueHasNoComma) {
  EXPECT_EQ(tag_value("RE-1, RE-2"), "RE-1 RE-2");
}

TEST(JournalTextTest, AccountNamesThatEitherToolWouldReadOtherwiseAreRefused) {
  EXPECT_EQ(account_name_problem("Erlöse:8400 Erlöse 19% USt"), "");
  EXPECT_NE(account_name_problem(""), "");
  EXPECT_NE(account_name_problem("Aktiva:Bank  1200"), "");
  EXPECT_NE(account_name_problem("Aktiva:\tBank"), "");
  EXPECT_NE(account_name_problem("Aktiva;Bank"), "");
  EXPECT_NE(account_name_problem("(Aktiva:Bank)"), "");
  EXPECT_NE(account_name_problem("[Aktiva]"), "");
  EXPECT_NE(account_name_problem("Aktiva::Bank"), "");
  EXPECT_NE(account_name_problem("Aktiva: Bank"), "");
  EXPECT_NE(account_name_problem("Aktiva:Bank:"), "");
  EXPECT_NE(account_name_problem("Aktiva:B\xFCro"), "");
}

TEST(JournalTextTest, AmountsHaveEveryMinorDigitAndNoGroupSeparator) {
  EXPECT_EQ(amount_text(euros(123456789)), "1234567.89 EUR");
  EXPECT_EQ(amount_text(euros(-5)), "-0.05 EUR");
  EXPECT_EQ(amount_text(Money(1500, Currency::from_code("JPY").value())), "1500 JPY");
}

TEST(JournalTextTest, TheVatInAGrossAmountIsRoundedHalfUpAndKeepsItsSign) {
  EXPECT_EQ(vat_in_gross(euros(11900), 19).value(), euros(1900));
  EXPECT_EQ(vat_in_gross(euros(-11900), 19).value(), euros(-1900));
  EXPECT_EQ(vat_in_gross(euros(300), 19).value(), euros(48));  // 47.899… → 48
  EXPECT_EQ(vat_in_gross(euros(107), 7).value(), euros(7));
  // 0.25 × 19 / 119 = 0.0399…: 4 cents; 0.03 × 19 / 119 = 0.00479: 0 cents.
  EXPECT_EQ(vat_in_gross(euros(25), 19).value(), euros(4));
  EXPECT_EQ(vat_in_gross(euros(3), 19).value(), euros(0));
  // 8.18 × 7 / 107 = 0.53514…: 54 cents. (An exact half cent cannot occur at 19 or 7 %: 119
  // and 107 are odd.)
  EXPECT_EQ(vat_in_gross(euros(818), 7).value(), euros(54));
  EXPECT_FALSE(vat_in_gross(euros(std::numeric_limits<std::int64_t>::max() / 2), 19).ok());
}

}  // namespace
}  // namespace kontor::plugins::journal
