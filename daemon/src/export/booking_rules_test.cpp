// Tests: the booking recipes of datev-extf.md §6 under SKR03 and SKR04. Every expected account
// and amount is written down by hand from the reference's tables, not taken from the code.
#include "export/booking_rules.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::exports {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::string_view kIban = "DE89370400440532013000";

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

Date day(int year, int month, int d) {
  return Date::from_ymd(year, month, d).value();
}

BookingLine debit(std::string account, std::int64_t cents, std::string tax_key = "") {
  return BookingLine{.account = std::move(account),
                     .side = BookingSide::debit,
                     .amount = eur(cents),
                     .tax_key = std::move(tax_key)};
}

BookingLine credit(std::string account, std::int64_t cents, std::string tax_key = "") {
  return BookingLine{.account = std::move(account),
                     .side = BookingSide::credit,
                     .amount = eur(cents),
                     .tax_key = std::move(tax_key)};
}

TaxLine tax_line(std::int64_t percent, std::int64_t net, std::int64_t tax) {
  return TaxLine{.rate = Decimal::from_integer(percent),
                 .net = eur(net),
                 .tax = eur(tax),
                 .gross = eur(net + tax)};
}

OpenItem item(std::string number, OpenItemType type, std::vector<TaxLine> lines) {
  OpenItem made;
  made.number = std::move(number);
  made.customer_number = "4711";
  made.type = type;
  made.issue_date = day(2026, 3, 2);
  made.due_date = day(2026, 3, 16);
  made.tax_lines = std::move(lines);
  Money gross = eur(0);
  for (const TaxLine& line : made.tax_lines) gross = gross.plus(line.gross).value();
  made.gross = gross;
  made.open = gross;
  made.debtor_account = "10001";
  return made;
}

// 100.00 net + 19 % = 119.00.
OpenItem invoice_r1() {
  return item("R-1", OpenItemType::invoice, {tax_line(19, 10000, 1900)});
}

// 100.00 + 19 % and 100.00 + 7 % = 119.00 + 107.00 = 226.00.
OpenItem invoice_r2() {
  return item("R-2", OpenItemType::invoice, {tax_line(19, 10000, 1900), tax_line(7, 10000, 700)});
}

OpenItem charge_item(std::string number, OpenItemType type, std::int64_t cents) {
  OpenItem made = item(std::move(number), type, {});
  made.gross = eur(cents);
  made.open = eur(cents);
  made.refers_to = "R-1";
  made.issue_date = day(2026, 4, 1);
  made.due_date = day(2026, 4, 15);  // the pay-by date of the notice that charged it
  return made;
}

Allocation allocation(std::string item_number, std::int64_t cents, AllocationMethod method) {
  Allocation made;
  made.id = 7;
  made.transaction = method == AllocationMethod::skonto ? "" : "tx-1";
  made.item_number = std::move(item_number);
  made.amount = eur(cents);
  made.method = method;
  return made;
}

BankTransaction credit_transfer(std::int64_t cents) {
  BankTransaction transaction;
  transaction.account = std::string(kIban);
  transaction.booking_date = day(2026, 3, 10);
  transaction.amount = eur(cents);
  transaction.identity = "tx-1";
  return transaction;
}

Company company(std::string ledger_account = "") {
  Company made;
  made.bank_accounts.push_back(CompanyBankAccount{.iban = Iban::parse(kIban).value(),
                                                  .bic = std::nullopt,
                                                  .ledger_account = std::move(ledger_account)});
  return made;
}

ExportSettings settings(ChartPreset preset) {
  ExportSettings made;
  made.chart = ChartOfAccounts::of(preset);
  return made;
}

BookingRules rules(ChartPreset preset, std::string ledger_account = "") {
  return BookingRules(settings(preset), company(std::move(ledger_account)));
}

const BookingRules kSkr03 = rules(ChartPreset::skr03);
const BookingRules kSkr04 = rules(ChartPreset::skr04);

// --- Payments ---------------------------------------------------------------------------------

TEST(BookingRulesTest, APaymentOf119OnR1IsBank1200DebitAndDebtorCreditUnderSkr03) {
  const Booking booking = kSkr03
                              .payment(allocation("R-1", 11900, AllocationMethod::invoice_number),
                                       invoice_r1(), credit_transfer(11900))
                              .value();
  EXPECT_EQ(booking.date, day(2026, 3, 10));
  EXPECT_EQ(booking.document_number, "R-1");
  EXPECT_EQ(booking.text, "Zahlung R-1");
  EXPECT_THAT(booking.lines, ElementsAre(credit("10001", 11900), debit("1200", 11900)));
  EXPECT_FALSE(booking.exported());
  EXPECT_FALSE(booking.reverses);
}

TEST(BookingRulesTest, APaymentUnderSkr04GoesToBank1800) {
  const Booking booking =
      kSkr04
          .payment(allocation("R-1", 11900, AllocationMethod::creditor_reference), invoice_r1(),
                   credit_transfer(11900))
          .value();
  EXPECT_THAT(booking.lines, ElementsAre(credit("10001", 11900), debit("1800", 11900)));
}

TEST(BookingRulesTest, TheCompanyAccountsLedgerAccountWinsOverThePreset) {
  const Booking booking = rules(ChartPreset::skr03, "1210")
                              .payment(allocation("R-1", 5000, AllocationMethod::manual),
                                       invoice_r1(), credit_transfer(5000))
                              .value();
  EXPECT_THAT(booking.lines, ElementsAre(credit("10001", 5000), debit("1210", 5000)));
}

TEST(BookingRulesTest, APaymentToAnotherAccountOfTheCompanyUsesTheChartsBank) {
  BankTransaction transaction = credit_transfer(11900);
  transaction.account = "DE02120300000000202051";
  const Booking booking =
      rules(ChartPreset::skr03, "1210")
          .payment(allocation("R-1", 11900, AllocationMethod::manual), invoice_r1(), transaction)
          .value();
  EXPECT_THAT(booking.lines, ElementsAre(credit("10001", 11900), debit("1200", 11900)));
}

TEST(BookingRulesTest, ARefundPaidOutOnACreditNoteIsDebtorDebitAndBankCredit) {
  OpenItem credit_note = item("GS-1", OpenItemType::credit_note, {tax_line(19, -1000, -190)});
  credit_note.refers_to = "R-1";
  const Booking booking = kSkr03
                              .payment(allocation("GS-1", -1190, AllocationMethod::manual),
                                       credit_note, credit_transfer(-1190))
                              .value();
  EXPECT_EQ(booking.text, "Erstattung GS-1 zu R-1");
  EXPECT_THAT(booking.lines, ElementsAre(debit("10001", 1190), credit("1200", 1190)));
}

TEST(BookingRulesTest, SkontoBankChargesCreditNotesAndReversalsAreNoPayments) {
  for (AllocationMethod method : {AllocationMethod::skonto, AllocationMethod::bank_charges,
                                  AllocationMethod::credit_note, AllocationMethod::reversal}) {
    EXPECT_FALSE(kSkr03.payment(allocation("R-1", 100, method), invoice_r1(), credit_transfer(100)))
        << to_string(method);
  }
}

TEST(BookingRulesTest, APaymentAllocatedToAnotherItemIsRefused) {
  EXPECT_FALSE(kSkr03.payment(allocation("R-9", 11900, AllocationMethod::manual), invoice_r1(),
                              credit_transfer(11900)));
}

// --- Skonto -----------------------------------------------------------------------------------

// 3.57 on R-2: 19 % share 357 × 119 / 226 = 1.8798 → 1.87 + the cent left over = 1.88;
// 7 % share 357 × 107 / 226 = 1.6902 → 1.69. 1.88 + 1.69 = 3.57.
TEST(BookingRulesTest, SkontoOf3_57SplitsOverTheInvoicesRatesToTheCentUnderSkr03) {
  const Booking booking =
      kSkr03
          .skonto(allocation("R-2", 357, AllocationMethod::skonto), invoice_r2(), day(2026, 3, 10))
          .value();
  EXPECT_EQ(booking.date, day(2026, 3, 10));
  EXPECT_EQ(booking.document_number, "R-2");
  EXPECT_EQ(booking.text, "Skonto R-2");
  EXPECT_THAT(booking.lines,
              ElementsAre(credit("10001", 357), debit("8736", 188), debit("8731", 169)));
}

TEST(BookingRulesTest, SkontoUnderSkr04GoesTo4736And4731) {
  const Booking booking =
      kSkr04
          .skonto(allocation("R-2", 357, AllocationMethod::skonto), invoice_r2(), day(2026, 3, 10))
          .value();
  EXPECT_THAT(booking.lines,
              ElementsAre(credit("10001", 357), debit("4736", 188), debit("4731", 169)));
}

TEST(BookingRulesTest, SkontoOnAnInvoiceWithoutTaxLinesIsRefusedNamingIt) {
  OpenItem no_lines = invoice_r1();
  no_lines.tax_lines.clear();
  const Result<Booking> booking =
      kSkr03.skonto(allocation("R-1", 238, AllocationMethod::skonto), no_lines, day(2026, 3, 10));
  ASSERT_FALSE(booking);
  EXPECT_THAT(booking.error().message, HasSubstr("invoice R-1 of customer 4711 has no tax lines"));
}

TEST(BookingRulesTest, SkontoOnANonAutomaticAccountCarriesTheRatesTaxKey) {
  ExportSettings custom = settings(ChartPreset::skr03);
  custom.chart.set_number(AccountRole::skonto_19, "8735");
  custom.chart.set_automatic(AccountRole::skonto_19, false);
  const Booking booking =
      BookingRules(custom, company())
          .skonto(allocation("R-1", 238, AllocationMethod::skonto), invoice_r1(), day(2026, 3, 10))
          .value();
  EXPECT_THAT(booking.lines, ElementsAre(credit("10001", 238), debit("8735", 238, "3")));
}

// --- Bank charges -----------------------------------------------------------------------------

TEST(BookingRulesTest, BankChargesBookOn4970UnderSkr03And6855UnderSkr04WithoutTaxKey) {
  const Allocation charges = allocation("R-1", 350, AllocationMethod::bank_charges);
  const Booking skr03 = kSkr03.bank_charges(charges, invoice_r1(), day(2026, 3, 10)).value();
  EXPECT_EQ(skr03.text, "Bankspesen R-1");
  EXPECT_EQ(skr03.document_number, "R-1");
  EXPECT_THAT(skr03.lines, ElementsAre(credit("10001", 350), debit("4970", 350)));
  const Booking skr04 = kSkr04.bank_charges(charges, invoice_r1(), day(2026, 3, 10)).value();
  EXPECT_THAT(skr04.lines, ElementsAre(credit("10001", 350), debit("6855", 350)));
}

TEST(BookingRulesTest, AnAllocationOfAnotherMethodIsNoBankCharge) {
  EXPECT_FALSE(kSkr03.bank_charges(allocation("R-1", 350, AllocationMethod::skonto), invoice_r1(),
                                   day(2026, 3, 10)));
}

// --- Dunning fees and default interest ----------------------------------------------------------

TEST(BookingRulesTest, AFeeItemBooksToTheFeeAccountWithNoTaxKey) {
  const OpenItem fee = charge_item("M-2026-000001-G1", OpenItemType::fee, 500);
  const Booking skr03 = kSkr03.charge(fee).value();
  EXPECT_EQ(skr03.date, day(2026, 4, 1));
  EXPECT_EQ(skr03.document_number, "M-2026-000001-G1");
  EXPECT_EQ(skr03.text, "Mahngebühr M-2026-000001-G1 zu R-1");
  EXPECT_THAT(skr03.lines, ElementsAre(debit("10001", 500), credit("8600", 500)));
  EXPECT_THAT(kSkr04.charge(fee).value().lines,
              ElementsAre(debit("10001", 500), credit("4830", 500)));
}

TEST(BookingRulesTest, AConfiguredFeeAccountReplacesThePreset) {
  ExportSettings custom = settings(ChartPreset::skr03);
  custom.chart.set_number(AccountRole::fees, "8603");
  const Booking booking =
      BookingRules(custom, company()).charge(charge_item("M-1-G1", OpenItemType::fee, 500)).value();
  EXPECT_THAT(booking.lines, ElementsAre(debit("10001", 500), credit("8603", 500)));
}

TEST(BookingRulesTest, DefaultInterestBooksTo2650UnderSkr03And7100UnderSkr04) {
  const OpenItem interest = charge_item("M-2026-000001-Z1", OpenItemType::interest, 750);
  const Booking skr03 = kSkr03.charge(interest).value();
  EXPECT_EQ(skr03.text, "Verzugszinsen M-2026-000001-Z1 zu R-1");
  EXPECT_THAT(skr03.lines, ElementsAre(debit("10001", 750), credit("2650", 750)));
  EXPECT_THAT(kSkr04.charge(interest).value().lines,
              ElementsAre(debit("10001", 750), credit("7100", 750)));
}

// DATEV's own dunning must not charge interest on what Kontor's dunning charged (Sachverhalt).
TEST(BookingRulesTest, AFeeIsMarkedAsDunningFeeAndFallsDueWithItsNotice) {
  const Booking booking = kSkr03.charge(charge_item("M-1-G1", OpenItemType::fee, 500)).value();
  EXPECT_EQ(booking.facts, BookingFacts::dunning_fee);
  EXPECT_EQ(booking.due_date, day(2026, 4, 15));
}

TEST(BookingRulesTest, InterestIsMarkedAsDunningInterestAndFallsDueWithItsNotice) {
  const Booking booking = kSkr04.charge(charge_item("M-1-Z1", OpenItemType::interest, 750)).value();
  EXPECT_EQ(booking.facts, BookingFacts::dunning_interest);
  EXPECT_EQ(booking.due_date, day(2026, 4, 15));
}

TEST(BookingRulesTest, AFeeItemCarryingVatIsRefused) {
  OpenItem fee = charge_item("M-1-G1", OpenItemType::fee, 595);
  fee.tax_lines = {tax_line(19, 500, 95)};
  const Result<Booking> booking = kSkr03.charge(fee);
  ASSERT_FALSE(booking);
  EXPECT_THAT(booking.error().message, HasSubstr("without VAT"));
}

TEST(BookingRulesTest, AnInvoiceIsNoCharge) {
  EXPECT_FALSE(kSkr03.charge(invoice_r1()));
}

TEST(BookingRulesTest, FeesAndInterestCarryNoVatSoTheVatCutDoesNotConcernThem) {
  OpenItem fee = charge_item("M-1-G1", OpenItemType::fee, 500);
  fee.issue_date = day(2020, 8, 15);
  EXPECT_TRUE(kSkr03.charge(fee));
}

// --- Invoices and credit notes
// --------------------------------------------------------------------

TEST(BookingRulesTest, AnInvoiceWithTwoRatesGivesOneRevenueLinePerRateWithoutTaxKey) {
  const Booking skr03 = kSkr03.invoice(invoice_r2()).value();
  EXPECT_EQ(skr03.date, day(2026, 3, 2));
  EXPECT_EQ(skr03.document_number, "R-2");
  EXPECT_EQ(skr03.text, "Rechnung R-2");
  EXPECT_THAT(skr03.lines,
              ElementsAre(debit("10001", 22600), credit("8400", 11900), credit("8300", 10700)));
  EXPECT_THAT(kSkr04.invoice(invoice_r2()).value().lines,
              ElementsAre(debit("10001", 22600), credit("4400", 11900), credit("4300", 10700)));
}

TEST(BookingRulesTest, ANonAutomaticRevenueAccountCarriesKey3For19And2For7Percent) {
  ExportSettings custom = settings(ChartPreset::skr03);
  for (AccountRole role : {AccountRole::revenue_19, AccountRole::revenue_7}) {
    custom.chart.set_automatic(role, false);
  }
  const Booking booking = BookingRules(custom, company()).invoice(invoice_r2()).value();
  EXPECT_THAT(booking.lines, ElementsAre(debit("10001", 22600), credit("8400", 11900, "3"),
                                         credit("8300", 10700, "2")));
}

TEST(BookingRulesTest, AnInvoiceWithoutTaxLinesIsRefusedNamingIt) {
  OpenItem no_lines = invoice_r1();
  no_lines.tax_lines.clear();
  const Result<Booking> booking = kSkr03.invoice(no_lines);
  ASSERT_FALSE(booking);
  EXPECT_THAT(booking.error().message, HasSubstr("invoice R-1 of customer 4711 has no tax lines"));
}

TEST(BookingRulesTest, AZeroPercentLineNeedsAConfiguredRevenueAccount) {
  const OpenItem mixed =
      item("R-3", OpenItemType::invoice, {tax_line(19, 10000, 1900), tax_line(0, 2500, 0)});
  const Result<Booking> refused = kSkr03.invoice(mixed);
  ASSERT_FALSE(refused);
  EXPECT_THAT(refused.error().message, HasSubstr("export.accounts.revenue_0"));
  EXPECT_THAT(refused.error().message, HasSubstr("R-3"));

  ExportSettings custom = settings(ChartPreset::skr03);
  custom.chart.set_number(AccountRole::revenue_0, "8120");
  custom.chart.set_automatic(AccountRole::revenue_0, true);
  EXPECT_THAT(BookingRules(custom, company()).invoice(mixed).value().lines,
              ElementsAre(debit("10001", 14400), credit("8400", 11900), credit("8120", 2500)));
}

TEST(BookingRulesTest, AnInvoiceDatedInThe2020VatCutIsRefused) {
  OpenItem old = invoice_r1();
  old.issue_date = day(2020, 8, 15);
  const Result<Booking> booking = kSkr03.invoice(old);
  ASSERT_FALSE(booking);
  EXPECT_THAT(booking.error().message, HasSubstr("2020-08-15"));
}

TEST(BookingRulesTest, ATaxKeyFor15August2020IsRefusedOnANonAutomaticAccount) {
  ExportSettings custom = settings(ChartPreset::skr03);
  custom.chart.set_automatic(AccountRole::skonto_19, false);
  const Result<Booking> booking =
      BookingRules(custom, company())
          .skonto(allocation("R-1", 238, AllocationMethod::skonto), invoice_r1(), day(2020, 8, 15));
  ASSERT_FALSE(booking);
  EXPECT_THAT(booking.error().message, HasSubstr("tax key for 19 % is dated 2020-08-15"));
}

TEST(BookingRulesTest, AnInvoiceWithoutIssueDateIsRefused) {
  OpenItem undated = invoice_r1();
  undated.issue_date.reset();
  EXPECT_FALSE(kSkr03.invoice(undated));
}

OpenItem credit_note_gs1() {
  OpenItem made = item("GS-1", OpenItemType::credit_note,
                       {tax_line(19, -10000, -1900), tax_line(7, -10000, -700)});
  made.refers_to = "R-2";
  return made;
}

TEST(BookingRulesTest, ACreditNoteReversesTheInvoiceRecipe) {
  const Booking booking = kSkr03.credit_note(credit_note_gs1()).value();
  EXPECT_EQ(booking.document_number, "GS-1");
  EXPECT_EQ(booking.text, "Gutschrift GS-1 zu R-2");
  EXPECT_THAT(booking.lines,
              ElementsAre(credit("10001", 22600), debit("8400", 11900), debit("8300", 10700)));
  // Line by line the invoice's, each on the other side.
  const Booking invoice = kSkr03.invoice(invoice_r2()).value();
  ASSERT_EQ(invoice.lines.size(), booking.lines.size());
  for (std::size_t i = 0; i < booking.lines.size(); ++i) {
    EXPECT_EQ(booking.lines[i].account, invoice.lines[i].account);
    EXPECT_EQ(booking.lines[i].amount, invoice.lines[i].amount);
    EXPECT_NE(booking.lines[i].side, invoice.lines[i].side);
  }
}

TEST(BookingRulesTest, InvoicesAndCreditNotesFallDueWhenTheItemDoesAndAreNoDunningCharges) {
  const Booking invoice = kSkr03.invoice(invoice_r2()).value();
  EXPECT_EQ(invoice.due_date, day(2026, 3, 16));
  EXPECT_EQ(invoice.facts, BookingFacts::none);
  const Booking credit_note = kSkr03.credit_note(credit_note_gs1()).value();
  EXPECT_EQ(credit_note.due_date, day(2026, 3, 16));
  EXPECT_EQ(credit_note.facts, BookingFacts::none);
}

// Payments, Skonto, bank charges and write-offs settle an item; they are no item of their own.
TEST(BookingRulesTest, WhatSettlesAnItemHasNoDueDateAndNoFacts) {
  const OpenItem fee = charge_item("M-1-G1", OpenItemType::fee, 500);
  const std::vector<Booking> bookings = {
      kSkr03.payment(allocation("M-1-G1", 500, AllocationMethod::manual), fee, credit_transfer(500))
          .value(),
      kSkr03
          .skonto(allocation("R-2", 357, AllocationMethod::skonto), invoice_r2(), day(2026, 3, 10))
          .value(),
      kSkr03
          .bank_charges(allocation("M-1-G1", 350, AllocationMethod::bank_charges), fee,
                        day(2026, 3, 10))
          .value(),
      kSkr03.write_off(fee, eur(500), WriteOffReason::uncollectible, day(2026, 9, 30)).value(),
  };
  for (const Booking& booking : bookings) {
    EXPECT_EQ(booking.facts, BookingFacts::none) << booking.text;
    EXPECT_FALSE(booking.due_date) << booking.text;
  }
}

TEST(BookingRulesTest, ACancellationIsBookedAsStorno) {
  OpenItem cancellation = credit_note_gs1();
  cancellation.number = "ST-1";
  cancellation.type = OpenItemType::cancellation;
  const Booking booking = kSkr04.credit_note(cancellation).value();
  EXPECT_EQ(booking.text, "Storno ST-1 zu R-2");
  EXPECT_THAT(booking.lines,
              ElementsAre(credit("10001", 22600), debit("4400", 11900), debit("4300", 10700)));
}

TEST(BookingRulesTest, CreditNotesCanBookOnRevenueReductions) {
  ExportSettings custom = settings(ChartPreset::skr03);
  custom.credit_notes = CreditNoteAccounts::revenue_reductions;
  EXPECT_THAT(BookingRules(custom, company()).credit_note(credit_note_gs1()).value().lines,
              ElementsAre(credit("10001", 22600), debit("8720", 11900), debit("8710", 10700)));
}

TEST(BookingRulesTest, AnInvoiceIsNoCreditNoteAndACreditNoteNoInvoice) {
  EXPECT_FALSE(kSkr03.credit_note(invoice_r2()));
  EXPECT_FALSE(kSkr03.invoice(credit_note_gs1()));
}

// --- Write-offs
// -----------------------------------------------------------------------------------

TEST(BookingRulesTest, AnUncollectibleInvoiceIsWrittenOffTo2406And2401GrossWithoutTaxKey) {
  const Booking booking =
      kSkr03.write_off(invoice_r2(), eur(22600), WriteOffReason::uncollectible, day(2026, 9, 30))
          .value();
  EXPECT_EQ(booking.date, day(2026, 9, 30));
  EXPECT_EQ(booking.document_number, "R-2");
  EXPECT_EQ(booking.text, "Forderungsverlust R-2");
  EXPECT_THAT(booking.lines,
              ElementsAre(credit("10001", 22600), debit("2406", 11900), debit("2401", 10700)));
}

TEST(BookingRulesTest, AnUncollectibleInvoiceUnderSkr04IsWrittenOffTo6936And6931) {
  const Booking booking =
      kSkr04.write_off(invoice_r2(), eur(22600), WriteOffReason::uncollectible, day(2026, 9, 30))
          .value();
  EXPECT_THAT(booking.lines,
              ElementsAre(credit("10001", 22600), debit("6936", 11900), debit("6931", 10700)));
}

TEST(BookingRulesTest, WhatIsStillOpenAfterAPartPaymentIsWrittenOffProRata) {
  // 113.00 of 226.00 open: half of each rate, 59.50 and 53.50.
  const Booking booking =
      kSkr03.write_off(invoice_r2(), eur(11300), WriteOffReason::uncollectible, day(2026, 9, 30))
          .value();
  EXPECT_THAT(booking.lines,
              ElementsAre(credit("10001", 11300), debit("2406", 5950), debit("2401", 5350)));
}

TEST(BookingRulesTest, AWrittenOffFeeItemBooksWithoutVatCorrection) {
  const OpenItem fee = charge_item("M-1-G1", OpenItemType::fee, 500);
  const Booking skr03 =
      kSkr03.write_off(fee, eur(500), WriteOffReason::uncollectible, day(2026, 9, 30)).value();
  EXPECT_EQ(skr03.text, "Abschreibung ohne USt M-1-G1");
  EXPECT_THAT(skr03.lines, ElementsAre(credit("10001", 500), debit("2400", 500)));
  EXPECT_THAT(kSkr04.write_off(fee, eur(500), WriteOffReason::uncollectible, day(2026, 9, 30))
                  .value()
                  .lines,
              ElementsAre(credit("10001", 500), debit("6930", 500)));
}

TEST(BookingRulesTest, ADoubtfulInvoiceIsWrittenOffWithoutVatCorrection) {
  const Booking booking =
      kSkr03.write_off(invoice_r1(), eur(11900), WriteOffReason::doubtful, day(2026, 9, 30))
          .value();
  EXPECT_THAT(booking.lines, ElementsAre(credit("10001", 11900), debit("2400", 11900)));
}

TEST(BookingRulesTest, APaymentOnAWrittenOffInvoiceTakesTheCorrectionBackProRata) {
  // 113.00 of R-2 (119.00 at 19 %, 107.00 at 7 %) came in after it was written off whole.
  const Booking booking = kSkr03
                              .write_off_recovery(invoice_r2(), eur(11300),
                                                  WriteOffReason::uncollectible, day(2027, 2, 10))
                              .value();
  EXPECT_EQ(booking.date, day(2027, 2, 10));
  EXPECT_EQ(booking.document_number, "R-2");
  EXPECT_EQ(booking.text, "Eingang auf ausgebuchte Forderung R-2");
  EXPECT_FALSE(booking.reverses) << "no Generalumkehr: part of the write-off, booked anew";
  EXPECT_THAT(booking.lines,
              ElementsAre(debit("10001", 11300), credit("2406", 5950), credit("2401", 5350)));
}

TEST(BookingRulesTest, APaymentOnADoubtfulWriteOffTakesBackWithoutVat) {
  EXPECT_THAT(
      kSkr03.write_off_recovery(invoice_r1(), eur(5000), WriteOffReason::doubtful, day(2027, 2, 10))
          .value()
          .lines,
      ElementsAre(debit("10001", 5000), credit("2400", 5000)));
}

TEST(BookingRulesTest, ACreditNoteCannotBeWrittenOff) {
  EXPECT_FALSE(kSkr03.write_off(credit_note_gs1(), eur(22600), WriteOffReason::uncollectible,
                                day(2026, 9, 30)));
}

// --- Debtor accounts and reversals
// ----------------------------------------------------------------

TEST(BookingRulesTest, AMissingDebtorAccountWithoutARuleIsAnErrorNamingTheCustomer) {
  OpenItem unknown = invoice_r1();
  unknown.debtor_account.clear();
  const Result<Booking> booking = kSkr03.payment(allocation("R-1", 11900, AllocationMethod::manual),
                                                 unknown, credit_transfer(11900));
  ASSERT_FALSE(booking);
  EXPECT_THAT(booking.error().message, HasSubstr("customer 4711 has no debtor account"));
}

TEST(BookingRulesTest, TheConfiguredRuleSuppliesAMissingDebtorAccount) {
  ExportSettings custom = settings(ChartPreset::skr03);
  custom.debtor_account = DebtorAccountRule{.kind = DebtorAccountRuleKind::from_customer_number,
                                            .account = "",
                                            .offset = 10000,
                                            .prefix = ""};
  OpenItem unknown = invoice_r1();
  unknown.debtor_account.clear();
  const Booking booking = BookingRules(custom, company())
                              .payment(allocation("R-1", 11900, AllocationMethod::manual), unknown,
                                       credit_transfer(11900))
                              .value();
  EXPECT_THAT(booking.lines, ElementsAre(credit("14711", 11900), debit("1200", 11900)));
}

TEST(BookingRulesTest, AReversalPutsEveryLineOnTheOtherSideAndNamesTheOriginal) {
  Booking exported = kSkr03.invoice(invoice_r2()).value();
  exported.id = 42;
  exported.exported_in = "batch-1";
  const Booking reversal = kSkr03.reversal(exported, day(2026, 4, 1)).value();
  EXPECT_EQ(reversal.date, day(2026, 4, 1));
  EXPECT_EQ(reversal.reverses, 42);
  EXPECT_EQ(reversal.document_number, "R-2");
  EXPECT_FALSE(reversal.exported());
  EXPECT_THAT(reversal.lines,
              ElementsAre(credit("10001", 22600), debit("8400", 11900), debit("8300", 10700)));
  EXPECT_EQ(reversal.due_date, day(2026, 3, 16));
}

TEST(BookingRulesTest, TheReversalOfAFeeIsStillADunningFee) {
  Booking exported = kSkr03.charge(charge_item("M-1-G1", OpenItemType::fee, 500)).value();
  exported.id = 43;
  const Booking reversal = kSkr03.reversal(exported, day(2026, 5, 1)).value();
  EXPECT_EQ(reversal.facts, BookingFacts::dunning_fee);
  EXPECT_EQ(reversal.due_date, day(2026, 4, 15));
}

TEST(BookingRulesTest, ABookingThatIsNotStoredCannotBeReversed) {
  EXPECT_FALSE(kSkr03.reversal(kSkr03.invoice(invoice_r2()).value(), day(2026, 4, 1)));
}

TEST(BookingRulesTest, EveryBookingBalancesAndBooksAgainstTheDebtorFirst) {
  std::vector<Result<Booking>> bookings;
  for (const BookingRules* chart : {&kSkr03, &kSkr04}) {
    const BookingRules& r = *chart;
    bookings.push_back(r.payment(allocation("R-1", 11900, AllocationMethod::manual), invoice_r1(),
                                 credit_transfer(11900)));
    bookings.push_back(
        r.skonto(allocation("R-2", 357, AllocationMethod::skonto), invoice_r2(), day(2026, 3, 10)));
    bookings.push_back(r.bank_charges(allocation("R-1", 350, AllocationMethod::bank_charges),
                                      invoice_r1(), day(2026, 3, 10)));
    bookings.push_back(r.charge(charge_item("M-1-G1", OpenItemType::fee, 500)));
    bookings.push_back(r.charge(charge_item("M-1-Z1", OpenItemType::interest, 750)));
    bookings.push_back(r.invoice(invoice_r2()));
    bookings.push_back(r.credit_note(credit_note_gs1()));
    bookings.push_back(
        r.write_off(invoice_r2(), eur(22600), WriteOffReason::uncollectible, day(2026, 9, 30)));
    bookings.push_back(r.write_off(charge_item("M-1-G1", OpenItemType::fee, 500), eur(500),
                                   WriteOffReason::uncollectible, day(2026, 9, 30)));
  }
  for (const Result<Booking>& booking : bookings) {
    ASSERT_TRUE(booking) << booking.error().message;
    EXPECT_TRUE(check_balanced(*booking)) << booking->text;
    EXPECT_EQ(booking->lines.front().account, "10001") << booking->text;
    for (std::size_t i = 1; i < booking->lines.size(); ++i) {
      EXPECT_NE(booking->lines[i].account, "10001") << booking->text;
    }
  }
}

}  // namespace
}  // namespace kontor::exports
