// letter_bench: how many reminder letters per second render_letter_pdf() sets as PDF — DIN 5008
// letters with items table, totals, footer and GiroCode — and the memory it takes, for N
// letters generated deterministically.
//
//   letter_bench [--letters 10000] [--seed 1]
//
// Letters carry 1 to 40 items (most 1 to 5), German and English, a tenth to addresses abroad,
// names with umlauts and some very long ones; about one in twenty runs to a second page. The
// floor, in the same run: cairo and Pango writing one PDF per letter with the same number of
// pages but a single line of text on each — what any PDF letter at least costs (the PDF
// structure, the embedded font subset). Timed with steady_clock, never asserted; peak RSS by
// getrusage after each phase. Amounts are exact (minor units).
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_random.hpp"
#include "render/letter_pdf.hpp"
#include "render/notice_values.hpp"

namespace {

using namespace kontor;
using Clock = std::chrono::steady_clock;

struct Letter {
  render::NoticeView view;
  render::LetterText text;
};

Letter make_letter(bench::Random& random, int index) {
  static const char* kNames[] = {"Bäckerei Schmitz GmbH", "Müller & Söhne Präzisionsteile KG",
                                 "Jürgen Weiß",
                                 "Gärtnerei Grünwald — Inhaberin Dr. Anna-Maria Schönberger-"
                                 "Großkopf, Baumschule und Landschaftsbau"};
  Letter letter{.view = render::sample_notice(), .text = {}};
  render::NoticeView& view = letter.view;
  view.customer.name = kNames[random.below(4)];
  view.notice_number = "M-2026-" + std::to_string(100000 + index);
  if (random.percent(10)) {
    view.customer.address = {
        .street = "Mariahilfer Straße 1", .postcode = "1060", .city = "Wien", .country = "AT"};
  }
  const bool german = !random.percent(20);
  const int items = random.percent(5) ? 20 + static_cast<int>(random.below(21))
                                      : 1 + static_cast<int>(random.below(5));
  view.items.clear();
  view.fees.clear();
  view.interest.clear();
  std::int64_t open = 0;
  for (int i = 0; i < items; ++i) {
    const std::int64_t cents = 1'000 + static_cast<std::int64_t>(random.below(500'000));
    open += cents;
    view.items.push_back({.number = "R-2026-" + std::to_string(10000 + i),
                          .type = "invoice",
                          .issue_date = Date::from_ymd(2026, 9, 1).value(),
                          .due_date = Date::from_ymd(2026, 10, 1).value(),
                          .gross = Money(cents, Currency::eur()),
                          .open = Money(cents, Currency::eur()),
                          .level = 2,
                          .refers_to = "",
                          .days_overdue = 58});
  }
  view.total_open = Money(open, Currency::eur());
  view.total_fees = Money(500, Currency::eur());
  view.total_interest = Money(0, Currency::eur());
  view.total_due = Money(open + 500, Currency::eur());
  letter.text = {.language = german ? "de" : "en",
                 .subject = (german ? "1. Mahnung " : "Reminder ") + view.notice_number,
                 .before_table = german ? "Sehr geehrte Damen und Herren,\n\nleider konnten wir "
                                          "bis heute keinen Zahlungseingang feststellen.\n"
                                        : "Dear Sir or Madam,\n\nwe have not yet received your "
                                          "payment for the following items.\n",
                 .after_table = german ? "Bitte überweisen Sie den Betrag bis zum 12.12.2026.\n\n"
                                         "Mit freundlichen Grüßen\n"
                                       : "Please transfer the amount by 12 December 2026.\n\n"
                                         "Kind regards\n"};
  return letter;
}

// The floor: a PDF of `pages` pages with one line of text each.
std::size_t floor_pdf(int pages, const std::string& line) {
  std::size_t bytes = 0;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
      [](void* closure, const unsigned char*, unsigned int length) {
        *static_cast<std::size_t*>(closure) += length;
        return CAIRO_STATUS_SUCCESS;
      },
      &bytes, 595.28, 841.89);
  cairo_t* cr = cairo_create(surface);
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans 10");
  pango_layout_set_font_description(layout, font);
  pango_layout_set_text(layout, line.c_str(), -1);
  for (int page = 0; page < pages; ++page) {
    cairo_move_to(cr, 70, 70);
    pango_cairo_show_layout(cr, layout);
    cairo_show_page(cr);
  }
  pango_font_description_free(font);
  g_object_unref(layout);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return bytes;
}

int pages_of(const std::string& pdf) {
  // cairo writes "/Type /Page" for every page object and "/Type /Pages" for the tree.
  int pages = 0;
  for (std::size_t at = pdf.find("/Type /Page"); at != std::string::npos;
       at = pdf.find("/Type /Page", at + 1)) {
    if (pdf.compare(at, 12, "/Type /Pages") != 0) ++pages;
  }
  return pages;
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

std::int64_t micros_since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  int count = 10'000;
  std::uint64_t seed = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    if (key == "--letters") count = std::atoi(argv[i + 1]);
    if (key == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
  }
  bench::Random random(seed);
  auto start = Clock::now();
  std::vector<Letter> letters;
  letters.reserve(count);
  for (int i = 0; i < count; ++i) letters.push_back(make_letter(random, i));
  const std::int64_t generate_us = micros_since(start);
  const long generated_rss = peak_rss_kib();

  std::vector<int> pages(count);
  std::size_t bytes = 0;
  start = Clock::now();
  for (int i = 0; i < count; ++i) {
    Result<std::string> pdf = render::render_letter_pdf(letters[i].view, letters[i].text);
    if (!pdf) {
      std::fprintf(stderr, "letter %d: %s\n", i, pdf.error().message.c_str());
      return 1;
    }
    pages[i] = pages_of(*pdf);
    bytes += pdf->size();
  }
  const std::int64_t render_us = micros_since(start);
  const long rendered_rss = peak_rss_kib();

  std::size_t floor_bytes = 0;
  start = Clock::now();
  for (int i = 0; i < count; ++i) floor_bytes += floor_pdf(pages[i], letters[i].view.customer.name);
  const std::int64_t floor_us = micros_since(start);

  int total_pages = 0, multi_page = 0;
  for (int p : pages) {
    total_pages += p;
    if (p > 1) ++multi_page;
  }
  auto rate = [](std::int64_t n, std::int64_t us) {
    return n * 1'000'000 / std::max<std::int64_t>(us, 1);
  };
  std::printf("%d letters, %d pages (%d letters of more than one page), seed %llu\n", count,
              total_pages, multi_page, static_cast<unsigned long long>(seed));
  std::printf("generate: %lld ms\n", static_cast<long long>(generate_us / 1000));
  std::printf(
      "render:   %lld ms, %lld letters/s, %lld pages/s, %zu KiB of PDF (%zu bytes per letter)\n",
      static_cast<long long>(render_us / 1000), static_cast<long long>(rate(count, render_us)),
      static_cast<long long>(rate(total_pages, render_us)), bytes / 1024, bytes / count);
  std::printf(
      "floor:    %lld ms, %lld letters/s (%zu bytes per letter); render / floor = %lld.%02lld x\n",
      static_cast<long long>(floor_us / 1000), static_cast<long long>(rate(count, floor_us)),
      floor_bytes / count, static_cast<long long>(render_us / std::max<std::int64_t>(floor_us, 1)),
      static_cast<long long>(render_us * 100 / std::max<std::int64_t>(floor_us, 1) % 100));
  std::printf("peak RSS: %ld KiB after generating, %ld KiB after rendering\n", generated_rss,
              rendered_rss);
  return 0;
}
