// sftp-source against a real OpenSSH server the test starts on loopback, through kontord's own
// transfer service behind the SDK's fake host (whose clock the test moves; no sleeping). The
// server's files are a local temp dir, so the test sees what the source did on the server.
#include "sftp_source.hpp"

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <fstream>

#include "host/transfer_service.hpp"
#include "kontor/testing/fake_host.hpp"
#include "log/logging.hpp"
#include "support/sftp_server.hpp"
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
using ::testing::SizeIs;

constexpr std::int64_t kSecond = 1'000'000;
constexpr std::int64_t kNow = 1'800'000'000;  // the fake host's clock, in seconds

struct Collected : sdk::DocumentList {
  std::vector<sdk::DocumentInfo> documents;
  sdk::Status add(const sdk::DocumentInfo& document) override {
    documents.push_back(document);
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

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> names_in(const fs::path& directory) {
  std::vector<std::string> names;
  if (!fs::exists(directory)) return names;
  for (const auto& entry : fs::directory_iterator(directory)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class SftpSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_THAT(server_.error(), IsEmpty());
    fs::create_directories(outbox());
    instance_.name = "bank";
    instance_.plugin = "sftp-source";
    instance_.context = &context_;
    instance_.log = log::get("plugin:bank");
    instance_.cancelled = &cancelled_;
    host_.transfer_handler = [this](const kontor_transfer_request& request,
                                    const kontor_bytes_sink* sink, kontor_transfer_result* result) {
      return transfer_.perform(instance_, request, *sink, *result);
    };
    host_.now_utc_us = kNow * kSecond;
    host_.set("host", "127.0.0.1");
    host_.set("port", std::to_string(server_.port()));
    host_.set("user", server_.user());
    host_.set("path", outbox().string());
    host_.set("known_hosts", server_.known_hosts().string());
    host_.set("private_key", server_.client_key().string());
  }

  // The bank's outgoing directory on the server.
  fs::path outbox() const { return server_.files() / "out"; }

  std::unique_ptr<testing::FakeInstance> create() {
    auto instance = host_.create();
    EXPECT_TRUE(instance.ok()) << (instance.ok() ? "" : instance.error().message);
    return instance.ok() ? std::move(instance).value() : nullptr;
  }

  std::vector<std::string> list(const testing::FakeInstance& source) {
    Collected collected;
    auto status = source.proxy().list(collected);
    EXPECT_TRUE(status.is_ok()) << status.message();
    std::vector<std::string> ids;
    for (const auto& document : collected.documents) ids.push_back(document.id);
    return ids;
  }

  // A file the bank put there `age` seconds before the fake clock's now.
  fs::path upload(const std::string& name, const std::string& content, std::int64_t age = 3600) {
    const fs::path path = outbox() / name;
    std::ofstream(path, std::ios::binary) << content;
    const timespec times[2] = {{kNow - age, 0}, {kNow - age, 0}};
    EXPECT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
    return path;
  }

  testing::SftpServer server_;
  host::TransferService transfer_;
  host::HostContext context_;
  host::HostInstance instance_;
  std::atomic<bool> cancelled_{false};
  testing::FakeHost host_{&kontor_plugin_entry_impl_v1};
};

TEST_F(SftpSourceTest, OffersOnlyRegularFilesNeverDirectoriesSymlinksOrTemporaryNames) {
  upload("camt053_20261127.xml", "<Document/>");
  upload("camt053_20261128.xml.part", "<Docu");
  upload(".listing", "x");
  upload("old.xml.error", "x");
  fs::create_directory(outbox() / "archive");
  fs::create_symlink(outbox() / "camt053_20261127.xml", outbox() / "latest.xml");
  auto source = create();
  ASSERT_NE(source, nullptr);
  EXPECT_THAT(list(*source), ElementsAre("camt053_20261127.xml"));
}

TEST_F(SftpSourceTest, ReportsSizeAndModificationTimeFromTheServer) {
  upload("camt053.xml", "<Document/>", 3600);
  auto source = create();
  ASSERT_NE(source, nullptr);
  Collected collected;
  ASSERT_TRUE(source->proxy().list(collected).is_ok());
  ASSERT_THAT(collected.documents, SizeIs(1));
  EXPECT_EQ(collected.documents[0].name, "camt053.xml");
  EXPECT_EQ(collected.documents[0].size, 11);
  EXPECT_EQ(collected.documents[0].modified_utc_us, (kNow - 3600) * kSecond);
}

TEST_F(SftpSourceTest, HoldsBackAFileUntilItsSizeAndTimeStayedTheSameForSettle) {
  host_.set("settle", "30s");
  auto source = create();
  ASSERT_NE(source, nullptr);
  const fs::path file = upload("camt053.xml", "<Docu", 0);  // still being written
  EXPECT_THAT(list(*source), IsEmpty());

  host_.now_utc_us += 20 * kSecond;
  upload("camt053.xml", "<Document/>", -20);  // it grew: the wait starts again
  EXPECT_THAT(list(*source), IsEmpty());

  host_.now_utc_us += 29 * kSecond;
  EXPECT_THAT(list(*source), IsEmpty());
  host_.now_utc_us += 1 * kSecond;
  EXPECT_THAT(list(*source), ElementsAre("camt053.xml"));
}

TEST_F(SftpSourceTest, IncludePatternsChooseTheFiles) {
  upload("camt053.xml", "<Document/>");
  upload("auszug.sta", ":20:1");
  upload("readme.txt", "hello");
  host_.set_list("include", {"*.xml", "*.sta"});
  auto source = create();
  ASSERT_NE(source, nullptr);
  EXPECT_THAT(list(*source), ElementsAre("auszug.sta", "camt053.xml"));
}

TEST_F(SftpSourceTest, AnImportedFileIsMovedToProcessedOnlyWhenAcknowledged) {
  upload("camt053.xml", "<Document/>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  ASSERT_THAT(list(*source), ElementsAre("camt053.xml"));
  Bytes bytes;
  ASSERT_TRUE(source->proxy().fetch("camt053.xml", bytes).is_ok());
  EXPECT_EQ(bytes.content, "<Document/>");
  EXPECT_THAT(list(*source), ElementsAre("camt053.xml"));  // a crash before ack repeats it

  auto acked = source->proxy().ack("camt053.xml", sdk::AckOutcome::kCommitted, "");
  ASSERT_TRUE(acked.is_ok()) << acked.message();
  EXPECT_THAT(names_in(outbox()), ElementsAre("processed"));
  EXPECT_THAT(names_in(outbox() / "processed"), ElementsAre("2027-01-15T08-00-00Z_camt053.xml"));
  EXPECT_EQ(read_text(outbox() / "processed/2027-01-15T08-00-00Z_camt053.xml"), "<Document/>");
  EXPECT_EQ(host_.metrics().at("files_processed"), 1);
  EXPECT_THAT(list(*source), IsEmpty());
}

TEST_F(SftpSourceTest, TheSameNameMovedTwiceInOneSecondGetsANumberNeverReplacingTheFirst) {
  auto source = create();
  ASSERT_NE(source, nullptr);
  for (const char* content : {"first", "second", "third"}) {
    upload("camt053.xml", content);
    auto acked = source->proxy().ack("camt053.xml", sdk::AckOutcome::kCommitted, "");
    ASSERT_TRUE(acked.is_ok()) << acked.message();
  }
  EXPECT_THAT(names_in(outbox() / "processed"),
              ElementsAre("2027-01-15T08-00-00Z_camt053.xml", "2027-01-15T08-00-00Z_camt053.xml.2",
                          "2027-01-15T08-00-00Z_camt053.xml.3"));
  EXPECT_EQ(read_text(outbox() / "processed/2027-01-15T08-00-00Z_camt053.xml"), "first");
}

TEST_F(SftpSourceTest, ProcessedDirMayBeAnAbsolutePathElsewhereOnTheServer) {
  host_.set("processed_dir", (server_.files() / "archive/camt").string());
  fs::create_directories(server_.files() / "archive");
  upload("camt053.xml", "<Document/>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  ASSERT_TRUE(source->proxy().ack("camt053.xml", sdk::AckOutcome::kCommitted, "").is_ok());
  EXPECT_THAT(names_in(server_.files() / "archive/camt"),
              ElementsAre("2027-01-15T08-00-00Z_camt053.xml"));
}

TEST_F(SftpSourceTest, AfterImportDeleteRemovesTheFileFromTheServer) {
  host_.set("after_import", "delete");
  upload("camt053.xml", "<Document/>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  ASSERT_TRUE(source->proxy().ack("camt053.xml", sdk::AckOutcome::kCommitted, "").is_ok());
  EXPECT_THAT(names_in(outbox()), IsEmpty());
}

TEST_F(SftpSourceTest, ARefusedFileGoesToQuarantineWithItsErrorAndIsNeverDeleted) {
  host_.set("after_import", "delete");
  upload("broken.xml", "<Document>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  auto acked = source->proxy().ack("broken.xml", sdk::AckOutcome::kRejected,
                                   "broken.xml:1:11: expected '</Document>'");
  ASSERT_TRUE(acked.is_ok()) << acked.message();
  EXPECT_THAT(names_in(outbox()), ElementsAre("quarantine"));
  EXPECT_THAT(
      names_in(outbox() / "quarantine"),
      ElementsAre("2027-01-15T08-00-00Z_broken.xml", "2027-01-15T08-00-00Z_broken.xml.error"));
  EXPECT_EQ(read_text(outbox() / "quarantine/2027-01-15T08-00-00Z_broken.xml"), "<Document>");
  EXPECT_EQ(read_text(outbox() / "quarantine/2027-01-15T08-00-00Z_broken.xml.error"),
            "broken.xml:1:11: expected '</Document>'\n");
  EXPECT_EQ(host_.metrics().at("files_quarantined"), 1);
}

TEST_F(SftpSourceTest, IdsThatLeaveTheDirectoryAreRefused) {
  upload("camt053.xml", "<Document/>");
  fs::create_directories(server_.files() / "secret");
  std::ofstream(server_.files() / "secret/key") << "x";
  auto source = create();
  ASSERT_NE(source, nullptr);
  Bytes bytes;
  EXPECT_EQ(source->proxy().fetch("../secret/key", bytes).code(), sdk::Code::kFailed);
  EXPECT_EQ(source->proxy().fetch("..", bytes).code(), sdk::Code::kFailed);
  EXPECT_EQ(source->proxy().ack("../secret/key", sdk::AckOutcome::kCommitted, "").code(),
            sdk::Code::kFailed);
  EXPECT_THAT(bytes.content, IsEmpty());
  EXPECT_TRUE(fs::exists(server_.files() / "secret/key"));
}

TEST_F(SftpSourceTest, AFileGoneBeforeItWasFetchedIsNotFound) {
  auto source = create();
  ASSERT_NE(source, nullptr);
  Bytes bytes;
  EXPECT_EQ(source->proxy().fetch("camt053.xml", bytes).code(), sdk::Code::kNotFound);
}

TEST_F(SftpSourceTest, AChangedHostKeyFailsTheListNamingTheHost) {
  host_.set("known_hosts", server_.known_hosts_with_another_key().string());
  upload("camt053.xml", "<Document/>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  Collected collected;
  const auto status = source->proxy().list(collected);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(
      status.message(),
      HasSubstr("host key of 127.0.0.1:" + std::to_string(server_.port()) + " does not match"));
}

TEST_F(SftpSourceTest, AWrongPasswordFailsWithoutShowingIt) {
  host_.set("private_key", "");
  host_.set_secret("password", "Herbst2026!");
  auto source = create();
  ASSERT_NE(source, nullptr);
  Collected collected;
  const auto status = source->proxy().list(collected);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("refused the login"));
  EXPECT_THAT(status.message(), ::testing::Not(HasSubstr("Herbst2026!")));
}

TEST_F(SftpSourceTest, AnEncryptedKeyOpensWithThePasswordAsPassphrase) {
  host_.set("private_key", server_.client_key_with_passphrase().string());
  host_.set_secret("password", testing::SftpServer::kPassphrase);
  upload("camt053.xml", "<Document/>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  EXPECT_THAT(list(*source), ElementsAre("camt053.xml"));
}

TEST_F(SftpSourceTest, AServerThatIsDownIsRetry) {
  auto source = create();
  ASSERT_NE(source, nullptr);
  server_.stop();
  Collected collected;
  EXPECT_EQ(source->proxy().list(collected).code(), sdk::Code::kRetry);
}

TEST_F(SftpSourceTest, AMissingRemoteDirectoryFailsTheList) {
  host_.set("path", (server_.files() / "nowhere").string());
  auto source = create();
  ASSERT_NE(source, nullptr);
  Collected collected;
  const auto status = source->proxy().list(collected);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("nowhere"));
}

TEST_F(SftpSourceTest, ConfigurationThatCannotWorkIsRefused) {
  host_.set("known_hosts", (server_.files() / "missing_known_hosts").string());
  EXPECT_THAT(host_.create().error().message, HasSubstr("known_hosts"));
  host_.set("known_hosts", server_.known_hosts().string());

  host_.set("private_key", "");
  EXPECT_THAT(host_.create().error().message, HasSubstr("private_key or password"));
  host_.set("private_key", server_.client_key().string());

  host_.set("path", "/in/../etc");
  EXPECT_THAT(host_.create().error().message, HasSubstr(".."));
  host_.set("path", outbox().string());

  host_.set("processed_dir", ".");
  EXPECT_THAT(host_.create().error().message, HasSubstr("processed_dir"));
  host_.set("processed_dir", "processed");

  host_.set("host", "bank.example/evil");
  EXPECT_THAT(host_.create().error().message, HasSubstr("host"));
}

TEST_F(SftpSourceTest, AHostWrittenWithUserAndPasswordIsRefusedWithoutShowingThePassword) {
  host_.set("host", "kontor:Herbst2026!@bank.example");
  const std::string message = host_.create().error().message;
  EXPECT_THAT(message, HasSubstr("host must be a host name"));
  EXPECT_THAT(message, ::testing::Not(HasSubstr("Herbst2026!")));
}

// The fake clock stands at 2027-01-15T08:00:00Z; with keep_processed_days 30, what was moved
// before 2026-12-16T08:00:00Z has been kept long enough.
class KeepProcessedDaysTest : public SftpSourceTest {
 protected:
  void SetUp() override {
    SftpSourceTest::SetUp();
    host_.set("keep_processed_days", "30");
    fs::create_directories(processed());
    fs::create_directories(outbox() / "quarantine");
  }
  fs::path processed() const { return outbox() / "processed"; }
  fs::path put(const fs::path& path, const std::string& content) const {
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
};

TEST_F(KeepProcessedDaysTest, ListingRemovesImportedFilesOlderThanTheLimitFromTheServer) {
  put(processed() / "2026-11-01T06-00-00Z_camt053.xml", "old");
  put(processed() / "2026-12-16T07-59-59Z_camt053.xml", "one second too old");
  put(processed() / "2026-12-16T08-00-00Z_camt053.xml", "exactly 30 days");
  put(processed() / "2027-01-15T07-00-00Z_camt053.xml", "this morning's");
  upload("camt053_20270115.xml", "<Document/>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  EXPECT_THAT(list(*source), ElementsAre("camt053_20270115.xml"));
  EXPECT_THAT(names_in(processed()),
              ElementsAre("2026-12-16T08-00-00Z_camt053.xml", "2027-01-15T07-00-00Z_camt053.xml"));
  EXPECT_EQ(host_.metrics().at("processed_files_removed"), 2);
  EXPECT_THAT(host_.log_lines(),
              Contains(HasSubstr("info: removed 2 files imported more than 30 days ago from " +
                                 processed().string() + " on 127.0.0.1")));
}

TEST_F(KeepProcessedDaysTest, AFileMovedOnTheServerIsRemovedOnceItsDaysHavePassed) {
  upload("camt053.xml", "<Document/>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  ASSERT_TRUE(source->proxy().ack("camt053.xml", sdk::AckOutcome::kCommitted, "").is_ok());
  host_.now_utc_us += 30 * 86'400 * kSecond;
  EXPECT_THAT(list(*source), IsEmpty());
  EXPECT_THAT(names_in(processed()), ElementsAre("2027-01-15T08-00-00Z_camt053.xml"));
  host_.now_utc_us += 1 * kSecond;
  EXPECT_THAT(list(*source), IsEmpty());
  EXPECT_THAT(names_in(processed()), IsEmpty());
}

TEST_F(KeepProcessedDaysTest, QuarantineAndWhatThisSourceDidNotPutThereStay) {
  put(outbox() / "quarantine/2020-01-01T00-00-00Z_broken.xml", "<Document>");
  put(outbox() / "quarantine/2020-01-01T00-00-00Z_broken.xml.error", "expected '</Document>'");
  put(processed() / "readme.txt", "the bank's");
  put(processed() / "2020-01-01T00:00:00Z_other-tool.xml", "another tool's stamp");
  fs::create_directory(processed() / "2020-01-01T00-00-00Z_archive");
  const fs::path outside = put(server_.files() / "elsewhere.xml", "not in processed");
  fs::create_symlink(outside, processed() / "2020-01-01T00-00-00Z_link.xml");
  auto source = create();
  ASSERT_NE(source, nullptr);
  EXPECT_THAT(list(*source), IsEmpty());
  EXPECT_THAT(
      names_in(outbox() / "quarantine"),
      ElementsAre("2020-01-01T00-00-00Z_broken.xml", "2020-01-01T00-00-00Z_broken.xml.error"));
  EXPECT_THAT(names_in(processed()),
              ElementsAre("2020-01-01T00-00-00Z_archive", "2020-01-01T00-00-00Z_link.xml",
                          "2020-01-01T00:00:00Z_other-tool.xml", "readme.txt"));
  EXPECT_TRUE(fs::exists(outside));
  EXPECT_EQ(host_.metrics().count("processed_files_removed"), 0u);
}

TEST_F(KeepProcessedDaysTest, ZeroKeepsEverything) {
  host_.set("keep_processed_days", "0");
  put(processed() / "2000-01-01T00-00-00Z_camt053.xml", "very old");
  auto source = create();
  ASSERT_NE(source, nullptr);
  EXPECT_THAT(list(*source), IsEmpty());
  EXPECT_THAT(names_in(processed()), ElementsAre("2000-01-01T00-00-00Z_camt053.xml"));
}

TEST_F(KeepProcessedDaysTest, NoProcessedDirectoryYetIsNothingToDo) {
  fs::remove(processed());
  upload("camt053.xml", "<Document/>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  EXPECT_THAT(list(*source), ElementsAre("camt053.xml"));
  EXPECT_THAT(host_.log_lines(), ::testing::Not(Contains(HasSubstr("warning"))));
}

TEST_F(KeepProcessedDaysTest, AFileTheServerWillNotRemoveIsAWarningNotAFailedListing) {
  const fs::path stuck = put(processed() / "2026-01-01T00-00-00Z_stuck.xml", "x");
  put(processed() / "2026-01-02T00-00-00Z_camt053.xml", "x");
  upload("camt053.xml", "<Document/>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  {
    kontor::testing::Undeletable undeletable(stuck);
    if (!undeletable.active()) GTEST_SKIP() << "cannot make a file undeletable here";
    EXPECT_THAT(list(*source), ElementsAre("camt053.xml"));
  }
  EXPECT_THAT(host_.log_lines(),
              Contains(HasSubstr("warning: cannot remove " + stuck.string() + " on 127.0.0.1")));
  EXPECT_TRUE(fs::exists(stuck));
  if (::geteuid() == 0) {  // the immutable flag holds only this one file back
    EXPECT_THAT(names_in(processed()), ElementsAre("2026-01-01T00-00-00Z_stuck.xml"));
    EXPECT_EQ(host_.metrics().at("processed_files_removed"), 1);
  }
}

TEST_F(SftpSourceTest, KeepProcessedDaysRefusesQuarantineAsProcessedDir) {
  host_.set("keep_processed_days", "7");
  host_.set("processed_dir", "done");
  host_.set("quarantine_dir", "done/");
  EXPECT_THAT(host_.create().error().message,
              HasSubstr("processed_dir must not be quarantine_dir"));
  host_.set("keep_processed_days", "-1");
  host_.set("quarantine_dir", "quarantine");
  EXPECT_THAT(host_.create().error().message, HasSubstr("keep_processed_days"));
}

TEST(RemoteDirectory, RelativePathsAreRelativeToTheLoginDirectory) {
  EXPECT_EQ(remote_directory("/out/camt/"), "/out/camt");
  EXPECT_EQ(remote_directory("out/camt"), "/~/out/camt");
  EXPECT_EQ(remote_directory("~/out"), "/~/out");
  EXPECT_EQ(remote_directory("~"), "/~");
  EXPECT_EQ(remote_directory("."), "/~");
  EXPECT_EQ(remote_directory("out/../.."), "");
}

}  // namespace
}  // namespace kontor::plugins
