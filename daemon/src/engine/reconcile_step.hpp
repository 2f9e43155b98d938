// The reconcile step: every bank transaction still to reconcile, decided and written in ONE
// store transaction — the heart of the `reconcile` engine and of `kontorctl match`.
//
// It loads the book (customers with their ERP and learned IBANs, every open item: settled ones
// too, so that a payment naming a paid invoice is noticed), then goes through the transactions
// in booking order:
// - a return reverses every allocation still in force of the payment it returns (by end-to-end
//   id, else by the payer's account and the amount) and reopens its items; the payment becomes
//   `returned`, the return `return_applied`. A return whose payment is unknown stays unmatched;
// - any other transaction is decided by the Reconciler (matching/reconciler.hpp) and its
//   decision recorded: posted with its allocations (Skonto and bank charges as allocations of
//   their own), review with its candidates, unmatched, ignored.
// Posted and review decisions are final for the engine: only a person changes them (admin API).
// Unmatched ones are looked at again on every run, since the invoice may arrive later.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#include "kontor/result.hpp"
#include "matching/reconciler.hpp"
#include "store/store.hpp"

namespace kontor::engine {

struct ReconcileCounts {
  std::int64_t considered = 0;
  std::int64_t posted = 0;
  std::int64_t review = 0;
  std::int64_t unmatched = 0;
  std::int64_t ignored = 0;
  std::int64_t returns_applied = 0;
  std::int64_t allocations = 0;
  std::int64_t unchanged = 0;  // unmatched before and still unmatched
};

// Where the time went, for `kontorctl match --timings` and the benchmarks: loading the book and
// the transactions, deciding, writing.
struct ReconcileTimings {
  std::chrono::microseconds load{};
  std::chrono::microseconds engine{};
  std::chrono::microseconds write{};
};

// Decides and records every transaction still to reconcile within `tx`. Stops early (what is
// decided so far is written) when `cancelled` turns true. An error means the step must not
// commit: the store refused a write the decisions relied on.
Result<ReconcileCounts> reconcile_pending(store::Transaction& tx,
                                          const matching::ReconcilePolicy& policy,
                                          const std::atomic<bool>& cancelled,
                                          ReconcileTimings* timings = nullptr);

}  // namespace kontor::engine
