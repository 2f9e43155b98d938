// The PDF letter as a reader and a banking app see it: pdftotext (poppler) reads the address,
// the information block, every item and the totals back, on as many pages as the items need,
// each with the table's header and "Seite i von n"; zbarimg reads the GiroCode from the page
// rendered by pdftoppm and gets the exact amount and the notice's RF reference. Independent
// readers, so the test does not check our PDF against our own idea of it.
#include "render/letter_pdf.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "render/epc_qr.hpp"
#include "render/notice_values.hpp"
#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace kontor::render {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

// The sample notice (notice_values.hpp) with `count` invoices of 119.00 EUR, no charges.
NoticeView letter_with_items(int count) {
  NoticeView view = sample_notice();
  view.items.clear();
  view.fees.clear();
  view.interest.clear();
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

}  // namespace
}  // namespace kontor::render
