// A running kontord imports a file as soon as it arrives in a watched folder and has settled,
// not at the job's next scheduled time (here: once a year).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "store/sqlite_store.hpp"
#include "support/child_process.hpp"
#include "support/running_kontord.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

using ::testing::HasSubstr;

class WatchedFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_ / "inbox");
    dir_.write("kontor.yaml",
               "daemon: {state_dir: " + dir_.path().string() +
                   "/state, plugin_dir: " + (binary_dir() / "plugins").string() +
                   ", admin_socket: " + (dir_ / "admin.sock").string() + "}\n" + company_yaml() +
                   "instances:\n"
                   "  drop: {plugin: folder-source, path: " +
                   (dir_ / "inbox").string() +
                   ", settle: 200ms}\n"
                   "  erp: {plugin: open-items}\n"
                   "jobs:\n"
                   "  items: {engine: import_open_items, inputs: [drop], schedule: '0 6 1 1 *'}\n");
    daemon_ = std::make_unique<RunningKontord>(dir_ / "kontor.yaml", dir_.path());
    ASSERT_TRUE(daemon_->ready()) << daemon_->err();
  }

  bool item_known(const std::string& number) {
    store::SqliteOptions options;
    options.path = (dir_ / "state/kontor.db").string();
    auto store = store::SqliteStore::open(options);
    if (!store) return false;
    bool known = false;
    (void)(*store)->read([&](store::Reader& reader) -> Status {
      auto item = reader.open_item(number);
      known = item.ok() && item->has_value();
      return {};
    });
    return known;
  }

  TempDir dir_;
  std::unique_ptr<RunningKontord> daemon_;
};

TEST_F(WatchedFolder, AFileIsImportedOnceItHasArrivedAndSettled) {
  // Written elsewhere and moved in, as careful ERPs and SFTP servers do.
  dir_.write("R-1.csv",
             "invoice_no;customer_no;customer_name;amount;due_date\nR-1;K-1;Muster;10.00;"
             "2026-12-31\n");
  std::filesystem::rename(dir_ / "R-1.csv", dir_ / "inbox/R-1.csv");
  bool imported = false;
  // Bounded polling of the result; nothing here asserts how fast it happens.
  for (int i = 0; i < 1500 && !imported; ++i) {
    imported = item_known("R-1");
    if (!imported) ::usleep(20'000);
  }
  EXPECT_TRUE(imported) << daemon_->err();
  EXPECT_THAT(daemon_->err(), HasSubstr("source drop has news: running items now"));
}

}  // namespace
}  // namespace kontor::testing
