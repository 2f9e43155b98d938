// The bank statement import as an operator sees it: statement files dropped into a folder,
// kontord --once, the store, processed/ and quarantine/ — with the real folder-source, camt and
// mt940 plugins and a real fixture from ../shared/fixtures/bank.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/sqlite_store.hpp"
#include "support/child_process.hpp"
#include "support/running_kontord.hpp"
#include "support/store_query.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

using ::testing::HasSubstr;

const std::string kCamt053 =
    "camt053/moov-iso20022__camt.053_P_CH2909000000250094239_1110092698_0_2020112503071366.xml";
const std::string kCamt054 =
    "camt054/"
    "moov-iso20022__200519_camt054-ESR-ASR_P_CH2909000000250094239_1110092704_0_"
    "2019042500372179.xml";

class StatementsImport : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_ / "inbox");
    dir_.write("kontor.yaml",
               "daemon: {state_dir: " + dir_.path().string() + "/state, plugin_dir: " +
                   (binary_dir() / "plugins").string() + "}\n" + company_yaml() +
                   "  bank_accounts:\n"
                   "    - {iban: CH2909000000250094239, bic: POFICHBEXXX, ledger_account: '1200'}\n"
                   "instances:\n"
                   "  bank-drop: {plugin: folder-source, path: " +
                   (dir_ / "inbox").string() +
                   ", settle: 0s}\n"
                   "  camt: {plugin: camt}\n"
                   "  mt940: {plugin: mt940}\n"
                   "jobs:\n"
                   "  statements: {engine: import_statements, inputs: [bank-drop], parsers: "
                   "[camt, mt940]}\n");
  }

  Completed once() { return run_to_end(kontord_once(dir_.path())); }

  void drop(const std::string& fixture, const std::string& as) {
    std::filesystem::copy_file(shared_dir() / "fixtures/bank" / fixture, dir_ / "inbox" / as);
  }

  template <typename T>
  T query(const std::function<Result<T>(store::Reader&)>& ask) {
    return query_store<T>(dir_ / "state/kontor.db", ask);
  }

  std::vector<BankTransaction> counted() {
    return query<std::vector<BankTransaction>>(
        [](store::Reader& r) { return r.bank_transactions({}); });
  }

  std::size_t files_in(const std::string& folder) {
    if (!std::filesystem::exists(dir_ / folder)) return 0;
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir_ / folder)) {
      ++n;
    }
    return n;
  }

  TempDir dir_;
};

TEST_F(StatementsImport, ImportsABankStatementOnceAndTheSameFileAgainAddsNothing) {
  drop(kCamt053, "auszug.xml");
  auto first = once();
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_THAT(first.err, HasSubstr("auszug.xml: 1 statement (1 new, 0 known before, 0 of other "
                                   "accounts), 5 transactions new"));
  // The bank's balances do not add up in this file: the run says so and imports it anyway.
  EXPECT_THAT(first.err, HasSubstr("auszug.xml: line 13: balance_mismatch: "));
  EXPECT_EQ(counted().size(), 5U);
  EXPECT_EQ(files_in("inbox/processed"), 1U);

  drop(kCamt053, "auszug-nochmal.xml");
  auto second = once();
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_THAT(second.err, HasSubstr("0 files imported, 1 known before, 0 refused"));
  EXPECT_EQ(counted().size(), 5U);
}

TEST_F(StatementsImport, NotificationAndStatementInOneRunCountTheEntryOnceWithItsDetails) {
  drop(kCamt053, "a-auszug.xml");
  drop(kCamt054, "b-avis.xml");
  auto run = once();
  ASSERT_EQ(run.status, 0) << run.err;
  int postable = 0, provisional = 0;
  for (const auto& t : counted()) {
    postable += t.postable() ? 1 : 0;
    provisional += t.provisional ? 1 : 0;
  }
  EXPECT_EQ(postable, 9);  // 4 plain entries + the 5 details of the 1537.00 entry
  EXPECT_EQ(provisional, 1);
}

TEST_F(StatementsImport, AnUnreadableStatementIsQuarantinedAndRememberedWithItsReason) {
  dir_.write("inbox/kaputt.xml",
             "<?xml version=\"1.0\"?><Document "
             "xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt>");
  drop(kCamt053, "auszug.xml");
  auto run = once();
  EXPECT_EQ(run.status, 0) << run.err;  // the job goes on with the next file
  EXPECT_THAT(run.err, HasSubstr("kaputt.xml refused: "));
  EXPECT_EQ(counted().size(), 5U);
  EXPECT_EQ(files_in("inbox/quarantine"), 2U);  // the file and its .error
  const auto refused =
      query<std::vector<store::RefusedFile>>([](store::Reader& r) { return r.refused_files(10); });
  ASSERT_EQ(refused.size(), 1U);
  EXPECT_EQ(refused[0].file.name, "kaputt.xml");
  EXPECT_FALSE(refused[0].reason.empty());
}

TEST_F(StatementsImport, StatementOfAnAccountThatIsNotTheCompanysIsWarnedAboutAndSkipped) {
  drop("camt053/moov-iso20022__FI_camt_053_sample.xml.xml", "fremd.xml");
  auto run = once();
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr("unknown_account: "));
  EXPECT_THAT(run.err, HasSubstr("FI7433010001222090"));
  EXPECT_TRUE(counted().empty());
  EXPECT_EQ(files_in("inbox/processed"), 1U);  // read, so not offered again
}

}  // namespace
}  // namespace kontor::testing
