// The export job end to end on the demo (config/demo.yaml as it ships): the demo's ERP export and
// bank statements imported and matched, then `kontord --once export` hands the books to the
// `datev` exporter. The DATEV files are read back by a Python reader of our own
// (tests/export/read_datev.py, not our writer) and checked against the store; reruns, changes
// after export, a crash between the steps and a refused stage are played through.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "dunning/dunning_job_fixture.hpp"
#include "engine/export_delivery.hpp"

namespace kontor::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;

// Debit minus credit, in cents, per account.
using Nets = std::map<std::string, std::int64_t>;

class ExportJob : public DunningJob {
 protected:
  fs::path datev_dir() const { return state() / "outbox/datev"; }

  // The published DATEV files (not the staging folder), by name.
  std::vector<fs::path> datev_files(const std::string& kind = "Buchungsstapel") const {
    std::vector<fs::path> found;
    if (!fs::exists(datev_dir())) return found;
    for (const auto& entry : fs::directory_iterator(datev_dir())) {
      const std::string name = entry.path().filename().string();
      if (entry.is_regular_file() && name.starts_with("EXTF_" + kind + "_")) {
        found.push_back(entry.path());
      }
    }
    std::sort(found.begin(), found.end());
    return found;
  }

  nlohmann::json read_datev(const std::vector<fs::path>& files) {
    std::vector<std::string> argv = {(source_dir() / "tests/export/read_datev.py").string()};
    for (const fs::path& file : files) argv.push_back(file.string());
    return python(argv);
  }

  static Nets nets_of(const nlohmann::json& read) {
    Nets nets;
    for (const auto& [account, totals] : read["accounts"].items()) {
      nets[account] = totals["debit"].get<std::int64_t>() - totals["credit"].get<std::int64_t>();
    }
    return nets;
  }

  Nets store_nets() {
    const auto totals = query<std::vector<store::AccountTotal>>(
        [](store::Reader& r) { return r.booking_totals(); });
    Nets nets;
    for (const store::AccountTotal& total : totals) {
      nets[total.account] = total.debit.minor_units() - total.credit.minor_units();
    }
    return nets;
  }

  // The datev target's batches (the demo also exports to a journal: export_targets_test.cpp).
  std::vector<store::ExportBatchRecord> batches() {
    return query<std::vector<store::ExportBatchRecord>>([](store::Reader& r) {
      return r.export_batches(store::ExportBatchQuery{.target = "datev-out", .limit = 100});
    });
  }

  // Runs SQL on the store behind Kontor's back, as a crash would have left it.
  void tamper(const std::string& sql) {
    const fs::path script = dir_.write("tamper.py",
                                       "import sqlite3, sys\n"
                                       "db = sqlite3.connect(sys.argv[1])\n"
                                       "db.execute(sys.argv[2])\n"
                                       "db.commit()\n"
                                       "print('{}')\n");
    python({script.string(), database().string(), sql});
  }

  void set_debtor_rule(const std::string& rule) {
    std::string config = read_text(dir_ / "kontor.yaml");
    const std::string before = "debtor_account: {rule: from_customer_number, prefix: \"K-\"}";
    const auto at = config.find(before);
    ASSERT_NE(at, std::string::npos) << "config/demo.yaml no longer sets the debtor rule";
    config.replace(at, before.size(), "debtor_account: " + rule);
    std::ofstream(dir_ / "kontor.yaml", std::ios::binary | std::ios::trunc) << config;
  }

  std::map<std::string, std::string> file_bytes() const {
    std::map<std::string, std::string> bytes;
    for (const fs::path& file : datev_files()) bytes[file.filename()] = read_text(file);
    for (const fs::path& file : datev_files("DebKred_Stamm")) {
      bytes[file.filename()] = read_text(file);
    }
    return bytes;
  }

  Completed import_and_export(const std::string& now = kDemoDay) {
    return once(now, {"import-items", "import-statements", "export"});
  }
};

TEST_F(ExportJob, TheDemosPaymentsReachDatevOnceAndEveryAccountAgreesWithTheStore) {
  drop_demo();
  const Completed ran = import_and_export();
  ASSERT_EQ(ran.status, 0) << ran.err;

  const std::vector<fs::path> files = datev_files();
  ASSERT_THAT(files, SizeIs(1));
  EXPECT_EQ(files.front().filename(), "EXTF_Buchungsstapel_202611_datev-out-000001.csv");
  EXPECT_THAT(datev_files("DebKred_Stamm"), SizeIs(1));
  const nlohmann::json read = read_datev(files);
  const nlohmann::json& file = read["files"][0];
  EXPECT_EQ(file["format"], "EXTF");
  EXPECT_EQ(file["category"], "21");
  EXPECT_EQ(file["columns"], 125);
  EXPECT_EQ(file["from"], "20261101");
  EXPECT_EQ(file["to"], "20261130");

  // The files and the store agree account by account, and the bank account's net is the money
  // the store posted: every payment allocation on a booked transaction, the returned one undone.
  const Nets from_files = nets_of(read);
  EXPECT_EQ(from_files, store_nets());
  std::int64_t posted = 0;
  for (const std::string customer : {"K-10001", "K-10002", "K-10003", "K-10004", "K-10005"}) {
    for (const OpenItem& item : items_of(customer)) {
      for (const Allocation& allocation : query<std::vector<Allocation>>(
               [&](store::Reader& r) { return r.allocations_of_item(item.number); })) {
        if (!allocation.transaction.empty()) posted += allocation.amount.minor_units();
      }
    }
  }
  ASSERT_GT(posted, 0);
  EXPECT_EQ(from_files.at("1200"), posted);
  EXPECT_EQ(from_files.at("1200"), 503400) << "5,034.00 EUR came in and stayed";
  // Debtor accounts follow the customer numbers (rule from_customer_number, prefix "K-").
  EXPECT_EQ(from_files.at("10001"), -178500);
  EXPECT_EQ(from_files.at("10004"), 0) << "the returned direct debit nets to nothing";

  // The returned direct debit: the payment and its Generalumkehr on the return's day.
  std::vector<nlohmann::json> gruenwald;
  for (const auto& record : file["records"]) {
    if (record["konto"] == "10004") gruenwald.push_back(record);
  }
  ASSERT_THAT(gruenwald, SizeIs(2));
  EXPECT_EQ(gruenwald[0]["generalumkehr"], "");
  EXPECT_EQ(gruenwald[1]["generalumkehr"], "1");
  EXPECT_EQ(gruenwald[1]["belegfeld1"], gruenwald[0]["belegfeld1"]);
  EXPECT_EQ(gruenwald[1]["side"], gruenwald[0]["side"]);
  for (const auto& record : file["records"]) {
    const std::string day = record["belegdatum"];
    ASSERT_EQ(day.size(), 4u);
    EXPECT_EQ(day.substr(2), "11") << "Belegdatum inside the file's November";
  }

  const std::vector<store::ExportBatchRecord> recorded = batches();
  ASSERT_THAT(recorded, SizeIs(1));
  EXPECT_EQ(recorded.front().state, store::ExportBatchState::published);
  EXPECT_FALSE(recorded.front().repeat);
  EXPECT_EQ(recorded.front().booking_count, static_cast<std::int64_t>(file["records"].size()));

  // A rerun, the same day or the next, books and exports nothing twice.
  const auto before = file_bytes();
  ASSERT_EQ(import_and_export().status, 0);
  ASSERT_EQ(import_and_export("2026-11-30T18:00").status, 0);
  EXPECT_EQ(file_bytes(), before);
  EXPECT_THAT(batches(), SizeIs(1));
  EXPECT_EQ(store_nets(), from_files);
}

TEST_F(ExportJob, AChangeAfterExportComesOutAsReversalsPlusNewBookings) {
  drop_demo();
  ASSERT_EQ(import_and_export().status, 0);
  const Nets first = store_nets();

  // The bookkeeping moves every customer to the collective debtor 10000.
  set_debtor_rule("{rule: fixed, account: \"10000\"}");
  const Completed ran = import_and_export("2026-12-02T18:00");
  ASSERT_EQ(ran.status, 0) << ran.err;

  const std::vector<fs::path> files = datev_files();
  ASSERT_THAT(files, SizeIs(3)) << "November's first batch; the second's December reversals and "
                                   "November bookings";
  const nlohmann::json read = read_datev(files);
  const Nets nets = nets_of(read);
  EXPECT_EQ(nets, store_nets());
  EXPECT_EQ(nets.at("1200"), first.at("1200")) << "the money is the same: only who paid moved";
  for (const std::string debtor : {"10001", "10002", "10003", "10005"}) {
    EXPECT_EQ(nets.at(debtor), 0) << debtor << " is reversed completely";
  }
  EXPECT_EQ(nets.at("10000"), -503400);

  // The second batch's reversals are Generalumkehr records dated the day of the change, in a
  // December file; the new bookings keep their payments' November dates.
  std::int64_t reversals = 0;
  for (const auto& file : read["files"]) {
    const std::string name = file["name"];
    if (name.find("000002") == std::string::npos) continue;
    for (const auto& record : file["records"]) {
      if (record["generalumkehr"] == "1") {
        ++reversals;
        EXPECT_EQ(record["belegdatum"], "0212");
        EXPECT_THAT(name, HasSubstr("_202612_"));
        EXPECT_NE(record["konto"], "10000");
      } else {
        EXPECT_EQ(record["konto"], "10000");
        EXPECT_THAT(name, HasSubstr("_202611_"));
      }
    }
  }
  EXPECT_EQ(reversals, 5) << "one per payment still standing";
  const std::vector<store::ExportBatchRecord> recorded = batches();
  ASSERT_THAT(recorded, SizeIs(2));
  EXPECT_EQ(recorded.front().booking_count, 10);
}

TEST_F(ExportJob, ACrashAfterPublishingPublishesNothingTwice) {
  drop_demo();
  ASSERT_EQ(import_and_export().status, 0);
  const auto published = file_bytes();
  // kontord died after the exporter published, before the store marked it: the batch is found
  // staged. The next run publishes again, which the exporter knows it has done.
  tamper("UPDATE export_batches SET state = 'staged', published_at = NULL");
  ASSERT_EQ(batches().front().state, store::ExportBatchState::staged);
  ASSERT_EQ(import_and_export().status, 0);
  EXPECT_EQ(batches().front().state, store::ExportBatchState::published);
  EXPECT_THAT(batches(), SizeIs(1));
  EXPECT_EQ(file_bytes(), published);
}

TEST_F(ExportJob, ARefusedStageKeepsTheBatchAndTheNextRunFinishesIt) {
  drop_demo();
  // The export folder cannot be made: a file is in its way.
  fs::create_directories(datev_dir().parent_path());
  std::ofstream(datev_dir()) << "in the way";
  const Completed refused = import_and_export();
  EXPECT_NE(refused.status, 0);
  std::vector<store::ExportBatchRecord> recorded = batches();
  ASSERT_THAT(recorded, SizeIs(1));
  EXPECT_EQ(recorded.front().state, store::ExportBatchState::recorded);
  EXPECT_THAT(recorded.front().detail, HasSubstr("stage failed"));
  const std::int64_t bookings = recorded.front().booking_count;

  fs::remove(datev_dir());
  ASSERT_EQ(import_and_export().status, 0);
  recorded = batches();
  ASSERT_THAT(recorded, SizeIs(1)) << "the same batch, not a second one";
  EXPECT_EQ(recorded.front().state, store::ExportBatchState::published);
  EXPECT_EQ(recorded.front().booking_count, bookings);
  EXPECT_THAT(datev_files(), SizeIs(1));
  EXPECT_EQ(nets_of(read_datev(datev_files())), store_nets());
}

TEST_F(ExportJob, ARepeatedPeriodIsPublishedAgainAsItsOwnBatch) {
  drop_demo();
  ASSERT_EQ(import_and_export().status, 0);
  const auto first = file_bytes();
  // What `kontorctl export repeat datev-out --from 2026-11-01 --to 2026-11-30` records.
  {
    store::SqliteOptions options;
    options.path = database().string();
    auto opened = store::SqliteStore::open(options);
    ASSERT_TRUE(opened) << opened.error().message;
    const Status recorded =
        (*opened)->transact("user:test", "repeat November", [](store::Transaction& tx) -> Status {
          Result<store::ExportBatchRecord> repeat =
              engine::record_repeat(tx, "datev-out", *Date::parse_iso("2026-11-01"),
                                    *Date::parse_iso("2026-11-30"), "user:test");
          if (!repeat) return repeat.error();
          return {};
        });
    ASSERT_TRUE(recorded) << recorded.error().message;
  }
  ASSERT_EQ(import_and_export("2026-11-29T10:00").status, 0);

  const std::vector<store::ExportBatchRecord> recorded = batches();
  ASSERT_THAT(recorded, SizeIs(2));
  EXPECT_TRUE(recorded.front().repeat);
  EXPECT_EQ(recorded.front().state, store::ExportBatchState::published);
  const std::vector<fs::path> files = datev_files();
  ASSERT_THAT(files, SizeIs(2));
  // The earlier file is untouched; the repeat carries the same records under its own name.
  for (const auto& [name, bytes] : first) EXPECT_EQ(file_bytes().at(name), bytes);
  const nlohmann::json original = read_datev({files[0]});
  const nlohmann::json repeat = read_datev({files[1]});
  EXPECT_EQ(repeat["files"][0]["records"], original["files"][0]["records"]);
  EXPECT_EQ(files[1].filename(), "EXTF_Buchungsstapel_202611_datev-out-000002.csv");
}

}  // namespace
}  // namespace kontor::testing
