// The `dunning:` section (see the header): schema and reading.
#include "engine/dunning_settings.hpp"

#include <fmt/format.h>

#include <charconv>

#include "config/scalar_syntax.hpp"
#include "config/value_checks.hpp"
#include "render/notice_renderer.hpp"

namespace kontor::engine {
namespace {

using namespace config;

bool bool_of(const ConfigNode* node, bool fallback) {
  if (node == nullptr || !node->is_scalar()) return fallback;
  const std::string& text = node->text();
  if (text == "true" || text == "yes" || text == "on") return true;
  if (text == "false" || text == "no" || text == "off") return false;
  return fallback;
}

Result<Money> money_at(const ConfigNode& section, std::string_view key, Money fallback) {
  const ConfigNode* node = section.find(key);
  if (node == nullptr) return fallback;
  Result<Money> money = money_of(*node);
  if (!money) return Error{fmt::format("dunning.{}: {}", key, money.error().message)};
  return money;
}

Result<Decimal> decimal_at(const ConfigNode& section, std::string_view key, Decimal fallback) {
  const ConfigNode* node = section.find(key);
  if (node == nullptr) return fallback;
  Result<Decimal> value = Decimal::parse(node->text());
  if (!value) return Error{fmt::format("dunning.{}: {}", key, value.error().message)};
  return value;
}

Result<dunning::DunningLevel> level_of(const ConfigNode& node, std::size_t index,
                                       const Currency& currency) {
  dunning::DunningLevel level;
  level.name = config::text_or(node.find("name"), fmt::format("level {}", index + 1));
  level.days_after_due = int_or(node.find("days_after_due"), 0);
  level.days_after_previous = int_or(node.find("days_after_previous"), 0);
  level.fee = Money::zero(currency);
  if (Result<Money> fee = money_at(node, "fee", level.fee); fee) {
    level.fee = *fee;
  } else {
    return Error{fmt::format("level {}: {}", index + 1, fee.error().message)};
  }
  if (level.fee.currency() != currency) {
    return Error{fmt::format("dunning.levels[{}].fee is in {}; dunning charges in {}", index,
                             level.fee.currency().code(), currency.code())};
  }
  level.template_name =
      config::text_or(node.find("template"), fmt::format("reminder-{}", index + 1));
  const std::string channel = config::text_or(node.find("channel"), "preferred");
  level.channel = channel == "letter"  ? dunning::ChannelChoice::letter
                  : channel == "email" ? dunning::ChannelChoice::email
                                       : dunning::ChannelChoice::preferred;
  level.pay_within_days = int_or(node.find("pay_within_days"), 10);
  return level;
}

}  // namespace

FieldSpec dunning_section() {
  ValueSpec level = section({
      required("name", string_value(), "What the level is called on the notice."),
      optional("days_after_due", int_value(0, 3650),
               "Reached this many days after the due date (plus grace days). Default 0."),
      optional("days_after_previous", int_value(0, 3650),
               "... and this many days after the item's previous notice. Default 0."),
      optional("fee", money_value(),
               "Fee of a notice of this level (only while in default). Default none."),
      optional("template", string_value(), "Template name. Default reminder-<level>."),
      defaulted("channel", string_value({"preferred", "email", "letter"}), "preferred",
                "How the notice travels: the customer's preference, or always one way."),
      defaulted("pay_within_days", int_value(0, 365), "10",
                "The notice asks for payment within this many days of its date."),
  });
  ValueSpec base_rate = section({
      required("from", string_value(), "First day (a 1 January or 1 July), YYYY-MM-DD."),
      required("percent", decimal_value(), "Base rate in percent (§247 BGB), may be negative."),
  });
  // What the schema cannot say (a base-rate table with a gap, an unknown holiday region, fees
  // in another currency) is checked with the whole section, so it stops start-up and reload
  // instead of the first dunning run.
  auto whole_section = [](const ConfigNode& node) {
    const Result<DunningSettings> settings = dunning_settings_of(&node);
    if (!settings) return settings.error().message;
    // Templates too: a typo in a template or a level naming none must not wait for a customer.
    Result<render::NoticeRenderer> renderer =
        render::NoticeRenderer::load(settings->template_dir, settings->policy.default_language);
    if (!renderer) return "templates: " + renderer.error().message;
    for (const dunning::DunningLevel& level : settings->policy.levels) {
      if (Status found = renderer->check(level.template_name); !found) {
        return fmt::format("level '{}': {}", level.name, found.error().message);
      }
    }
    return std::string();
  };
  return optional(
      "dunning",
      with_check(
          section({
              required("levels", list_of(level), "The reminder levels, in order."),
              defaulted("currency", string_value(), "EUR", "The currency reminders charge in."),
              defaulted("grace_days", int_value(0, 365), "0",
                        "Days past the due date before an item counts as overdue."),
              optional("minimum_overdue", money_value(),
                       "A customer owing less gets no notice. Default 0.01 EUR."),
              defaulted("due_date_agreed", bool_value(), "false",
                        "Treat every due date as agreed by contract (§286 (2) Nr. 1 BGB) unless "
                        "the ERP says so per item."),
              defaulted("postal_days", int_value(0, 30), "3",
                        "A letter reaches the customer this many days after it is sent."),
              defaulted("email_days", int_value(0, 30), "0",
                        "An e-mail reaches the customer this many days after it is sent."),
              defaulted("invoice_receipt_days", int_value(0, 30), "3",
                        "An invoice reaches the customer this many days after its issue date."),
              defaulted("interest", bool_value(), "true",
                        "Charge default interest (§288 (1), (2) BGB)."),
              defaulted("interest_points_consumer", decimal_value(), "5",
                        "Percentage points above the base rate for consumers."),
              defaulted("interest_points_business", decimal_value(), "9",
                        "Percentage points above the base rate for business customers."),
              defaulted("day_count", string_value({"act/365", "act/act"}), "act/365",
                        "How a day's share of the annual rate is counted."),
              optional("base_rates", list_of(base_rate),
                       "The base rate table (§247 BGB); required when interest is charged."),
              defaulted("flat_fee", bool_value(), "true",
                        "Charge the €40 flat fee (§288 (5) BGB) once per business invoice."),
              optional("flat_fee_amount", money_value(), "The flat fee. Default 40.00 EUR."),
              defaulted("flat_fee_covers_level_fees", bool_value(), "true",
                        "No level fee on an invoice that carries the flat fee (§288 (5) S. 3)."),
              defaulted("hold_on_pending_credit", bool_value(), "true",
                        "Hold a customer's reminders while a credit of theirs is not booked yet."),
              defaulted("hold_on_unreconciled_credit", bool_value(), "true",
                        "Hold a customer's reminders while a credit of theirs waits for review."),
              defaulted("collection_after_days", int_value(0, 3650), "14",
                        "Hand an invoice over to collection this many days after its last level."),
              optional("collection_dir", string_value(),
                       "Folder for the collection hand-over CSV and the call list. Default: "
                       "<state_dir>/collection."),
              optional("template_dir", string_value(),
                       "Folder with templates that replace the shipped ones."),
              defaulted("attach_pdf", bool_value(), "false",
                        "E-mailed notices carry the letter as a PDF attachment too."),
              defaulted("default_language", string_value(), "de",
                        "Language of notices for customers without one."),
              defaulted("notice_prefix", string_value(), "M",
                        "Notice numbers are <prefix>-<year>-<six digits>."),
              optional("holiday_region", string_value(),
                       "German state (e.g. DE-NW) whose public holidays count (§193 BGB)."),
              optional("holidays", list_of(string_value()),
                       "Extra days (YYYY-MM-DD) that count as holidays."),
              defaulted("require_fresh_import", duration_value(), "26h",
                        "Statement imports and a reconcile must have succeeded this recently."),
              defaulted(
                  "max_statement_age", int_value(0, 60), "3",
                  "Warn when an account's newest statement is older (TARGET2 business days)."),
          }),
          whole_section),
      "Dunning: reminder levels, fees and interest, holds (README \"Dunning\").");
}

Result<DunningSettings> dunning_settings_of(const ConfigNode* section) {
  DunningSettings settings;
  dunning::DunningPolicy& policy = settings.policy;
  policy.flat_fee = Money(4000, Currency::eur());
  policy.minimum_overdue = Money(1, Currency::eur());
  Result<dunning::HolidayCalendar> no_region = dunning::HolidayCalendar::make("", {});
  if (!no_region) return no_region.error();
  settings.calendar = *no_region;
  if (section == nullptr || !section->is_map()) return settings;

  Result<Currency> currency =
      Currency::from_code(config::text_or(section->find("currency"), "EUR"));
  if (!currency) return Error{"dunning.currency: " + currency.error().message};
  policy.currency = *currency;
  policy.flat_fee = Money(4000, *currency);
  policy.minimum_overdue = Money(1, *currency);
  if (const ConfigNode* levels = section->find("levels"); levels != nullptr) {
    std::size_t index = 0;
    for (const ConfigNode& node : levels->items()) {
      Result<dunning::DunningLevel> level = level_of(node, index++, *currency);
      if (!level) return level.error();
      policy.levels.push_back(*level);
    }
  }
  policy.grace_days = int_or(section->find("grace_days"), 0);
  Result<Money> minimum = money_at(*section, "minimum_overdue", policy.minimum_overdue);
  if (!minimum) return minimum.error();
  policy.minimum_overdue = *minimum;
  policy.default_rules.postal_days = int_or(section->find("postal_days"), 3);
  policy.default_rules.email_days = int_or(section->find("email_days"), 0);
  policy.default_rules.invoice_receipt_days = int_or(section->find("invoice_receipt_days"), 3);
  policy.due_date_agreed_by_default = bool_of(section->find("due_date_agreed"), false);
  policy.charge_interest = bool_of(section->find("interest"), true);
  Result<Decimal> consumer =
      decimal_at(*section, "interest_points_consumer", policy.points_consumer);
  if (!consumer) return consumer.error();
  policy.points_consumer = *consumer;
  Result<Decimal> business =
      decimal_at(*section, "interest_points_business", policy.points_business);
  if (!business) return business.error();
  policy.points_business = *business;
  Result<dunning::DayCount> day_count =
      dunning::parse_day_count(config::text_or(section->find("day_count"), "act/365"));
  if (!day_count) return day_count.error();
  policy.day_count = *day_count;
  policy.charge_flat_fee = bool_of(section->find("flat_fee"), true);
  Result<Money> flat_fee = money_at(*section, "flat_fee_amount", policy.flat_fee);
  if (!flat_fee) return flat_fee.error();
  policy.flat_fee = *flat_fee;
  policy.flat_fee_covers_level_fees = bool_of(section->find("flat_fee_covers_level_fees"), true);
  policy.hold_on_pending_credit = bool_of(section->find("hold_on_pending_credit"), true);
  policy.hold_on_unreconciled_credit = bool_of(section->find("hold_on_unreconciled_credit"), true);
  policy.collection_after_days = int_or(section->find("collection_after_days"), 14);
  policy.default_language = config::text_or(section->find("default_language"), "de");
  for (const Money* amount : {&policy.minimum_overdue, &policy.flat_fee}) {
    if (amount->currency() != policy.currency) {
      return Error{fmt::format("dunning: {} is not in {}, the currency reminders charge in",
                               amount->format(), policy.currency.code())};
    }
  }

  if (const ConfigNode* rates = section->find("base_rates"); rates != nullptr) {
    std::vector<dunning::BaseRate> table;
    for (const ConfigNode& node : rates->items()) {
      Result<Date> from = Date::parse_iso(config::text_or(node.find("from"), ""));
      if (!from) return Error{"dunning.base_rates: " + from.error().message};
      Result<Decimal> percent = Decimal::parse(config::text_or(node.find("percent"), ""));
      if (!percent) return Error{"dunning.base_rates: " + percent.error().message};
      table.push_back(dunning::BaseRate{.from = *from, .percent = *percent});
    }
    Result<dunning::BaseRateTable> made = dunning::BaseRateTable::make(std::move(table));
    if (!made) return Error{"dunning.base_rates: " + made.error().message};
    settings.base_rates = *made;
  }
  if (policy.charge_interest && !settings.base_rates) {
    return Error{
        "dunning.base_rates is missing: default interest needs the base rates of §247 BGB "
        "(or set dunning.interest: false)"};
  }

  std::vector<Date> extra_days;
  if (const ConfigNode* holidays = section->find("holidays"); holidays != nullptr) {
    for (const ConfigNode& node : holidays->items()) {
      Result<Date> day = Date::parse_iso(node.text());
      if (!day) return Error{"dunning.holidays: " + day.error().message};
      extra_days.push_back(*day);
    }
  }
  Result<dunning::HolidayCalendar> calendar = dunning::HolidayCalendar::make(
      config::text_or(section->find("holiday_region"), ""), std::move(extra_days));
  if (!calendar) return Error{"dunning.holiday_region: " + calendar.error().message};
  settings.calendar = *calendar;

  settings.notice_prefix = config::text_or(section->find("notice_prefix"), "M");
  settings.template_dir = config::text_or(section->find("template_dir"), "");
  settings.attach_pdf = bool_of(section->find("attach_pdf"), false);
  settings.collection_dir = config::text_or(section->find("collection_dir"), "");
  if (const ConfigNode* fresh = section->find("require_fresh_import"); fresh != nullptr) {
    if (auto duration = parse_duration(fresh->text())) settings.require_fresh_import = *duration;
  }
  settings.max_statement_age_days = int_or(section->find("max_statement_age"), 3);
  return settings;
}

}  // namespace kontor::engine
