// folder-source through the SDK's fake host: files copied into a temp dir, a clock the test
// moves, no sleeping.
#include "folder_source.hpp"

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/stat.h>

#include <fstream>

#include "kontor/testing/fake_host.hpp"
#include "support/temp_dir.hpp"
#include "support/undeletable.hpp"

extern "C" const kontor_plugin_descriptor* kontor_plugin_entry_impl_v1(
    const kontor_host_info* host) noexcept;

namespace kontor::plugins {
namespace {

namespace fs = std::filesystem;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr std::int64_t kSecond = 1'000'000;

struct Collected : sdk::DocumentList {
  std::vector<std::string> ids;
  sdk::Status add(const sdk::DocumentInfo& document) override {
    ids.push_back(document.id);
    return sdk::Status::ok();
  }
};

struct Bytes : sdk::ByteSink {
  std::string content;
  sdk::Status write(std::span<const std::uint8_t> chunk) override {
    content.append(reinterpret_cast<const char*>(chunk.data()), chunk.size());
    return sdk::Status::ok();
  }
};

// Sets a file's mtime to `seconds` since 1970, as if written then.
void set_mtime(const fs::path& path, std::int64_t seconds) {
  const timespec times[2] = {{seconds, 0}, {seconds, 0}};
  ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
}

class FolderSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_.set("path", dir_.path().string());
    host_.now_utc_us = 1'800'000'000 * kSecond;
  }

  std::unique_ptr<testing::FakeInstance> create() {
    auto instance = host_.create();
    EXPECT_TRUE(instance.ok()) << (instance.ok() ? "" : instance.error().message);
    return instance.ok() ? std::move(instance).value() : nullptr;
  }

  std::vector<std::string> list(const testing::FakeInstance& source) {
    Collected collected;
    auto status = source.proxy().list(collected);
    EXPECT_TRUE(status.is_ok()) << status.message();
    return collected.ids;
  }

  // A file written `age` seconds before the fake clock's now.
  fs::path drop(const std::string& name, const std::string& content, std::int64_t age = 3600) {
    const fs::path path = dir_.write(name, content);
    set_mtime(path, host_.now_utc_us / kSecond - age);
    return path;
  }

  // The names in `folder` under the temp dir, sorted.
  std::vector<std::string> names_in(const std::string& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_ / folder)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  kontor::testing::TempDir dir_;
  testing::FakeHost host_{&kontor_plugin_entry_impl_v1};
};

// The fake clock stands at 2027-01-15T08:00:00Z; with keep_processed_days 30, what was moved
// before 2026-12-16T08:00:00Z has been kept long enough.
class KeepProcessedDaysTest : public FolderSourceTest {
 protected:
  void SetUp() override {
    FolderSourceTest::SetUp();
    host_.set("keep_processed_days", "30");
    fs::create_directories(dir_ / "processed");
    fs::create_directories(dir_ / "quarantine");
  }
};

TEST_F(KeepProcessedDaysTest, ListingRemovesImportedFilesOlderThanTheLimitAndKeepsNewerOnes) {
  dir_.write("processed/2026-11-01T06-00-00Z_items.csv", "old");
  dir_.write("processed/2026-12-16T07-59-59Z_camt.xml", "one second too old");
  dir_.write("processed/2026-12-16T08-00-00Z_camt.xml", "exactly 30 days");
  dir_.write("processed/2027-01-15T07-00-00Z_items.csv", "this morning's");
  drop("new.csv", "a;b");
  auto source = create();
  EXPECT_THAT(list(*source), ElementsAre("new.csv"));
  EXPECT_THAT(names_in("processed"),
              ElementsAre("2026-12-16T08-00-00Z_camt.xml", "2027-01-15T07-00-00Z_items.csv"));
  EXPECT_EQ(host_.metrics().at("processed_files_removed"), 2);
  EXPECT_THAT(host_.log_lines(),
              Contains(HasSubstr("info: removed 2 files imported more than 30 days ago from")));
}

TEST_F(KeepProcessedDaysTest, AFileMovedLaterIsRemovedOnceItsDaysHavePassed) {
  drop("items.csv", "a;b");
  auto source = create();
  ASSERT_TRUE(source->proxy().ack("items.csv", sdk::AckOutcome::kCommitted, "").is_ok());
  host_.now_utc_us += 30 * 86'400 * kSecond;
  EXPECT_THAT(list(*source), IsEmpty());
  EXPECT_THAT(names_in("processed"), ElementsAre("2027-01-15T08-00-00Z_items.csv"));
  host_.now_utc_us += 1 * kSecond;
  EXPECT_THAT(list(*source), IsEmpty());
  EXPECT_THAT(names_in("processed"), IsEmpty());
}

TEST_F(KeepProcessedDaysTest, QuarantineIsNeverTouched) {
  dir_.write("quarantine/2020-01-01T00-00-00Z_broken.xml", "<oops");
  dir_.write("quarantine/2020-01-01T00-00-00Z_broken.xml.error", "broken.xml:1:6: expected '>'");
  auto source = create();
  EXPECT_THAT(list(*source), IsEmpty());
  EXPECT_THAT(names_in("quarantine"), ElementsAre("2020-01-01T00-00-00Z_broken.xml",
                                                  "2020-01-01T00-00-00Z_broken.xml.error"));
  EXPECT_EQ(host_.metrics().count("processed_files_removed"), 0u);
}

// Only the time in a name that this source gave the file counts: a file someone else put into
// processed/ is theirs, however old, and so are directories and symlinks.
TEST_F(KeepProcessedDaysTest, WhatThisSourceDidNotPutThereStaysHoweverOld) {
  const fs::path notes = dir_.write("processed/notes.txt", "the operator's");
  set_mtime(notes, 946'684'800);  // 2000-01-01
  dir_.write("processed/2020-01-01T00:00:00Z_other-tool.csv", "another tool's stamp");
  fs::create_directory(dir_ / "processed/2020-01-01T00-00-00Z_archive");
  const fs::path outside = dir_.write("outside.csv", "not in processed/");
  fs::create_symlink(outside, dir_ / "processed/2020-01-01T00-00-00Z_link.csv");
  auto source = create();
  (void)list(*source);
  EXPECT_THAT(names_in("processed"),
              ElementsAre("2020-01-01T00-00-00Z_archive", "2020-01-01T00-00-00Z_link.csv",
                          "2020-01-01T00:00:00Z_other-tool.csv", "notes.txt"));
  EXPECT_TRUE(fs::exists(outside));
}

TEST_F(KeepProcessedDaysTest, ZeroKeepsEverything) {
  host_.set("keep_processed_days", "0");
  dir_.write("processed/2000-01-01T00-00-00Z_items.csv", "very old");
  auto source = create();
  (void)list(*source);
  EXPECT_THAT(names_in("processed"), ElementsAre("2000-01-01T00-00-00Z_items.csv"));
}

TEST_F(FolderSourceTest, ProcessedFilesAreKeptForeverByDefault) {
  fs::create_directories(dir_ / "processed");
  dir_.write("processed/2000-01-01T00-00-00Z_items.csv", "very old");
  auto source = create();
  (void)list(*source);
  EXPECT_TRUE(fs::exists(dir_ / "processed/2000-01-01T00-00-00Z_items.csv"));
}

TEST_F(KeepProcessedDaysTest, AFileThatCannotBeRemovedIsAWarningNotAFailedListing) {
  const fs::path stuck = dir_.write("processed/2026-01-01T00-00-00Z_stuck.csv", "x");
  dir_.write("processed/2026-01-02T00-00-00Z_items.csv", "x");
  drop("new.csv", "a;b");
  auto source = create();
  {
    kontor::testing::Undeletable undeletable(stuck);
    if (!undeletable.active()) GTEST_SKIP() << "cannot make a file undeletable here";
    EXPECT_THAT(list(*source), ElementsAre("new.csv"));
  }
  EXPECT_THAT(host_.log_lines(), Contains(HasSubstr("warning: cannot remove " + stuck.string())));
  EXPECT_TRUE(fs::exists(stuck));
  if (::geteuid() == 0) {  // the immutable flag holds only this one file back
    EXPECT_FALSE(fs::exists(dir_ / "processed/2026-01-02T00-00-00Z_items.csv"));
    EXPECT_EQ(host_.metrics().at("processed_files_removed"), 1);
  }
}

TEST_F(KeepProcessedDaysTest, NoProcessedFolderYetIsNothingToDo) {
  fs::remove(dir_ / "processed");
  drop("new.csv", "a;b");
  auto source = create();
  EXPECT_THAT(list(*source), ElementsAre("new.csv"));
  EXPECT_THAT(host_.log_lines(), ::testing::Not(Contains(HasSubstr("warning"))));
}

TEST_F(FolderSourceTest, KeepProcessedDaysMustNotBeNegative) {
  host_.set("keep_processed_days", "-1");
  EXPECT_FALSE(host_.create().ok());
}

TEST_F(FolderSourceTest, KeepProcessedDaysRefusesQuarantineAsProcessedDir) {
  host_.set("keep_processed_days", "7");
  host_.set("processed_dir", "done");
  host_.set("quarantine_dir", "./done/");
  auto instance = host_.create();
  ASSERT_FALSE(instance.ok());
  EXPECT_THAT(instance.error().message, HasSubstr("processed_dir must not be quarantine_dir"));
}

TEST_F(FolderSourceTest, DeclaresItselfASourceWithItsSchema) {
  const kontor_plugin_descriptor* d = host_.descriptor();
  ASSERT_NE(d, nullptr);
  EXPECT_STREQ(d->name, "folder-source");
  EXPECT_EQ(d->roles, static_cast<std::uint32_t>(KONTOR_ROLE_SOURCE));
  EXPECT_EQ(d->config_field_count, 7u);
}

TEST_F(FolderSourceTest, OffersFilesAlreadyThereAtStartInNameOrder) {
  drop("b-statement.xml", "<b/>");
  drop("a-statement.xml", "<a/>");
  auto source = create();
  EXPECT_THAT(list(*source), ElementsAre("a-statement.xml", "b-statement.xml"));
}

TEST_F(FolderSourceTest, HoldsBackAFileUntilItHasSettled) {
  host_.set("settle", "30s");
  auto source = create();
  const fs::path file = drop("new.csv", "half", /*age=*/0);
  EXPECT_THAT(list(*source), IsEmpty());  // just written
  host_.now_utc_us += 10 * kSecond;
  std::ofstream(file, std::ios::app) << " more";  // still being written: the clock restarts
  set_mtime(file, host_.now_utc_us / kSecond);
  EXPECT_THAT(list(*source), IsEmpty());
  host_.now_utc_us += 29 * kSecond;
  EXPECT_THAT(list(*source), IsEmpty());
  host_.now_utc_us += 1 * kSecond;  // 30 s unchanged
  EXPECT_THAT(list(*source), ElementsAre("new.csv"));
}

TEST_F(FolderSourceTest, SkipsTemporaryHiddenAndNonRegularFiles) {
  drop(".hidden.xml", "x");
  drop("upload.xml.part", "x");
  drop("export.csv.tmp", "x");
  drop("backup.csv~", "x");
  drop("real.csv", "x");
  fs::create_directory(dir_ / "sub");
  fs::create_symlink("/etc/passwd", dir_ / "link.csv");
  auto source = create();
  EXPECT_THAT(list(*source), ElementsAre("real.csv"));
}

TEST_F(FolderSourceTest, IncludePatternsNarrowWhatIsOffered) {
  host_.set_list("include", {"*.xml", "*.sta"});
  drop("camt.xml", "x");
  drop("mt940.sta", "x");
  drop("notes.txt", "x");
  auto source = create();
  EXPECT_THAT(list(*source), ElementsAre("camt.xml", "mt940.sta"));
}

TEST_F(FolderSourceTest, FetchStreamsTheWholeFile) {
  std::string big(300 * 1024, 'x');
  big[123456] = 'y';
  drop("big.xml", big);
  auto source = create();
  Bytes bytes;
  ASSERT_TRUE(source->proxy().fetch("big.xml", bytes).is_ok());
  EXPECT_EQ(bytes.content, big);
}

TEST_F(FolderSourceTest, FilesStayUntilAcknowledged) {
  drop("items.csv", "a;b");
  auto source = create();
  EXPECT_THAT(list(*source), ElementsAre("items.csv"));
  EXPECT_THAT(list(*source), ElementsAre("items.csv"));  // a crash before ack repeats it
}

TEST_F(FolderSourceTest, CommittedFilesMoveToProcessed) {
  drop("items.csv", "a;b");
  auto source = create();
  ASSERT_TRUE(source->proxy().ack("items.csv", sdk::AckOutcome::kCommitted, "").is_ok());
  EXPECT_FALSE(fs::exists(dir_ / "items.csv"));
  EXPECT_TRUE(fs::exists(dir_ / "processed" / "2027-01-15T08-00-00Z_items.csv"));
  EXPECT_THAT(list(*source), IsEmpty());
  EXPECT_EQ(host_.metrics().at("files_processed"), 1);
}

TEST_F(FolderSourceTest, RejectedFilesMoveToQuarantineWithTheirError) {
  drop("broken.xml", "<oops");
  auto source = create();
  ASSERT_TRUE(source->proxy()
                  .ack("broken.xml", sdk::AckOutcome::kRejected, "broken.xml:1:6: expected '>'")
                  .is_ok());
  const fs::path moved = dir_ / "quarantine" / "2027-01-15T08-00-00Z_broken.xml";
  EXPECT_TRUE(fs::exists(moved));
  std::ifstream error(moved.string() + ".error");
  std::string reason;
  std::getline(error, reason);
  EXPECT_EQ(reason, "broken.xml:1:6: expected '>'");
  EXPECT_THAT(list(*source), IsEmpty());  // neither the file nor its .error is offered again
}

TEST_F(FolderSourceTest, TheSameNameTwiceKeepsBothInProcessed) {
  auto source = create();
  drop("statement.xml", "day 1");
  ASSERT_TRUE(source->proxy().ack("statement.xml", sdk::AckOutcome::kCommitted, "").is_ok());
  drop("statement.xml", "day 2");
  ASSERT_TRUE(source->proxy().ack("statement.xml", sdk::AckOutcome::kCommitted, "").is_ok());
  EXPECT_TRUE(fs::exists(dir_ / "processed" / "2027-01-15T08-00-00Z_statement.xml"));
  EXPECT_TRUE(fs::exists(dir_ / "processed" / "2027-01-15T08-00-00Z_statement.xml.2"));
}

TEST_F(FolderSourceTest, IdsFromOutsideNeverLeaveTheFolder) {
  auto source = create();
  Bytes bytes;
  for (const std::string id : {"../etc/passwd", "/etc/passwd", "..", "sub/x"}) {
    auto fetched = source->proxy().fetch(id, bytes);
    EXPECT_EQ(fetched.code(), sdk::Code::kFailed) << id;
    EXPECT_THAT(fetched.message(), HasSubstr("refused document id")) << id;
    EXPECT_EQ(source->proxy().ack(id, sdk::AckOutcome::kCommitted, "").code(), sdk::Code::kFailed);
  }
  fs::create_symlink("/etc/hostname", dir_ / "link.xml");
  EXPECT_NE(source->proxy().fetch("link.xml", bytes).code(), sdk::Code::kOk);
  EXPECT_TRUE(bytes.content.empty());
}

// Whether `fd` is readable within `limit` (a bound for a test that would otherwise hang, not an
// assertion on speed).
bool readable(int fd, int limit_ms = 0) {
  pollfd descriptor{fd, POLLIN, 0};
  return ::poll(&descriptor, 1, limit_ms) == 1;
}

TEST_F(FolderSourceTest, ItsWakeDescriptorTurnsReadableWhenAFileArrives) {
  auto source = create();
  const std::optional<int> fd = source->proxy().wake_descriptor();
  ASSERT_TRUE(fd.has_value());
  EXPECT_FALSE(readable(*fd));
  drop("statement.xml", "<x/>");
  EXPECT_TRUE(readable(*fd));
  EXPECT_THAT(list(*source), ElementsAre("statement.xml"));
  EXPECT_FALSE(readable(*fd));  // list() took the news in
}

TEST_F(FolderSourceTest, AFileStillSettlingWakesTheHostOnceItHasSettled) {
  host_.set("settle", "50ms");
  auto source = create();
  const int fd = *source->proxy().wake_descriptor();
  drop("slow.csv", "a;b", /*age=*/0);
  EXPECT_THAT(list(*source), IsEmpty());
  EXPECT_FALSE(readable(fd));
  EXPECT_TRUE(readable(fd, 10'000));  // the settle timer, armed by list()
  host_.now_utc_us += 50'000;
  EXPECT_THAT(list(*source), ElementsAre("slow.csv"));
}

TEST_F(FolderSourceTest, WatchingCanBeTurnedOff) {
  host_.set("watch", "false");
  auto source = create();
  EXPECT_FALSE(source->proxy().wake_descriptor().has_value());
}

TEST_F(FolderSourceTest, AMissingFolderIsAConfigurationError) {
  host_.set("path", (dir_ / "nope").string());
  auto instance = host_.create();
  ASSERT_FALSE(instance.ok());
  EXPECT_THAT(instance.error().message, HasSubstr("invalid configuration: folder '"));
}

TEST_F(FolderSourceTest, QuarantineOutsideTheFolderIsRefused) {
  host_.set("quarantine_dir", "../elsewhere");
  auto instance = host_.create();
  ASSERT_FALSE(instance.ok());
  EXPECT_THAT(instance.error().message, HasSubstr("quarantine_dir must be a folder name inside"));
}

}  // namespace
}  // namespace kontor::plugins
