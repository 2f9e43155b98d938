// The reconcile job as an operator runs it: kontord --once with the demo's ERP export and bank
// files in watched folders, both imports followed by `then: [reconcile]` — what is posted, that
// a return reopens its invoice, that reruns post nothing twice, and that a payment whose invoice
// arrives later is posted by the run after that invoice's import.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/sqlite_store.hpp"
#include "support/child_process.hpp"
#include "support/running_kontord.hpp"
#include "support/store_query.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

class ReconcileJob : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(dir_ / "erp");
    fs::create_directories(dir_ / "bank");
    dir_.write("kontor.yaml",
               "daemon: {state_dir: " + dir_.path().string() + "/state, plugin_dir: " +
                   (binary_dir() / "plugins").string() + "}\n" + company_yaml() +
                   "  bank_accounts:\n"
                   "    - {iban: DE02370502990000684712, bic: COKSDE33XXX}\n"
                   "instances:\n"
                   "  erp-drop: {plugin: folder-source, path: " +
                   (dir_ / "erp").string() +
                   ", settle: 0s}\n"
                   "  erp-csv: {plugin: open-items, delimiter: ';', decimal: comma, grouping: "
                   "point, date_format: german}\n"
                   "  bank-drop: {plugin: folder-source, path: " +
                   (dir_ / "bank").string() +
                   ", settle: 0s}\n"
                   "  camt: {plugin: camt}\n"
                   "  mt940: {plugin: mt940}\n"
                   "jobs:\n"
                   "  items: {engine: import_open_items, inputs: [erp-drop], parsers: [erp-csv], "
                   "then: [reconcile]}\n"
                   "  statements: {engine: import_statements, inputs: [bank-drop], parsers: "
                   "[camt, mt940], then: [reconcile]}\n"
                   "  reconcile: {engine: reconcile}\n");
  }

  Completed once() { return run_to_end(kontord_once(dir_.path())); }

  void drop(const std::string& demo_file, const std::string& folder) {
    const fs::path from = source_dir() / "config/demo-data" / demo_file;
    fs::copy_file(from, dir_ / folder / from.filename(), fs::copy_options::overwrite_existing);
  }
  void drop_erp() { drop("erp/2026-11-27_offene-posten.csv", "erp"); }
  void drop_bank() {
    drop("bank/2026-11-26_MT940_Sparkasse-KoelnBonn.sta", "bank");
    drop("bank/2026-11-27_camt053_DE02370502990000684712.xml", "bank");
  }

  template <typename T>
  T query(const std::function<Result<T>(store::Reader&)>& ask) {
    return query_store<T>(dir_ / "state/kontor.db", ask);
  }

  std::int64_t open_cents(const std::string& item) {
    return query<Money>([&](store::Reader& r) -> Result<Money> {
             auto open = r.open_amount(item);
             if (!open) return open.error();
             return open->value_or(Money());
           })
        .minor_units();
  }

  std::map<std::string, std::int64_t> states() {
    return query<std::map<std::string, std::int64_t>>(
        [](store::Reader& r) { return r.reconciliation_counts(); });
  }

  std::size_t allocations_of(const std::string& item) {
    return query<std::vector<Allocation>>(
               [&](store::Reader& r) { return r.allocations_of_item(item); })
        .size();
  }

  TempDir dir_;
};

TEST_F(ReconcileJob, TheDemoPaymentsArePostedAndTheReturnedDebitReopensItsInvoice) {
  drop_erp();
  drop_bank();
  const Completed run = once();
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(open_cents("R-2026-1001"), 0);       // by its RF reference
  EXPECT_EQ(open_cents("R-2026-1002"), 0);       // by number, less the credit note
  EXPECT_EQ(open_cents("R-2026-1003"), 0);       // by number, in a batch booking
  EXPECT_EQ(open_cents("R-2026-1004"), 21400);   // 595.00 of 809.00 paid
  EXPECT_EQ(open_cents("R-2026-1006"), 257000);  // 1000.00 of 3570.00 paid
  EXPECT_EQ(open_cents("R-2026-1005"), 47600);   // collected, then returned (AM04)
  EXPECT_EQ(allocations_of("R-2026-1005"), 2u);  // the payment and its reversal
  const auto counted = states();
  EXPECT_EQ(counted.at("posted"), 5);
  EXPECT_EQ(counted.at("returned"), 1);
  EXPECT_EQ(counted.at("return_applied"), 1);
  EXPECT_EQ(counted.at("ignored"), 2);  // the bank's charges
}

TEST_F(ReconcileJob, RerunsPostNothingTwice) {
  drop_erp();
  drop_bank();
  ASSERT_EQ(once().status, 0);
  for (int rerun = 0; rerun < 2; ++rerun) {
    drop_erp();  // the same files again: known, nothing imported
    drop_bank();
    const Completed again = once();
    ASSERT_EQ(again.status, 0) << again.err;
    EXPECT_THAT(again.err, Not(HasSubstr("cannot record runs")));
    EXPECT_THAT(again.err, HasSubstr("job reconcile: 0 transactions looked at"));
  }
  EXPECT_EQ(allocations_of("R-2026-1001"), 1u);
  EXPECT_EQ(open_cents("R-2026-1004"), 21400);
}

TEST_F(ReconcileJob, APaymentBeforeItsInvoiceIsPostedOnceTheInvoiceIsImported) {
  drop_bank();
  const Completed first = once();
  ASSERT_EQ(first.status, 0) << first.err;
  // No customers yet: every payment is unmatched, and the returned direct debit is marked.
  EXPECT_EQ(states().at("unmatched"), 5);
  EXPECT_EQ(states().at("returned"), 1);
  drop_erp();
  const Completed second = once();
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(open_cents("R-2026-1001"), 0);
  EXPECT_EQ(open_cents("R-2026-1003"), 0);
  EXPECT_EQ(states().count("unmatched"), 0u);
}

}  // namespace
}  // namespace kontor::testing
