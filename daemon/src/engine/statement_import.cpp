#include "engine/statement_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "engine/balance_chain.hpp"
#include "engine/bank_entries.hpp"
#include "kontor/model/identifier_text.hpp"

namespace kontor::engine {
namespace {

std::string at_line(std::int64_t line) {
  return line > 0 ? fmt::format("line {}: ", line) : std::string();
}

store::StatementKey key_of(const BankStatement& statement) {
  return {.account = statement.account, .id = statement.id, .sequence = statement.sequence};
}

std::string named(const BankStatement& statement) {
  return fmt::format("statement {}{} of {}", statement.id,
                     statement.sequence.empty() ? "" : "/" + statement.sequence, statement.account);
}

std::vector<std::string> identities_of(const std::vector<BankTransaction>& transactions) {
  std::vector<std::string> out;
  for (const auto& t : transactions) out.push_back(t.identity);
  return out;
}

bool same_key(const store::StatementKey& a, const store::StatementKey& b) {
  return a.account == b.account && a.id == b.id && a.sequence == b.sequence;
}

// What tells a statement from another with the same bank numbers: its closing balance, else its
// opening balance (a statement without either cannot be told apart).
std::optional<StatementBalance> distinguishing_balance(
    const std::optional<StatementBalance>& opening,
    const std::optional<StatementBalance>& closing) {
  return closing ? closing : opening;
}

}  // namespace

StatementFileImport::StatementFileImport(store::Transaction& tx, const IncomingDocument& document,
                                         const CompanyAccounts& accounts, RunReport& report,
                                         StatementCounts& totals)
    : tx_(tx), document_(document), accounts_(accounts), report_(report), totals_(totals) {}

sdk::Status StatementFileImport::store_failed(const Error& error) {
  return sdk::Status::retry("store: " + error.message);
}

void StatementFileImport::warn(const std::string& where, std::string_view code,
                               const std::string& message) {
  ++counts_.warnings;
  report_.warnings.push_back(fmt::format("{}: {}{}: {}", document_.name, where, code, message));
}

void StatementFileImport::warning(std::int64_t line, std::string_view code,
                                  std::string_view message) {
  if (current_ && code == "balance_mismatch") current_->parser_found_mismatch = true;
  warn(at_line(line), code, std::string(message));
}

sdk::Status StatementFileImport::customer(const sdk::ImportedCustomer&) {
  return sdk::Status::failed("an ERP export is no bank statement: the job's parser is wrong");
}
sdk::Status StatementFileImport::open_item(const sdk::ImportedOpenItem&) {
  return sdk::Status::failed("an ERP export is no bank statement: the job's parser is wrong");
}

sdk::Status StatementFileImport::statement(const sdk::StatementInfo& info) {
  if (current_) {
    if (auto applied = apply(*current_); !applied) return applied;
  }
  current_ = ParsedStatement{.info = info, .entries = {}, .parser_found_mismatch = false};
  return sdk::Status::ok();
}

sdk::Status StatementFileImport::entry(const sdk::StatementEntry& entry) {
  if (!current_) return sdk::Status::failed(at_line(entry.line) + "an entry outside a statement");
  current_->entries.push_back(ParsedEntry{.entry = entry, .details = {}});
  return sdk::Status::ok();
}

sdk::Status StatementFileImport::detail(const sdk::EntryDetail& detail) {
  if (!current_ || current_->entries.empty()) {
    return sdk::Status::failed(at_line(detail.line) + "transaction details outside an entry");
  }
  current_->entries.back().details.push_back(detail);
  return sdk::Status::ok();
}

// The company's account a statement is for, by its IBAN or its account number.
std::optional<std::string> StatementFileImport::company_account(
    const sdk::StatementInfo& info) const {
  bool named = false;
  for (const std::string* text : {&info.account, &info.account_number}) {
    const std::string compact = compact_identifier(*text, " ").text;
    if (compact.empty()) continue;
    named = true;
    if (auto found = accounts_.find(compact); found != accounts_.end()) return found->second;
  }
  // A file that names no account is the job's `with: {account}`, if it names one.
  if (auto fallback = accounts_.find(""); !named && fallback != accounts_.end()) {
    return fallback->second;
  }
  return std::nullopt;
}

sdk::Status StatementFileImport::apply(ParsedStatement& parsed) {
  const sdk::StatementInfo& info = parsed.info;
  ++statements_in_file_;
  const std::string where = at_line(info.line);
  const auto account = company_account(info);
  if (!account) {
    ++counts_.statements_skipped;
    const std::string shown = info.account.empty() ? info.account_number : info.account;
    warn(where, "unknown_account",
         fmt::format("statement {} is for account {}, which is not one of company.bank_accounts: "
                     "not imported",
                     info.id, shown.empty() ? std::string("(none given)") : shown));
    return sdk::Status::ok();
  }

  BankStatement statement;
  statement.account = *account;
  // A bank CSV export names no statement: the file (and the statement's place in it) does.
  statement.id = !info.id.empty() ? info.id
                                  : fmt::format("file-{}-{}", document_.sha256.substr(0, 16),
                                                statements_in_file_);
  statement.sequence = info.sequence;
  statement.kind = info.kind;
  statement.opening = info.opening;
  statement.closing = info.closing;
  statement.file_sha256 = document_.sha256;

  auto known = known_before(statement);
  if (!known) return store_failed(known.error());
  if (*known) {
    ++counts_.statements_known;
    return sdk::Status::ok();
  }
  if (statement.sequence != info.sequence) {
    // Once a run: every later file of such a bank reuses the numbers again.
    if (totals_.statements_told_apart + counts_.statements_told_apart == 0) {
      warn(where, "repeated_statement_number",
           fmt::format("the bank repeats statement numbers ({}{} of {} is on more than one "
                       "statement): Kontor tells its statements apart by their closing date "
                       "(this one is stored as {}/{})",
                       statement.id, info.sequence.empty() ? "" : "/" + info.sequence,
                       statement.account, statement.id, statement.sequence));
    }
    ++counts_.statements_told_apart;
  }

  std::optional<Money> booked_total;
  const bool keep_parsed = statement.kind == StatementKind::notification;
  statement.transactions.reserve(parsed.entries.size());
  for (ParsedEntry& parsed_entry : parsed.entries) {
    const sdk::StatementEntry& entry = parsed_entry.entry;
    const bool provisional =
        statement.kind != StatementKind::statement || entry.status != EntryStatus::booked;
    for (BankTransaction& t : transactions_of(entry, parsed_entry.details, provisional)) {
      statement.transactions.push_back(std::move(t));
    }
    if (statement.kind == StatementKind::statement && entry.status == EntryStatus::booked) {
      auto sum = booked_total ? booked_total->plus(entry.amount) : Result<Money>(entry.amount);
      if (!sum) {
        return sdk::Status::failed(
            fmt::format("{}{}: {}", at_line(entry.line), named(statement), sum.error().message));
      }
      booked_total = *sum;
    }
    // Only a notification's pairing reads the parsed entries again: a large statement is held
    // once, as its transactions.
    if (!keep_parsed) parsed_entry = ParsedEntry{};
  }
  if (!keep_parsed) {
    parsed.entries.clear();
    parsed.entries.shrink_to_fit();
  }

  // The chain is checked against what was there before this statement.
  if (statement.kind == StatementKind::statement) {
    if (auto checked = check_balances(statement, booked_total, parsed); !checked) return checked;
  }

  auto inserted = tx_.insert_statement(statement);
  if (!inserted) return store_failed(inserted.error());
  ++counts_.statements_new;
  counts_.transactions_new += inserted->transactions_inserted;
  counts_.transactions_known += inserted->transactions_already_there;
  for (const BankTransaction& t : statement.transactions) {
    if (t.provisional) ++counts_.provisional;
    if (t.is_return) ++counts_.returns;
  }

  if (statement.kind == StatementKind::notification) {
    return pair_notification(statement, parsed);
  }
  if (statement.kind == StatementKind::statement) {
    if (auto paired = pair_booked(statement); !paired) return paired;
    // Every provisional transaction of the days this statement covers is now superseded.
    std::optional<Date> from, to;
    auto cover = [&](const Date& day) {
      if (!from || day < *from) from = day;
      if (!to || day > *to) to = day;
    };
    for (const BankTransaction& t : statement.transactions) cover(t.booking_date);
    if (statement.closing) cover(statement.closing->date);
    if (from) {
      // What the booked statement itself still reports as pending stays provisional.
      auto superseded = tx_.supersede_provisional(statement.account, *from, *to, key_of(statement),
                                                  inserted->provisional_identities);
      if (!superseded) return store_failed(superseded.error());
      counts_.superseded += *superseded;
    }
    return sdk::Status::ok();
  }
  // An intraday report for days a booked statement already covers adds nothing that counts.
  std::set<Date> days;
  for (const BankTransaction& t : statement.transactions) days.insert(t.booking_date);
  for (const Date& day : days) {
    auto covering = tx_.booked_statement_covering(statement.account, day);
    if (!covering) return store_failed(covering.error());
    if (!*covering) continue;
    auto superseded = tx_.supersede_provisional(statement.account, day, day, **covering, {});
    if (!superseded) return store_failed(superseded.error());
    counts_.superseded += *superseded;
  }
  return sdk::Status::ok();
}

// Whether the store holds `statement` already; either way `statement.sequence` becomes the one it
// is (to be) stored under. A stored statement with the same numbers is this one only if its
// distinguishing balance is the same: some banks number every statement alike (Volksbanken and
// Raiffeisenbanken: :20:STARTUMS :28C:0 each day), and each of those is another statement. That one
// takes the bank's sequence with its closing date ("0@2020-02-19"), and the amount too when another
// statement of the same numbers closed that day, so that importing the same file again finds it
// under the same key.
Result<bool> StatementFileImport::known_before(BankStatement& statement) {
  const auto balance = distinguishing_balance(statement.opening, statement.closing);
  std::vector<std::string> sequences = {statement.sequence};
  if (balance) {
    sequences.push_back(
        fmt::format("{}{}{}", statement.sequence, kToldApartMark, balance->date.to_iso()));
    sequences.push_back(
        fmt::format("{}{}{}", sequences.back(), kToldApartMark, balance->amount.format()));
  }
  for (const std::string& sequence : sequences) {
    auto stored = tx_.statement_balances(statement.account, statement.id, sequence);
    if (!stored) return stored.error();
    if (!*stored) {
      statement.sequence = sequence;
      return false;
    }
    if (distinguishing_balance((*stored)->opening, (*stored)->closing) == balance) {
      statement.sequence = sequence;
      return true;
    }
  }
  // Without balances, or with every key taken by statements whose balance differs only in what
  // the keys do not show (currency, opening against closing): the same numbers, as before.
  return true;
}

sdk::Status StatementFileImport::check_balances(const BankStatement& statement,
                                                const std::optional<Money>& booked,
                                                const ParsedStatement& parsed) {
  const Money booked_total =
      booked ? *booked
             : Money::zero(statement.opening
                               ? statement.opening->amount.currency()
                               : (statement.closing ? statement.closing->amount.currency()
                                                    : Currency::eur()));
  std::optional<Date> day;
  if (statement.opening) {
    day = statement.opening->date;
  } else if (statement.closing) {
    day = statement.closing->date;
  }
  std::optional<store::StatementBalances> previous;
  if (day) {
    auto found = tx_.booked_statement_before(statement.account, *day, key_of(statement));
    if (!found) return store_failed(found.error());
    previous = *found;
  }
  for (const ChainWarning& w :
       check_balance_chain(previous, statement, booked_total, parsed.parser_found_mismatch)) {
    warn(at_line(parsed.info.line) + named(statement) + ": ", w.code, w.message);
  }
  return sdk::Status::ok();
}

// A camt.054 just stored (provisional): each of its entries that pairs with a booked entry
// gives that entry its details, and is itself superseded by the booked statement.
sdk::Status StatementFileImport::pair_notification(const BankStatement& notification,
                                                   const ParsedStatement& parsed) {
  const store::StatementKey self = key_of(notification);
  for (const ParsedEntry& parsed_entry : parsed.entries) {
    const sdk::StatementEntry& entry = parsed_entry.entry;
    auto candidates = tx_.entries_with_amount(notification.account, entry.amount);
    if (!candidates) return store_failed(candidates.error());
    // This entry as stored just now (the first of this statement with that total not yet
    // paired): its transactions are what gets superseded.
    const store::StoredEntry* own = nullptr;
    for (const auto& candidate : *candidates) {
      if (same_key(candidate.statement, self)) {
        own = &candidate;
        break;
      }
    }
    if (own == nullptr) continue;  // already there from an overlapping notification
    EntryFacts facts = facts_of(*own);
    const store::StoredEntry* booked = paired_entry(facts, *candidates, StatementKind::statement);
    if (booked == nullptr) continue;  // waits, provisional, for its booked entry
    const std::string what = fmt::format(
        "{}{} entry {} {} of {}", at_line(entry.line), named(notification),
        entry.amount.to_string(), entry.amount.currency().code(), entry.booking_date.to_iso());
    const bool plain =
        booked->transactions.size() == 1 && booked->transactions.front().batch_position == 0;
    if (plain && booked->has_allocations) {
      warn(what + ": ", "entry_allocated",
           fmt::format("its booked entry (statement {}) already has allocations: not split into "
                       "the {} details of the notification",
                       booked->statement.id, own->transactions.size()));
    } else if (plain) {
      auto added = tx_.add_entry_transactions(
          booked->statement, booked_details(booked->transactions.front(), own->transactions));
      if (!added) return store_failed(added.error());
      counts_.transactions_new += *added;
      auto split = tx_.supersede_transactions(identities_of(booked->transactions), self);
      if (!split) return store_failed(split.error());
      counts_.superseded += *split;
    }
    auto superseded =
        tx_.supersede_transactions(identities_of(own->transactions), booked->statement);
    if (!superseded) return store_failed(superseded.error());
    counts_.superseded += *superseded;
  }
  return sdk::Status::ok();
}

// A booked statement just stored: each plain booked entry that a camt.054 reported earlier
// takes that notification's details.
sdk::Status StatementFileImport::pair_booked(const BankStatement& booked) {
  auto pending = tx_.pending_notification_amounts(booked.account);
  if (!pending) return store_failed(pending.error());
  if (pending->empty()) return sdk::Status::ok();
  const store::StatementKey self = key_of(booked);
  std::set<std::string> done;  // entries already paired in this statement (equal totals)
  for (const BankTransaction& t : booked.transactions) {
    if (t.batch_position != 0 || t.provisional || t.status != EntryStatus::booked) continue;
    if (std::find(pending->begin(), pending->end(), t.amount) == pending->end()) continue;
    auto candidates = tx_.entries_with_amount(booked.account, t.amount);
    if (!candidates) return store_failed(candidates.error());
    for (const store::StoredEntry& own : *candidates) {
      if (!same_key(own.statement, self) || own.transactions.size() != 1 ||
          own.transactions.front().batch_position != 0 ||
          done.count(own.transactions.front().identity) != 0) {
        continue;
      }
      const store::StoredEntry* notified =
          paired_entry(facts_of(own), *candidates, StatementKind::notification);
      if (notified == nullptr) continue;
      done.insert(own.transactions.front().identity);
      auto added = tx_.add_entry_transactions(
          self, booked_details(own.transactions.front(), notified->transactions));
      if (!added) return store_failed(added.error());
      counts_.transactions_new += *added;
      auto split = tx_.supersede_transactions(identities_of(own.transactions), notified->statement);
      if (!split) return store_failed(split.error());
      auto superseded = tx_.supersede_transactions(identities_of(notified->transactions), self);
      if (!superseded) return store_failed(superseded.error());
      counts_.superseded += *split + *superseded;
      break;
    }
  }
  return sdk::Status::ok();
}

sdk::Status StatementFileImport::finish() {
  if (current_) {
    if (auto applied = apply(*current_); !applied) return applied;
    current_.reset();
  }
  if (statements_in_file_ == 0) {
    return sdk::Status::failed("no bank statement in the file");
  }
  report_.facts.push_back(fmt::format(
      "{}: {} statement{} ({} new, {} known before, {} of other accounts), {} transactions new, "
      "{} already there, {} provisional, {} superseded, {} returns, {} warnings",
      document_.name, statements_in_file_, statements_in_file_ == 1 ? "" : "s",
      counts_.statements_new, counts_.statements_known, counts_.statements_skipped,
      counts_.transactions_new, counts_.transactions_known, counts_.provisional, counts_.superseded,
      counts_.returns, counts_.warnings));
  totals_.statements_new += counts_.statements_new;
  totals_.statements_known += counts_.statements_known;
  totals_.statements_skipped += counts_.statements_skipped;
  totals_.statements_told_apart += counts_.statements_told_apart;
  totals_.transactions_new += counts_.transactions_new;
  totals_.transactions_known += counts_.transactions_known;
  totals_.provisional += counts_.provisional;
  totals_.superseded += counts_.superseded;
  totals_.returns += counts_.returns;
  totals_.warnings += counts_.warnings;
  return sdk::Status::ok();
}

}  // namespace kontor::engine
