#include "render/epc_qr.hpp"

#include <qrencode.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <system_error>

#include "kontor/model/bic.hpp"
#include "kontor/model/creditor_reference.hpp"
#include "kontor/model/currency.hpp"
#include "kontor/model/iban.hpp"

namespace kontor::render {
namespace {

// Limits of EPC069-12, payload version 002 (the names are the guideline's data elements).
constexpr std::size_t kMaxNameCharacters = 70;         // AT-21 Name of the Beneficiary
constexpr std::size_t kMaxRemittanceCharacters = 140;  // AT-05 Remittance (unstructured)
constexpr std::size_t kMaxNoteCharacters = 70;         // Beneficiary to originator information
constexpr std::int64_t kMinCents = 1;                  // AT-04: 0.01 ...
constexpr std::int64_t kMaxCents = 99'999'999'999;     // ... to 999999999.99
// What a QR code of version 13, the largest the guideline allows, holds in byte mode at level M.
constexpr std::size_t kMaxPayloadBytes = 331;

Error field_error(std::string_view field, const std::string& what, std::int64_t position = 0) {
  return Error{"EPC QR " + std::string(field) + ": " + what, position};
}

std::string code_point_name(char32_t code) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string digits;
  while (code != 0 || digits.size() < 4) {
    digits.insert(digits.begin(), kHex[code & 0xF]);
    code >>= 4;
  }
  return "U+" + digits;
}

// A line break would move every element after it to the wrong line, and the other control
// characters (C0, DEL, C1, the Unicode line and paragraph separators) have no place on a
// transfer either.
bool is_control(char32_t code) {
  return code < 0x20 || (code >= 0x7F && code <= 0x9F) || code == 0x2028 || code == 0x2029;
}

// The number of characters of `text`, which must be well-formed UTF-8 (the payload declares
// character set 1) without control characters. Error positions are 1-based characters.
Result<std::size_t> count_characters(std::string_view field, std::string_view text) {
  std::size_t count = 0;
  std::size_t k = 0;
  while (k < text.size()) {
    ++count;
    const auto lead = static_cast<unsigned char>(text[k]);
    std::size_t length = 0;
    char32_t code = 0;
    char32_t smallest = 0;  // below it, the sequence is an overlong form
    if (lead < 0x80) {
      length = 1;
      code = lead;
    } else if ((lead & 0xE0) == 0xC0) {
      length = 2;
      code = lead & 0x1F;
      smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      code = lead & 0x0F;
      smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4;
      code = lead & 0x07;
      smallest = 0x10000;
    }
    auto not_utf8 = [&] {
      return field_error(field,
                         "not UTF-8 at character " + std::to_string(count) + " (byte " +
                             std::to_string(k + 1) + "); the code declares its text UTF-8",
                         static_cast<std::int64_t>(count));
    };
    if (length == 0 || k + length > text.size()) return not_utf8();
    for (std::size_t i = 1; i < length; ++i) {
      const auto next = static_cast<unsigned char>(text[k + i]);
      if ((next & 0xC0) != 0x80) return not_utf8();
      code = (code << 6) | (next & 0x3F);
    }
    if (code < smallest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return not_utf8();
    if (is_control(code)) {
      return field_error(field,
                         "line breaks and other control characters are not allowed, found " +
                             code_point_name(code) + " at character " + std::to_string(count),
                         static_cast<std::int64_t>(count));
    }
    k += length;
  }
  return count;
}

Status check_text(std::string_view field, std::string_view text, std::size_t max_characters) {
  const Result<std::size_t> characters = count_characters(field, text);
  if (!characters) return characters.error();
  if (*characters > max_characters) {
    return field_error(field,
                       "has " + std::to_string(*characters) + " characters; at most " +
                           std::to_string(max_characters) + " are allowed",
                       static_cast<std::int64_t>(max_characters + 1));
  }
  return {};
}

// AT-04 "Amount of the Credit Transfer in Euro": "EUR" and the amount with a point as decimal
// separator, at most two decimals, 0.01 to 999999999.99 (EPC069-12; the guideline's own example
// writes "EUR12.3", so trailing zeros are optional, not forbidden). Kontor always writes both
// decimals ("EUR214.00"): the amount reads as the notice prints it, and the text is exact —
// integer cents, never a floating-point number.
Result<std::string> amount_element(const Money& amount) {
  if (amount.currency() != Currency::eur()) {
    return field_error("amount", "is in " + std::string(amount.currency().code()) +
                                     "; an EPC QR code requests euros only");
  }
  const std::int64_t cents = amount.minor_units();
  if (cents < kMinCents || cents > kMaxCents) {
    return field_error("amount",
                       amount.to_string() + " is out of range; from 0.01 to 999999999.99 EUR");
  }
  const std::int64_t decimals = cents % 100;
  return "EUR" + std::to_string(cents / 100) + "." + (decimals < 10 ? "0" : "") +
         std::to_string(decimals);
}

}  // namespace

Result<std::string> epc_payload(const EpcPayment& payment) {
  const Result<std::string> amount = amount_element(payment.amount);
  if (!amount) return amount.error();

  if (payment.creditor_name.empty()) {
    return field_error("creditor_name", "is empty; the code must name whom the customer pays");
  }
  if (Status name = check_text("creditor_name", payment.creditor_name, kMaxNameCharacters); !name) {
    return name.error();
  }

  const Result<Iban> iban = Iban::parse(payment.iban);
  if (!iban) return field_error("iban", iban.error().message, iban.error().position);

  std::string bic;
  if (!payment.bic.empty()) {
    const Result<Bic> parsed = Bic::parse(payment.bic);
    if (!parsed) return field_error("bic", parsed.error().message, parsed.error().position);
    bic = parsed->text();
  }

  if (!payment.reference.empty() && !payment.remittance.empty()) {
    return field_error("reference",
                       "given together with remittance text; the guideline allows either a "
                       "structured reference or unstructured text, not both");
  }
  std::string reference;
  if (!payment.reference.empty()) {
    const Result<CreditorReference> parsed = CreditorReference::parse(payment.reference);
    if (!parsed) {
      return field_error("reference", parsed.error().message, parsed.error().position);
    }
    reference = parsed->electronic();
  }
  if (Status remittance = check_text("remittance", payment.remittance, kMaxRemittanceCharacters);
      !remittance) {
    return remittance.error();
  }
  if (Status note = check_text("note", payment.note, kMaxNoteCharacters); !note) {
    return note.error();
  }

  // Service tag, version 002, character set 1 (UTF-8), identification SCT, BIC, name, IBAN,
  // amount, purpose (Kontor gives none), structured reference, unstructured remittance, note.
  std::vector<std::string> elements = {"BCD",
                                       "002",
                                       "1",
                                       "SCT",
                                       bic,
                                       payment.creditor_name,
                                       iban->electronic(),
                                       *amount,
                                       "",
                                       reference,
                                       payment.remittance,
                                       payment.note};
  // Nothing follows the last element given: no empty elements and no separator at the end.
  while (elements.back().empty()) elements.pop_back();
  std::string payload;
  for (const std::string& element : elements) {
    if (!payload.empty()) payload += '\n';
    payload += element;
  }
  if (payload.size() > kMaxPayloadBytes) {
    return field_error("payload", "has " + std::to_string(payload.size()) + " bytes; at most " +
                                      std::to_string(kMaxPayloadBytes) +
                                      " fit the largest code the guideline allows (version 13, "
                                      "level M)");
  }
  return payload;
}

bool QrMatrix::at(int x, int y) const {
  return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) +
              static_cast<std::size_t>(x)];
}

Result<QrMatrix> epc_qr_matrix(const std::string& payload) {
  if (payload.empty()) return field_error("payload", "is empty; there is nothing to encode");
  // 331 bytes in byte mode at level M are exactly what version 13 holds, so a payload within
  // the limit never needs a larger code than the guideline allows.
  if (payload.size() > kMaxPayloadBytes) {
    return field_error("payload", "has " + std::to_string(payload.size()) + " bytes; at most " +
                                      std::to_string(kMaxPayloadBytes) + " fit version 13");
  }
  errno = 0;
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeData(static_cast<int>(payload.size()),
                        reinterpret_cast<const unsigned char*>(payload.data()), 0, QR_ECLEVEL_M),
      &QRcode_free);
  if (code == nullptr) {
    return field_error("payload", "libqrencode cannot encode it: " +
                                      std::error_code(errno, std::generic_category()).message());
  }
  QrMatrix matrix{.size = code->width, .dark = {}};
  const std::size_t modules =
      static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
  matrix.dark.reserve(modules);
  // Bit 0 of each of libqrencode's module bytes is dark; the others say what the module is for.
  for (std::size_t k = 0; k < modules; ++k) matrix.dark.push_back((code->data[k] & 1) != 0);
  return matrix;
}

}  // namespace kontor::render
