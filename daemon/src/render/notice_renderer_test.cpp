// Tests: the shipped reminders and statements of account as a customer reads them in German and
// English, and the rules of loading templates — a directory's template wins, a broken one is
// refused with its place.

#include "render/notice_renderer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <string_view>
#include <vector>

#include "render/notice_values.hpp"
#include "render/shipped_templates.hpp"

namespace kontor::render {
namespace {

namespace fs = std::filesystem;

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}
Date date(int year, int month, int day) {
  return Date::from_ymd(year, month, day).value();
}

Company gross_und_soehne() {
  return Company{.legal_name = "Groß & Söhne Präzisionstechnik GmbH",
                 .address = {.street = "Königsallee 12",
                             .postcode = "40212",
                             .city = "Düsseldorf",
                             .country = "DE"},
                 .commercial_register = "HRB 98765, Amtsgericht Düsseldorf",
                 .managing_directors = {"Jürgen Groß", "Dr. Anna Weiß"},
                 .vat_id = VatId::parse("DE811907980").value(),
                 .contact = {.phone = "+49 211 1234560",
                             .email = "buchhaltung@gross-soehne.de",
                             .web = "www.gross-soehne.de"},
                 .timezone = "Europe/Berlin",
                 .bank_accounts = {{.iban = Iban::parse("DE89370400440532013000").value(),
                                    .bic = Bic::parse("COBADEFFXXX").value(),
                                    .ledger_account = "1200"}}};
}

Customer baeckerei() {
  return Customer{.number = "K-10042",
                  .name = "Bäckerei Müller & Töchter",
                  .address = {.street = "Straße des 17. Juni 5",
                              .postcode = "10623",
                              .city = "Berlin",
                              .country = "DE"},
                  .email = "info@baeckerei-mueller.de",
                  .language = "de",
                  .ibans = {},
                  .kind = CustomerKind::business,
                  .preferred_delivery = std::nullopt,
                  .dunning_block = std::nullopt};
}

NoticeItemView invoice(std::string number, Money open, std::int64_t days_overdue) {
  return NoticeItemView{.number = std::move(number),
                        .type = "invoice",
                        .issue_date = date(2026, 10, 1),
                        .due_date = date(2026, 10, 15),
                        .gross = open,
                        .open = open,
                        .level = 2,
                        .refers_to = "",
                        .days_overdue = days_overdue};
}

// A second-level notice: two invoices, a level fee, the §288 (5) flat fee and interest.
NoticeView notice(std::string template_name, std::string language) {
  return NoticeView{
      .kind = "reminder",
      .template_name = std::move(template_name),
      .language = std::move(language),
      .level = 2,
      .level_name = "1. Mahnung",
      .final_notice = false,
      .notice_number = "M-2026-000117",
      .payment_reference = "RF71 M202 6000 117",
      .date = date(2026, 11, 14),
      .pay_by = date(2026, 11, 28),
      .customer = baeckerei(),
      .company = gross_und_soehne(),
      .items = {invoice("RE-2026-0815", eur(123456), 30), invoice("RE-2026-0901", eur(50000), 14)},
      .fees = {{.item_number = "RE-2026-0815", .kind = "level_fee", .amount = eur(500)},
               {.item_number = "RE-2026-0815", .kind = "flat_fee", .amount = eur(4000)}},
      .interest = {{.item_number = "RE-2026-0815",
                    .first = date(2026, 10, 16),
                    .last = date(2026, 11, 14),
                    .days = 30,
                    .principal = eur(123456),
                    .annual_percent = Decimal::from_units(927, 2).value(),
                    .amount = eur(941)}},
      .total_open = eur(173456),
      .total_fees = eur(4500),
      .total_interest = eur(941),
      .total_due = eur(178897),
      .statement = std::nullopt};
}

MovementView movement(Date day, std::string kind, std::string document, std::string detail,
                      Money amount, Money balance) {
  return MovementView{.date = day,
                      .kind = std::move(kind),
                      .document = std::move(document),
                      .detail = std::move(detail),
                      .amount = amount,
                      .balance = balance};
}

StatementItemView open_item(std::string number, std::string type, Date issued, Date due,
                            Money gross, Money open, std::int64_t days_overdue) {
  return StatementItemView{.number = std::move(number),
                           .type = std::move(type),
                           .issue_date = issued,
                           .due_date = due,
                           .gross = gross,
                           .open = open,
                           .days_overdue = days_overdue,
                           .open_now = open};
}

// October 2026 of the Bäckerei: 1,000.00 carried over, an invoice, a part payment, a credit
// note, a dunning fee and interest, Skonto and bank charges; 1,371.91 owed at the end.
NoticeView statement(std::string language) {
  StatementView figures{
      .period_start = date(2026, 10, 1),
      .period_end = date(2026, 10, 31),
      .opening = eur(100000),
      .invoices = eur(130900),
      .credit_notes = eur(-11900),
      .fees = eur(500),
      .interest = eur(321),
      .payments = eur(-80000),
      .adjustments = eur(-2630),
      .closing = eur(137191),
      .as_of = date(2026, 11, 2),
      .since = eur(0),
      .due = eur(137191),
      .movements =
          {movement(date(2026, 10, 5), "invoice", "RE-2026-0950", "", eur(130900), eur(230900)),
           movement(date(2026, 10, 12), "payment", "", "RE-2026-0815", eur(-80000), eur(150900)),
           movement(date(2026, 10, 15), "credit_note", "GS-2026-0012", "RE-2026-0950", eur(-11900),
                    eur(139000)),
           movement(date(2026, 10, 20), "fee", "MG-2026-0003", "RE-2026-0815", eur(500),
                    eur(139500)),
           movement(date(2026, 10, 20), "interest", "ZI-2026-0003", "RE-2026-0815", eur(321),
                    eur(139821)),
           movement(date(2026, 10, 25), "discount", "", "RE-2026-0950", eur(-2380), eur(137441)),
           movement(date(2026, 10, 28), "bank_charges", "", "RE-2026-0815", eur(-250),
                    eur(137191))},
      .open_items = {open_item("RE-2026-0815", "invoice", date(2026, 9, 1), date(2026, 9, 15),
                               eur(180000), eur(19750), 46),
                     open_item("RE-2026-0950", "invoice", date(2026, 10, 5), date(2026, 11, 4),
                               eur(130900), eur(116620), 0),
                     open_item("MG-2026-0003", "fee", date(2026, 10, 20), date(2026, 11, 3),
                               eur(500), eur(500), 0),
                     open_item("ZI-2026-0003", "interest", date(2026, 10, 20), date(2026, 11, 3),
                               eur(321), eur(321), 0)},
      .aging = {.not_due = eur(117441),
                .days_1_30 = eur(0),
                .days_31_60 = eur(19750),
                .days_61_90 = eur(0),
                .over_90 = eur(0),
                .credits = eur(0),
                .total = eur(137191)}};
  return NoticeView{.kind = "statement",
                    .template_name = "statement",
                    .language = std::move(language),
                    .level = 0,
                    .level_name = "",
                    .final_notice = false,
                    .notice_number = "S-2026-10-000001",
                    .payment_reference = "RF47 S202 6100 0000 1",
                    .date = date(2026, 11, 2),
                    .pay_by = date(2026, 11, 2),
                    .customer = baeckerei(),
                    .company = gross_und_soehne(),
                    .items = {},
                    .fees = {},
                    .interest = {},
                    .total_open = eur(137191),
                    .total_fees = eur(0),
                    .total_interest = eur(0),
                    .total_due = eur(137191),
                    .statement = std::move(figures)};
}

// The same statement ending with `closing` (the last movement and the aging adjusted to it).
NoticeView statement_closing_at(std::string language, Money closing) {
  NoticeView view = statement(std::move(language));
  StatementView& figures = *view.statement;
  const Money last_change = closing.minus(figures.movements[5].balance).value();
  figures.movements.back().amount = last_change;
  figures.movements.back().balance = closing;
  figures.adjustments = figures.movements[5].amount.plus(last_change).value();
  figures.closing = closing;
  figures.due = closing.is_positive() ? closing : eur(0);
  figures.open_items.clear();
  figures.aging = {.not_due = eur(0),
                   .days_1_30 = eur(0),
                   .days_31_60 = eur(0),
                   .days_61_90 = eur(0),
                   .over_90 = eur(0),
                   .credits = closing.is_negative() ? closing : eur(0),
                   .total = closing};
  view.total_open = closing.is_positive() ? closing : eur(0);
  view.total_due = view.total_open;
  return view;
}

const TemplateValue& field(const TemplateValue& map, std::string_view path) {
  const TemplateValue* value = &map;
  while (!path.empty()) {
    const std::size_t dot = path.find('.');
    value = value->find(path.substr(0, dot));
    if (value == nullptr) throw std::runtime_error("no value " + std::string(path));
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  return *value;
}

NoticeView without_charges(NoticeView view) {
  view.fees.clear();
  view.interest.clear();
  view.total_fees = eur(0);
  view.total_interest = eur(0);
  view.total_due = view.total_open;
  return view;
}

NoticeRenderer shipped(std::string fallback = "de") {
  Result<NoticeRenderer> renderer = NoticeRenderer::load({}, std::move(fallback));
  if (!renderer) throw std::runtime_error(renderer.error().message);
  return std::move(renderer).value();
}

RenderedNotice render(const NoticeRenderer& renderer, const NoticeView& view) {
  Result<RenderedNotice> out = renderer.render(view);
  if (!out) throw std::runtime_error(out.error().message);
  return std::move(out).value();
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

class TemplateDirectory {
 public:
  TemplateDirectory() {
    const auto* test = testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() /
            ("kontor-render-" + std::string(test->name()) + "-" + std::to_string(getpid()));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TemplateDirectory() { fs::remove_all(path_); }
  TemplateDirectory(const TemplateDirectory&) = delete;
  TemplateDirectory& operator=(const TemplateDirectory&) = delete;

  void write(const std::string& name, std::string_view text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

TEST(NoticeRenderer, EveryShippedTemplateRendersInBothLanguages) {
  const NoticeRenderer renderer = shipped();
  for (std::string name : {"reminder-1", "reminder-2", "reminder-3", "reminder-4"}) {
    for (std::string language : {"de", "en"}) {
      SCOPED_TRACE(name + "." + language);
      const RenderedNotice out = render(renderer, notice(name, language));
      EXPECT_FALSE(out.subject.empty());
      EXPECT_TRUE(contains(out.subject, "M-2026-000117"));
      EXPECT_FALSE(out.html.empty());
      const bool german = language == "de";
      for (const std::string* part : {&out.text, &out.html}) {
        EXPECT_TRUE(contains(*part, german ? "1.234,56 €" : "EUR 1,234.56"));
        EXPECT_TRUE(contains(*part, german ? "1.788,97 €" : "EUR 1,788.97"));  // total due
        EXPECT_TRUE(contains(*part, german ? "28.11.2026" : "28 November 2026"));
        EXPECT_TRUE(contains(*part, german ? "9,27 %" : "9.27%"));
        EXPECT_TRUE(contains(*part, "RF71 M202 6000 117"));
        EXPECT_TRUE(contains(*part, "DE89 3704 0044 0532 0130 00"));
        EXPECT_TRUE(contains(*part, "COBADEFFXXX"));
        EXPECT_TRUE(contains(*part, "HRB 98765, Amtsgericht Düsseldorf"));
        EXPECT_TRUE(contains(*part, "Jürgen Groß, Dr. Anna Weiß"));
        EXPECT_TRUE(contains(*part, "DE811907980"));
        EXPECT_TRUE(contains(*part, "RE-2026-0901"));
        EXPECT_TRUE(contains(*part, german ? "gegenstandslos" : "disregard"));
      }
      EXPECT_TRUE(contains(out.text, "Groß & Söhne Präzisionstechnik GmbH"));
      EXPECT_TRUE(contains(out.html, "Groß &amp; Söhne Präzisionstechnik GmbH"));
    }
  }
}

TEST(NoticeRenderer, EveryShippedTemplateHasALetterTextAroundTheTable) {
  const NoticeRenderer renderer = shipped();
  for (std::string name : {"reminder-1", "reminder-2", "reminder-3", "reminder-4"}) {
    for (std::string language : {"de", "en"}) {
      SCOPED_TRACE(name + "." + language);
      const RenderedNotice out = render(renderer, notice(name, language));
      ASSERT_TRUE(out.has_letter);
      EXPECT_EQ(out.language, language);
      const bool german = language == "de";
      EXPECT_TRUE(contains(out.letter_before_table,
                           german ? "Sehr geehrte Damen und Herren," : "Dear Sir or Madam,"));
      EXPECT_TRUE(contains(out.letter_after_table, "RF71 M202 6000 117"));
      EXPECT_TRUE(contains(out.letter_after_table, german ? "1.788,97 €" : "EUR 1,788.97"));
      EXPECT_TRUE(contains(out.letter_after_table, "Groß & Söhne Präzisionstechnik GmbH"));
      // The letter sets the address, the table and the bank account itself.
      for (const std::string* part : {&out.letter_before_table, &out.letter_after_table}) {
        EXPECT_FALSE(contains(*part, "RE-2026-0815"));
        EXPECT_FALSE(contains(*part, "DE89 3704 0044 0532 0130 00"));
        EXPECT_FALSE(contains(*part, "---"));
      }
    }
  }
}

TEST(NoticeRenderer, ALetterTemplateWithoutTableMarkIsAllBeforeTheTable) {
  TemplateDirectory directory;
  directory.write("note.de.txt", "Subject: Hinweis\n\nText\n");
  directory.write("note.de.letter", "Guten Tag {{customer.name}},\nbitte zahlen.\n");
  Result<NoticeRenderer> renderer = NoticeRenderer::load(directory.path(), "de");
  ASSERT_TRUE(renderer.ok()) << renderer.error().message;
  const RenderedNotice out = render(*renderer, notice("note", "de"));
  ASSERT_TRUE(out.has_letter);
  EXPECT_TRUE(contains(out.letter_before_table, "bitte zahlen."));
  EXPECT_TRUE(out.letter_after_table.empty());
}

TEST(NoticeRenderer, GermanReminderAsksForPaymentByDateWithTheReference) {
  const RenderedNotice out = render(shipped(), notice("reminder-2", "de"));
  EXPECT_EQ(out.subject, "1. Mahnung M-2026-000117, Kundennummer K-10042");
  EXPECT_TRUE(contains(out.text,
                       "Bitte überweisen Sie den Betrag von 1.788,97 € bis spätestens "
                       "zum 28.11.2026"));
  EXPECT_TRUE(contains(out.text, "Verwendungszweck bitte an: RF71 M202 6000 117"));
  EXPECT_TRUE(contains(out.text, "Sehr geehrte Damen und Herren,"));
}

TEST(NoticeRenderer, ItemsListNumberDatesOpenAmountAndDaysOverdue) {
  const RenderedNotice out = render(shipped(), notice("reminder-2", "de"));
  EXPECT_TRUE(contains(out.text,
                       "  - Rechnung RE-2026-0815 vom 01.10.2026, fällig am 15.10.2026:\n"
                       "    offen 1.234,56 €, 30 Tage überfällig\n"));
  EXPECT_TRUE(contains(out.html,
                       "<td style=\"padding: 4px 8px; border-bottom: 1px solid #ddd;\">"
                       "01.10.2026</td>"));
}

TEST(NoticeRenderer, FriendlyReminderShowsFeesAndInterestWhenPresent) {
  const RenderedNotice out = render(shipped(), notice("reminder-1", "de"));
  EXPECT_TRUE(contains(out.text, "Mahngebühr zu RE-2026-0815: 5,00 €"));
  EXPECT_TRUE(
      contains(out.text, "Verzugspauschale nach § 288 Abs. 5 BGB zu RE-2026-0815: 40,00 €"));
  EXPECT_TRUE(contains(out.text,
                       "9,27 % p. a. auf 1.234,56 € vom 16.10.2026 bis 14.11.2026 (30 "
                       "Tage): 9,41 €"));
  EXPECT_TRUE(contains(out.text, "Gebühren: 45,00 €"));
}

TEST(NoticeRenderer, FriendlyReminderWithoutChargesShowsNoChargeLines) {
  const RenderedNotice out = render(shipped(), without_charges(notice("reminder-1", "de")));
  EXPECT_FALSE(contains(out.text, "Gebühren"));
  EXPECT_FALSE(contains(out.text, "Verzugszinsen"));
  EXPECT_FALSE(contains(out.html, "Verzugszinsen"));
  EXPECT_TRUE(contains(out.text, "Zu zahlender Gesamtbetrag: 1.734,56 €"));
  EXPECT_TRUE(contains(out.text, "Sicher handelt es sich nur um ein Versehen."));
}

TEST(NoticeRenderer, FinalNoticeMentionsHandOverToCollection) {
  const NoticeRenderer renderer = shipped();
  EXPECT_TRUE(contains(render(renderer, notice("reminder-4", "de")).text, "Inkassounternehmen"));
  EXPECT_TRUE(contains(render(renderer, notice("reminder-4", "en")).html, "debt collection"));
  EXPECT_EQ(render(renderer, notice("reminder-4", "en")).subject,
            "Final notice M-2026-000117, customer number K-10042");
}

TEST(NoticeRenderer, ConsumersAreAddressedByName) {
  NoticeView view = notice("reminder-1", "de");
  view.customer.kind = CustomerKind::consumer;
  view.customer.name = "Jörg Weiß";
  EXPECT_TRUE(contains(render(shipped(), view).text, "Guten Tag Jörg Weiß,"));
}

TEST(NoticeRenderer, ACustomerAbroadGetsTheCountryInTheAddress) {
  NoticeView view = notice("reminder-1", "en");
  view.customer.address = {
      .street = "1 High Street", .postcode = "SW1A 1AA", .city = "London", .country = "GB"};
  EXPECT_TRUE(contains(render(shipped(), view).text, "SW1A 1AA London\nGB\n"));
  EXPECT_TRUE(contains(render(shipped(), notice("reminder-1", "de")).text,
                       "10623 Berlin\n\nDüsseldorf, 14.11.2026"));
}

TEST(NoticeRenderer, HtmlPartEscapesCustomerName) {
  NoticeView view = notice("reminder-1", "de");
  view.customer.name = "<script>alert('x')</script> & \"Co\"";
  const RenderedNotice out = render(shipped(), view);
  EXPECT_FALSE(contains(out.html, "<script>"));
  EXPECT_TRUE(
      contains(out.html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"));
  EXPECT_TRUE(contains(out.text, "<script>alert('x')</script> & \"Co\""));
}

TEST(NoticeRenderer, SubjectStaysOneLineWhenNameHasLineBreak) {
  TemplateDirectory directory;
  directory.write("reminder-1.de.txt", "Subject: Erinnerung für {{customer.name}}\n\nText\n");
  Result<NoticeRenderer> renderer = NoticeRenderer::load(directory.path(), "de");
  ASSERT_TRUE(renderer) << renderer.error().message;
  NoticeView view = notice("reminder-1", "de");
  view.customer.name = "Müller\r\nBcc: alle@example.com\n\u2028Ende\t";
  const RenderedNotice out = render(*renderer, view);
  EXPECT_EQ(out.subject, "Erinnerung für Müller Bcc: alle@example.com Ende");
}

TEST(NoticeRenderer, ShippedSubjectStaysOneLineWhenNoticeNumberHasLineBreak) {
  NoticeView view = notice("reminder-3", "en");
  view.notice_number = "M-1\r\nX-Injected: yes";
  const RenderedNotice out = render(shipped(), view);
  EXPECT_EQ(out.subject.find_first_of("\r\n"), std::string::npos);
  EXPECT_EQ(out.subject, "Second overdue notice M-1 X-Injected: yes, customer number K-10042");
}

TEST(NoticeRenderer, DirectoryTemplateWinsOverShippedOne) {
  TemplateDirectory directory;
  directory.write("reminder-1.de.txt",
                  "Subject: Hallo {{customer.number}}\n\nOffen: {{totals.due}}\n");
  Result<NoticeRenderer> renderer = NoticeRenderer::load(directory.path(), "de");
  ASSERT_TRUE(renderer) << renderer.error().message;
  const RenderedNotice out = render(*renderer, notice("reminder-1", "de"));
  EXPECT_EQ(out.subject, "Hallo K-10042");
  EXPECT_EQ(out.text, "Offen: 1.788,97 €\n");
  EXPECT_EQ(out.html, "");  // the directory's pair replaces the shipped pair as a whole
  EXPECT_TRUE(contains(render(*renderer, notice("reminder-2", "de")).text, "1. Mahnung"));
}

TEST(NoticeRenderer, DirectoryMayAddANewTemplateWithHtml) {
  TemplateDirectory directory;
  directory.write("statement.en.txt", "Subject: Statement\r\n\r\nDue {{totals.due}}\r\n");
  directory.write("statement.en.html", "<p>{{customer.name}}</p>");
  Result<NoticeRenderer> renderer = NoticeRenderer::load(directory.path(), "de");
  ASSERT_TRUE(renderer) << renderer.error().message;
  const RenderedNotice out = render(*renderer, notice("statement", "en"));
  EXPECT_EQ(out.text, "Due EUR 1,788.97\n");
  EXPECT_EQ(out.html, "<p>Bäckerei Müller &amp; Töchter</p>");
}

TEST(NoticeRenderer, BrokenTemplateErrorNamesFileLineAndColumn) {
  TemplateDirectory directory;
  directory.write("reminder-1.de.txt", "Subject: x\n\nZeile 3\nZeile 4 {{#each items}}\n");
  Result<NoticeRenderer> renderer = NoticeRenderer::load(directory.path(), "de");
  ASSERT_FALSE(renderer);
  EXPECT_EQ(renderer.error().message, (directory.path() / "reminder-1.de.txt").string() +
                                          ":4:9: '{{#each items}}' is never closed");
  EXPECT_EQ(renderer.error().position, 4);
}

TEST(NoticeRenderer, BrokenSubjectErrorCountsColumnsInTheFile) {
  TemplateDirectory directory;
  directory.write("reminder-1.de.txt", "Subject: Mahnung {{notice_number\n\nText\n");
  Result<NoticeRenderer> renderer = NoticeRenderer::load(directory.path(), "de");
  ASSERT_FALSE(renderer);
  EXPECT_TRUE(contains(renderer.error().message, "reminder-1.de.txt:1:18: '{{' without a closing"))
      << renderer.error().message;
}

TEST(NoticeRenderer, UnknownNameInDirectoryTemplateFailsAtLoad) {
  TemplateDirectory directory;
  directory.write("reminder-1.de.txt",
                  "Subject: x\n\n{{#if fees}}{{#each fees}}{{amout}}{{/each}}{{/if}}\n");
  Result<NoticeRenderer> renderer = NoticeRenderer::load(directory.path(), "de");
  ASSERT_FALSE(renderer);
  EXPECT_TRUE(contains(renderer.error().message, "reminder-1.de.txt:3:27: unknown name 'amout'"))
      << renderer.error().message;
}

TEST(NoticeRenderer, UnknownNameInHtmlTemplateFailsAtLoad) {
  TemplateDirectory directory;
  directory.write("reminder-1.de.txt", "Subject: x\n\nText\n");
  directory.write("reminder-1.de.html", "<p>\n{{customer.nmae}}</p>");
  Result<NoticeRenderer> renderer = NoticeRenderer::load(directory.path(), "de");
  ASSERT_FALSE(renderer);
  EXPECT_TRUE(
      contains(renderer.error().message, "reminder-1.de.html:2:1: unknown name 'customer.nmae'"))
      << renderer.error().message;
}

TEST(NoticeRenderer, TextTemplateWithoutSubjectLineIsAnError) {
  TemplateDirectory directory;
  directory.write("reminder-1.de.txt", "Betreff: x\n\nText\n");
  Result<NoticeRenderer> renderer = NoticeRenderer::load(directory.path(), "de");
  ASSERT_FALSE(renderer);
  EXPECT_TRUE(contains(renderer.error().message,
                       "reminder-1.de.txt:1:1: expected 'Subject: ...' as the first line"));
}

TEST(NoticeRenderer, SubjectWithoutBlankLineAfterItIsAnError) {
  TemplateDirectory directory;
  directory.write("reminder-1.de.txt", "Subject: x\nText\n");
  Result<NoticeRenderer> renderer = NoticeRenderer::load(directory.path(), "de");
  ASSERT_FALSE(renderer);
  EXPECT_TRUE(contains(renderer.error().message, "reminder-1.de.txt:2:1: expected a blank line"));
}

TEST(NoticeRenderer, HtmlTemplateWithoutTextTemplateIsAnError) {
  TemplateDirectory directory;
  directory.write("invoice.de.html", "<p>x</p>");
  Result<NoticeRenderer> renderer = NoticeRenderer::load(directory.path(), "de");
  ASSERT_FALSE(renderer);
  EXPECT_TRUE(contains(renderer.error().message, "has no invoice.de.txt"));
}

TEST(NoticeRenderer, TemplateFileWithoutLanguageIsAnError) {
  TemplateDirectory directory;
  directory.write("reminder.txt", "Subject: x\n\nText\n");
  Result<NoticeRenderer> renderer = NoticeRenderer::load(directory.path(), "de");
  ASSERT_FALSE(renderer);
  EXPECT_TRUE(contains(renderer.error().message, "<name>.<language>.txt"));
}

TEST(NoticeRenderer, MissingDirectoryIsAnError) {
  Result<NoticeRenderer> renderer = NoticeRenderer::load("/nonexistent/kontor/templates", "de");
  ASSERT_FALSE(renderer);
  EXPECT_TRUE(contains(renderer.error().message, "/nonexistent/kontor/templates"));
}

TEST(NoticeRenderer, LanguageFallsBackToTheConfiguredOneThenGerman) {
  const NoticeView french = notice("reminder-1", "fr");
  EXPECT_TRUE(contains(render(shipped("en"), french).subject, "Payment reminder"));
  EXPECT_TRUE(contains(render(shipped("fr"), french).subject, "Zahlungserinnerung"));
  EXPECT_TRUE(
      contains(render(shipped(""), notice("reminder-1", "")).subject, "Zahlungserinnerung"));
  EXPECT_TRUE(
      contains(render(shipped("en"), notice("reminder-1", "")).subject, "Payment reminder"));
}

TEST(NoticeRenderer, AmountsFollowTheLanguageOfTheTemplateUsed) {
  EXPECT_TRUE(contains(render(shipped("de"), notice("reminder-1", "fr")).text, "1.234,56 €"));
}

TEST(NoticeRenderer, UnknownTemplateNameIsAnError) {
  Result<RenderedNotice> out = shipped().render(notice("reminder-9", "de"));
  ASSERT_FALSE(out);
  EXPECT_TRUE(contains(out.error().message, "reminder-9"));
}

TEST(NoticeRenderer, CheckKnowsTheShippedTemplates) {
  const NoticeRenderer renderer = shipped("en");
  EXPECT_TRUE(renderer.check("reminder-1"));
  EXPECT_TRUE(renderer.check("reminder-4"));
  EXPECT_TRUE(renderer.check("statement"));
  Status missing = renderer.check("mahnung-1");
  ASSERT_FALSE(missing);
  EXPECT_TRUE(contains(missing.error().message, "mahnung-1"));
}

// Loading checks every name a template uses against sample_notice(), in every branch; the
// shipped templates all pass, each in each language it is shipped in.
TEST(NoticeRenderer, EveryShippedTemplatePassesTheNameCheck) {
  Result<NoticeRenderer> renderer = NoticeRenderer::load({}, "de");
  ASSERT_TRUE(renderer) << renderer.error().message;
  int statement_parts = 0;
  for (const ShippedTemplate& file : shipped_templates()) {
    const std::string_view name = file.file_name.substr(0, file.file_name.find('.'));
    SCOPED_TRACE(std::string(file.file_name));
    EXPECT_TRUE(renderer->check(name));
    if (name == "statement") ++statement_parts;
  }
  EXPECT_EQ(statement_parts, 6);  // text, HTML and letter in German and English
}

TEST(NoticeRenderer, StatementShowsOpeningEveryMovementClosingAndAging) {
  const NoticeRenderer renderer = shipped();
  for (std::string language : {"de", "en"}) {
    SCOPED_TRACE(language);
    const bool german = language == "de";
    const RenderedNotice out = render(renderer, statement(language));
    EXPECT_EQ(out.subject, german ? "Kontoauszug Oktober 2026 – Kundennummer K-10042"
                                  : "Statement of account October 2026 – customer K-10042");
    for (const std::string* part : {&out.text, &out.html}) {
      EXPECT_TRUE(contains(*part, german ? "1.000,00 €" : "EUR 1,000.00"));  // opening
      for (std::string_view document :
           {"RE-2026-0950", "GS-2026-0012", "MG-2026-0003", "ZI-2026-0003"}) {
        EXPECT_TRUE(contains(*part, document)) << document;
      }
      for (std::string_view kind :
           german
               ? std::vector<std::string_view>{"Rechnung", "Zahlung", "Gutschrift", "Mahngebühr",
                                               "Verzugszinsen", "Skonto", "Bankgebühren"}
               : std::vector<std::string_view>{"Invoice", "Payment", "Credit note", "Dunning fee",
                                               "Default interest", "Discount", "Bank charges"}) {
        EXPECT_TRUE(contains(*part, kind)) << kind;
      }
      // Every movement's balance after it, and the figures of the summary.
      for (std::string_view amount :
           german ? std::vector<std::string_view>{"2.309,00 €", "1.509,00 €", "1.390,00 €",
                                                  "1.395,00 €", "1.398,21 €", "1.374,41 €",
                                                  "1.309,00 €", "-800,00 €", "-119,00 €", "5,00 €",
                                                  "3,21 €", "-26,30 €"}
                  : std::vector<std::string_view>{"EUR 2,309.00", "EUR 1,509.00", "EUR 1,390.00",
                                                  "EUR 1,395.00", "EUR 1,398.21", "EUR 1,374.41",
                                                  "EUR 1,309.00", "EUR -800.00", "EUR -119.00",
                                                  "EUR 5.00", "EUR 3.21", "EUR -26.30"}) {
        EXPECT_TRUE(contains(*part, amount)) << amount;
      }
      EXPECT_TRUE(contains(*part, german ? "1.371,91 €" : "EUR 1,371.91"));  // closing
      EXPECT_TRUE(contains(*part, german ? "1.174,41 €" : "EUR 1,174.41"));  // not yet due
      EXPECT_TRUE(contains(*part, german ? "197,50 €" : "EUR 197.50"));      // 31 to 60 days
      EXPECT_TRUE(contains(*part, german ? "31.10.2026" : "31 October 2026"));
      EXPECT_TRUE(contains(*part, "RF47 S202 6100 0000 1"));
      EXPECT_TRUE(contains(*part, "DE89 3704 0044 0532 0130 00"));
      EXPECT_TRUE(contains(*part, german ? "nach dem 02.11.2026" : "after 2 November 2026"));
      EXPECT_FALSE(contains(*part, german ? "Guthaben von" : "You have a credit"));
      EXPECT_FALSE(contains(*part, german ? "ausgeglichen" : "balanced"));
    }
    EXPECT_TRUE(contains(out.text, "Groß & Söhne Präzisionstechnik GmbH"));
    EXPECT_TRUE(contains(out.html, "Groß &amp; Söhne Präzisionstechnik GmbH"));
  }
}

TEST(NoticeRenderer, PlainTextStatementAlignsTheColumnsOfItsMovements) {
  const RenderedNotice out = render(shipped(), statement("de"));
  // Columns as wide as their widest value; "ü" and "€" take one column each.
  EXPECT_TRUE(contains(out.text,
                       "  05.10.2026  RE-2026-0950  Rechnung       1.309,00 €  2.309,00 €\n"
                       "  12.10.2026                Zahlung         -800,00 €  1.509,00 €"
                       "  (RE-2026-0815)\n"
                       "  15.10.2026  GS-2026-0012  Gutschrift      -119,00 €  1.390,00 €"
                       "  (RE-2026-0950)\n"
                       "  20.10.2026  MG-2026-0003  Mahngebühr         5,00 €  1.395,00 €"
                       "  (RE-2026-0815)\n"))
      << out.text;
}

TEST(NoticeRenderer, HtmlStatementPutsAmountsUnderDebitOrCredit) {
  const RenderedNotice out = render(shipped(), statement("en"));
  constexpr std::string_view kAmountCell =
      "<td style=\"padding: 4px 8px; border-bottom: 1px solid #ddd; text-align: right; "
      "white-space: nowrap;\">";
  const std::string invoice_row = std::string(kAmountCell) + "EUR 1,309.00</td>" +
                                  std::string(kAmountCell) + "</td>" + std::string(kAmountCell) +
                                  "EUR 2,309.00</td>";
  const std::string payment_row = std::string(kAmountCell) + "</td>" + std::string(kAmountCell) +
                                  "EUR 800.00</td>" + std::string(kAmountCell) +
                                  "EUR 1,509.00</td>";
  EXPECT_TRUE(contains(out.html, invoice_row)) << out.html;
  EXPECT_TRUE(contains(out.html, payment_row)) << out.html;
}

TEST(NoticeRenderer, HtmlStatementEscapesCustomerName) {
  NoticeView view = statement("de");
  view.customer.kind = CustomerKind::consumer;
  view.customer.name = "Jörg <b>Weiß</b> & \"Söhne\"";
  const RenderedNotice out = render(shipped(), view);
  EXPECT_FALSE(contains(out.html, "<b>Weiß</b>"));
  EXPECT_TRUE(contains(out.html, "Jörg &lt;b&gt;Weiß&lt;/b&gt; &amp; &quot;Söhne&quot;"));
  EXPECT_TRUE(contains(out.text, "Guten Tag Jörg <b>Weiß</b> & \"Söhne\","));
}

TEST(NoticeRenderer, StatementWithOpenBalanceAsksForPaymentWithTheReference) {
  const RenderedNotice out = render(shipped(), statement("de"));
  EXPECT_TRUE(contains(out.text, "anbei erhalten Sie Ihren Kontoauszug für Oktober 2026."));
  EXPECT_TRUE(contains(out.text, "Bitte überweisen Sie den offenen Saldo von 1.371,91 €"));
  EXPECT_TRUE(contains(out.text, "IBAN: DE89 3704 0044 0532 0130 00, BIC: COBADEFFXXX\n"));
  EXPECT_TRUE(contains(out.text, "Geben Sie als Verwendungszweck bitte an: RF47 S202 6100 0000 1"));
  EXPECT_FALSE(contains(out.text, "Mahnung"));  // a statement, not a reminder
  EXPECT_TRUE(contains(out.text, "Mit freundlichen Grüßen\n\nGroß & Söhne Präzisionstechnik GmbH"));
}

TEST(NoticeRenderer, StatementInCreditOffersOffsetOrRefundAndAsksForNoPayment) {
  const NoticeRenderer renderer = shipped();
  for (std::string language : {"de", "en"}) {
    SCOPED_TRACE(language);
    const bool german = language == "de";
    const RenderedNotice out = render(renderer, statement_closing_at(language, eur(-5000)));
    for (const std::string* part : {&out.text, &out.html, &out.letter_after_table}) {
      EXPECT_TRUE(contains(*part, german ? "Guthaben von" : "You have a credit of")) << *part;
      EXPECT_TRUE(contains(*part, german ? "50,00 €" : "EUR 50.00"));
      EXPECT_TRUE(contains(*part, german ? "auf Wunsch zahlen wir es Ihnen gerne aus"
                                         : "pay it back to you on request"));
      EXPECT_FALSE(contains(*part, german ? "überweisen" : "transfer"));
      EXPECT_FALSE(contains(*part, "RF47 S202 6100 0000 1"));
      EXPECT_FALSE(contains(*part, "DE89 3704 0044 0532 0130 00"));
    }
  }
}

// Paid after the month ended, before the statement went out: asked only for the rest, or
// thanked when nothing is left.
NoticeView paid_since_october(std::string language, Money since) {
  NoticeView view = statement(std::move(language));
  StatementView& figures = *view.statement;
  figures.since = since;
  const Money left = figures.closing.plus(since).value();
  figures.due = left.is_positive() ? left : eur(0);
  view.total_due = figures.due;
  return view;
}

TEST(NoticeRenderer, StatementAsksOnlyForWhatIsStillOpenAfterPaymentsSinceThePeriodEnded) {
  const NoticeRenderer renderer = shipped();
  for (std::string language : {"de", "en"}) {
    SCOPED_TRACE(language);
    const bool german = language == "de";
    const RenderedNotice out = render(renderer, paid_since_october(language, eur(-100000)));
    for (const std::string* part : {&out.text, &out.html, &out.letter_after_table}) {
      EXPECT_TRUE(contains(
          *part, german ? "noch offenen Betrag von 371,91 €" : "amount still open of EUR 371.91"))
          << *part;
      EXPECT_TRUE(contains(*part, german ? "1.000,00 € eingegangen" : "credited EUR 1,000.00"));
      EXPECT_FALSE(contains(
          *part, german ? "offenen Saldo von 1.371,91 €" : "open balance of EUR 1,371.91"));
    }
  }
}

TEST(NoticeRenderer, StatementPaidInFullSinceThePeriodEndedThanksAndAsksForNothing) {
  const NoticeRenderer renderer = shipped();
  for (std::string language : {"de", "en"}) {
    SCOPED_TRACE(language);
    const bool german = language == "de";
    const RenderedNotice out = render(renderer, paid_since_october(language, eur(-137191)));
    for (const std::string* part : {&out.text, &out.html, &out.letter_after_table}) {
      EXPECT_TRUE(contains(*part, german ? "inzwischen ausgeglichen" : "settled the balance"))
          << *part;
      EXPECT_FALSE(contains(*part, german ? "überweisen" : "transfer"));
      EXPECT_FALSE(contains(*part, "RF47 S202 6100 0000 1"));
    }
  }
}

TEST(NoticeRenderer, BalancedStatementSaysSoAndThanks) {
  const NoticeRenderer renderer = shipped();
  for (std::string language : {"de", "en"}) {
    SCOPED_TRACE(language);
    const bool german = language == "de";
    const RenderedNotice out = render(renderer, statement_closing_at(language, eur(0)));
    for (const std::string* part : {&out.text, &out.html, &out.letter_after_table}) {
      EXPECT_TRUE(contains(*part, german ? "Ihr Konto ist ausgeglichen. Vielen Dank!"
                                         : "Your account is balanced. Thank you!"))
          << *part;
      EXPECT_FALSE(contains(*part, german ? "überweisen" : "transfer"));
      EXPECT_FALSE(contains(*part, german ? "Guthaben von" : "You have a credit"));
      EXPECT_FALSE(contains(*part, "RF47 S202 6100 0000 1"));
    }
  }
}

TEST(NoticeRenderer, StatementLetterHasOnlyTheProseAroundTheTables) {
  const NoticeRenderer renderer = shipped();
  for (std::string language : {"de", "en"}) {
    SCOPED_TRACE(language);
    const bool german = language == "de";
    const RenderedNotice out = render(renderer, statement(language));
    ASSERT_TRUE(out.has_letter);
    EXPECT_TRUE(contains(out.letter_before_table,
                         german ? "Sehr geehrte Damen und Herren," : "Dear Sir or Madam,"));
    EXPECT_TRUE(contains(out.letter_before_table, german ? "Oktober 2026" : "October 2026"));
    EXPECT_TRUE(contains(out.letter_after_table, german ? "1.371,91 €" : "EUR 1,371.91"));
    EXPECT_TRUE(contains(out.letter_after_table, "RF47 S202 6100 0000 1"));
    EXPECT_TRUE(
        contains(out.letter_after_table, german ? "nach dem 02.11.2026" : "after 2 November 2026"));
    EXPECT_TRUE(contains(out.letter_after_table, "Groß & Söhne Präzisionstechnik GmbH"));
    // The letter draws the movements, open items, aging and bank account itself.
    for (const std::string* part : {&out.letter_before_table, &out.letter_after_table}) {
      EXPECT_FALSE(contains(*part, "RE-2026-0950"));
      EXPECT_FALSE(contains(*part, german ? "1.000,00 €" : "EUR 1,000.00"));
      EXPECT_FALSE(contains(*part, "DE89 3704 0044 0532 0130 00"));
      EXPECT_FALSE(contains(*part, "---"));
    }
  }
}

TEST(NoticeRenderer, StatementWithoutMovementsSaysThereWereNone) {
  NoticeView view = statement("en");
  view.statement->movements.clear();
  const RenderedNotice out = render(shipped(), view);
  EXPECT_TRUE(contains(out.text, "There were no entries on your account in this period."));
  EXPECT_TRUE(contains(out.html, "There were no entries on your account in this period."));
}

TEST(NoticeValues, StatementMovementKindsAreNamedInTheNoticeLanguage) {
  const std::vector<std::array<std::string_view, 3>> kinds = {
      {"invoice", "Rechnung", "Invoice"},
      {"credit_note", "Gutschrift", "Credit note"},
      {"cancellation", "Storno", "Cancellation"},
      {"fee", "Mahngebühr", "Dunning fee"},
      {"interest", "Verzugszinsen", "Default interest"},
      {"payment", "Zahlung", "Payment"},
      {"discount", "Skonto", "Discount"},
      {"bank_charges", "Bankgebühren", "Bank charges"},
      {"reversal", "Rückbuchung", "Reversal"},
      {"settled_externally", "Ausgeglichen (ERP)", "Settled (ERP)"}};
  NoticeView view = statement("de");
  view.statement->movements.clear();
  for (const auto& kind : kinds) {
    view.statement->movements.push_back(
        movement(date(2026, 10, 1), std::string(kind[0]), "X-1", "", eur(100), eur(100)));
  }
  for (LocalStyle style : {LocalStyle::german, LocalStyle::english}) {
    const TemplateValue values = notice_values(view, style);
    const auto& listed = field(values, "statement.movements").elements();
    ASSERT_EQ(listed.size(), kinds.size());
    for (std::size_t k = 0; k < kinds.size(); ++k) {
      EXPECT_EQ(field(listed[k], "kind").text(), kinds[k][0]);
      EXPECT_EQ(field(listed[k], "kind_text").text(),
                kinds[k][style == LocalStyle::german ? 1 : 2]);
    }
  }
}

TEST(NoticeValues, StatementSplitsMovementsIntoDebitAndCredit) {
  const TemplateValue values = notice_values(statement("de"), LocalStyle::german);
  const auto& movements = field(values, "statement.movements").elements();
  EXPECT_EQ(field(movements[0], "debit").text(), "1.309,00 €");
  EXPECT_EQ(field(movements[0], "credit").text(), "");
  EXPECT_EQ(field(movements[1], "amount").text(), "-800,00 €");
  EXPECT_EQ(field(movements[1], "debit").text(), "");
  EXPECT_EQ(field(movements[1], "credit").text(), "800,00 €");
  EXPECT_EQ(field(movements[1], "document").text(), "");
  EXPECT_EQ(field(movements[1], "detail").text(), "RE-2026-0815");
  EXPECT_EQ(field(values, "statement.owes").text(), "true");
  EXPECT_EQ(field(values, "statement.has_credit").text(), "");
  EXPECT_EQ(field(values, "statement.credit").text(), "");
  EXPECT_EQ(field(values, "statement.is_statement").text(), "true");
}

TEST(NoticeValues, StatementInCreditShowsTheCreditWithoutSign) {
  const TemplateValue values =
      notice_values(statement_closing_at("en", eur(-5000)), LocalStyle::english);
  EXPECT_EQ(field(values, "statement.closing").text(), "EUR -50.00");
  EXPECT_EQ(field(values, "statement.has_credit").text(), "true");
  EXPECT_EQ(field(values, "statement.credit").text(), "EUR 50.00");
  EXPECT_EQ(field(values, "statement.owes").text(), "");
  EXPECT_EQ(field(values, "statement.aging.credits").text(), "EUR -50.00");
}

TEST(NoticeValues, StatementPeriodIsTheMonthInWordsOnlyForAWholeMonth) {
  NoticeView view = statement("de");
  EXPECT_EQ(field(notice_values(view, LocalStyle::german), "statement.period").text(),
            "Oktober 2026");
  EXPECT_EQ(field(notice_values(view, LocalStyle::english), "statement.period").text(),
            "October 2026");
  view.statement->period_start = date(2026, 3, 1);
  view.statement->period_end = date(2026, 3, 31);
  EXPECT_EQ(field(notice_values(view, LocalStyle::german), "statement.period").text(), "März 2026");
  view.statement->period_end = date(2026, 3, 15);
  EXPECT_EQ(field(notice_values(view, LocalStyle::german), "statement.period").text(),
            "01.03.2026 – 15.03.2026");
  view.statement->period_start = date(2026, 2, 1);
  view.statement->period_end = date(2026, 3, 31);
  EXPECT_EQ(field(notice_values(view, LocalStyle::english), "statement.period").text(),
            "1 February 2026 – 31 March 2026");
}

TEST(NoticeValues, AReminderHasAnEmptyStatement) {
  const TemplateValue values = notice_values(notice("reminder-1", "de"), LocalStyle::german);
  const TemplateValue& statement = field(values, "statement");
  ASSERT_EQ(statement.kind(), TemplateValue::Kind::map);
  for (std::string_view name : {"is_statement",
                                "period",
                                "period_start",
                                "period_end",
                                "opening",
                                "invoices",
                                "credit_notes",
                                "fees",
                                "interest",
                                "payments",
                                "adjustments",
                                "closing",
                                "has_credit",
                                "credit",
                                "owes",
                                "has_open",
                                "aging.not_due",
                                "aging.days_1_30",
                                "aging.days_31_60",
                                "aging.days_61_90",
                                "aging.over_90",
                                "aging.credits",
                                "aging.total"}) {
    EXPECT_EQ(field(statement, name).text(), "") << name;
  }
  EXPECT_TRUE(field(statement, "movements").elements().empty());
  EXPECT_TRUE(field(statement, "open_items").elements().empty());
  // The reminders, which do not use it, read as before.
  EXPECT_TRUE(contains(render(shipped(), notice("reminder-1", "de")).text,
                       "Zu zahlender Gesamtbetrag: 1.788,97 €"));
}

TEST(NoticeValues, SampleNoticeHasOneOfEveryStatementList) {
  const TemplateValue values = notice_values(sample_notice(), LocalStyle::german);
  EXPECT_EQ(field(values, "statement.movements").elements().size(), 1U);
  EXPECT_EQ(field(values, "statement.open_items").elements().size(), 1U);
  EXPECT_EQ(field(values, "kind").text(), "reminder");
}

}  // namespace
}  // namespace kontor::render
