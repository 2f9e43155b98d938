// Reconciliation decisions in the SQLite unit of work: what the reconcile engine or a person
// decided about each bank transaction, its review candidates, the allocations it made, and the
// IBANs manual allocations taught. (The reads that return transactions with them are in
// sqlite_reads.cpp, beside the transaction row reader.)
#include <fmt/format.h>

#include <algorithm>

#include "kontor/model/enum_text.hpp"
#include "kontor/model/identifier_text.hpp"
#include "store/event_payload.hpp"
#include "store/sqlite_unit_of_work.hpp"

namespace kontor::store {
namespace {

constexpr EnumName<ReconciliationState> kStateNames[] = {
    {ReconciliationState::posted, "posted"},
    {ReconciliationState::review, "review"},
    {ReconciliationState::unmatched, "unmatched"},
    {ReconciliationState::ignored, "ignored"},
    {ReconciliationState::returned, "returned"},
    {ReconciliationState::return_applied, "return_applied"},
};

}  // namespace

std::string_view to_string(ReconciliationState state) {
  return enum_to_text(kStateNames, state);
}

Result<ReconciliationState> parse_reconciliation_state(std::string_view text) {
  return enum_from_text(kStateNames, "reconciliation state", text);
}

namespace sqlite {

std::optional<Reconciliation> UnitOfWork::load_reconciliation(std::string_view transaction) {
  Query row(
      db_,
      "SELECT r.state, r.by_hand, r.customer_number, r.confidence_permille, r.reason, "
      "b.currency, r.unapplied_minor, r.decided_at, r.decided_by "
      "FROM reconciliations r JOIN bank_transactions b ON b.identity = r.transaction_identity "
      "WHERE r.transaction_identity = ?",
      transaction);
  if (!row.step()) return std::nullopt;
  Reconciliation r;
  r.transaction = std::string(transaction);
  const Result<ReconciliationState> state = parse_reconciliation_state(row->text(0));
  if (!state) throw std::runtime_error("stored reconciliation state: " + state.error().message);
  r.state = *state;
  r.by_hand = row->int64(1) != 0;
  r.customer_number = row->text(2);
  r.confidence_permille = static_cast<int>(row->int64(3));
  r.reason = row->text(4);
  const Result<Currency> currency = Currency::from_code(row->text(5));
  if (!currency) throw std::runtime_error("stored currency: " + currency.error().message);
  r.unapplied = Money(row->int64(6), *currency);
  r.decided_at = row->text(7);
  r.decided_by = row->text(8);
  Query candidates(
      db_,
      "SELECT item_number, customer_number, score_permille, evidence "
      "FROM reconciliation_candidates WHERE transaction_identity = ? ORDER BY position",
      transaction);
  while (candidates.step()) {
    r.candidates.push_back(
        ReconciliationCandidate{.item_number = candidates->text(0),
                                .customer_number = candidates->text(1),
                                .score_permille = static_cast<int>(candidates->int64(2)),
                                .evidence = candidates->text(3)});
  }
  Query allocations(db_,
                    "SELECT allocation_id FROM reconciliation_allocations "
                    "WHERE transaction_identity = ? ORDER BY allocation_id",
                    transaction);
  while (allocations.step()) r.allocation_ids.push_back(allocations->int64(0));
  return r;
}

Result<std::optional<Reconciliation>> UnitOfWork::reconciliation(std::string_view transaction) {
  return read<std::optional<Reconciliation>>("reconciliation",
                                             [&] { return load_reconciliation(transaction); });
}

Result<std::map<std::string, std::int64_t>> UnitOfWork::reconciliation_counts() {
  return read<std::map<std::string, std::int64_t>>("reconciliation counts", [&] {
    std::map<std::string, std::int64_t> counts;
    Query rows(db_, "SELECT state, COUNT(*) FROM reconciliations GROUP BY state");
    while (rows.step()) counts.emplace(rows->text(0), rows->int64(1));
    return counts;
  });
}

Result<std::vector<std::string>> UnitOfWork::transaction_identities(std::string_view prefix,
                                                                    std::int64_t limit) {
  return read<std::vector<std::string>>("transaction identities", [&] {
    std::vector<std::string> identities;
    // Identities are lower-case hex and digits: a prefix of other characters finds none,
    // and none can smuggle a LIKE wildcard in.
    for (char c : prefix) {
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return identities;
    }
    Query rows(db_,
               "SELECT identity FROM bank_transactions WHERE identity >= ?1 "
               "AND substr(identity, 1, length(?1)) = ?1 ORDER BY identity LIMIT ?2",
               prefix, limit);
    while (rows.step()) identities.push_back(rows->text(0));
    return identities;
  });
}

Result<std::map<std::string, std::vector<std::string>>> UnitOfWork::learned_ibans() {
  return read<std::map<std::string, std::vector<std::string>>>("learned IBANs", [&] {
    std::map<std::string, std::vector<std::string>> ibans;
    Query rows(db_,
               "SELECT customer_number, iban FROM learned_ibans ORDER BY customer_number, iban");
    while (rows.step()) ibans[rows->text(0)].push_back(rows->text(1));
    return ibans;
  });
}

Result<Change> UnitOfWork::record_reconciliation(const Reconciliation& decision) {
  return write<Change>(
      "decision about bank transaction " + decision.transaction, [&]() -> Result<Change> {
        if (decision.confidence_permille < 0 || decision.confidence_permille > 1000) {
          return Error{fmt::format("confidence {} is outside 0..1000 per mille",
                                   decision.confidence_permille)};
        }
        std::string currency;
        {
          Query payment(db_, "SELECT currency FROM bank_transactions WHERE identity = ?",
                        decision.transaction);
          if (!payment.step()) {
            return Error{"bank transaction " + decision.transaction + " is not in the store"};
          }
          currency = payment->text(0);
        }
        if (!decision.unapplied.is_zero() && decision.unapplied.currency().code() != currency) {
          return Error{fmt::format("a credit of {} on a payment in {}",
                                   decision.unapplied.to_string(), currency)};
        }
        const std::optional<Reconciliation> before = load_reconciliation(decision.transaction);
        std::vector<std::int64_t> new_allocations;
        for (std::int64_t id : decision.allocation_ids) {
          const bool known =
              before && std::find(before->allocation_ids.begin(), before->allocation_ids.end(),
                                  id) != before->allocation_ids.end();
          if (!known) new_allocations.push_back(id);
        }
        if (before && new_allocations.empty() && before->state == decision.state &&
            before->by_hand == decision.by_hand && before->reason == decision.reason &&
            before->confidence_permille == decision.confidence_permille &&
            before->candidates == decision.candidates &&
            before->customer_number == decision.customer_number &&
            before->unapplied.minor_units() == decision.unapplied.minor_units()) {
          return Change::unchanged;
        }
        Query(db_,
              "INSERT INTO reconciliations (transaction_identity, state, by_hand, "
              "customer_number, confidence_permille, reason, unapplied_minor, decided_at, "
              "decided_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
              "ON CONFLICT (transaction_identity) DO UPDATE SET state = ?2, by_hand = ?3, "
              "customer_number = ?4, confidence_permille = ?5, reason = ?6, "
              "unapplied_minor = ?7, decided_at = ?8, decided_by = ?9",
              decision.transaction, to_string(decision.state), decision.by_hand,
              decision.customer_number, decision.confidence_permille, decision.reason,
              decision.unapplied.minor_units(), now_, actor_)
            .run();
        Query(db_, "DELETE FROM reconciliation_candidates WHERE transaction_identity = ?",
              decision.transaction)
            .run();
        for (std::size_t position = 0; position < decision.candidates.size(); ++position) {
          const ReconciliationCandidate& candidate = decision.candidates[position];
          Query(db_,
                "INSERT INTO reconciliation_candidates (transaction_identity, position, "
                "item_number, customer_number, score_permille, evidence) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                decision.transaction, static_cast<std::int64_t>(position), candidate.item_number,
                candidate.customer_number, candidate.score_permille, candidate.evidence)
              .run();
        }
        for (std::int64_t id : new_allocations) {
          Query exists(db_, "SELECT 1 FROM allocations WHERE id = ?", id);
          if (!exists.step()) return Error{fmt::format("there is no allocation {}", id)};
          Query(db_,
                "INSERT INTO reconciliation_allocations (transaction_identity, allocation_id) "
                "VALUES (?, ?)",
                decision.transaction, id)
              .run();
        }
        JsonObject payload;
        payload.add_text("state", to_string(decision.state))
            .add_number("by_hand", decision.by_hand ? 1 : 0)
            .add_text("customer", decision.customer_number)
            .add_number("confidence_permille", decision.confidence_permille)
            .add_text("reason", decision.reason)
            .add_number("candidates", static_cast<std::int64_t>(decision.candidates.size()))
            .add_number("allocations_added", static_cast<std::int64_t>(new_allocations.size()));
        if (!decision.unapplied.is_zero())
          payload.add_text("unapplied", decision.unapplied.format());
        if (before) payload.add_text("state_before", to_string(before->state));
        append_event("reconciliation." + std::string(to_string(decision.state)),
                     decision.transaction, payload.str());
        return before ? Change::updated : Change::inserted;
      });
}

Result<Change> UnitOfWork::learn_iban(std::string_view customer_number, std::string_view iban,
                                      std::string_view learned_from) {
  return write<Change>(
      fmt::format("IBAN of customer '{}'", customer_number), [&]() -> Result<Change> {
        const std::string compact = compact_identifier(iban, " ").text;
        if (compact.empty()) return Error{"no IBAN to learn"};
        if (!customer_exists(customer_number)) {
          return Error{fmt::format("customer '{}' is not in the store", customer_number)};
        }
        {
          Query known(db_, "SELECT 1 FROM learned_ibans WHERE iban = ? AND customer_number = ?",
                      compact, customer_number);
          if (known.step()) return Change::unchanged;
        }
        Query(db_,
              "INSERT INTO learned_ibans (iban, customer_number, learned_from, recorded_at) "
              "VALUES (?, ?, ?, ?)",
              compact, customer_number, learned_from, now_)
            .run();
        append_event("customer.iban_learned", customer_number,
                     JsonObject().add_text("iban", compact).add_text("from", learned_from).str());
        return Change::inserted;
      });
}

}  // namespace sqlite
}  // namespace kontor::store
