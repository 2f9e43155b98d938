// GET /accounts and GET /files: what the statement import left in the store, for the operator
// who wants to know "are the bank's statements coming in, and is anything stuck?".
#include <nlohmann/json.hpp>

#include "config/company_section.hpp"
#include "service/admin_backend.hpp"

namespace kontor::service {
namespace {

using admin::AdminRequest;
using admin::AdminResponse;
using admin::json_error;
using nlohmann::json;

constexpr std::int64_t kDefaultFileLimit = 50;
constexpr std::int64_t kMaxFileLimit = 1000;

json balance_json(const std::optional<StatementBalance>& balance) {
  if (!balance) return json();
  return {{"amount", balance->amount.format()},
          {"currency", std::string(balance->amount.currency().code())},
          {"date", balance->date.to_iso()}};
}

}  // namespace

void add_statement_routes(admin::AdminRoutes& routes, AdminBackend& backend) {
  // Per account: how many booked statements, the last booking date, the last closing balance;
  // and whether it is one of company.bank_accounts (others are warned about, never imported).
  routes.add("GET", "/accounts", [&backend](const AdminRequest&) -> AdminResponse {
    std::vector<store::AccountSummary> summaries;
    Status read = backend.store().read([&](store::Reader& reader) -> Status {
      auto found = reader.account_summaries();
      if (!found) return found.error();
      summaries = std::move(found).value();
      return {};
    });
    if (!read) return json_error(500, read.error().message);
    const config::ConfigNode* section = backend.configuration().root.find("company");
    const Company company = section != nullptr ? config::company_of(*section) : Company{};
    json list = json::array();
    for (const auto& summary : summaries) {
      list.push_back(
          {{"account", summary.account},
           {"configured", company.bank_account(summary.account) != nullptr},
           {"statements", summary.statements},
           {"last_booking_date",
            summary.last_booking_date ? json(summary.last_booking_date->to_iso()) : json()},
           {"last_closing_balance", balance_json(summary.last_closing)}});
    }
    return {200, list.dump()};
  });

  // Files the intake refused (no parser read them, or the parser refused them), newest first.
  // `state=quarantined` is the only state kept; it is also the default.
  routes.add("GET", "/files", [&backend](const AdminRequest& request) -> AdminResponse {
    if (auto it = request.query.find("state");
        it != request.query.end() && it->second != "quarantined") {
      return json_error(400, "state must be quarantined (imported files are in the runs)");
    }
    const auto limit = admin::query_limit(request, kDefaultFileLimit, kMaxFileLimit);
    if (!limit) return json_error(400, "limit must be a whole number from 1 to 1000");
    std::vector<store::RefusedFile> files;
    Status read = backend.store().read([&](store::Reader& reader) -> Status {
      auto found = reader.refused_files(*limit);
      if (!found) return found.error();
      files = std::move(found).value();
      return {};
    });
    if (!read) return json_error(500, read.error().message);
    json list = json::array();
    for (const auto& refused : files) {
      list.push_back({{"name", refused.file.name},
                      {"source", refused.file.source},
                      {"size", refused.file.size},
                      {"sha256", refused.file.sha256},
                      {"refused_at", refused.refused_at},
                      {"reason", refused.reason}});
    }
    return {200, list.dump()};
  });
}

}  // namespace kontor::service
