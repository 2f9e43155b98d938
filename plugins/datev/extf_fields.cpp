#include "extf_fields.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <vector>

#include "extf_text.hpp"

namespace kontor::plugins::datev {
namespace {

bool is_ascii_letter(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}

// Letters of cp1252 beyond ASCII: À–ÿ without × and ÷, and Š Œ Ž š œ ž Ÿ.
bool is_cp1252_letter(unsigned char c) {
  if (c >= 0xC0) return c != 0xD7 && c != 0xF7;
  return c == 0x8A || c == 0x8C || c == 0x8E || c == 0x9A || c == 0x9C || c == 0x9E || c == 0x9F;
}

bool allowed(unsigned char c, TextCharset charset) {
  switch (charset) {
    case TextCharset::any:
      return true;
    case TextCharset::document_number:
      return is_ascii_letter(c) || is_digit(c) || c == '$' || c == '&' || c == '%' || c == '*' ||
             c == '+' || c == '-' || c == '/';
    case TextCharset::word:
      return is_ascii_letter(c) || is_digit(c) || c == '_';
    case TextCharset::upper_letters:
      return c >= 'A' && c <= 'Z';
    case TextCharset::digits:
      return is_digit(c);
    case TextCharset::label:
      return is_ascii_letter(c) || is_cp1252_letter(c) || is_digit(c) || c == '_' || c == ' ' ||
             c == '.' || c == '/';
  }
  return false;
}

std::string_view allowed_description(TextCharset charset) {
  switch (charset) {
    case TextCharset::any:
      return "any text";
    case TextCharset::document_number:
      return "A-Z a-z 0-9 $ & % * + - /";
    case TextCharset::word:
      return "A-Z a-z 0-9 _";
    case TextCharset::upper_letters:
      return "A-Z";
    case TextCharset::digits:
      return "0-9";
    case TextCharset::label:
      return "letters, digits, _ . / and blanks";
  }
  return "";
}

}  // namespace

std::string FieldPlace::describe() const {
  if (record == 0) return fmt::format("header, field {} ({})", column, heading);
  return fmt::format("record {}, field {} ({})", record, column, heading);
}

Error field_error(const FieldPlace& place, std::string_view reason) {
  return Error{fmt::format("{}: {}", place.describe(), reason), place.record};
}

Result<WrittenField> text_field(std::string_view utf8, const TextRule& rule,
                                const FieldPlace& place) {
  Cp1252Text text = to_cp1252(utf8);
  bool blanked = blank_out_control_bytes(text.bytes);
  std::vector<std::string> changes;
  if (text.changed) {
    changes.push_back("characters Windows-1252 cannot hold written as look-alikes or '?'");
  }
  if (blanked) changes.push_back("line breaks, tabs or other control characters made blanks");

  if (rule.charset != TextCharset::any) {
    // A changed character in a restricted field would be a different key (Belegfeld 1 clears the
    // open item): refuse rather than write something the caller did not mean.
    auto bad = std::find_if(text.bytes.begin(), text.bytes.end(), [&](char c) {
      return !allowed(static_cast<unsigned char>(c), rule.charset);
    });
    if (bad != text.bytes.end() || text.changed || blanked) {
      return field_error(place, fmt::format("'{}' has characters outside {}", utf8,
                                            allowed_description(rule.charset)));
    }
  }

  if (text.bytes.size() > rule.max_length) {
    if (rule.overflow == Overflow::reject) {
      return field_error(place, fmt::format("'{}' is {} characters long, at most {} are allowed",
                                            utf8, text.bytes.size(), rule.max_length));
    }
    changes.push_back(
        fmt::format("cut to {} characters (was {})", rule.max_length, text.bytes.size()));
    text.bytes.resize(rule.max_length);
  }

  WrittenField written{.text = quoted(text.bytes), .change = {}};
  if (!changes.empty()) {
    written.change = fmt::format("{}: '{}' {}", place.describe(), utf8, fmt::join(changes, "; "));
  }
  return written;
}

Result<std::string> amount_field(const Money& amount, const FieldPlace& place) {
  if (amount.currency().minor_digits() != 2) {
    return field_error(place,
                       fmt::format("{} has {} decimals; DATEV amounts have exactly two",
                                   amount.currency().code(), amount.currency().minor_digits()));
  }
  if (amount.is_zero()) return field_error(place, "the amount is 0,00; DATEV refuses it");
  if (amount.is_negative()) {
    return field_error(place, fmt::format("the amount {} is negative; DATEV takes the direction "
                                          "from Soll/Haben, the amount is always positive",
                                          amount.to_string()));
  }
  // \d{1,10},\d{2}: at most 9 999 999 999,99.
  constexpr std::int64_t kLargest = 999'999'999'999;
  if (amount.minor_units() > kLargest) {
    return field_error(place, fmt::format("the amount {} has more than ten digits before the comma",
                                          amount.to_string()));
  }
  return fmt::format("{},{:02}", amount.minor_units() / 100, amount.minor_units() % 100);
}

Result<AccountKind> account_kind(std::string_view account, int account_length,
                                 const FieldPlace& place) {
  if (account.empty()) {
    // DATEV would repeat the previous record's account ("geschleppt").
    return field_error(place, "no account; an empty account takes the previous record's");
  }
  if (!std::all_of(account.begin(), account.end(),
                   [](char c) { return is_digit(static_cast<unsigned char>(c)); })) {
    return field_error(place, fmt::format("account '{}' is not all digits", account));
  }
  if (account.find_first_not_of('0') == std::string_view::npos) {
    return field_error(place, fmt::format("account '{}' is all zeros", account));
  }
  auto length = static_cast<int>(account.size());
  if (length <= account_length) return AccountKind::general_ledger;
  if (length == account_length + 1) {
    if (account.front() == '0') {
      return field_error(place, fmt::format("account '{}' has {} digits but starts with 0: not a "
                                            "Personenkonto, and too long for a Sachkonto",
                                            account, length));
    }
    return AccountKind::personal;
  }
  return field_error(
      place, fmt::format("account '{}' has {} digits; with Sachkontenlänge {} a Sachkonto "
                         "has at most {} and a Personenkonto {}",
                         account, length, account_length, account_length, account_length + 1));
}

std::string day_month(const Date& date) {
  return fmt::format("{:02}{:02}", date.day(), date.month());
}

std::string day_month_year(const Date& date) {
  return fmt::format("{:02}{:02}{:04}", date.day(), date.month(), date.year());
}

std::string year_month_day(const Date& date) {
  return fmt::format("{:04}{:02}{:02}", date.year(), date.month(), date.day());
}

}  // namespace kontor::plugins::datev
