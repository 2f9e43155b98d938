#include "ctl/match_command.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "ctl/offline_parsers.hpp"
#include "engine/open_item_import.hpp"
#include "engine/reconcile_step.hpp"
#include "engine/statement_import.hpp"
#include "kontor/model/identifier_text.hpp"
#include "kontor/model/sha256.hpp"
#include "log/logging.hpp"
#include "store/sqlite_store.hpp"

namespace kontor::ctl {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

const std::vector<std::string> kPlugins = {"open-items", "camt", "mt940", "bank-csv"};
constexpr const char* kActor = "kontorctl:match";

struct MatchOptions {
  std::string open_items;
  std::string statement;
  std::string plugin_dir;
  int post_from = 900;
  bool json_output = false;
  bool timings = false;
};

// "12.345678": microseconds as seconds, without floating point.
std::string seconds(std::chrono::microseconds elapsed) {
  const auto micros = elapsed.count();
  return fmt::format("{}.{:06}", micros / 1'000'000, micros % 1'000'000);
}

std::chrono::microseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
}

int fail(const std::string& file, const std::string& message) {
  std::cerr << "kontorctl match: " << file << ": " << message << "\n";
  return 1;
}

Result<std::string> sha256_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot read the file"};
  Sha256 hash;
  std::string block(1 << 16, '\0');
  while (in.read(block.data(), static_cast<std::streamsize>(block.size())) || in.gcount() > 0) {
    hash.update(std::string_view(block.data(), static_cast<std::size_t>(in.gcount())));
  }
  return Sha256::hex(hash.finish());
}

// The accounts a bank file names, so that offline every one of them counts as the company's.
class AccountCollector final : public sdk::ParseSink {
 public:
  engine::CompanyAccounts accounts{{"", "(no account)"}};

  sdk::Status statement(const sdk::StatementInfo& info) override {
    for (const std::string* text : {&info.account, &info.account_number}) {
      const std::string compact = compact_identifier(*text, " ").text;
      if (!compact.empty()) accounts.emplace(compact, compact);
    }
    return sdk::Status::ok();
  }
  sdk::Status entry(const sdk::StatementEntry&) override { return sdk::Status::ok(); }
  sdk::Status detail(const sdk::EntryDetail&) override { return sdk::Status::ok(); }
  sdk::Status customer(const sdk::ImportedCustomer&) override { return sdk::Status::ok(); }
  sdk::Status open_item(const sdk::ImportedOpenItem&) override { return sdk::Status::ok(); }
  void warning(std::int64_t, std::string_view, std::string_view) override {}
};

// Parses `file` with `parser` into the store through `make_import`, in one step, as kontord's
// intake does.
template <typename MakeImport>
Status import_file(store::Store& store, OfflineParsers& parsers, host::PluginInstance& parser,
                   const std::string& file, MakeImport&& make_import) {
  Result<std::string> sha256 = sha256_of(file);
  if (!sha256) return sha256.error();
  const engine::IncomingDocument document{.source = "kontorctl",
                                          .name = fs::path(file).filename().string(),
                                          .sha256 = *sha256,
                                          .size = static_cast<std::int64_t>(fs::file_size(file)),
                                          .parser = parser.plugin().name};
  return store.transact(
      kActor, "offline match of " + document.name, [&](store::Transaction& tx) -> Status {
        Result<store::Change> recorded = tx.record_file({.sha256 = document.sha256,
                                                         .name = document.name,
                                                         .size = document.size,
                                                         .source = document.source});
        if (!recorded) return recorded.error();
        std::unique_ptr<engine::DocumentImport> import = make_import(tx, document);
        if (Status parsed = parsers.parse(parser, file, import->sink()); !parsed) {
          return parsed;
        }
        const sdk::Status finished = import->finish();
        if (!finished) return Error{finished.message()};
        return {};
      });
}

json entry_json(const BankTransaction& t) {
  return {{"entry_ref", t.bank_reference},
          {"end_to_end_id", t.end_to_end_id},
          {"booking_date", t.booking_date.to_iso()},
          {"amount", t.amount.format()},
          {"currency", std::string(t.amount.currency().code())},
          {"payer", t.counterparty_name}};
}

// The decisions as the JSON: allocations (auto or by hand), review with candidates,
// unmatched. Ignored entries (debits, returns) are in none of the lists.
Result<json> decisions_json(store::Reader& reader) {
  store::ReconciliationQuery query;
  query.limit = std::numeric_limits<std::int64_t>::max();
  Result<std::vector<store::ReconciliationEntry>> entries = reader.reconciliations(query);
  if (!entries) return entries.error();
  json allocations = json::array();
  json review = json::array();
  json unmatched = json::array();
  for (const store::ReconciliationEntry& entry : *entries) {
    const store::Reconciliation& decision = entry.reconciliation;
    const BankTransaction& t = entry.transaction;
    switch (decision.state) {
      case store::ReconciliationState::posted: {
        Result<std::vector<Allocation>> made = reader.allocations_of_transaction(t.identity);
        if (!made) return made.error();
        for (const Allocation& a : *made) {
          if (a.reverses) continue;
          json row = entry_json(t);
          row["invoice_no"] = a.item_number;
          row["allocated"] = a.amount.format();
          row["method"] = std::string(to_string(a.method));
          row["confidence"] = a.confidence_permille;
          row["auto"] = !decision.by_hand;
          row["evidence"] = a.evidence;
          allocations.push_back(std::move(row));
        }
        break;
      }
      case store::ReconciliationState::review: {
        json row = entry_json(t);
        row["reason"] = decision.reason;
        json candidates = json::array();
        for (const store::ReconciliationCandidate& c : decision.candidates) {
          candidates.push_back({{"invoice_no", c.item_number},
                                {"customer", c.customer_number},
                                {"score", c.score_permille},
                                {"evidence", c.evidence}});
        }
        row["candidates"] = std::move(candidates);
        review.push_back(std::move(row));
        break;
      }
      case store::ReconciliationState::unmatched: {
        if (t.is_return || !t.amount.is_positive()) break;  // a return of no known payment
        json row = entry_json(t);
        row["reason"] = decision.reason;
        unmatched.push_back(std::move(row));
        break;
      }
      default:
        break;
    }
  }
  return json{{"allocations", std::move(allocations)},
              {"review", std::move(review)},
              {"unmatched", std::move(unmatched)}};
}

void print_text(const json& result) {
  std::cout << "Posted (" << result["allocations"].size() << " allocations):\n";
  for (const json& a : result["allocations"]) {
    std::cout << fmt::format("  {} {:>12} {} -> {} {:>12} {} {}{}\n",
                             a["booking_date"].get<std::string>(), a["amount"].get<std::string>(),
                             a["entry_ref"].get<std::string>(), a["invoice_no"].get<std::string>(),
                             a["allocated"].get<std::string>(), a["method"].get<std::string>(),
                             a["confidence"].get<int>(), a["auto"].get<bool>() ? "" : " (by hand)");
  }
  std::cout << "To review (" << result["review"].size() << "):\n";
  for (const json& r : result["review"]) {
    std::string candidates;
    for (const json& c : r["candidates"]) {
      candidates += fmt::format("{}{} ({})", candidates.empty() ? "" : ", ",
                                c["invoice_no"].get<std::string>(), c["score"].get<int>());
    }
    std::cout << fmt::format("  {} {:>12} {} {}: {}\n    candidates: {}\n",
                             r["booking_date"].get<std::string>(), r["amount"].get<std::string>(),
                             r["entry_ref"].get<std::string>(), r["payer"].get<std::string>(),
                             r["reason"].get<std::string>(),
                             candidates.empty() ? "none" : candidates);
  }
  std::cout << "Unmatched (" << result["unmatched"].size() << "):\n";
  for (const json& u : result["unmatched"]) {
    std::cout << fmt::format("  {} {:>12} {} {}: {}\n", u["booking_date"].get<std::string>(),
                             u["amount"].get<std::string>(), u["entry_ref"].get<std::string>(),
                             u["payer"].get<std::string>(), u["reason"].get<std::string>());
  }
}

int match(const MatchOptions& options) {
  kontor::log::setup("error", false);  // plugin chatter must not mix with the output
  for (const std::string* file : {&options.open_items, &options.statement}) {
    if (std::ifstream probe(*file, std::ios::binary); !probe) {
      return fail(*file, "cannot read the file: " + std::string(std::strerror(errno)));
    }
  }
  const fs::path directory = plugin_directory(options.plugin_dir);
  Result<std::unique_ptr<OfflineParsers>> parsers =
      OfflineParsers::load(directory, kPlugins, {}, false);
  if (!parsers) return fail(directory.string(), parsers.error().message);
  host::PluginInstance* items_parser = (*parsers)->choose(options.open_items, "open-items");
  if (items_parser == nullptr) return fail(directory.string(), "no open-items plugin");

  // The bank file's parser: the most confident of the bank formats (not the open-items one).
  host::PluginInstance* bank_parser = (*parsers)->choose(options.statement);
  if (bank_parser == nullptr || bank_parser == items_parser) {
    return fail(options.statement, "not a bank statement any parser here reads");
  }
  AccountCollector collector;
  if (Status read = (*parsers)->parse(*bank_parser, options.statement, collector); !read) {
    return fail(options.statement, read.error().message);
  }

  store::SqliteOptions memory;
  memory.path = ":memory:";
  Result<std::unique_ptr<store::SqliteStore>> store = store::SqliteStore::open(memory);
  if (!store) return fail(":memory:", store.error().message);

  Clock::time_point start = Clock::now();
  engine::RunReport report;
  Status imported =
      import_file(**store, **parsers, *items_parser, options.open_items,
                  [&](store::Transaction& tx, const engine::IncomingDocument& document) {
                    return std::make_unique<engine::OpenItemImport>(
                        tx, document, engine::OpenItemsMode::kDelta, report);
                  });
  if (!imported) return fail(options.open_items, imported.error().message);
  engine::StatementCounts counts;
  imported = import_file(**store, **parsers, *bank_parser, options.statement,
                         [&](store::Transaction& tx, const engine::IncomingDocument& document) {
                           return std::make_unique<engine::StatementFileImport>(
                               tx, document, collector.accounts, report, counts);
                         });
  if (!imported) return fail(options.statement, imported.error().message);
  const std::chrono::microseconds import_time = since(start);

  matching::ReconcilePolicy policy;
  policy.post_from = options.post_from;
  engine::ReconcileTimings timings;
  const std::atomic<bool> not_cancelled{false};
  Status reconciled = (*store)->transact(kActor, "offline match", [&](store::Transaction& tx) {
    Result<engine::ReconcileCounts> done =
        engine::reconcile_pending(tx, policy, not_cancelled, &timings);
    return done ? Status{} : Status{done.error()};
  });
  if (!reconciled) return fail(options.statement, reconciled.error().message);

  json result;
  Status read = (*store)->read([&](store::Reader& reader) -> Status {
    Result<json> decisions = decisions_json(reader);
    if (!decisions) return decisions.error();
    result = std::move(decisions).value();
    return {};
  });
  if (!read) return fail(options.statement, read.error().message);
  if (options.json_output) {
    std::cout << result.dump(2) << "\n";
  } else {
    print_text(result);
  }
  if (options.timings) {
    std::cerr << "import_seconds=" << seconds(import_time) << "\n"
              << "load_seconds=" << seconds(timings.load) << "\n"
              << "engine_seconds=" << seconds(timings.engine) << "\n"
              << "write_seconds=" << seconds(timings.write) << "\n";
  }
  return 0;
}

}  // namespace

std::function<int()> add_match_command(CLI::App& app) {
  auto options = std::make_shared<MatchOptions>();
  auto* command = app.add_subcommand(
      "match", "Offline: match a bank statement against open items and print what would be posted");
  command
      ->add_option("--open-items", options->open_items,
                   "Open items in the open-items plugin's default layout (CSV or JSON Lines)")
      ->required();
  command->add_option("--statement", options->statement, "camt.05x, MT940/MT942 or bank CSV file")
      ->required();
  command
      ->add_option("--post-from", options->post_from,
                   "Confidence (per mille) from which a match is posted without review")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  command->add_option("--plugin-dir", options->plugin_dir, "Where the parser plugins are");
  command->add_flag("--json", options->json_output, "Print JSON instead of a table");
  command->add_flag("--timings", options->timings,
                    "Print import, load, engine and write seconds to stderr");
  return [=]() -> int { return command->parsed() ? match(*options) : -1; };
}

}  // namespace kontor::ctl
