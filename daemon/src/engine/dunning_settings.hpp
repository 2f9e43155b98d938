// The `dunning:` section of the configuration: levels, the law of default (interest, flat fee,
// when default begins), holds, the base-rate table, the holiday calendar, how fresh the bank
// data must be, templates and where collection hand-overs go. The README's "Dunning" states
// every rule and its default.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include "config/config_node.hpp"
#include "config/schema.hpp"
#include "dunning/base_rates.hpp"
#include "dunning/calendar.hpp"
#include "dunning/dunning_policy.hpp"
#include "kontor/result.hpp"

namespace kontor::engine {

struct DunningSettings {
  dunning::DunningPolicy policy;
  dunning::HolidayCalendar calendar;
  std::optional<dunning::BaseRateTable> base_rates;  // required when interest is charged
  std::string notice_prefix = "M";                   // notice numbers M-2026-000001
  std::filesystem::path template_dir;                // empty: the shipped templates
  bool attach_pdf = false;               // e-mailed notices carry the PDF letter as an attachment
  std::filesystem::path collection_dir;  // hand-over CSV and call list
  std::chrono::milliseconds require_fresh_import = std::chrono::hours(26);
  int max_statement_age_days = 3;  // TARGET2 business days
};

// The section's schema, for the configuration's validation and `kontord --help`.
config::FieldSpec dunning_section();

// The settings a validated `dunning:` section describes (`section` may be null: the defaults,
// which have no levels, so a dunning job then fails naming the missing key).
Result<DunningSettings> dunning_settings_of(const config::ConfigNode* section);

}  // namespace kontor::engine
