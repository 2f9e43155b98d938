// The `export:` section (see the header): schema and reading.
#include "export/export_settings.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "config/scalar_syntax.hpp"
#include "kontor/model/enum_text.hpp"

namespace kontor::exports {
namespace {

using namespace config;

constexpr EnumName<BookingKind> kKinds[] = {
    {BookingKind::payments, "payments"},         {BookingKind::fees, "fees"},
    {BookingKind::interest, "interest"},         {BookingKind::write_offs, "write_offs"},
    {BookingKind::bank_charges, "bank_charges"}, {BookingKind::invoices, "invoices"},
};

std::vector<std::string> names_of_kinds() {
  std::vector<std::string> names;
  for (const EnumName<BookingKind>& entry : kKinds) names.emplace_back(entry.name);
  return names;
}

ValueSpec account_number() {
  return with_check(
      string_value(), [](const ConfigNode& node) { return check_account_number(node.text()); },
      "an account number such as \"1200\"");
}

ValueSpec tax_key() {
  return with_check(
      string_value(), [](const ConfigNode& node) { return check_tax_key(node.text()); },
      "a tax key such as \"3\"");
}

// Which keys of `export.debtor_account` belong to which rule: a key the rule does not read is a
// mistake worth stopping for (an `account:` under from_customer_number would be ignored).
std::string check_debtor_account_rule(const ConfigNode& node) {
  const std::string rule = text_or(node.find("rule"), "");
  if (rule.empty()) return {};  // missing or invalid: already reported where it is written
  const bool has_account = node.find("account") != nullptr;
  const bool has_offset = node.find("offset") != nullptr;
  if (rule == "fixed" && !has_account)
    return "rule fixed needs the account, e.g. account: \"10000\"";
  if (rule != "fixed" && has_account) return "account: belongs to rule fixed only";
  if (rule != "from_customer_number" && (has_offset || node.find("prefix") != nullptr)) {
    return "offset: and prefix: belong to rule from_customer_number only";
  }
  return {};
}

std::vector<FieldSpec> one_per_role(const ValueSpec& value, std::string_view what) {
  std::vector<FieldSpec> fields;
  for (AccountRole role : all_account_roles()) {
    fields.push_back(optional(std::string(to_string(role)), value,
                              fmt::format("{} for {}.", what, to_string(role))));
  }
  return fields;
}

Result<DebtorAccountRule> debtor_account_rule_of(const ConfigNode* node) {
  DebtorAccountRule rule;
  if (node == nullptr || !node->is_map()) return rule;
  Result<DebtorAccountRuleKind> kind =
      parse_debtor_account_rule_kind(text_or(node->find("rule"), ""));
  if (!kind) return Error{"export.debtor_account.rule: " + kind.error().message};
  rule.kind = *kind;
  rule.account = text_or(node->find("account"), "");
  if (const ConfigNode* offset = node->find("offset"); offset != nullptr) {
    rule.offset = parse_int(offset->text()).value_or(0);
  }
  rule.prefix = text_or(node->find("prefix"), "");
  return rule;
}

}  // namespace

std::string_view to_string(BookingKind kind) {
  return enum_to_text(kKinds, kind);
}

Result<BookingKind> parse_booking_kind(std::string_view text) {
  return enum_from_text(kKinds, "booking kind", text);
}

bool ExportSettings::includes(BookingKind kind) const {
  return std::find(include.begin(), include.end(), kind) != include.end();
}

FieldSpec export_section() {
  const ValueSpec debtor_account = with_check(
      section({
          required("rule", string_value({"none", "fixed", "from_customer_number", "receivables"}),
                   "fixed: one account for all; from_customer_number: offset + customer number; "
                   "receivables: the chart's collective account; none: the ERP must send one."),
          optional("account", account_number(), "The account of rule fixed, e.g. \"10000\"."),
          optional("offset", int_value(0, 999'999'999),
                   "Added to the customer number by rule from_customer_number. Default 0."),
          optional("prefix", string_value(),
                   "Taken off the customer number before rule from_customer_number reads it, "
                   "e.g. \"K-\" for K-10001."),
      }),
      check_debtor_account_rule);
  return optional(
      "export",
      section({
          required("chart", string_value({"skr03", "skr04"}),
                   "The bookkeeping's chart of accounts; every preset account follows from it."),
          optional("accounts", section(one_per_role(account_number(), "Ledger account")),
                   "Accounts that differ from the chart's preset (ask the tax advisor)."),
          optional("automatic", section(one_per_role(bool_value(), "DATEV automatic account")),
                   "Whether DATEV computes an account's VAT itself (then no tax key is sent)."),
          optional("tax_keys",
                   section({
                       optional("19", tax_key(), "Tax key for 19 %. Default \"3\"."),
                       optional("7", tax_key(), "Tax key for 7 %. Default \"2\"."),
                       optional("0", tax_key(), "Tax key for 0 %. Default none."),
                   }),
                   "DATEV tax keys (BU-Schlüssel) on non-automatic accounts, by VAT rate."),
          optional("debtor_account", debtor_account,
                   "How to find a debtor account when the ERP sends none with an item."),
          optional("include", list_of(string_value(names_of_kinds())),
                   "What is exported. Default: payments, fees, interest, write_offs, "
                   "bank_charges (invoices only on request)."),
          defaulted("credit_notes", string_value({"revenue", "revenue_reductions"}), "revenue",
                    "Credit notes reverse the revenue accounts or book to Erlösschmälerungen."),
      }),
      "Export to bookkeeping: chart, accounts, tax keys, debtor accounts, what is exported.");
}

Result<ExportSettings> export_settings_of(const ConfigNode* section) {
  if (section == nullptr || !section->is_map()) {
    return Error{"the export: section is missing; it names the chart (skr03 or skr04)"};
  }
  Result<ChartPreset> preset = parse_chart_preset(text_or(section->find("chart"), ""));
  if (!preset) return Error{"export.chart: " + preset.error().message};
  ExportSettings settings;
  settings.chart = ChartOfAccounts::of(*preset);

  if (const ConfigNode* accounts = section->find("accounts"); accounts != nullptr) {
    for (const ConfigNode::Entry& entry : accounts->entries()) {
      Result<AccountRole> role = parse_account_role(entry.key);
      if (!role) return Error{"export.accounts: " + role.error().message};
      settings.chart.set_number(*role, entry.value.text());
    }
  }
  if (const ConfigNode* automatic = section->find("automatic"); automatic != nullptr) {
    for (const ConfigNode::Entry& entry : automatic->entries()) {
      Result<AccountRole> role = parse_account_role(entry.key);
      if (!role) return Error{"export.automatic: " + role.error().message};
      settings.chart.set_automatic(*role, parse_bool(entry.value.text()).value_or(false));
    }
  }
  if (const ConfigNode* keys = section->find("tax_keys"); keys != nullptr) {
    for (const ConfigNode::Entry& entry : keys->entries()) {
      Result<VatRate> rate = parse_vat_rate(entry.key);
      if (!rate) return Error{"export.tax_keys: " + rate.error().message};
      settings.tax_keys.set(*rate, entry.value.text());
    }
  }
  Result<DebtorAccountRule> rule = debtor_account_rule_of(section->find("debtor_account"));
  if (!rule) return rule.error();
  settings.debtor_account = *rule;

  if (const ConfigNode* include = section->find("include"); include != nullptr) {
    settings.include.clear();
    for (const ConfigNode& item : include->items()) {
      Result<BookingKind> kind = parse_booking_kind(item.text());
      if (!kind) return Error{"export.include: " + kind.error().message};
      settings.include.push_back(*kind);
    }
  }
  settings.credit_notes = text_or(section->find("credit_notes"), "revenue") == "revenue_reductions"
                              ? CreditNoteAccounts::revenue_reductions
                              : CreditNoteAccounts::revenue;
  return settings;
}

}  // namespace kontor::exports
