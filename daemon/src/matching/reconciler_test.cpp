// Tests: the decision for one credit — what is posted and how, what goes to review with which
// candidates, what is ignored — and that the book's open amounts follow the postings.

#include "matching/reconciler.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kontor/model/decimal.hpp"

namespace kontor::matching {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}
Date day(int year, int month, int day_of_month) {
  return Date::from_ymd(year, month, day_of_month).value();
}

constexpr const char* kMuellerIban = "DE89370400440532013000";
constexpr const char* kSchmidtIban = "DE02120300000000202051";

OpenItem item(std::string number, std::string customer, std::int64_t open_cents,
              Date issued = day(2026, 2, 1)) {
  OpenItem result;
  result.number = std::move(number);
  result.customer_number = std::move(customer);
  result.issue_date = issued;
  result.due_date = issued.add_days(30).value();
  result.gross = eur(open_cents);
  result.open = eur(open_cents);
  return result;
}

BankTransaction credit(std::int64_t cents, std::string remittance, std::string payer_name = "",
                       std::string payer_iban = "") {
  BankTransaction result;
  result.booking_date = day(2026, 3, 9);
  result.amount = eur(cents);
  result.remittance = std::move(remittance);
  result.counterparty_name = std::move(payer_name);
  result.counterparty_account = std::move(payer_iban);
  return result;
}

std::vector<BookCustomer> customers() {
  return {
      BookCustomer{.number = "4711", .name = "Hans Müller GmbH", .ibans = {kMuellerIban}},
      BookCustomer{.number = "4712", .name = "Bäckerei Schmidt", .ibans = {kSchmidtIban}},
      BookCustomer{.number = "4713", .name = "Erika Schmidt", .ibans = {}},
  };
}

struct Posted {
  std::string item;
  std::int64_t cents;
  AllocationMethod method;
  bool with_payment;
  bool operator==(const Posted&) const = default;
};

std::vector<Posted> posted(const Decision& decision) {
  std::vector<Posted> result;
  for (const PlannedAllocation& a : decision.allocations) {
    result.push_back(Posted{.item = a.item_number,
                            .cents = a.amount.minor_units(),
                            .method = a.method,
                            .with_payment = a.with_payment});
  }
  return result;
}

std::vector<std::string> candidate_items(const Decision& decision) {
  std::vector<std::string> result;
  for (const ReviewCandidate& candidate : decision.candidates)
    result.push_back(candidate.item_number);
  return result;
}

TEST(Reconciler, AnRfReferencePostsToItsItemAndLowersTheOpenAmount) {
  OpenItem invoice = item("RE-2026-0012", "4711", 11900);
  invoice.rf_reference = CreditorReference::from_number("2026 0012").value();
  const std::string reference = invoice.rf_reference->formatted();
  Reconciler reconciler(customers(), {invoice}, {});
  const Decision decision = reconciler.decide(credit(11900, reference));
  EXPECT_EQ(decision.outcome, Outcome::posted);
  EXPECT_EQ(decision.confidence_permille, 1000);
  EXPECT_THAT(posted(decision), ElementsAre(Posted{"RE-2026-0012", 11900,
                                                   AllocationMethod::creditor_reference, true}));
  EXPECT_EQ(decision.customer_number, "4711");
  EXPECT_EQ(reconciler.open_amount("RE-2026-0012"), eur(0));
  // Kept with the posting, for the review list should a person undo it.
  EXPECT_THAT(candidate_items(decision), ElementsAre("RE-2026-0012"));
}

TEST(Reconciler, ASecondPaymentForAPaidItemGoesToReviewNotToAnotherItem) {
  Reconciler reconciler(
      customers(), {item("RE-2026-0012", "4711", 11900), item("RE-2026-0013", "4711", 11900)}, {});
  EXPECT_EQ(reconciler.decide(credit(11900, "RE 2026-0012", "Hans Müller", kMuellerIban)).outcome,
            Outcome::posted);
  const Decision twice =
      reconciler.decide(credit(11900, "RE 2026-0012", "Hans Müller", kMuellerIban));
  EXPECT_EQ(twice.outcome, Outcome::review);
  EXPECT_THAT(twice.reason, HasSubstr("RE-2026-0012, which is no longer open"));
  EXPECT_EQ(reconciler.open_amount("RE-2026-0013"), eur(11900));
}

TEST(Reconciler, AnInvoiceNumberAsTypedFromAKnownPayerPostsAPartialPayment) {
  Reconciler reconciler(customers(), {item("RE-2026-0012", "4711", 11900)}, {});
  const Decision decision =
      reconciler.decide(credit(5000, "Rg.-Nr. 2026 0012 Teilzahlung", "", kMuellerIban));
  EXPECT_EQ(decision.outcome, Outcome::posted);
  EXPECT_THAT(posted(decision),
              ElementsAre(Posted{"RE-2026-0012", 5000, AllocationMethod::invoice_number, true}));
  EXPECT_EQ(reconciler.open_amount("RE-2026-0012"), eur(6900));
}

TEST(Reconciler, AnOverpaymentSettlesTheItemAndLeavesTheRestAsACredit) {
  Reconciler reconciler(customers(), {item("RE-2026-0012", "4711", 11900)}, {});
  const Decision decision = reconciler.decide(credit(12000, "RE 2026-0012", "Hans Müller", ""));
  EXPECT_EQ(decision.outcome, Outcome::posted);
  EXPECT_THAT(posted(decision),
              ElementsAre(Posted{"RE-2026-0012", 11900, AllocationMethod::invoice_number, true}));
  EXPECT_EQ(decision.unapplied, eur(100));
  EXPECT_THAT(decision.reason, HasSubstr("left as a credit on the account"));
}

TEST(Reconciler, SkontoWithinTheTermsSettlesTheRestWithoutMoney) {
  OpenItem invoice = item("RE-2026-0012", "4711", 10000);
  invoice.skonto = SkontoTerms{.percent = Decimal::parse("2").value(), .until = day(2026, 3, 10)};
  Reconciler reconciler(customers(), {invoice}, {});
  const Decision decision = reconciler.decide(credit(9800, "RE-2026-0012 abzgl. 2% Skonto"));
  EXPECT_EQ(decision.outcome, Outcome::posted);
  EXPECT_THAT(posted(decision),
              ElementsAre(Posted{"RE-2026-0012", 9800, AllocationMethod::invoice_number, true},
                          Posted{"RE-2026-0012", 200, AllocationMethod::skonto, false}));
  EXPECT_EQ(reconciler.open_amount("RE-2026-0012"), eur(0));
}

TEST(Reconciler, BankChargesWithinTheToleranceAreBookedAsCharges) {
  ReconcilePolicy policy;
  policy.scoring.amounts.bank_charges_tolerance = eur(500);
  Reconciler reconciler(customers(), {item("RE-2026-0012", "4711", 10000)}, policy);
  const Decision decision = reconciler.decide(credit(9750, "RE-2026-0012"));
  EXPECT_THAT(posted(decision),
              ElementsAre(Posted{"RE-2026-0012", 9750, AllocationMethod::invoice_number, true},
                          Posted{"RE-2026-0012", 250, AllocationMethod::bank_charges, false}));
}

TEST(Reconciler, NumbersNamedTogetherThatAddUpAreEachPaidInFull) {
  Reconciler reconciler(
      customers(), {item("RE-2026-0000123", "4711", 10000), item("RE-2026-0000124", "4711", 2500)},
      {});
  const Decision decision = reconciler.decide(credit(12500, "RE-2026-0000123/124"));
  EXPECT_EQ(decision.outcome, Outcome::posted);
  EXPECT_THAT(posted(decision),
              ElementsAre(Posted{"RE-2026-0000123", 10000, AllocationMethod::invoice_number, true},
                          Posted{"RE-2026-0000124", 2500, AllocationMethod::invoice_number, true}));
}

TEST(Reconciler, TheExactAmountFromAKnownIbanPostsToThatItem) {
  Reconciler reconciler(
      customers(), {item("RE-2026-0012", "4711", 11900), item("RE-2026-0013", "4711", 5000)}, {});
  const Decision decision = reconciler.decide(credit(5000, "Danke", "H. Mueller", kMuellerIban));
  EXPECT_EQ(decision.outcome, Outcome::posted);
  EXPECT_THAT(posted(decision),
              ElementsAre(Posted{"RE-2026-0013", 5000, AllocationMethod::amount_and_payer, true}));
}

TEST(Reconciler, TwoItemsOfTheSameAmountFromAKnownIbanGoToReviewWithBoth) {
  Reconciler reconciler(
      customers(), {item("RE-2026-0012", "4711", 5000), item("RE-2026-0013", "4711", 5000)}, {});
  const Decision decision = reconciler.decide(credit(5000, "Danke", "", kMuellerIban));
  EXPECT_EQ(decision.outcome, Outcome::review);
  EXPECT_THAT(candidate_items(decision), ElementsAre("RE-2026-0012", "RE-2026-0013"));
  EXPECT_THAT(reconciler.open_amount("RE-2026-0012"), eur(5000));
}

TEST(Reconciler, TheOneSetOfAKnownPayersItemsThatAddsUpIsPaid) {
  Reconciler reconciler(customers(),
                        {item("RE-1001", "4711", 10000), item("RE-1002", "4711", 2500),
                         item("RE-1003", "4711", 4000)},
                        {});
  const Decision decision = reconciler.decide(credit(14000, "Sammelzahlung", "", kMuellerIban));
  EXPECT_EQ(decision.outcome, Outcome::posted);
  EXPECT_THAT(posted(decision),
              ElementsAre(Posted{"RE-1001", 10000, AllocationMethod::several_items, true},
                          Posted{"RE-1003", 4000, AllocationMethod::several_items, true}));
}

TEST(Reconciler, APaymentNamingNoItemFromAKnownIbanFollowsTheDebtOrder) {
  // RE-1001 is due on the payment day, RE-1002 not yet: the due debt first (§366 (2) BGB).
  OpenItem due = item("RE-1001", "4711", 10000, day(2026, 1, 1));
  OpenItem not_yet = item("RE-1002", "4711", 10000, day(2026, 3, 1));
  Reconciler reconciler(customers(), {not_yet, due}, {});
  const Decision decision = reconciler.decide(credit(12000, "Zahlung", "", kMuellerIban));
  EXPECT_EQ(decision.outcome, Outcome::posted);
  EXPECT_THAT(posted(decision),
              ElementsAre(Posted{"RE-1001", 10000, AllocationMethod::debt_order, true},
                          Posted{"RE-1002", 2000, AllocationMethod::debt_order, true}));
}

TEST(Reconciler, FeesAndInterestOfADebtArePaidBeforeItsPrincipal) {
  OpenItem invoice = item("RE-1001", "4711", 10000, day(2026, 1, 1));
  invoice.dunning_level = 2;
  OpenItem fee = item("MG-1", "4711", 500, day(2026, 2, 20));
  fee.type = OpenItemType::fee;
  fee.refers_to = "RE-1001";
  OpenItem interest = item("ZI-1", "4711", 123, day(2026, 2, 20));
  interest.type = OpenItemType::interest;
  interest.refers_to = "RE-1001";
  Reconciler reconciler(customers(), {invoice, fee, interest}, {});
  const Decision decision = reconciler.decide(credit(1000, "Zahlung", "", kMuellerIban));
  EXPECT_EQ(decision.outcome, Outcome::posted);
  EXPECT_THAT(posted(decision),
              ElementsAre(Posted{"MG-1", 500, AllocationMethod::debt_order, true},
                          Posted{"ZI-1", 123, AllocationMethod::debt_order, true},
                          Posted{"RE-1001", 377, AllocationMethod::debt_order, true}));
}

TEST(Reconciler, AnEqualNameAloneIsNotEnoughToPost) {
  Reconciler reconciler(customers(), {item("RE-2026-0012", "4711", 11900)}, {});
  const Decision decision = reconciler.decide(credit(11900, "Danke", "MUELLER HANS", ""));
  EXPECT_EQ(decision.outcome, Outcome::review);
  EXPECT_THAT(candidate_items(decision), ElementsAre("RE-2026-0012"));
  EXPECT_EQ(decision.candidates[0].customer_number, "4711");
}

TEST(Reconciler, APostingThresholdAtTheNamesConfidencePostsIt) {
  ReconcilePolicy policy;
  policy.post_from = 600;
  Reconciler reconciler(customers(), {item("RE-2026-0012", "4711", 11900)}, policy);
  EXPECT_EQ(reconciler.decide(credit(11900, "Danke", "MUELLER HANS", "")).outcome, Outcome::posted);
}

TEST(Reconciler, AmountAloneIsNoEvidence) {
  Reconciler reconciler(customers(), {item("RE-2026-0012", "4711", 11900)}, {});
  const Decision decision =
      reconciler.decide(credit(11900, "Miete März", "Fremde GmbH", "DE75512108001245126199"));
  EXPECT_EQ(decision.outcome, Outcome::unmatched);
  EXPECT_THAT(decision.candidates, IsEmpty());
}

TEST(Reconciler, DebitsReturnsAndIgnoreRulesAreIgnored) {
  ReconcilePolicy policy;
  policy.ignore.push_back(IgnoreRule{.name = "interest from the bank",
                                     .counterparty_account = "",
                                     .counterparty_name_contains = "",
                                     .remittance_contains = "habenzinsen",
                                     .bank_transaction_code = ""});
  Reconciler reconciler(customers(), {item("RE-2026-0012", "4711", 11900)}, policy);
  EXPECT_EQ(reconciler.decide(credit(-11900, "RE-2026-0012")).outcome, Outcome::ignored);
  BankTransaction returned = credit(11900, "RE-2026-0012");
  returned.is_return = true;
  EXPECT_EQ(reconciler.decide(returned).outcome, Outcome::ignored);
  const Decision interest = reconciler.decide(credit(1234, "HABENZINSEN 2026"));
  EXPECT_EQ(interest.outcome, Outcome::ignored);
  EXPECT_THAT(interest.reason, HasSubstr("interest from the bank"));
  EXPECT_EQ(reconciler.open_amount("RE-2026-0012"), eur(11900));
}

TEST(Reconciler, AnItemOfAnotherCustomerNamedInTheTextWinsOverThePayersItems) {
  Reconciler reconciler(
      customers(), {item("RE-2026-0012", "4711", 11900), item("RE-2026-0099", "4712", 11900)}, {});
  const Decision decision = reconciler.decide(credit(11900, "RE 2026-0099", "", kMuellerIban));
  EXPECT_EQ(decision.outcome, Outcome::posted);
  EXPECT_THAT(posted(decision),
              ElementsAre(Posted{"RE-2026-0099", 11900, AllocationMethod::invoice_number, true}));
  EXPECT_EQ(decision.customer_number, "4712");
}

TEST(Reconciler, ANumberAloneWithAPartialAmountWaitsForReviewUnlessThePayerIsKnown) {
  Reconciler reconciler(
      customers(), {item("RE-2026-0012", "4711", 11900), item("RE-2026-0013", "4711", 11900)}, {});
  const Decision stranger = reconciler.decide(credit(5000, "RE 2026-0012", "Jemand", ""));
  EXPECT_EQ(stranger.outcome, Outcome::review);
  const Decision known = reconciler.decide(credit(5000, "RE 2026-0013", "", kMuellerIban));
  EXPECT_EQ(known.outcome, Outcome::posted);
}

TEST(Reconciler, APaymentOfTwiceWhatIsOpenIsMoreLikelyTheWrongNumber) {
  Reconciler reconciler(customers(), {item("RE-2026-0012", "4711", 10000)}, {});
  const Decision decision = reconciler.decide(credit(31000, "RE 2026-0012", "", kMuellerIban));
  EXPECT_EQ(decision.outcome, Outcome::review);
  EXPECT_THAT(decision.candidates[0].evidence, HasSubstr("at least twice what is open"));
}

TEST(Reconciler, ANamedNumberThatFitsTwoItemsIsNotPassedOverForAnotherOfTheSameAmount) {
  Reconciler reconciler(customers(),
                        {item("RE-2174", "4711", 23800), item("GS-2174", "4711", 500),
                         item("RE-0353", "4711", 23800)},
                        {});
  // "2174" fits RE-2174 and GS-2174 (a fee of that number); RE-0353 has the same amount and is
  // paid from a known IBAN, but the payer did not name it.
  const Decision decision =
      reconciler.decide(credit(23800, "rechnung 2174 danke", "", kMuellerIban));
  EXPECT_EQ(decision.outcome, Outcome::review);
  EXPECT_EQ(reconciler.open_amount("RE-0353"), eur(23800));
}

TEST(Reconciler, ACreditNoteNumberDoesNotMakeAnInvoiceNumberAmbiguous) {
  OpenItem credit_note = item("GS-2026-000385", "4711", -5000);
  credit_note.type = OpenItemType::credit_note;
  Reconciler reconciler(customers(), {item("2026000385", "4711", 11900), credit_note}, {});
  const Decision decision = reconciler.decide(credit(11900, "Rechnung 2026000385", "", ""));
  EXPECT_EQ(decision.outcome, Outcome::posted);
  EXPECT_THAT(posted(decision),
              ElementsAre(Posted{"2026000385", 11900, AllocationMethod::invoice_number, true}));
}

TEST(Reconciler, SeveralNumbersNamedThatDoNotAddUpGoToReview) {
  Reconciler reconciler(
      customers(), {item("RE-2026-0012", "4711", 11900), item("RE-2026-0013", "4711", 6000)}, {});
  // 119.00 + 60.00 is not 150.00: posting 119.00 and keeping 31.00 as a credit is a guess.
  const Decision decision =
      reconciler.decide(credit(15000, "Rechnungen 2026-0012 und 2026-0013", "", kMuellerIban));
  EXPECT_EQ(decision.outcome, Outcome::review);
  EXPECT_THAT(candidate_items(decision), ElementsAre("RE-2026-0012", "RE-2026-0013"));
}

TEST(Reconciler, ANoticesReferencePaysItsStillOpenItemsInTheDebtOrder) {
  // The reminder listed RE-1001 (due long ago) and RE-1002 (not yet due), and RE-1003 was paid
  // before the payment came; the payer quotes the reminder's own RF reference.
  const CreditorReference reminder = CreditorReference::from_number("MA 2026 77").value();
  OpenItem paid = item("RE-1003", "4711", 0, day(2025, 12, 1));
  Reconciler reconciler(
      customers(),
      {item("RE-1002", "4711", 10000, day(2026, 3, 1)),
       item("RE-1001", "4711", 10000, day(2026, 1, 1)), paid},
      {},
      {NoticeReference{.reference = reminder, .item_numbers = {"RE-1001", "RE-1002", "RE-1003"}}});
  const Decision decision = reconciler.decide(credit(15000, "Mahnung " + reminder.formatted()));
  EXPECT_EQ(decision.outcome, Outcome::posted);
  EXPECT_EQ(decision.confidence_permille, 1000);
  EXPECT_THAT(posted(decision),
              ElementsAre(Posted{"RE-1001", 10000, AllocationMethod::notice_reference, true},
                          Posted{"RE-1002", 5000, AllocationMethod::notice_reference, true}));
}

}  // namespace
}  // namespace kontor::matching
