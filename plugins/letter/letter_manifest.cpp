#include "letter_manifest.hpp"

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
  const nlohmann::ordered_json json = {
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
  return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace kontor::plugins::letter
