// The stale-bank-data check (see the header).
#include "engine/bank_freshness.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "dunning/calendar.hpp"

namespace kontor::engine {
namespace {

std::string when(const std::optional<store::Instant>& instant) {
  return instant ? format_instant(*instant) : std::string("never");
}

std::string duration_text(std::chrono::milliseconds duration) {
  const auto hours = std::chrono::duration_cast<std::chrono::hours>(duration).count();
  return hours * 3600000 == duration.count() ? fmt::format("{} h", hours)
                                             : fmt::format("{} ms", duration.count());
}

// The store's instants carry milliseconds ("2026-11-28T09:30:00.123Z"); seconds are enough here.
std::string whole_seconds(const std::string& instant) {
  const auto dot = instant.find('.');
  return dot == std::string::npos ? instant : instant.substr(0, dot) + "Z";
}

}  // namespace

Result<BankFreshness> check_bank_freshness(const config::KontorConfig& config,
                                           const Company& company, const DunningSettings& settings,
                                           store::Reader& reader, TimePoint now,
                                           const Date& today) {
  BankFreshness result;
  const TimePoint oldest_allowed = now - settings.require_fresh_import;
  const std::string window = duration_text(settings.require_fresh_import);
  if (company.bank_accounts.empty()) {
    result.warnings.push_back("company.bank_accounts is empty: no bank data to check");
    return result;
  }
  Result<std::map<std::string, std::vector<std::string>>> sources = reader.statement_sources();
  if (!sources) return sources.error();
  Result<std::vector<store::RefusedFile>> refused = reader.refused_files(10'000);
  if (!refused) return refused.error();
  Result<std::vector<store::AccountSummary>> summaries = reader.account_summaries();
  if (!summaries) return summaries.error();

  // The latest successful reconcile run of any reconcile job.
  std::optional<store::JobRun> last_reconcile;
  for (const config::JobSettings& job : config.jobs) {
    if (job.engine != "reconcile") continue;
    Result<std::vector<store::JobRun>> runs = reader.job_runs(job.name, 50);
    if (!runs) return runs.error();
    for (const store::JobRun& run : *runs) {
      if (run.outcome != JobRunOutcome::succeeded || !run.started_at) continue;
      if (!last_reconcile || *run.started_at > *last_reconcile->started_at) last_reconcile = run;
      break;
    }
  }

  for (const CompanyBankAccount& bank_account : company.bank_accounts) {
    const std::string account = bank_account.iban.electronic();
    const auto known = sources->find(account);
    if (known == sources->end()) {
      result.refusals.push_back(fmt::format(
          "account {}: no statement of it was ever imported, so its payments are unknown",
          account));
      continue;
    }
    const std::set<std::string> account_sources(known->second.begin(), known->second.end());
    std::vector<const config::JobSettings*> importers;
    for (const config::JobSettings& job : config.jobs) {
      if (job.engine != "import_statements" || !job.enabled) continue;
      const bool delivers = std::any_of(job.inputs.begin(), job.inputs.end(), [&](auto& input) {
        return account_sources.count(input) > 0;
      });
      if (delivers) importers.push_back(&job);
    }
    if (importers.empty()) {
      result.refusals.push_back(
          fmt::format("account {}: no enabled import_statements job reads its source ({})", account,
                      fmt::join(account_sources, ", ")));
      continue;
    }
    std::optional<store::Instant> latest_import_end;
    bool fresh = true;
    for (const config::JobSettings* job : importers) {
      Result<std::vector<store::JobRun>> runs = reader.job_runs(job->name, 1);
      if (!runs) return runs.error();
      if (runs->empty()) {
        result.refusals.push_back(
            fmt::format("account {}: import job '{}' has never run", account, job->name));
        fresh = false;
        continue;
      }
      const store::JobRun& last = runs->front();
      if (last.outcome != JobRunOutcome::succeeded) {
        result.refusals.push_back(fmt::format(
            "account {}: the last run of import job '{}' ({}) did not succeed: {} {}", account,
            job->name, when(last.started_at), to_string(last.outcome), last.error));
        fresh = false;
        continue;
      }
      if (!last.ended_at || *last.ended_at < oldest_allowed) {
        result.refusals.push_back(
            fmt::format("account {}: import job '{}' last succeeded at {}, longer ago than {}",
                        account, job->name, when(last.ended_at), window));
        fresh = false;
        continue;
      }
      for (const store::RefusedFile& file : *refused) {
        if (std::find(job->inputs.begin(), job->inputs.end(), file.file.source) ==
            job->inputs.end()) {
          continue;
        }
        Result<TimePoint> at = parse_instant(whole_seconds(file.refused_at), "UTC");
        if (at && *at >= oldest_allowed) {
          result.refusals.push_back(
              fmt::format("account {}: file '{}' from {} was quarantined at {}: {}", account,
                          file.file.name, file.file.source, file.refused_at, file.reason));
          fresh = false;
        }
      }
      if (!latest_import_end || *last.ended_at > *latest_import_end) {
        latest_import_end = last.ended_at;
      }
    }
    if (fresh) {
      if (!last_reconcile || *last_reconcile->started_at < *latest_import_end) {
        result.refusals.push_back(
            fmt::format("account {}: no reconcile run succeeded after its import ended at {}",
                        account, when(latest_import_end)));
      } else if (*last_reconcile->ended_at < oldest_allowed) {
        result.refusals.push_back(
            fmt::format("account {}: the last successful reconcile ({}) is older than {}", account,
                        when(last_reconcile->ended_at), window));
      }
    }
    for (const store::AccountSummary& summary : *summaries) {
      if (summary.account != account) continue;
      std::optional<Date> newest = summary.last_booking_date;
      if (summary.last_closing && (!newest || summary.last_closing->date > *newest)) {
        newest = summary.last_closing->date;
      }
      if (newest &&
          dunning::target2_business_days_after(*newest, today) > settings.max_statement_age_days) {
        result.warnings.push_back(fmt::format(
            "account {}: the newest booked statement is of {}, more than {} TARGET2 business "
            "days ago",
            account, newest->to_iso(), settings.max_statement_age_days));
      }
    }
  }
  return result;
}

}  // namespace kontor::engine
