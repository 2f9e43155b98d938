#include "letter_manifest.hpp"

#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "kontor/model/sha256.hpp"

namespace kontor::plugins::letter {

namespace {

// In the documented order: a person opening the file reads it from the top.
nlohmann::ordered_json party_json(const sdk::Party& party) {
  return {{"name", party.name},
          {"street", party.address.street},
          {"postcode", party.address.postcode},
          {"city", party.address.city},
          {"country", party.address.country}};
}

nlohmann::ordered_json manifest_fields(const LetterManifest& manifest, std::string_view pdf) {
  return {
      {"format", "kontor-letter-1"},
      {"notice", manifest.notice_number},
      {"kind", manifest.kind},
      {"document", manifest.document},
      {"sha256", Sha256::hex_of(pdf)},
      {"bytes", pdf.size()},
      {"recipient", party_json(manifest.recipient)},
      {"sender", party_json(manifest.sender)},
      {"print",
       {{"duplex", manifest.print.duplex},
        {"color", manifest.print.color},
        {"mail_class", manifest.print.mail_class}}},
      {"created", utc_timestamp(manifest.created)},
  };
}

}  // namespace

std::string utc_timestamp(std::chrono::sys_seconds instant) {
  const auto day = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::year_month_day date(day);
  const std::chrono::hh_mm_ss time(instant - day);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return text;
}

std::string manifest_json(const LetterManifest& manifest, std::string_view pdf) {
  return manifest_fields(manifest, pdf)
             .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

std::string upload_json(const LetterManifest& manifest, std::string_view pdf) {
  nlohmann::ordered_json json = manifest_fields(manifest, pdf);
  json["document_base64"] = base64_encoded(pdf);
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string base64_encoded(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t group =
        static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
        static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
        static_cast<unsigned char>(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += kAlphabet[(group >> shift) & 0x3F];
  }
  if (const std::size_t rest = bytes.size() - i; rest > 0) {
    std::uint32_t group = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (rest == 2)
      group |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    out += kAlphabet[(group >> 18) & 0x3F];
    out += kAlphabet[(group >> 12) & 0x3F];
    out += rest == 2 ? kAlphabet[(group >> 6) & 0x3F] : '=';
    out += '=';
  }
  return out;
}

}  // namespace kontor::plugins::letter
