// The email channel in smtp mode against a real mail server (aiosmtpd) the test starts on
// loopback, through kontord's own transfer service behind the SDK's fake host: what arrives is
// read back by Python's email package (names, encoded words, attachment), blind copies travel in
// the envelope only, the password comes from the secret, and the server's answers become the
// notice's outcome (sent, parked with the reply, or left to retry).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <nlohmann/json.hpp>

#include "email_channel.hpp"
#include "host/transfer_service.hpp"
#include "kontor/model/sha256.hpp"
#include "kontor/testing/fake_host.hpp"
#include "log/logging.hpp"
#include "support/child_process.hpp"
#include "support/loopback.hpp"
#include "support/smtp_server.hpp"
#include "support/temp_dir.hpp"

extern "C" const kontor_plugin_descriptor* kontor_plugin_entry_impl_v1(
    const kontor_host_info* host) noexcept;

namespace kontor::plugins::email {
namespace {

namespace fs = std::filesystem;
using kontor::testing::SmtpServer;
using kontor::testing::SmtpServerOptions;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

constexpr std::int64_t kSecond = 1'000'000;

sdk::NoticeMessage reminder(const std::string& number) {
  sdk::NoticeMessage notice;
  notice.notice_number = number;
  notice.kind = "reminder";
  notice.recipient = {.name = "Müller, Jürgen", .address = {}, .email = "j.mueller@kunde.example"};
  notice.sender = {.name = "Beispiel GmbH", .address = {}, .email = "buchhaltung@beispiel.example"};
  notice.language = "de";
  notice.subject = "Zahlungserinnerung " + number + " über 1.190,00 € – Bäckerei Schmitz";
  notice.text = "Sehr geehrter Herr Müller,\n.\nbitte überweisen Sie 1.190,00 €.\n";
  notice.html = "<p>Sehr geehrter Herr Müller,</p><p>bitte überweisen Sie 1.190,00 €.</p>";
  notice.idempotency_key = "notice-" + number + "-email";
  return notice;
}

class EmailSmtpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    instance_.name = "mail";
    instance_.plugin = "email";
    instance_.context = &context_;
    instance_.log = log::get("plugin:mail");
    instance_.cancelled = &cancelled_;
    host_.transfer_handler = [this](const kontor_transfer_request& request,
                                    const kontor_bytes_sink* sink, kontor_transfer_result* result) {
      return transfer_.perform(instance_, request, *sink, *result);
    };
    host_.now_utc_us = 1'772'703'000 * kSecond;  // 2026-03-05 09:30:00 UTC
    host_.set("mode", "smtp");
  }

  // An instance configured for `server`.
  std::unique_ptr<kontor::testing::FakeInstance> channel_for(const SmtpServer& server) {
    EXPECT_THAT(server.error(), IsEmpty());
    host_.set("smtp_host", "127.0.0.1");
    host_.set("smtp_port", std::to_string(server.port()));
    host_.set("ca_file", server.ca_file().string());
    host_.set("timeout", "3s");
    auto instance = host_.create();
    EXPECT_TRUE(instance.ok()) << (instance.ok() ? "" : instance.error().message);
    return instance.ok() ? std::move(instance).value() : nullptr;
  }

  // What a mail client sees in `data`, by Python's email package.
  nlohmann::json read_by_python(const std::string& data) {
    const fs::path eml = dir_ / "received.eml";
    std::ofstream(eml, std::ios::binary) << data;
    fs::create_directories(dir_ / "python");
    const kontor::testing::Completed python = kontor::testing::run_to_end(
        {.argv = {"/usr/bin/python3", KONTOR_EMAIL_PARSE_SCRIPT, eml.string()},
         .output_dir = dir_ / "python",
         .set_env = {},
         .unset_env = {}});
    EXPECT_EQ(python.status, 0) << python.err;
    return nlohmann::json::parse(python.out);
  }

  kontor::testing::TempDir dir_;
  host::TransferService transfer_;
  host::HostContext context_;
  host::HostInstance instance_;
  std::atomic<bool> cancelled_{false};
  kontor::testing::FakeHost host_{&kontor_plugin_entry_impl_v1};
};

TEST_F(EmailSmtpTest, TheReminderArrivesIntactWithBlindCopiesOnlyInTheEnvelope) {
  SmtpServer server;
  host_.set("envelope_from", "bounces@beispiel.example");
  host_.set_list("bcc", {"archiv@beispiel.example"});
  auto channel = channel_for(server);
  ASSERT_TRUE(channel);
  sdk::NoticeMessage notice = reminder("M-2026-000001");
  for (int i = 0; i < 5000; ++i) notice.pdf += static_cast<char>((i * 7919) & 0xFF);
  const sdk::Status sent = channel->proxy().deliver(notice);
  ASSERT_TRUE(sent.is_ok()) << sent.message();

  const auto received = server.received();
  ASSERT_THAT(received, SizeIs(1));
  EXPECT_EQ(received[0].mail_from, "bounces@beispiel.example");
  EXPECT_THAT(received[0].rcpt_to,
              ElementsAre("j.mueller@kunde.example", "archiv@beispiel.example"));
  EXPECT_THAT(received[0].data, Not(HasSubstr("\r\nBcc:")));
  EXPECT_THAT(received[0].data, Not(HasSubstr("archiv@")));

  const nlohmann::json seen = read_by_python(received[0].data);
  EXPECT_EQ(seen["subject"], notice.subject);
  EXPECT_EQ(seen["from"]["name"], "Beispiel GmbH");
  EXPECT_EQ(seen["to"]["name"], "Müller, Jürgen");
  EXPECT_EQ(seen["to"]["address"], "j.mueller@kunde.example");
  EXPECT_EQ(seen["text"], notice.text) << "the line holding only a dot survives SMTP";
  EXPECT_EQ(seen["html"], notice.html);
  ASSERT_EQ(seen["attachments"].size(), 1u);
  EXPECT_EQ(seen["attachments"][0]["filename"], "M-2026-000001.pdf");
  EXPECT_EQ(seen["attachments"][0]["sha256"], Sha256::hex_of(notice.pdf));
  EXPECT_TRUE(seen["defects"].empty()) << seen["defects"].dump();
  EXPECT_EQ(host_.metrics().at("email_messages_sent"), 1);
}

TEST_F(EmailSmtpTest, LogsInWithThePasswordFromTheSecret) {
  SmtpServer server(SmtpServerOptions::with_login("kontor", "Mahn-Passw0rt!"));
  host_.set("smtp_user", "kontor");
  host_.set_secret("smtp_password", "Mahn-Passw0rt!");
  auto channel = channel_for(server);
  ASSERT_TRUE(channel);
  const sdk::Status sent = channel->proxy().deliver(reminder("M-2026-000002"));
  ASSERT_TRUE(sent.is_ok()) << sent.message();
  EXPECT_THAT(server.received(), SizeIs(1));
  for (const std::string& line : host_.log_lines()) {
    EXPECT_THAT(line, Not(HasSubstr("Mahn-Passw0rt!")));
  }
}

TEST_F(EmailSmtpTest, ARecipientTheServerRefusesForGoodParksTheNoticeWithTheReply) {
  SmtpServer server(SmtpServerOptions::rejecting("j.mueller@kunde.example"));
  auto channel = channel_for(server);
  ASSERT_TRUE(channel);
  const sdk::Status sent = channel->proxy().deliver(reminder("M-2026-000003"));
  EXPECT_EQ(sent.code(), sdk::Code::kFailed);
  EXPECT_THAT(sent.message(), HasSubstr("notice M-2026-000003"));
  EXPECT_THAT(sent.message(), HasSubstr("550 5.1.1"));
}

TEST_F(EmailSmtpTest, ABusyServerOrNoServerLeavesTheNoticeToRetry) {
  SmtpServer busy(SmtpServerOptions::answering_data("421 4.3.2 Service shutting down"));
  auto channel = channel_for(busy);
  ASSERT_TRUE(channel);
  const sdk::Status deferred = channel->proxy().deliver(reminder("M-2026-000004"));
  EXPECT_EQ(deferred.code(), sdk::Code::kRetry);
  EXPECT_THAT(deferred.message(), HasSubstr("421"));

  kontor::testing::RefusingPort nobody;
  host_.set("smtp_host", "127.0.0.1");
  host_.set("smtp_port", std::to_string(nobody.port()));
  auto unreachable = host_.create();
  ASSERT_TRUE(unreachable.ok());
  EXPECT_EQ((*unreachable)->proxy().deliver(reminder("M-2026-000004")).code(), sdk::Code::kRetry);
}

TEST_F(EmailSmtpTest, TheSameNoticeAlwaysCarriesTheSameMessageId) {
  SmtpServer server;
  auto channel = channel_for(server);
  ASSERT_TRUE(channel);
  ASSERT_TRUE(channel->proxy().deliver(reminder("M-2026-000005")).is_ok());
  ASSERT_TRUE(channel->proxy().deliver(reminder("M-2026-000005")).is_ok());
  const auto received = server.received();
  ASSERT_THAT(received, SizeIs(2));
  EXPECT_EQ(read_by_python(received[0].data)["message_id"],
            read_by_python(received[1].data)["message_id"]);
}

TEST_F(EmailSmtpTest, UnsafeSmtpSettingsStopTheInstance) {
  host_.set("smtp_host", "mail.beispiel.example");
  host_.set("smtp_security", "none");
  auto plain_remote = host_.create();
  ASSERT_FALSE(plain_remote.ok());
  EXPECT_THAT(plain_remote.error().message, HasSubstr("only allowed to a relay on this machine"));

  host_.set("smtp_security", "starttls");
  host_.set("smtp_host", "user@mail.beispiel.example:25");
  EXPECT_FALSE(host_.create().ok());

  host_.set("smtp_host", "mail.beispiel.example");
  host_.set("smtp_user", "kontor");  // without smtp_password
  auto no_password = host_.create();
  ASSERT_FALSE(no_password.ok());
  EXPECT_THAT(no_password.error().message, HasSubstr("smtp_password"));
}

TEST_F(EmailSmtpTest, SmtpModeNeedsAHost) {
  auto instance = host_.create();
  ASSERT_FALSE(instance.ok());
  EXPECT_THAT(instance.error().message, HasSubstr("smtp_host is required"));
}

}  // namespace
}  // namespace kontor::plugins::email
