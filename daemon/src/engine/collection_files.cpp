// Collection hand-over and call list (see the header).
#include "engine/collection_files.hpp"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <system_error>

namespace kontor::engine {
namespace {

std::string date_cell(const std::optional<Date>& day) {
  return day ? day->to_iso() : std::string();
}

// Only [A-Za-z0-9._-] of the run key reach the file name.
std::string file_safe(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '-' || c == '_';
    out += safe ? c : '_';
  }
  return out;
}

Status write_atomically(const std::filesystem::path& path, const std::string& content) {
  const std::filesystem::path temporary = path.parent_path() / ("." + path.filename().string());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << content;
    out.flush();
    if (!out) return Error{"cannot write " + temporary.string()};
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) return Error{"cannot rename " + temporary.string() + ": " + error.message()};
  return {};
}

const dunning::CustomerBook* account_of(const dunning::DunningBook& book,
                                        const std::string& number) {
  for (const dunning::CustomerBook& account : book.customers) {
    if (account.customer.number == number) return &account;
  }
  return nullptr;
}

}  // namespace

std::string csv_text_cell(std::string_view text) {
  std::string cell = "\"";
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r')) {
    cell += '\'';
  }
  for (char c : text) {
    if (c == '"') cell += '"';
    cell += c;
  }
  return cell + "\"";
}

Result<CollectionFiles> write_collection_files(const std::filesystem::path& folder,
                                               const dunning::DunningPlan& plan,
                                               const dunning::DunningBook& book,
                                               const dunning::DunningPolicy& policy,
                                               const Date& today, const std::string& run_key) {
  CollectionFiles written;
  const int last_level = static_cast<int>(policy.levels.size());
  std::vector<const dunning::PlannedNotice*> final_notices;
  for (const dunning::PlannedNotice& notice : plan.notices) {
    if (notice.level == last_level) final_notices.push_back(&notice);
  }
  if (plan.handovers.empty() && final_notices.empty()) return written;
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) return Error{"cannot create " + folder.string() + ": " + error.message()};
  const std::string stem = fmt::format("{}_{}", today.to_iso(), file_safe(run_key));

  if (!plan.handovers.empty()) {
    std::string csv =
        "customer_number;name;street;postcode;city;country;email;customer_kind;invoice;"
        "issue_date;due_date;currency;principal_open;fees_open;interest_open;"
        "first_reminded_on;last_reminded_on;default_since\r\n";
    for (const dunning::Handover& handover : plan.handovers) {
      const dunning::CustomerBook* account = account_of(book, handover.customer_number);
      if (account == nullptr) continue;
      const Customer& customer = account->customer;
      const OpenItem* invoice = nullptr;
      std::int64_t fees = 0;
      std::int64_t interest = 0;
      for (const OpenItem& item : account->items) {
        if (item.number == handover.item_number) invoice = &item;
        if (item.refers_to != handover.item_number) continue;
        if (item.type == OpenItemType::fee) fees += item.open.minor_units();
        if (item.type == OpenItemType::interest) interest += item.open.minor_units();
      }
      if (invoice == nullptr) continue;
      const Currency& currency = invoice->open.currency();
      csv += fmt::format(
          "{};{};{};{};{};{};{};{};{};{};{};{};{};{};{};{};{};{}\r\n",
          csv_text_cell(customer.number), csv_text_cell(customer.name),
          csv_text_cell(customer.address.street), csv_text_cell(customer.address.postcode),
          csv_text_cell(customer.address.city), csv_text_cell(customer.address.country),
          csv_text_cell(customer.email), to_string(customer.kind), csv_text_cell(invoice->number),
          date_cell(invoice->issue_date), invoice->due_date.to_iso(), currency.code(),
          invoice->open.format(), Money(fees, currency).format(),
          Money(interest, currency).format(), date_cell(handover.history.first_reminded_on),
          date_cell(handover.history.last_reminded_on), date_cell(handover.default_since));
    }
    written.handover = folder / fmt::format("collection_{}.csv", stem);
    if (Status done = write_atomically(written.handover, csv); !done) return done.error();
  }

  std::map<std::string, std::string> reasons;  // customer → why to call
  for (const dunning::PlannedNotice* notice : final_notices) {
    reasons[notice->customer_number] = "final notice sent";
  }
  for (const dunning::Handover& handover : plan.handovers) {
    reasons[handover.customer_number] = "handed over to collection";
  }
  std::string calls = "customer_number;name;email;reason;total_open;currency\r\n";
  for (const auto& [number, reason] : reasons) {
    const dunning::CustomerBook* account = account_of(book, number);
    if (account == nullptr) continue;
    std::int64_t open = 0;
    for (const OpenItem& item : account->items) {
      if (item.open.currency() == policy.currency) open += item.open.minor_units();
    }
    calls += fmt::format("{};{};{};{};{};{}\r\n", csv_text_cell(number),
                         csv_text_cell(account->customer.name),
                         csv_text_cell(account->customer.email), csv_text_cell(reason),
                         Money(open, policy.currency).format(), policy.currency.code());
  }
  written.call_list = folder / fmt::format("call-list_{}.csv", stem);
  if (Status done = write_atomically(written.call_list, calls); !done) return done.error();
  return written;
}

}  // namespace kontor::engine
