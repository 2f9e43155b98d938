// Tests: the shipped reminders as a customer reads them in German and English, and the rules
// of loading templates — a directory's template wins, a broken one is refused with its place.

#include "render/notice_renderer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

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
      .total_due = eur(178897)};
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
  Status missing = renderer.check("mahnung-1");
  ASSERT_FALSE(missing);
  EXPECT_TRUE(contains(missing.error().message, "mahnung-1"));
}

}  // namespace
}  // namespace kontor::render
