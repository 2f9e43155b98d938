// The email channel through the SDK's fake host, in pickup mode: one .eml per notice in a temp
// folder, redelivery, refused addresses, names that try to leave the folder — and one message
// read back by Python's own email package.
#include "email_channel.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kontor/model/sha256.hpp"
#include "kontor/testing/fake_host.hpp"
#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

extern "C" const kontor_plugin_descriptor* kontor_plugin_entry_impl_v1(
    const kontor_host_info* host) noexcept;

namespace kontor::plugins::email {
namespace {

namespace fs = std::filesystem;
using kontor::testing::file_names_in;
using kontor::testing::read_file;
using ::testing::HasSubstr;

constexpr std::int64_t kSecond = 1'000'000;

sdk::NoticeMessage reminder(const std::string& number) {
  sdk::NoticeMessage notice;
  notice.notice_number = number;
  notice.kind = "reminder";
  notice.recipient = {.name = "Jürgen Müller", .address = {}, .email = "j.mueller@kunde.example"};
  notice.sender = {.name = "Beispiel GmbH", .address = {}, .email = "buchhaltung@beispiel.example"};
  notice.language = "de";
  notice.subject = "Zahlungserinnerung " + number + " über 1.190,00 €";
  notice.text = "Sehr geehrter Herr Müller,\nbitte überweisen Sie 1.190,00 €.\n";
  notice.idempotency_key = "notice-" + number + "-email";
  return notice;
}

class EmailChannelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_.set("pickup_dir", pickup_.string());
    host_.now_utc_us = 1'772'703'000 * kSecond;  // 2026-03-05 09:30:00 UTC
  }

  std::unique_ptr<testing::FakeInstance> create() {
    auto instance = host_.create();
    EXPECT_TRUE(instance.ok()) << (instance.ok() ? "" : instance.error().message);
    return instance.ok() ? std::move(instance).value() : nullptr;
  }

  kontor::testing::TempDir dir_;
  fs::path pickup_ = dir_ / "pickup";
  testing::FakeHost host_{&kontor_plugin_entry_impl_v1};
};

TEST_F(EmailChannelTest, WritesOneFilePerNotice) {
  auto channel = create();
  ASSERT_TRUE(channel);
  ASSERT_TRUE(channel->proxy().deliver(reminder("M-1")).is_ok());
  ASSERT_TRUE(channel->proxy().deliver(reminder("M-2")).is_ok());
  EXPECT_EQ(file_names_in(pickup_),
            (std::vector<std::string>{"notice-M-1-email.eml", "notice-M-2-email.eml"}));
  const std::string message = read_file(pickup_ / "notice-M-1-email.eml");
  EXPECT_THAT(message, HasSubstr("\r\nX-Kontor-Notice: M-1\r\n"));
  EXPECT_THAT(message, HasSubstr("\r\nMessage-ID: <kontor-notice-"));
  EXPECT_THAT(message, HasSubstr("@beispiel.example>\r\n"));
  EXPECT_THAT(message, HasSubstr("Date: Thu, 05 Mar 2026 09:30:00 +0000\r\n"));
}

TEST_F(EmailChannelTest, MissingPickupFolderIsCreatedForTheGroupOnly) {
  pickup_ = dir_ / "spool" / "kontor";
  host_.set("pickup_dir", pickup_.string());
  auto channel = create();
  ASSERT_TRUE(channel->proxy().deliver(reminder("M-1")).is_ok());
  struct stat st {};
  ASSERT_EQ(::stat(pickup_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0750u);
  ASSERT_EQ(::stat((pickup_ / "notice-M-1-email.eml").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
}

TEST_F(EmailChannelTest, RedeliveryWithTheSameKeyWritesNothingNewAndSucceeds) {
  auto channel = create();
  ASSERT_TRUE(channel->proxy().deliver(reminder("M-1")).is_ok());
  const std::string first = read_file(pickup_ / "notice-M-1-email.eml");
  host_.now_utc_us += 3600 * kSecond;  // a later attempt would carry another Date
  sdk::NoticeMessage again = reminder("M-1");
  again.text = "changed";
  const sdk::Status status = channel->proxy().deliver(again);
  EXPECT_TRUE(status.is_ok()) << status.message();
  EXPECT_EQ(file_names_in(pickup_), std::vector<std::string>{"notice-M-1-email.eml"});
  EXPECT_EQ(read_file(pickup_ / "notice-M-1-email.eml"), first);
}

TEST_F(EmailChannelTest, MessageIdIsStablePerIdempotencyKey) {
  EXPECT_EQ(notice_message_id("notice-M-1-email", "x.example"),
            notice_message_id("notice-M-1-email", "x.example"));
  EXPECT_NE(notice_message_id("notice-M-1-email", "x.example"),
            notice_message_id("notice-M-2-email", "x.example"));
  EXPECT_EQ(notice_message_id("k", "x.example"),
            "kontor-notice-" + Sha256::hex_of("k").substr(0, 32) + "@x.example");
}

TEST_F(EmailChannelTest, CustomerWithoutAddressFailsPermanently) {
  auto channel = create();
  sdk::NoticeMessage notice = reminder("M-1");
  notice.recipient.email.clear();
  const sdk::Status status = channel->proxy().deliver(notice);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("notice M-1"));
  EXPECT_THAT(status.message(), HasSubstr("customer has no e-mail address"));
  EXPECT_FALSE(fs::exists(pickup_ / "notice-M-1-email.eml"));
}

TEST_F(EmailChannelTest, AddressWithLineBreakFailsPermanentlyAndIsNeverWritten) {
  auto channel = create();
  sdk::NoticeMessage notice = reminder("M-1");
  notice.recipient.email = "j.mueller@kunde.example\r\nBcc: evil@attacker.example";
  const sdk::Status status = channel->proxy().deliver(notice);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("notice M-1"));
  EXPECT_THAT(status.message(), HasSubstr("j.mueller@kunde.example\\r\\nBcc"));
  EXPECT_TRUE(!fs::exists(pickup_) || file_names_in(pickup_).empty());
}

TEST_F(EmailChannelTest, KeyCannotLeaveTheFolder) {
  auto channel = create();
  for (const char* key : {"../../escaped", "/etc/escaped", "..", ".hidden", "a/b", "a\nb"}) {
    sdk::NoticeMessage notice = reminder("M-1");
    notice.idempotency_key = key;
    ASSERT_TRUE(channel->proxy().deliver(notice).is_ok()) << key;
  }
  EXPECT_EQ(file_names_in(pickup_).size(), 6u);
  for (const auto& name : file_names_in(pickup_)) {
    EXPECT_EQ(name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                     "0123456789._-"),
              std::string::npos)
        << name;
    EXPECT_NE(name[0], '.') << name;
    EXPECT_TRUE(name.ends_with(".eml")) << name;
  }
  EXPECT_EQ(file_names_in(dir_.path()), std::vector<std::string>{"pickup"});
}

TEST_F(EmailChannelTest, UnwritableFolderAsksForRetry) {
  dir_.write("blocker", "a file where the folder's parent should be");
  host_.set("pickup_dir", (dir_ / "blocker" / "pickup").string());
  auto channel = create();
  const sdk::Status status = channel->proxy().deliver(reminder("M-1"));
  EXPECT_EQ(status.code(), sdk::Code::kRetry);
  EXPECT_THAT(status.message(), HasSubstr("notice M-1"));
  EXPECT_THAT(status.message(), HasSubstr("blocker"));
}

TEST_F(EmailChannelTest, ConfiguredSenderReplyToAndBccAreUsed) {
  host_.set("from", "mahnwesen@beispiel.example");
  host_.set("from_name", "Beispiel Mahnwesen");
  host_.set("reply_to", "buchhaltung@beispiel.example");
  host_.set_list("bcc", {"archiv@beispiel.example"});
  host_.set("message_id_domain", "kontor.beispiel.example");
  auto channel = create();
  ASSERT_TRUE(channel->proxy().deliver(reminder("M-1")).is_ok());
  const std::string message = read_file(pickup_ / "notice-M-1-email.eml");
  EXPECT_THAT(message, HasSubstr("From: Beispiel Mahnwesen <mahnwesen@beispiel.example>\r\n"));
  EXPECT_THAT(message, HasSubstr("Reply-To: buchhaltung@beispiel.example\r\n"));
  EXPECT_THAT(message, HasSubstr("Bcc: archiv@beispiel.example\r\n"));
  EXPECT_THAT(message, HasSubstr("@kontor.beispiel.example>\r\n"));
}

TEST_F(EmailChannelTest, BadConfiguredAddressOrRelativeFolderIsInvalidConfig) {
  host_.set_list("bcc", {"archiv@beispiel.example\nX: y"});
  EXPECT_FALSE(host_.create().ok());
  host_.set_list("bcc", {});
  host_.set("pickup_dir", "relative/pickup");
  EXPECT_FALSE(host_.create().ok());
}

TEST_F(EmailChannelTest, PythonEmailPackageReadsTheWrittenMessage) {
  auto channel = create();
  sdk::NoticeMessage notice = reminder("M-2026-0042");
  notice.recipient.name = "Müller, Jürgen";
  notice.html = "<p>Sehr geehrter Herr Müller,</p><p>bitte überweisen Sie 1.190,00 €.</p>";
  for (int i = 0; i < 3000; ++i) notice.pdf += static_cast<char>((i * 7919) & 0xFF);
  notice.attachments.push_back(
      {.name = "Kontoauszug März.csv", .media_type = "text/csv", .content = "a;b\r\n1;2\r\n"});
  // Long enough for RFC 2231 continuations (filename*0*=, filename*1*= ...).
  notice.attachments.push_back(
      {.name = "Rechnungskopie Übergröße Straße Grüße € 2026-03 Nr. 4711.txt",
       .media_type = "text/plain",
       .content = "Kopie"});
  ASSERT_TRUE(channel->proxy().deliver(notice).is_ok());

  const fs::path eml = pickup_ / "notice-M-2026-0042-email.eml";
  fs::create_directories(dir_ / "python");
  const kontor::testing::Completed python = kontor::testing::run_to_end(
      {.argv = {"/usr/bin/python3", KONTOR_EMAIL_PARSE_SCRIPT, eml.string()},
       .output_dir = dir_ / "python",
       .set_env = {},
       .unset_env = {}});
  ASSERT_EQ(python.status, 0) << python.err;
  const nlohmann::json seen = nlohmann::json::parse(python.out);

  EXPECT_EQ(seen["subject"], notice.subject);
  EXPECT_EQ(seen["from"]["name"], "Beispiel GmbH");
  EXPECT_EQ(seen["from"]["address"], "buchhaltung@beispiel.example");
  EXPECT_EQ(seen["to"]["name"], "Müller, Jürgen");
  EXPECT_EQ(seen["to"]["address"], "j.mueller@kunde.example");
  EXPECT_EQ(seen["content_types"],
            nlohmann::json({"multipart/mixed", "multipart/alternative", "text/plain", "text/html",
                            "application/pdf", "text/csv", "text/plain"}));
  EXPECT_EQ(seen["text"], "Sehr geehrter Herr Müller,\nbitte überweisen Sie 1.190,00 €.\n");
  EXPECT_EQ(seen["html"], notice.html);
  ASSERT_EQ(seen["attachments"].size(), 3u);
  EXPECT_EQ(seen["attachments"][0]["filename"], "M-2026-0042.pdf");
  EXPECT_EQ(seen["attachments"][0]["sha256"], Sha256::hex_of(notice.pdf));
  EXPECT_EQ(seen["attachments"][1]["filename"], "Kontoauszug März.csv");
  EXPECT_EQ(seen["attachments"][1]["sha256"], Sha256::hex_of(notice.attachments[0].content));
  EXPECT_EQ(seen["attachments"][2]["filename"], notice.attachments[1].name);
  EXPECT_TRUE(seen["defects"].empty()) << seen["defects"].dump();
}

}  // namespace
}  // namespace kontor::plugins::email
