// Tests: each rule's method and confidence, their order, and when no best answer exists.

#include "matching/match_scoring.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <random>

namespace kontor::matching {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}
Date day(int year, int month, int day_of_month) {
  return Date::from_ymd(year, month, day_of_month).value();
}

OpenItem invoice(std::string number, std::int64_t open_cents) {
  OpenItem item;
  item.number = std::move(number);
  item.customer_number = "4711";
  item.due_date = day(2026, 3, 31);
  item.gross = eur(open_cents);
  item.open = eur(open_cents);
  item.rf_reference = CreditorReference::from_number(item.number).value();
  return item;
}

const CustomerFacts kMueller{.number = "4711",
                             .name = "Hans Müller GmbH",
                             .normalised_name = {},  // compared by name
                             .ibans = {"DE89 3704 0044 0532 0130 00"}};

class MatchScoringTest : public ::testing::Test {
 protected:
  void add(OpenItem item) { items_.push_back(std::move(item)); }

  // The credit of `cents` with `remittance` from `payer` (name, IBAN), scored against every
  // item added, all of customer 4711.
  PaymentScores score(std::int64_t cents, std::string remittance, std::string payer_name = "",
                      std::string payer_iban = "", std::string end_to_end_id = "",
                      const ScoringPolicy& policy = {}) {
    std::vector<std::string> numbers;
    for (const OpenItem& item : items_) numbers.push_back(item.number);
    const InvoiceNumberIndex index(numbers, {});
    BankTransaction credit;
    credit.booking_date = day(2026, 3, 9);
    credit.amount = eur(cents);
    credit.remittance = std::move(remittance);
    credit.counterparty_name = std::move(payer_name);
    credit.counterparty_account = std::move(payer_iban);
    credit.end_to_end_id = std::move(end_to_end_id);
    std::vector<MatchCandidate> candidates;
    for (const OpenItem& item : items_) {
      std::vector<CreditorReference> notices;
      if (const auto listed = notice_items_.find(item.number); listed != notice_items_.end()) {
        notices.push_back(listed->second);
      }
      candidates.push_back(
          MatchCandidate{.item = &item, .customer = &kMueller, .notice_references = notices});
    }
    return score_payment(payment_facts(credit, index), candidates, policy);
  }

  std::vector<OpenItem> items_;
  std::map<std::string, CreditorReference> notice_items_;  // item number → its notice's RF
};

TEST_F(MatchScoringTest, TheItemsRfReferenceIsCertainWhateverTheAmount) {
  add(invoice("RE-2026-0012", 11900));
  const std::string reference = items_[0].rf_reference->formatted();
  const PaymentScores scores = score(5000, "Teilzahlung " + reference);
  ASSERT_EQ(scores.ranked.size(), 1u);
  EXPECT_EQ(scores.ranked[0].method, AllocationMethod::creditor_reference);
  EXPECT_EQ(scores.ranked[0].confidence_permille, 1000);
  EXPECT_EQ(scores.ranked[0].fit, AmountFit::partial);
  EXPECT_THAT(scores.best, ElementsAre("RE-2026-0012"));
}

TEST_F(MatchScoringTest, AnEndToEndIdEqualToTheItemsReferenceIsCertain) {
  add(invoice("RE-2026-0012", 11900));
  const PaymentScores scores = score(11900, "Danke", "", "", items_[0].rf_reference->electronic());
  ASSERT_EQ(scores.ranked.size(), 1u);
  EXPECT_EQ(scores.ranked[0].method, AllocationMethod::end_to_end_id);
  EXPECT_EQ(scores.ranked[0].confidence_permille, 1000);
}

TEST_F(MatchScoringTest, AnotherItemsReferenceCountsOnlyForThatItem) {
  add(invoice("RE-2026-0012", 11900));
  add(invoice("RE-2026-0013", 11900));
  const PaymentScores scores = score(11900, items_[1].rf_reference->formatted());
  ASSERT_FALSE(scores.ranked.empty());
  EXPECT_EQ(scores.ranked[0].item_number, "RE-2026-0013");
  EXPECT_THAT(scores.best, ElementsAre("RE-2026-0013"));
}

TEST_F(MatchScoringTest, ANoticesReferencePaysTheItemsItLists) {
  add(invoice("RE-2026-0012", 11900));
  add(invoice("RE-2026-0013", 5000));
  add(invoice("RE-2026-0014", 7000));
  const CreditorReference reminder = CreditorReference::from_number("MA-2026-0001").value();
  notice_items_.emplace("RE-2026-0012", reminder);
  notice_items_.emplace("RE-2026-0013", reminder);
  const PaymentScores scores = score(16900, "Mahnung " + reminder.formatted());
  ASSERT_EQ(scores.ranked.size(), 2u);
  EXPECT_EQ(scores.ranked[0].method, AllocationMethod::notice_reference);
  EXPECT_EQ(scores.ranked[1].confidence_permille, 1000);
  EXPECT_THAT(scores.best, ElementsAre("RE-2026-0012", "RE-2026-0013"));
}

TEST_F(MatchScoringTest, ANoticeAndAnItemQuotedTogetherLeaveNoBestAnswer) {
  add(invoice("RE-2026-0012", 11900));
  add(invoice("RE-2026-0014", 7000));
  const CreditorReference reminder = CreditorReference::from_number("MA-2026-0001").value();
  notice_items_.emplace("RE-2026-0012", reminder);
  const PaymentScores scores =
      score(18900, reminder.formatted() + " " + items_[1].rf_reference->formatted());
  EXPECT_EQ(scores.ranked.size(), 2u);
  EXPECT_TRUE(scores.best.empty());
}

TEST_F(MatchScoringTest, ANumberFoundWithTheAmountEqualIsHigh) {
  add(invoice("RE-2026-0012", 11900));
  const PaymentScores scores = score(11900, "Rechnung 2026/12");
  ASSERT_EQ(scores.ranked.size(), 1u);
  EXPECT_EQ(scores.ranked[0].method, AllocationMethod::invoice_number);
  EXPECT_EQ(scores.ranked[0].confidence_permille, 950);
  EXPECT_THAT(scores.ranked[0].evidence, HasSubstr("written as \"2026/12\""));
}

TEST_F(MatchScoringTest, SkontoChargesAndPartialPaymentsScoreBelowTheExactAmount) {
  OpenItem item = invoice("RE-2026-0012", 11900);
  item.skonto = SkontoTerms{.percent = Decimal::from_integer(2), .until = day(2026, 3, 10)};
  add(item);
  ScoringPolicy policy;
  policy.amounts.bank_charges_tolerance = eur(1500);
  const int exact = score(11900, "RE 2026-0012").ranked.at(0).confidence_permille;
  const int skonto = score(11662, "RE 2026-0012").ranked.at(0).confidence_permille;
  const int charges =
      score(11900 - 1000, "RE 2026-0012", "", "", "", policy).ranked.at(0).confidence_permille;
  const int partial = score(5000, "RE 2026-0012").ranked.at(0).confidence_permille;
  EXPECT_GT(exact, skonto);
  EXPECT_GT(skonto, charges);
  EXPECT_GT(charges, partial);
  EXPECT_THAT(score(11662, "RE 2026-0012").ranked.at(0).evidence, HasSubstr("Skonto of 2.38 EUR"));
}

TEST_F(MatchScoringTest, AKnownIbanBesideAFoundNumberAddsALittle) {
  add(invoice("RE-2026-0012", 11900));
  const PaymentScores scores = score(11900, "RE 2026-0012", "Someone", "de89370400440532013000");
  EXPECT_EQ(scores.ranked.at(0).confidence_permille, 990);
  EXPECT_THAT(scores.ranked.at(0).evidence, HasSubstr("known for customer 4711"));
}

TEST_F(MatchScoringTest, SeveralNumbersThatAddUpToThePaymentAreBestTogether) {
  add(invoice("RE-2026-0012", 10000));
  add(invoice("RE-2026-0013", 5000));
  add(invoice("RE-2026-0014", 5000));
  const PaymentScores scores = score(15000, "Rechnungen 2026-0012 und 2026-0013");
  EXPECT_THAT(scores.best, ElementsAre("RE-2026-0012", "RE-2026-0013"));
  EXPECT_EQ(scores.ranked.at(0).confidence_permille, 950);
}

TEST_F(MatchScoringTest, ANumberTheTextCannotTellApartIsLow) {
  add(invoice("RE-12", 11900));
  add(invoice("GS-12", 11900));
  const PaymentScores scores = score(11900, "Rechnung Nr. 12");
  ASSERT_EQ(scores.ranked.size(), 2u);
  EXPECT_EQ(scores.ranked[0].confidence_permille, 400);
  EXPECT_TRUE(scores.best.empty());
}

TEST_F(MatchScoringTest, TheAmountFromAKnownIbanIsHigh) {
  add(invoice("RE-2026-0012", 11900));
  add(invoice("RE-2026-0013", 20000));
  const PaymentScores scores = score(11900, "Danke", "X", "DE89 3704 0044 0532 0130 00");
  ASSERT_EQ(scores.ranked.size(), 1u);
  EXPECT_EQ(scores.ranked[0].method, AllocationMethod::amount_and_payer);
  EXPECT_EQ(scores.ranked[0].confidence_permille, 900);
  EXPECT_THAT(scores.best, ElementsAre("RE-2026-0012"));
}

TEST_F(MatchScoringTest, TheAmountFromTheCustomersNameIsMedium) {
  add(invoice("RE-2026-0012", 11900));
  const PaymentScores scores = score(11900, "Danke", "MUELLER HANS", "DE02120300000000202051");
  ASSERT_EQ(scores.ranked.size(), 1u);
  EXPECT_EQ(scores.ranked[0].confidence_permille, 600);
}

TEST_F(MatchScoringTest, TheAmountAloneIsNoEvidence) {
  add(invoice("RE-2026-0012", 11900));
  EXPECT_TRUE(score(11900, "Danke", "Erika Muster", "DE02120300000000202051").ranked.empty());
}

TEST_F(MatchScoringTest, TwoItemsOfTheSameAmountFromAKnownIbanHaveNoBestAnswer) {
  add(invoice("RE-2026-0012", 11900));
  add(invoice("RE-2026-0013", 11900));
  const PaymentScores scores = score(11900, "Danke", "", "DE89370400440532013000");
  EXPECT_EQ(scores.ranked.size(), 2u);
  EXPECT_TRUE(scores.best.empty());
}

TEST_F(MatchScoringTest, CreditNotesAndItemsInAnotherCurrencyAreNoCandidates) {
  OpenItem credit_note = invoice("GS-2026-0001", -11900);
  credit_note.type = OpenItemType::credit_note;
  add(credit_note);
  OpenItem francs = invoice("RE-2026-0099", 0);
  francs.open = Money(11900, Currency::from_code("CHF").value());
  add(francs);
  EXPECT_TRUE(score(11900, "GS 2026-0001 RE 2026-0099").ranked.empty());
}

TEST_F(MatchScoringTest, ADebitIsNotScored) {
  add(invoice("RE-2026-0012", 11900));
  EXPECT_TRUE(score(-11900, "RE 2026-0012").ranked.empty());
}

TEST_F(MatchScoringTest, ConfidencesAreConfigurable) {
  add(invoice("RE-2026-0012", 11900));
  ScoringPolicy policy;
  policy.number_exact = 800;
  EXPECT_EQ(score(11900, "RE 2026-0012", "", "", "", policy).ranked.at(0).confidence_permille, 800);
}

// Generated customers and payments with the truth labelled — RF reference, number in the text
// with the exact amount, number with a partial amount, amount from a known IBAN, amount from the
// customer's name, and noise — each scored against every item of every customer. Whatever is
// posted automatically (a best answer at 900 or more, a typical threshold) must be the truth;
// nearly all payments whose evidence is strong must get there.
TEST(MatchScoringGenerated, WhatWouldBePostedAutomaticallyIsNeverWrong) {
  std::mt19937 random(9);
  auto below = [&](int bound) { return std::uniform_int_distribution<int>(0, bound - 1)(random); };
  const std::vector<std::string> surnames{"Müller", "Schmidt", "Schneider", "Fischer", "Weber",
                                          "Meyer",  "Wagner",  "Becker",    "Schulz",  "Hoffmann"};
  const std::vector<std::string> trades{"Bäckerei", "Metallbau", "Café", "Druckerei", "Elektro"};
  const std::vector<std::string> forms{"GmbH", "GmbH & Co. KG", "e.K.", "UG (haftungsbeschränkt)",
                                       "AG"};
  std::vector<CustomerFacts> customers;
  for (int c = 0; c < 100; ++c) {
    customers.push_back(CustomerFacts{
        .number = std::to_string(10000 + c),
        .name = trades[c % trades.size()] + " " + surnames[c / trades.size() % surnames.size()] +
                " " + std::to_string(c) + " " + forms[below(5)],
        .normalised_name = {},
        .ibans = {"DE" + std::to_string(10 + c) + "1203000000" + std::to_string(100000 + c)}});
  }
  std::vector<OpenItem> items;
  std::vector<std::size_t> customer_of;
  for (std::size_t c = 0; c < customers.size(); ++c) {
    for (int i = 0, count = 1 + below(4); i < count; ++i) {
      const std::string number = "RE-2026-" + std::to_string(10000 + items.size());
      OpenItem item = invoice(number, 1000 + below(500000));
      item.customer_number = customers[c].number;
      items.push_back(std::move(item));
      customer_of.push_back(c);
    }
  }
  std::vector<std::string> numbers;
  for (const OpenItem& item : items) numbers.push_back(item.number);
  const InvoiceNumberIndex index(numbers, {});
  std::vector<MatchCandidate> candidates;
  for (std::size_t i = 0; i < items.size(); ++i) {
    candidates.push_back(MatchCandidate{
        .item = &items[i], .customer = &customers[customer_of[i]], .notice_references = {}});
  }

  enum Kind { reference, number_exact, number_partial, amount_iban, amount_name, noise };
  int strong = 0;
  int strong_posted = 0;
  for (int p = 0; p < 600; ++p) {
    const Kind kind = static_cast<Kind>(below(6));
    const std::size_t truth = static_cast<std::size_t>(below(static_cast<int>(items.size())));
    const OpenItem& item = items[truth];
    const CustomerFacts& customer = customers[customer_of[truth]];
    BankTransaction credit;
    credit.booking_date = day(2026, 4, 2);
    credit.amount = item.open;
    credit.counterparty_name = "Erika Mustermann";
    credit.counterparty_account = "DE02120300000000202051";
    credit.remittance = "Danke";
    switch (kind) {
      case reference:
        credit.remittance = "Zahlung " + item.rf_reference->formatted();
        break;
      case number_exact:
        credit.remittance = "Rg.-Nr. " + item.number.substr(3) + " vom 12.03.2026";
        break;
      case number_partial:
        credit.remittance = "Teilzahlung RE " + item.number.substr(3);
        credit.amount = eur(item.open.minor_units() / 2);
        break;
      case amount_iban:
        credit.counterparty_account = customer.ibans[0];
        break;
      case amount_name:
        credit.counterparty_name = customer.name;
        break;
      case noise:
        credit.amount = eur(1 + below(600000));
        credit.remittance = "Spende " + std::to_string(below(100000));
        break;
    }
    const PaymentScores scores = score_payment(payment_facts(credit, index), candidates, {});
    const bool posted = !scores.best.empty() && scores.ranked[0].confidence_permille >= 900;
    if (posted) {
      ASSERT_NE(kind, noise) << credit.remittance;
      ASSERT_THAT(scores.best, ElementsAre(item.number)) << credit.remittance;
    }
    if (kind == reference || kind == number_exact || kind == amount_iban) {
      ++strong;
      if (posted) ++strong_posted;
    }
  }
  EXPECT_GE(strong_posted * 100, strong * 95) << strong_posted << " of " << strong;
}

TEST(PaymentFacts, TheValueDateAndTheEndToEndIdAreUsed) {
  const InvoiceNumberIndex index({"RE-2026-0012"}, {});
  BankTransaction credit;
  credit.booking_date = day(2026, 3, 12);
  credit.value_date = day(2026, 3, 10);
  credit.amount = eur(100);
  credit.end_to_end_id = "RE-2026-0012";
  const PaymentFacts facts = payment_facts(credit, index);
  EXPECT_EQ(facts.paid_on, day(2026, 3, 10));
  ASSERT_EQ(facts.numbers.size(), 1u);
  EXPECT_THAT(facts.numbers[0].item_numbers, ElementsAre("RE-2026-0012"));
  EXPECT_FALSE(facts.end_to_end_reference.has_value());
}

TEST(PaymentFacts, NotProvidedIsNoEndToEndId) {
  const InvoiceNumberIndex index({"12345"}, {});
  BankTransaction credit;
  credit.end_to_end_id = "NOTPROVIDED";
  EXPECT_TRUE(payment_facts(credit, index).numbers.empty());
}

}  // namespace
}  // namespace kontor::matching
