// What the statement-of-account tests compare a statement with, worked out without the statement
// code: amounts read back as a letter ("1.999,00 €") or the admin API ("1999.00") prints them,
// the closing balance a text or letter shows, a GiroCode's amount, and what a customer owes
// according to the store — the open amounts of their items (not those the ERP settled) less
// what their posted payments left unapplied.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.hpp"
#include "support/child_process.hpp"

namespace kontor::testing {

namespace figures_detail {

inline bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Takes a leading minus (ASCII or U+2212) off `text`; whether there was one.
inline bool take_minus(std::string_view& text) {
  for (std::string_view minus : {std::string_view("-"), std::string_view("\xe2\x88\x92")}) {
    if (text.starts_with(minus)) {
      text.remove_prefix(minus.size());
      return true;
    }
  }
  return false;
}

}  // namespace figures_detail

// "1.999,00", "-595,00" (German notation, the minus ASCII or U+2212) → cents; none when the
// text is no such amount.
inline std::optional<std::int64_t> german_cents(std::string_view text) {
  using namespace figures_detail;
  const bool negative = take_minus(text);
  const std::size_t comma = text.find(',');
  if (comma == std::string_view::npos || text.size() - comma != 3) return std::nullopt;
  const std::string_view fraction = text.substr(comma + 1);
  std::string_view whole = text.substr(0, comma);
  // Groups of three after the first, separated by points.
  std::string digits;
  const std::size_t first_point = whole.find('.');
  const std::string_view lead = whole.substr(0, first_point);
  if (!all_digits(lead) || lead.size() > 3 || !all_digits(fraction)) return std::nullopt;
  digits += lead;
  if (first_point != std::string_view::npos) {
    whole.remove_prefix(first_point);
    while (!whole.empty()) {
      if (whole.size() < 4 || whole[0] != '.' || !all_digits(whole.substr(1, 3))) {
        return std::nullopt;
      }
      digits += whole.substr(1, 3);
      whole.remove_prefix(4);
    }
  }
  const std::int64_t cents = std::stoll(digits) * 100 + std::stoll(std::string(fraction));
  return negative ? -cents : cents;
}

// "1999.00", "-595.00" (the admin API's point notation) → cents.
inline std::optional<std::int64_t> point_cents(std::string_view text) {
  using namespace figures_detail;
  const bool negative = take_minus(text);
  const std::size_t point = text.find('.');
  if (point == std::string_view::npos || text.size() - point != 3) return std::nullopt;
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction = text.substr(point + 1);
  if (!all_digits(whole) || !all_digits(fraction)) return std::nullopt;
  const std::int64_t cents =
      std::stoll(std::string(whole)) * 100 + std::stoll(std::string(fraction));
  return negative ? -cents : cents;
}

// Every amount in euros ("1.999,00 €") in `text`, in cents, in the order printed.
inline std::vector<std::int64_t> euro_amounts_in(std::string_view text) {
  static constexpr std::string_view kEuro = " \xe2\x82\xac";
  std::vector<std::int64_t> found;
  for (std::size_t at = text.find(kEuro); at != std::string_view::npos;
       at = text.find(kEuro, at + kEuro.size())) {
    std::size_t start = at;
    while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n' &&
           text[start - 1] != '(') {
      --start;
    }
    if (auto cents = german_cents(text.substr(start, at - start))) found.push_back(*cents);
  }
  return found;
}

// The closing balance as printed: "Endsaldo am 30.11.2026: 214,00 €" in a text, "Endsaldo am
// 30.11.2026      214,00 €" among a letter's figures.
inline std::optional<std::int64_t> printed_closing(std::string_view text) {
  static constexpr std::string_view kClosing = "Endsaldo am ";
  for (std::size_t at = text.find(kClosing); at != std::string_view::npos;
       at = text.find(kClosing, at + 1)) {
    std::string_view rest = text.substr(at + kClosing.size());
    if (rest.size() < 10 || rest[2] != '.' || rest[5] != '.') continue;  // DD.MM.YYYY
    rest.remove_prefix(10);
    if (rest.starts_with(":")) rest.remove_prefix(1);
    const std::size_t line_end = rest.find('\n');
    const std::vector<std::int64_t> amounts = euro_amounts_in(rest.substr(0, line_end));
    if (!amounts.empty()) return amounts.front();
  }
  return std::nullopt;
}

// The lines of `text` (without their line breaks).
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// The first line of `text` that contains `needle`, "" when none does.
inline std::string line_with(const std::string& text, const std::string& needle) {
  for (const std::string& line : lines_of(text)) {
    if (line.find(needle) != std::string::npos) return line;
  }
  return "";
}

// The first line of `text` that starts with `start` (a table's row), "" when none does.
inline std::string line_starting(const std::string& text, const std::string& start) {
  for (const std::string& line : lines_of(text)) {
    if (line.starts_with(start)) return line;
  }
  return "";
}

// The first line after the one containing `header` that shows an amount in euros: a table's
// values under its header.
inline std::string values_under(const std::string& text, const std::string& header) {
  const std::vector<std::string> lines = lines_of(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].find(header) == std::string::npos) continue;
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      if (!euro_amounts_in(lines[j]).empty()) return lines[j];
    }
  }
  return "";
}

// The amount as a GiroCode (EPC QR) carries it: "EUR214.00".
inline std::string girocode_amount(std::int64_t cents) {
  const std::string fraction = std::to_string(cents % 100);
  return "EUR" + std::to_string(cents / 100) + "." + (fraction.size() == 1 ? "0" : "") + fraction;
}

// What a banking app reads from the PDF `pdf`: the GiroCode on each page (rendered by pdftoppm at
// 300 dpi, decoded by zbarimg), pages without one left out. Scratch files go to `scratch`.
inline std::vector<std::string> girocodes_in(const std::filesystem::path& pdf,
                                             const std::filesystem::path& scratch) {
  std::filesystem::create_directories(scratch);
  auto run = [&](std::vector<std::string> argv, const std::string& name) {
    ChildOptions options;
    options.argv = std::move(argv);
    options.output_dir = scratch / name;
    std::filesystem::create_directories(options.output_dir);
    return run_to_end(std::move(options));
  };
  const Completed info = run({"/usr/bin/pdfinfo", pdf.string()}, "pdfinfo");
  const std::string pages_line = line_with(info.out, "Pages:");
  const std::size_t digits = pages_line.find_first_of("0123456789");
  if (info.status != 0 || digits == std::string::npos) {
    ADD_FAILURE() << "pdfinfo shows no page count: " << info.out << info.err;
    return {};
  }
  std::vector<std::string> codes;
  for (int page = 1; page <= std::stoi(pages_line.substr(digits)); ++page) {
    const std::string image = (scratch / ("page-" + std::to_string(page))).string();
    const Completed rendered =
        run({"/usr/bin/pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-f",
             std::to_string(page), "-l", std::to_string(page), pdf.string(), image},
            "pdftoppm-" + std::to_string(page));
    EXPECT_EQ(rendered.status, 0) << rendered.err;
    const Completed decoded = run({"/usr/bin/zbarimg", "--raw", "-q", "-Sbinary", image + ".png"},
                                  "zbarimg-" + std::to_string(page));
    if (decoded.status == 4) continue;  // zbarimg: no code on this page
    EXPECT_EQ(decoded.status, 0) << decoded.err;
    std::string code = decoded.out;
    if (!code.empty() && code.back() == '\n') code.pop_back();
    codes.push_back(code);
  }
  return codes;
}

// The customer's items the store has open for more than zero, number → cents (those the ERP
// settled outside Kontor left out).
inline Result<std::map<std::string, std::int64_t>> owing_items(store::Reader& reader,
                                                               const std::string& customer) {
  store::ItemQuery ask;
  ask.customer_number = customer;
  Result<std::vector<OpenItem>> items = reader.open_items(ask);
  if (!items) return items.error();
  std::map<std::string, std::int64_t> owing;
  for (const OpenItem& item : *items) {
    if (item.settled_externally || !item.open.is_positive()) continue;
    owing.emplace(item.number, item.open.minor_units());
  }
  return owing;
}

// What the customer owes according to the store now, in cents: the open amounts of their items
// (credit notes negative, those the ERP settled outside Kontor left out) less what their posted
// payments left unapplied.
inline Result<std::int64_t> owed_according_to_store(store::Reader& reader,
                                                    const std::string& customer) {
  store::ItemQuery ask;
  ask.customer_number = customer;
  Result<std::vector<OpenItem>> items = reader.open_items(ask);
  if (!items) return items.error();
  std::int64_t owed = 0;
  for (const OpenItem& item : *items) {
    if (!item.settled_externally) owed += item.open.minor_units();
  }
  store::ReconciliationQuery posted;
  posted.state = store::ReconciliationState::posted;
  posted.limit = 1000000;
  Result<std::vector<store::ReconciliationEntry>> payments = reader.reconciliations(posted);
  if (!payments) return payments.error();
  for (const store::ReconciliationEntry& payment : *payments) {
    if (payment.reconciliation.customer_number != customer) continue;
    owed -= payment.reconciliation.unapplied.minor_units();
  }
  return owed;
}

}  // namespace kontor::testing
