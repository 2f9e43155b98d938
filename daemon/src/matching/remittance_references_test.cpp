// Tests: invoice numbers as payers type them and banks wrap them, including generated texts;
// each known limitation is pinned by a test of its own.

#include "matching/remittance_references.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <set>

namespace kontor::matching {
namespace {

using ::testing::ElementsAre;

// Each finding's item numbers, one finding per entry; ambiguous findings joined by '|'.
std::vector<std::string> found_numbers(const std::vector<std::string>& known,
                                       std::string_view remittance,
                                       InvoiceNumberPatterns patterns = {}) {
  const InvoiceNumberIndex index(known, std::move(patterns));
  std::vector<std::string> result;
  for (const FoundInvoiceNumber& finding : index.find_in(remittance)) {
    std::string joined;
    for (const std::string& number : finding.item_numbers) {
      if (!joined.empty()) joined += "|";
      joined += number;
    }
    result.push_back(joined);
  }
  return result;
}

TEST(InvoiceNumberSearch, AKeywordAndABlankBeforeTheNumberFindIt) {
  EXPECT_THAT(found_numbers({"RE-2026-0012"}, "RE 2026-0012 Danke"), ElementsAre("RE-2026-0012"));
}

TEST(InvoiceNumberSearch, AnAbbreviatedKeywordWithPunctuationIntroducesAShortNumber) {
  EXPECT_THAT(found_numbers({"12", "13"}, "Rg.-Nr. 12"), ElementsAre("12"));
}

TEST(InvoiceNumberSearch, AShortNumberWithoutKeywordIsNotFound) {
  EXPECT_TRUE(found_numbers({"12", "2026"}, "Miete 12/2026 Betrag 12,00").empty());
}

TEST(InvoiceNumberSearch, AWordBetweenKeywordAndNumberCancelsTheKeyword) {
  EXPECT_TRUE(found_numbers({"12"}, "Rechnung vom 12.03.").empty());
}

TEST(InvoiceNumberSearch, EveryNumberOfAListAfterOneKeywordIsFound) {
  EXPECT_THAT(found_numbers({"12", "13", "14"}, "Rechnung 12 und 13"), ElementsAre("12", "13"));
  EXPECT_THAT(found_numbers({"12", "13", "14"}, "Rechnungen 12, 13 + 14"),
              ElementsAre("12", "13", "14"));
}

TEST(InvoiceNumberSearch, TheLastDigitsAfterASlashAbbreviateTheNextNumbers) {
  const std::vector<std::string> known{"RE-2026-0000123", "RE-2026-0000124", "RE-2026-0000125"};
  EXPECT_THAT(found_numbers(known, "RE-2026-0000123/124"),
              ElementsAre("RE-2026-0000123", "RE-2026-0000124"));
  EXPECT_THAT(found_numbers(known, "RE-2026-0000123/4/5"),
              ElementsAre("RE-2026-0000123", "RE-2026-0000124", "RE-2026-0000125"));
}

TEST(InvoiceNumberSearch, ARangeFindsEveryKnownNumberInIt) {
  const std::vector<std::string> known{"RE-2026-0000123", "RE-2026-0000124", "RE-2026-0000125"};
  EXPECT_THAT(found_numbers(known, "RE-2026-0000123 bis 125"),
              ElementsAre("RE-2026-0000123", "RE-2026-0000124", "RE-2026-0000125"));
  // 13 is paid already: the range still finds the others.
  EXPECT_THAT(found_numbers({"12", "14"}, "Rechnungen 12 bis 14"), ElementsAre("12", "14"));
}

TEST(InvoiceNumberSearch, ARangeThatRunsBackwardsOrTooFarFindsOnlyItsStart) {
  EXPECT_THAT(found_numbers({"12", "13", "14"}, "Rechnung 14 bis 12"), ElementsAre("14"));
  EXPECT_THAT(found_numbers({"10", "11", "99"}, "Rechnung 10 bis 99"), ElementsAre("10"));
}

TEST(InvoiceNumberSearch, AnAbbreviationOfAnUnknownNumberInventsNothing) {
  EXPECT_THAT(found_numbers({"RE-2026-0000123"}, "RE-2026-0000123/129"),
              ElementsAre("RE-2026-0000123"));
}

TEST(InvoiceNumberSearch, MissingSeparatorsStillFindTheNumber) {
  EXPECT_THAT(found_numbers({"RE-2026-0012"}, "RE20260012"), ElementsAre("RE-2026-0012"));
  EXPECT_THAT(found_numbers({"RE-2026-0012"}, "Danke 20260012"), ElementsAre("RE-2026-0012"));
}

TEST(InvoiceNumberSearch, AWrappedInvoiceNumberIsStillFound) {
  EXPECT_THAT(found_numbers({"RE-2026-0012"}, "Rechnung RE-2026-00\n12 vom 3.3."),
              ElementsAre("RE-2026-0012"));
  EXPECT_THAT(found_numbers({"RE-2026-0012"}, "Rechnung RE-2026-00 12"),
              ElementsAre("RE-2026-0012"));
}

TEST(InvoiceNumberSearch, AKeywordWrappedAcrossLinesStillIntroducesItsNumber) {
  EXPECT_THAT(found_numbers({"12"}, "Rech\nnung 12"), ElementsAre("12"));
  EXPECT_THAT(found_numbers({"12"}, "Rech\r\nnung 12"), ElementsAre("12"));
  EXPECT_TRUE(found_numbers({"12"}, "Rech nung 12").empty());
}

TEST(InvoiceNumberSearch, LeadingZerosMayBeDroppedOrAdded) {
  EXPECT_THAT(found_numbers({"2026-0012"}, "Rechnung 2026-12"), ElementsAre("2026-0012"));
  EXPECT_THAT(found_numbers({"RE-12"}, "RE 0012"), ElementsAre("RE-12"));
}

// Without its zeros and with a break inside, nothing says where the number's groups were:
// "2026-1\n2" could be 2026-0012 or 2026-0102. Such a payment goes by amount and payer.
TEST(InvoiceNumberSearch, DroppedZerosAndALineBreakInOneNumberAreNotGuessed) {
  EXPECT_TRUE(found_numbers({"2026-0012"}, "Rechnung 2026-1\n2").empty());
}

// Texts as they stand in the shared camt.054 FI sample.
TEST(InvoiceNumberSearch, EnglishRemittanceFromARealBankFileIsRead) {
  EXPECT_THAT(found_numbers({"123", "321", "124"}, "Invoices 123 and 321"),
              ElementsAre("123", "321"));
  EXPECT_THAT(found_numbers({"US20291092"}, "INVOICE US20291092"), ElementsAre("US20291092"));
}

TEST(InvoiceNumberSearch, ANumberIsNotFoundInsideALongerOne) {
  EXPECT_TRUE(found_numbers({"2026-0012"}, "RE 2026-00123").empty());
  EXPECT_TRUE(found_numbers({"12345"}, "Kunde 123456").empty());
}

TEST(InvoiceNumberSearch, TheLongestKnownNumberAtAPositionWins) {
  EXPECT_THAT(found_numbers({"2026", "2026-0012"}, "Rechnung 2026-0012"), ElementsAre("2026-0012"));
}

TEST(InvoiceNumberSearch, TheWordBeforeTellsNumbersWithOtherLettersApart) {
  const std::vector<std::string> known{"RE-12", "GS-12"};
  EXPECT_THAT(found_numbers(known, "GS 12"), ElementsAre("GS-12"));
  EXPECT_THAT(found_numbers(known, "RE12"), ElementsAre("RE-12"));
}

TEST(InvoiceNumberSearch, NumbersTheTextCannotTellApartAreReportedTogether) {
  EXPECT_THAT(found_numbers({"RE-12", "GS-12"}, "Rechnung Nr. 12"), ElementsAre("GS-12|RE-12"));
}

TEST(InvoiceNumberSearch, ANumberWrittenTwiceIsReportedOnce) {
  EXPECT_THAT(found_numbers({"RE-2026-0012"}, "RE 2026-0012, nochmals RE 2026-0012"),
              ElementsAre("RE-2026-0012"));
}

TEST(InvoiceNumberSearch, ConfiguredKeywordsReplaceTheDefaults) {
  InvoiceNumberPatterns patterns;
  patterns.keywords = {"Faktura"};
  EXPECT_THAT(found_numbers({"12"}, "Faktura 12", patterns), ElementsAre("12"));
  EXPECT_TRUE(found_numbers({"12"}, "RE 12", patterns).empty());
}

TEST(InvoiceNumberSearch, TheDigitsWithoutKeywordAreConfigurable) {
  InvoiceNumberPatterns patterns;
  patterns.min_digits_without_keyword = 3;
  EXPECT_THAT(found_numbers({"123"}, "Danke 123", patterns), ElementsAre("123"));
  EXPECT_TRUE(found_numbers({"123"}, "Danke 123").empty());
}

TEST(InvoiceNumberSearch, ItemNumbersWithLettersAfterTheFirstDigitAreNotSearched) {
  const InvoiceNumberIndex index({"2026-A-12", "RE-2026-0012", "ABC"}, {});
  EXPECT_EQ(index.size(), 1u);
}

TEST(InvoiceNumberSearch, TheFindingSaysWhereAndHowItWasWritten) {
  const InvoiceNumberIndex index({"RE-2026-0012"}, {});
  const std::vector<FoundInvoiceNumber> found = index.find_in("Zahlung RE 2026/12 ok");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].position, 11u);
  EXPECT_EQ(found[0].as_written, "2026/12");
}

// Generated remittance texts: 400 open items "RE-2026-NNNNNN", each paid with a text written
// the way payers write (keyword or none, any separators, leading zeros dropped) among dates,
// amounts and customer numbers, then cut into SEPA lines of 27 or 35 characters the way banks
// join them (line break, blank or nothing). Each text must find its item and no other.
// A number whose zeros the payer dropped is not cut inside: without its zeros and its
// separators the digits no longer say where its groups were.
TEST(InvoiceNumberSearch, GeneratedPayerTextsFindTheirItemAndNoOther) {
  std::mt19937 random(20260311);  // fixed: the same texts in every run
  auto pick = [&](std::size_t count) {
    return std::uniform_int_distribution<std::size_t>(0, count - 1)(random);
  };
  std::set<std::string> unique_numbers;
  while (unique_numbers.size() < 400) {
    const std::string digits = std::to_string(100000 + pick(900000)).substr(1);
    unique_numbers.insert("RE-2026-" + digits);
  }
  const std::vector<std::string> known(unique_numbers.begin(), unique_numbers.end());
  const InvoiceNumberIndex index(known, {});

  const std::vector<std::string> keywords{"Rechnung ", "Rg.-Nr. ",         "RE ", "Inv. ", "RE-",
                                          "",          "Rechnungsnummer: "};
  const std::vector<std::string> before{"", "Kd-Nr 4711 ", "Zahlung vom 12.03.2026 ",
                                        "Betrag 1.190,00 EUR "};
  const std::vector<std::string> after{"", " Danke", " Kunde 4711 Betrag 119,00",
                                       " vom 03.03.2026"};
  const std::vector<std::string> joins{"\n", " ", ""};
  for (const std::string& number : known) {
    const std::string tail = number.substr(8);  // "000123"
    const std::string short_tail = tail.substr(tail.find_first_not_of('0'));
    const std::vector<std::string> spellings{"2026-" + tail, "2026/" + tail, "2026" + tail,
                                             "2026 " + tail, "2026-" + short_tail};
    const std::size_t spelling = pick(spellings.size());
    const std::string head = before[pick(before.size())] + keywords[pick(keywords.size())];
    std::string text = head + spellings[spelling] + after[pick(after.size())];
    const std::size_t width = pick(2) == 0 ? 27 : 35;
    const bool cut_inside_number = width > head.size() && width < head.size() + 11;
    if (text.size() > width && !(spelling == 4 && cut_inside_number)) {
      text.insert(width, joins[pick(joins.size())]);
    }
    std::vector<std::string> found;
    for (const FoundInvoiceNumber& finding : index.find_in(text)) {
      for (const std::string& item : finding.item_numbers) found.push_back(item);
    }
    EXPECT_THAT(found, ElementsAre(number)) << "in \"" << text << "\"";
  }
}

// Two series that differ only in zero padding, as the quality benchmark's book has them: the
// number written digit for digit is the one the payer meant.
TEST(InvoiceNumberSearch, TheNumberWrittenExactlyWinsOverOneThatNeedsZerosAdded) {
  const std::vector<std::string> known{"RE-2026-004044", "2026-4044", "RE-2026-000766", "2026-0766",
                                       "RE-2026-000765"};
  // "./." is the German "less", not a second number abbreviated after a slash.
  EXPECT_THAT(found_numbers({"2026-4044", "2026-4043"}, "Rechnung 2026-4044 ./. 3 % Skonto"),
              ElementsAre("2026-4044"));
  EXPECT_THAT(found_numbers(known, "Rechnung 2026-4044"), ElementsAre("2026-4044"));
  // The letters before the number pick their item among equally close ones...
  EXPECT_THAT(found_numbers(known, "RE 2026-004044"), ElementsAre("RE-2026-004044"));
  // ... but do not outweigh the digits as written.
  EXPECT_THAT(found_numbers(known, "RE 2026-4044"), ElementsAre("2026-4044"));
  EXPECT_THAT(found_numbers(known, "Rechnung RE-2026-004044"), ElementsAre("RE-2026-004044"));
  // An abbreviated second number keeps the series of the first.
  EXPECT_THAT(found_numbers(known, "RE-2026-000765/766"),
              ElementsAre("RE-2026-000765", "RE-2026-000766"));
  // Written in neither form: both still fit, and the caller must not pick one.
  EXPECT_THAT(found_numbers(known, "Rechnung 2026-04044"), ElementsAre("2026-4044|RE-2026-004044"));
}

TEST(InvoiceNumberSearch, ADateIsNotReadAsANumberWithoutSeparators) {
  const std::vector<std::string> known{"2026-0128", "2026-1067", "2026-2026"};
  EXPECT_TRUE(found_numbers(known, "Zahlung vom 2026-01-28").empty());
  EXPECT_TRUE(found_numbers(known, "Zahlung vom 28.01.2026").empty());
  // The wrapped number after a date is read on its own, not with the date's year.
  EXPECT_THAT(found_numbers(known, "Rechnung vom 15.01.2026 202 6-1067"), ElementsAre("2026-1067"));
  // A number broken by the line length is no date (there is no month 00).
  EXPECT_THAT(found_numbers({"2026-0012"}, "RE 2026-00\n12"), ElementsAre("2026-0012"));
}

}  // namespace
}  // namespace kontor::matching
