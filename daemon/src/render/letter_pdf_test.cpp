// The PDF letter as a reader and a banking app see it: pdftotext (poppler) reads the address,
// the information block, every item and the totals back (for a statement of account: its
// figures, every movement with its balance, the open items and the aging), on as many pages as
// they need, each with the table's header and "Seite i von n"; zbarimg reads the GiroCode from
// the page rendered by pdftoppm and gets the exact amount and the notice's (or statement's) RF
// reference. Independent readers, so the test does not check our PDF against our own idea of it.
#include "render/letter_pdf.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "kontor/model/creditor_reference.hpp"
#include "render/epc_qr.hpp"
#include "render/local_format.hpp"
#include "render/notice_values.hpp"
#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace kontor::render {
namespace {

namespace fs = std::filesystem;
using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::SizeIs;

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

// The sample notice (notice_values.hpp) with `count` invoices of 119.00 EUR, no charges.
NoticeView letter_with_items(int count) {
  NoticeView view = sample_notice();
  view.items.clear();
  view.fees.clear();
  view.interest.clear();
  view.statement.reset();
  for (int i = 1; i <= count; ++i) {
    view.items.push_back({.number = "R-2026-" + std::to_string(1000 + i),
                          .type = "invoice",
                          .issue_date = Date::from_ymd(2026, 9, 1).value(),
                          .due_date = Date::from_ymd(2026, 10, 1).value(),
                          .gross = eur(11900),
                          .open = eur(11900),
                          .level = 1,
                          .refers_to = "",
                          .days_overdue = 58});
  }
  view.total_open = eur(11900 * count);
  view.total_fees = eur(0);
  view.total_interest = eur(0);
  view.total_due = view.total_open;
  view.payment_reference = "RF18 5390 0754 7034";
  return view;
}

Date october(int day) {
  return Date::from_ymd(2026, 10, day).value();
}

MovementView movement(int day, std::string kind, std::string document, std::int64_t cents,
                      std::string detail = "") {
  return {.date = october(day),
          .kind = std::move(kind),
          .document = std::move(document),
          .detail = std::move(detail),
          .amount = eur(cents),
          .balance = eur(0)};
}

// The statement figure a movement of `kind` counts under (StatementView).
Money& figure_for(StatementView& statement, const std::string& kind) {
  if (kind == "invoice") return statement.invoices;
  if (kind == "credit_note" || kind == "cancellation") return statement.credit_notes;
  if (kind == "fee") return statement.fees;
  if (kind == "interest") return statement.interest;
  if (kind == "payment") return statement.payments;
  return statement.adjustments;
}

// The statement of October 2026 for the sample customer: each movement's balance runs on from
// `opening`, the figures are the movements' sums by kind, so the chain adds up by construction.
// The aging holds the closing balance as not yet due (or as a credit); tests that look at the
// aging set it themselves.
NoticeView october_statement(std::int64_t opening, const std::vector<MovementView>& movements) {
  NoticeView view = sample_notice();
  view.kind = "statement";
  view.template_name = "statement";
  view.notice_number = "S-2026-10-000001";
  view.payment_reference = CreditorReference::from_number(view.notice_number).value().formatted();
  view.date = Date::from_ymd(2026, 11, 2).value();
  view.items.clear();
  view.fees.clear();
  view.interest.clear();
  StatementView statement{.period_start = october(1),
                          .period_end = october(31),
                          .opening = eur(opening),
                          .invoices = eur(0),
                          .credit_notes = eur(0),
                          .fees = eur(0),
                          .interest = eur(0),
                          .payments = eur(0),
                          .adjustments = eur(0),
                          .closing = eur(0),
                          .as_of = Date::from_ymd(2026, 11, 2).value(),
                          .since = eur(0),
                          .due = eur(0),
                          .movements = {},
                          .open_items = {},
                          .aging = {.not_due = eur(0),
                                    .days_1_30 = eur(0),
                                    .days_31_60 = eur(0),
                                    .days_61_90 = eur(0),
                                    .over_90 = eur(0),
                                    .credits = eur(0),
                                    .total = eur(0)}};
  std::int64_t balance = opening;
  for (MovementView line : movements) {
    balance += line.amount.minor_units();
    line.balance = eur(balance);
    Money& figure = figure_for(statement, line.kind);
    figure = figure.plus(line.amount).value();
    statement.movements.push_back(std::move(line));
  }
  statement.closing = eur(balance);
  (balance < 0 ? statement.aging.credits : statement.aging.not_due) = eur(balance);
  statement.aging.total = eur(balance);
  statement.due = eur(std::max<std::int64_t>(balance, 0));
  view.total_open = eur(std::max<std::int64_t>(balance, 0));
  view.total_fees = eur(0);
  view.total_interest = eur(0);
  view.total_due = view.total_open;
  view.statement = std::move(statement);
  return view;
}

// October: two invoices, a credit note, a fee, interest, a discount and two payments; what
// is left open at the end is the fee and the interest, 17.34 EUR, two days overdue.
NoticeView busy_october() {
  NoticeView view =
      october_statement(50000, {movement(2, "invoice", "R-2026-1001", 119000),
                                movement(5, "payment", "", -50000, "R-2026-0990"),
                                movement(9, "invoice", "R-2026-1002", 59500),
                                movement(12, "credit_note", "G-2026-0001", -11900, "R-2026-1002"),
                                movement(15, "fee", "MG-2026-0001", 500),
                                movement(15, "interest", "ZI-2026-0001", 1234),
                                movement(20, "discount", "", -2380, "R-2026-1001"),
                                movement(28, "payment", "", -164220, "R-2026-1001, R-2026-1002")});
  StatementView& statement = *view.statement;
  for (const auto& [number, type, cents] :
       {std::tuple{"MG-2026-0001", "fee", 500}, std::tuple{"ZI-2026-0001", "interest", 1234}}) {
    statement.open_items.push_back({.number = number,
                                    .type = type,
                                    .issue_date = october(15),
                                    .due_date = october(29),
                                    .gross = eur(cents),
                                    .open = eur(cents),
                                    .days_overdue = 2,
                                    .open_now = eur(cents)});
  }
  statement.aging.not_due = eur(0);
  statement.aging.days_1_30 = eur(1734);
  return view;
}

// The lines of a page's text (pdftotext -layout) that contain `needle`.
std::vector<std::string> lines_with(const std::string& page, const std::string& needle) {
  std::vector<std::string> found;
  std::istringstream lines(page);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(needle) != std::string::npos) found.push_back(line);
  }
  return found;
}

// A line with its runs of blanks (the layout's column gaps) made one blank.
std::string words(const std::string& line) {
  std::istringstream in(line);
  std::string out;
  for (std::string word; in >> word;) out += (out.empty() ? "" : " ") + word;
  return out;
}

std::string all_of(const std::vector<std::string>& pages) {
  std::string all;
  for (const std::string& page : pages) all += page;
  return all;
}

LetterText german_text() {
  return {.language = "de",
          .subject = "Zahlungserinnerung M-1, Kundennummer 10001",
          .before_table = "Sehr geehrte Damen und Herren,\n\nfolgende Posten sind offen.\n",
          .after_table = "Bitte überweisen Sie den Betrag.\n\nMit freundlichen Grüßen\n"};
}

class LetterPdfTest : public ::testing::Test {
 protected:
  fs::path write_pdf(const NoticeView& view, const LetterText& text) {
    Result<std::string> pdf = render_letter_pdf(view, text);
    EXPECT_TRUE(pdf.ok()) << (pdf.ok() ? "" : pdf.error().message);
    const fs::path path = dir_ / ("letter" + std::to_string(++letters_) + ".pdf");
    std::ofstream(path, std::ios::binary) << (pdf.ok() ? *pdf : "");
    return path;
  }

  testing::Completed run(std::vector<std::string> argv) {
    const fs::path out = dir_ / ("run" + std::to_string(++runs_));
    fs::create_directories(out);
    return testing::run_to_end(
        {.argv = std::move(argv), .output_dir = out, .set_env = {}, .unset_env = {}});
  }

  // The text of the PDF, page by page (pdftotext separates pages by form feeds).
  std::vector<std::string> pages_of(const fs::path& pdf) {
    const testing::Completed text = run({"/usr/bin/pdftotext", "-layout", pdf.string(), "-"});
    EXPECT_EQ(text.status, 0) << text.err;
    std::vector<std::string> pages;
    std::size_t start = 0;
    for (std::size_t feed; (feed = text.out.find('\f', start)) != std::string::npos;) {
      pages.push_back(text.out.substr(start, feed - start));
      start = feed + 1;
    }
    return pages;
  }

  // What zbarimg decodes from page `page` (1-based) rendered at 300 dpi.
  std::string girocode_on(const fs::path& pdf, int page) {
    const fs::path image = dir_ / "page";
    const testing::Completed rendered =
        run({"/usr/bin/pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-f",
             std::to_string(page), "-l", std::to_string(page), pdf.string(), image.string()});
    EXPECT_EQ(rendered.status, 0) << rendered.err;
    const testing::Completed decoded =
        run({"/usr/bin/zbarimg", "--raw", "-q", "-Sbinary", image.string() + ".png"});
    EXPECT_EQ(decoded.status, 0) << decoded.err;
    std::string payload = decoded.out;
    if (!payload.empty() && payload.back() == '\n') payload.pop_back();
    return payload;
  }

  kontor::testing::TempDir dir_;
  int letters_ = 0;
  int runs_ = 0;
};

TEST_F(LetterPdfTest, TheWindowShowsTheReturnLineAndTheAddressAndTheBlockBesideIt) {
  NoticeView view = letter_with_items(2);
  view.customer.name = "Bäckerei Schmitz GmbH & Co. KG";
  const std::vector<std::string> pages = pages_of(write_pdf(view, german_text()));
  ASSERT_EQ(pages.size(), 1u);
  const std::string& page = pages[0];
  EXPECT_THAT(page, HasSubstr("Beispiel GmbH · Hauptstraße 1 · 50667 Köln"));
  EXPECT_THAT(page, HasSubstr("Bäckerei Schmitz GmbH & Co. KG"));
  EXPECT_THAT(page, HasSubstr("10115 Berlin"));
  EXPECT_THAT(page, Not(HasSubstr("DEUTSCHLAND"))) << "no country line within Germany";
  EXPECT_THAT(page, HasSubstr("Kundennummer"));
  EXPECT_THAT(page, HasSubstr("14.11.2026"));
  EXPECT_THAT(page, HasSubstr("Zahlungserinnerung M-1, Kundennummer 10001"));
  EXPECT_THAT(page, HasSubstr("Sehr geehrte Damen und Herren,"));
  EXPECT_THAT(page, HasSubstr("R-2026-1001"));
  EXPECT_THAT(page, HasSubstr("238,00 €"));
  EXPECT_THAT(page, HasSubstr("Mit freundlichen Grüßen"));
  EXPECT_THAT(page, HasSubstr("HRB 12345, Amtsgericht Köln"));
  EXPECT_THAT(page, HasSubstr("Geschäftsführung: Erika Musterfrau"));
  EXPECT_THAT(page, HasSubstr("DE89 3704 0044 0532 0130 00"));
  EXPECT_THAT(page, Not(HasSubstr("Seite 1"))) << "a one-page letter has no page number";
}

TEST_F(LetterPdfTest, ManyItemsBreakOntoPagesThatRepeatTheTableHeaderAndAreNumbered) {
  const NoticeView view = letter_with_items(70);
  const std::vector<std::string> pages = pages_of(write_pdf(view, german_text()));
  ASSERT_GE(pages.size(), 2u);
  const std::size_t count = pages.size();
  for (std::size_t i = 0; i < count; ++i) {
    EXPECT_THAT(pages[i],
                HasSubstr("Seite " + std::to_string(i + 1) + " von " + std::to_string(count)));
    EXPECT_THAT(pages[i], HasSubstr("DE89 3704 0044 0532 0130 00")) << "footer on every page";
  }
  std::string all;
  for (const std::string& page : pages) all += page;
  for (int i = 1; i <= 70; ++i) {
    EXPECT_THAT(all, HasSubstr("R-2026-" + std::to_string(1000 + i)));
  }
  EXPECT_THAT(pages[1], HasSubstr("Fällig")) << "the table's header repeats";
  EXPECT_THAT(pages.back(), HasSubstr("8.330,00 €"));
}

TEST_F(LetterPdfTest, AForeignAddressEndsWithItsCountryAndEnglishLettersUseEnglishWords) {
  NoticeView view = letter_with_items(1);
  view.customer.address = {
      .street = "Mariahilfer Straße 1", .postcode = "1060", .city = "Wien", .country = "AT"};
  LetterText text = german_text();
  const std::string austrian = pages_of(write_pdf(view, text)).at(0);
  EXPECT_THAT(austrian, HasSubstr("1060 Wien"));
  EXPECT_THAT(austrian, HasSubstr("ÖSTERREICH"));

  text.language = "en";
  const std::string english = pages_of(write_pdf(view, text)).at(0);
  EXPECT_THAT(english, HasSubstr("Customer no."));
  EXPECT_THAT(english, HasSubstr("Amount due"));
  EXPECT_THAT(english, HasSubstr("EUR 119.00"));
}

TEST_F(LetterPdfTest, TheGiroCodeDecodesToTheAmountDueAndTheNoticesReference) {
  NoticeView view = letter_with_items(3);
  view.total_fees = eur(4000);
  view.total_interest = eur(1234);
  view.total_due = eur(35700 + 4000 + 1234);
  const fs::path pdf = write_pdf(view, german_text());
  const std::string decoded = girocode_on(pdf, 1);
  EXPECT_EQ(decoded,
            "BCD\n002\n1\nSCT\nCOBADEFFXXX\nBeispiel GmbH\nDE89370400440532013000\nEUR409.34\n\n"
            "RF18539007547034");
}

TEST_F(LetterPdfTest, ALetterThatAsksForNothingHasNoGiroCode) {
  NoticeView view = letter_with_items(1);
  view.total_due = eur(0);
  const fs::path pdf = write_pdf(view, german_text());
  const fs::path image = dir_ / "page";
  ASSERT_EQ(run({"/usr/bin/pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", pdf.string(),
                 image.string()})
                .status,
            0);
  // zbarimg exits 4 when it finds no code.
  EXPECT_EQ(run({"/usr/bin/zbarimg", "--raw", "-q", image.string() + ".png"}).status, 4);
}

TEST_F(LetterPdfTest, TheSameNoticeGivesTheSameBytes) {
  const NoticeView view = letter_with_items(5);
  Result<std::string> first = render_letter_pdf(view, german_text());
  Result<std::string> second = render_letter_pdf(view, german_text());
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(*first, *second);
}

// The first line after the one containing `needle` that shows an amount: a table's values
// under its header, however the header's words wrapped.
std::string amounts_after(const std::string& page, const std::string& needle) {
  std::istringstream lines(page);
  bool seen = false;
  for (std::string line; std::getline(lines, line);) {
    if (seen && line.find("€") != std::string::npos) return words(line);
    if (line.find(needle) != std::string::npos) seen = true;
  }
  return "";
}

TEST_F(LetterPdfTest, AStatementShowsItsBalancesEveryMovementWithItsRunningBalanceAndTheAging) {
  const std::string all = all_of(pages_of(write_pdf(busy_october(), german_text())));

  // The information block names the statement and its period.
  EXPECT_THAT(lines_with(all, "Kontoauszug-Nr."), Each(HasSubstr("S-2026-10-000001")));
  EXPECT_THAT(lines_with(all, "Zeitraum"), Each(HasSubstr("01.10.2026 – 31.10.2026")));
  EXPECT_THAT(all, Not(HasSubstr("Belegnummer")));

  // The summary: every figure that is not zero, signed; opening and closing in the movements
  // table as well.
  EXPECT_THAT(lines_with(all, "Anfangssaldo am 30.09.2026"), Each(HasSubstr("500,00 €")));
  EXPECT_THAT(lines_with(all, "Rechnungen"), Each(HasSubstr("1.785,00 €")));
  EXPECT_THAT(lines_with(all, "Gutschriften und Stornos"), Each(HasSubstr("-119,00 €")));
  EXPECT_THAT(lines_with(all, "Mahngebühren"), Each(HasSubstr("5,00 €")));
  EXPECT_THAT(lines_with(all, "Verzugszinsen"), SizeIs(2));  // the summary and the movement
  EXPECT_THAT(lines_with(all, "Zahlungen"), Each(HasSubstr("-2.142,20 €")));
  EXPECT_THAT(lines_with(all, "Sonstige Buchungen"), Each(HasSubstr("-23,80 €")));
  EXPECT_THAT(lines_with(all, "Endsaldo am 31.10.2026"), Each(HasSubstr("17,34 €")));
  EXPECT_THAT(lines_with(all, "Anfangssaldo"), SizeIs(2));
  EXPECT_THAT(lines_with(all, "Anfangssaldo"), Each(HasSubstr("500,00 €")));
  EXPECT_THAT(lines_with(all, "Endsaldo"), SizeIs(2));
  EXPECT_THAT(lines_with(all, "Endsaldo"), Each(HasSubstr("17,34 €")));
  EXPECT_THAT(all, Not(HasSubstr("Zu zahlender Betrag"))) << "no reminder totals";

  // Every movement: date, document, what it was, debit or credit (without sign), balance.
  EXPECT_THAT(all, HasSubstr("Datum"));
  for (const char* header : {"Beleg", "Vorgang", "Soll", "Haben", "Saldo"}) {
    EXPECT_THAT(all, HasSubstr(header));
  }
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"R-2026-1001", "02.10.2026 R-2026-1001 Rechnung 1.190,00 € 1.690,00 €"},
      {"Zahlung – R-2026-0990", "05.10.2026 Zahlung – R-2026-0990 500,00 € 1.190,00 €"},
      {"R-2026-1002", "09.10.2026 R-2026-1002 Rechnung 595,00 € 1.785,00 €"},
      {"G-2026-0001", "12.10.2026 G-2026-0001 Gutschrift – R-2026-1002 119,00 € 1.666,00 €"},
      {"MG-2026-0001", "15.10.2026 MG-2026-0001 Mahngebühr 5,00 € 1.671,00 €"},
      {"ZI-2026-0001", "15.10.2026 ZI-2026-0001 Verzugszinsen 12,34 € 1.683,34 €"},
      {"Skonto", "20.10.2026 Skonto – R-2026-1001 23,80 € 1.659,54 €"},
  };
  for (const auto& [key, row] : rows) {
    const std::vector<std::string> found = lines_with(all, key);
    ASSERT_FALSE(found.empty()) << key;
    EXPECT_EQ(words(found.front()), row);
  }
  // The last payment's items wrap in their column; its amounts stand on the first line.
  EXPECT_THAT(lines_with(all, "28.10.2026"), Each(HasSubstr("1.642,20 €")));
  EXPECT_THAT(lines_with(all, "28.10.2026"), Each(HasSubstr("17,34 €")));
  EXPECT_THAT(all, Not(HasSubstr("-1.642,20")));

  // What is open at the end of the period, and how overdue.
  EXPECT_THAT(all, HasSubstr("Offene Posten am 31.10.2026"));
  EXPECT_THAT(all, HasSubstr("Tage überfällig"));
  const std::vector<std::string> fee = lines_with(all, "MG-2026-0001");
  ASSERT_THAT(fee, SizeIs(2));  // the movement and the open item
  EXPECT_EQ(words(fee[1]), "MG-2026-0001 15.10.2026 29.10.2026 5,00 € 5,00 € 2");

  // The aging: one row under its header, the buckets, the credits, the total.
  EXPECT_THAT(all, HasSubstr("Fälligkeitsstruktur am 31.10.2026"));
  for (const char* bucket :
       {"nicht fällig", "1–30 Tage", "31–60 Tage", "61–90 Tage", "Guthaben", "Summe"}) {
    EXPECT_THAT(all, HasSubstr(bucket));
  }
  EXPECT_EQ(amounts_after(all, "Guthaben"), "0,00 € 17,34 € 0,00 € 0,00 € 0,00 € 0,00 € 17,34 €");
}

TEST_F(LetterPdfTest, ManyMovementsRunOntoPagesThatRepeatTheMovementsHeader) {
  std::vector<MovementView> movements;
  for (int i = 1; i <= 150; ++i) {
    movements.push_back(
        movement(1 + (i - 1) / 5, "invoice", "R-2026-" + std::to_string(1000 + i), 10000));
  }
  const std::vector<std::string> pages =
      pages_of(write_pdf(october_statement(0, movements), german_text()));
  ASSERT_GE(pages.size(), 3u);
  const std::size_t count = pages.size();
  for (std::size_t i = 0; i < count; ++i) {
    EXPECT_THAT(pages[i],
                HasSubstr("Seite " + std::to_string(i + 1) + " von " + std::to_string(count)));
    if (!lines_with(pages[i], "Rechnung").empty()) {
      EXPECT_THAT(lines_with(pages[i], "Vorgang"), Each(HasSubstr("Saldo")))
          << "page " << i + 1 << " continues the movements under their header";
      EXPECT_THAT(lines_with(pages[i], "Vorgang"), SizeIs(1)) << "page " << i + 1;
    }
  }
  const std::string all = all_of(pages);
  for (int i = 1; i <= 150; ++i) {
    const std::string document = "R-2026-" + std::to_string(1000 + i);
    const std::vector<std::string> found = lines_with(all, document);
    ASSERT_THAT(found, SizeIs(1)) << document;
    EXPECT_THAT(found[0], HasSubstr(format_amount(eur(10000 * i), LocalStyle::german)))
        << document << " with its running balance";
  }
  EXPECT_THAT(lines_with(pages.back(), "Endsaldo"), SizeIs(1)) << "the table's closing row";
  EXPECT_THAT(lines_with(all, "Endsaldo"), Each(HasSubstr("15.000,00 €")));
}

TEST_F(LetterPdfTest, TheGiroCodeOnAStatementAsksForTheClosingBalanceWithTheStatementsReference) {
  const NoticeView view = busy_october();
  const fs::path pdf = write_pdf(view, german_text());
  const std::vector<std::string> pages = pages_of(pdf);
  int page = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].find("GiroCode") != std::string::npos) page = static_cast<int>(i) + 1;
  }
  ASSERT_GT(page, 0) << "the GiroCode's caption is on a page";
  const std::string reference =
      CreditorReference::from_number("S-2026-10-000001").value().electronic();
  EXPECT_EQ(girocode_on(pdf, page),
            "BCD\n002\n1\nSCT\nCOBADEFFXXX\nBeispiel GmbH\nDE89370400440532013000\nEUR17.34\n\n" +
                reference);
}

TEST_F(LetterPdfTest, AStatementPaidInPartSinceTheMonthEndedAsksOnlyForWhatIsStillOpen) {
  NoticeView view = busy_october();  // closing 17.34
  view.statement->as_of = Date::from_ymd(2026, 11, 6).value();
  view.statement->since = eur(-1000);
  view.statement->due = eur(734);
  view.total_due = eur(734);
  const fs::path pdf = write_pdf(view, german_text());
  const std::vector<std::string> pages = pages_of(pdf);
  const std::string all = all_of(pages);
  EXPECT_THAT(lines_with(all, "Eingänge bis 06.11.2026"), ElementsAre(HasSubstr("-10,00 €")));
  EXPECT_THAT(lines_with(all, "Noch offen am 06.11.2026"), ElementsAre(HasSubstr("7,34 €")));
  int page = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].find("GiroCode") != std::string::npos) page = static_cast<int>(i) + 1;
  }
  ASSERT_GT(page, 0);
  EXPECT_THAT(girocode_on(pdf, page), HasSubstr("\nEUR7.34\n"));
}

TEST_F(LetterPdfTest, AStatementInCreditHasNoGiroCode) {
  NoticeView view = october_statement(0, {movement(2, "invoice", "R-2026-1001", 11900),
                                          movement(6, "payment", "", -23800, "R-2026-1001")});
  view.statement->aging.credits = eur(-11900);
  const fs::path pdf = write_pdf(view, german_text());
  const std::vector<std::string> pages = pages_of(pdf);
  const std::string all = all_of(pages);
  EXPECT_THAT(lines_with(all, "Endsaldo"), Each(HasSubstr("-119,00 €")));
  EXPECT_EQ(amounts_after(all, "Guthaben"),
            "0,00 € 0,00 € 0,00 € 0,00 € 0,00 € -119,00 € -119,00 €");
  EXPECT_THAT(all, Not(HasSubstr("GiroCode")));
  for (std::size_t page = 1; page <= pages.size(); ++page) {
    const fs::path image = dir_ / ("page" + std::to_string(page));
    ASSERT_EQ(run({"/usr/bin/pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", "-f",
                   std::to_string(page), "-l", std::to_string(page), pdf.string(), image.string()})
                  .status,
              0);
    // zbarimg exits 4 when it finds no code.
    EXPECT_EQ(run({"/usr/bin/zbarimg", "--raw", "-q", image.string() + ".png"}).status, 4)
        << "page " << page;
  }
}

TEST_F(LetterPdfTest, AStatementWithoutMovementsSaysSoAndShowsItsBalance) {
  const std::string all = all_of(pages_of(write_pdf(october_statement(25000, {}), german_text())));
  EXPECT_THAT(all, HasSubstr("Keine Buchungen im Zeitraum"));
  EXPECT_THAT(lines_with(all, "Anfangssaldo"), SizeIs(2));
  EXPECT_THAT(lines_with(all, "Anfangssaldo"), Each(HasSubstr("250,00 €")));
  EXPECT_THAT(lines_with(all, "Endsaldo"), Each(HasSubstr("250,00 €")));
  EXPECT_THAT(all, Not(HasSubstr("Rechnungen"))) << "figures that are zero are left out";
  EXPECT_THAT(all, Not(HasSubstr("Offene Posten am"))) << "no open items, no such table";
}

TEST_F(LetterPdfTest, AnEnglishStatementUsesEnglishWords) {
  LetterText text = german_text();
  text.language = "en";
  const std::string all = all_of(pages_of(write_pdf(busy_october(), text)));
  for (const char* words : {"Statement no.",
                            "Period",
                            "Opening balance on 30 September 2026",
                            "Invoices",
                            "Credit notes and cancellations",
                            "Dunning fees",
                            "Default interest",
                            "Payments",
                            "Adjustments",
                            "Closing balance on 31 October 2026",
                            "Transaction",
                            "Debit",
                            "Credit",
                            "Balance",
                            "Invoice",
                            "Payment – R-2026-0990",
                            "Credit note",
                            "Dunning fee",
                            "Discount – R-2026-1001",
                            "Open items on 31 October 2026",
                            "Days overdue",
                            "Aging on",
                            "Not due",
                            "1–30 days",
                            "Credits",
                            "Total",
                            "EUR 17.34",
                            "EUR 1,642.20"}) {
    EXPECT_THAT(all, HasSubstr(words));
  }
  EXPECT_THAT(all, HasSubstr("1 October 2026 –"));
  EXPECT_THAT(all, Not(HasSubstr("Kontoauszug")));
  EXPECT_THAT(all, Not(HasSubstr("Saldo")));
}

}  // namespace
}  // namespace kontor::render
