// The letter channel in http mode against a real HTTPS server the test starts on loopback
// (Python's http.server with a certificate from a throwaway CA, standing in for a print-and-mail
// service's API), through kontord's own transfer service behind the SDK's fake host.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "host/transfer_service.hpp"
#include "kontor/model/sha256.hpp"
#include "kontor/testing/fake_host.hpp"
#include "letter_channel.hpp"
#include "log/logging.hpp"
#include "support/https_server.hpp"
#include "support/loopback.hpp"
#include "support/temp_dir.hpp"

extern "C" const kontor_plugin_descriptor* kontor_plugin_entry_impl_v1(
    const kontor_host_info* host) noexcept;

namespace kontor::plugins::letter {
namespace {

namespace fs = std::filesystem;
using kontor::testing::file_names_in;
using kontor::testing::read_file;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

constexpr std::int64_t kSecond = 1'000'000;
constexpr std::int64_t kMorning = 1'795'858'200 * kSecond;  // 2026-11-28T09:30:00Z
constexpr const char* kToken = "t0ken-of-the-print-service";

// Decoded independently of the channel's encoder; "" for text that is not padded base64.
std::string base64_decoded(const std::string& text) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  if (text.size() % 4 != 0) return "";
  std::string out;
  for (std::size_t i = 0; i < text.size(); i += 4) {
    std::uint32_t group = 0;
    int padding = 0;
    for (std::size_t j = 0; j < 4; ++j) {
      const char c = text[i + j];
      const auto value = alphabet.find(c);
      if (c == '=' && i + 4 == text.size() && j >= 2) {
        ++padding;
      } else if (value == std::string::npos || padding > 0) {
        return "";
      }
      group = group << 6 | (c == '=' ? 0 : static_cast<std::uint32_t>(value));
    }
    out += static_cast<char>(group >> 16 & 0xFF);
    if (padding < 2) out += static_cast<char>(group >> 8 & 0xFF);
    if (padding < 1) out += static_cast<char>(group & 0xFF);
  }
  return out;
}

// Binary, with a NUL and bytes that are not UTF-8: it must survive JSON only as base64.
std::string rendered_pdf(const std::string& number) {
  std::string pdf = "%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Page >> endobj % " + number;
  pdf += std::string("\0\x01\xff", 3);
  for (int i = 0; i < 5000; ++i) pdf += static_cast<char>((i * 7919) & 0xFF);
  return pdf + "\n%%EOF\n";
}

sdk::NoticeMessage reminder(const std::string& number) {
  sdk::NoticeMessage notice;
  notice.notice_number = number;
  notice.kind = "reminder";
  notice.recipient = {.name = "Jürgen Müller GmbH & Co. KG",
                      .address = {.street = "Königsallee 12",
                                  .postcode = "40212",
                                  .city = "Düsseldorf",
                                  .country = "DE"},
                      .email = "j.mueller@kunde.example"};
  notice.sender = {
      .name = "Beispiel GmbH",
      .address = {.street = "Hauptstraße 1", .postcode = "50667", .city = "Köln", .country = "DE"},
      .email = "buchhaltung@beispiel.example"};
  notice.language = "de";
  notice.subject = "Zahlungserinnerung " + number;
  notice.pdf = rendered_pdf(number);
  notice.idempotency_key = "notice-" + number + "-letter";
  return notice;
}

// The fixture's service requires the bearer token kToken.
class LetterHttpTest : public ::testing::Test {
 protected:
  explicit LetterHttpTest(testing::HttpsServerOptions options = {.bearer_token = kToken,
                                                                 .username = "",
                                                                 .password = ""})
      : server_(std::move(options)) {}

  void SetUp() override {
    ASSERT_THAT(server_.error(), IsEmpty());
    instance_.name = "letters";
    instance_.plugin = "letter";
    instance_.context = &context_;
    instance_.log = log::get("plugin:letters");
    instance_.cancelled = &cancelled_;
    host_.transfer_handler = [this](const kontor_transfer_request& request,
                                    const kontor_bytes_sink* sink, kontor_transfer_result* result) {
      return transfer_.perform(instance_, request, *sink, *result);
    };
    host_.now_utc_us = kMorning;
    host_.set("mode", "http");
    host_.set("url", server_.url("letters"));
    host_.set_secret("bearer_token", kToken);
    host_.set("ca_file", server_.ca_file().string());
    host_.set("timeout", "10s");
  }

  std::unique_ptr<testing::FakeInstance> create() {
    auto instance = host_.create();
    EXPECT_TRUE(instance.ok()) << (instance.ok() ? "" : instance.error().message);
    return instance.ok() ? std::move(instance).value() : nullptr;
  }

  std::int64_t uploaded() const {
    const auto found = host_.metrics().find("letters_uploaded");
    return found == host_.metrics().end() ? 0 : found->second;
  }

  testing::HttpsServer server_;
  host::TransferService transfer_;
  host::HostContext context_;
  host::HostInstance instance_;
  std::atomic<bool> cancelled_{false};
  testing::FakeHost host_{&kontor_plugin_entry_impl_v1};
};

TEST_F(LetterHttpTest, UploadsTheManifestWithThePdfInBase64UnderTheNoticesIdempotencyKey) {
  host_.set("mail_class", "registered");
  auto channel = create();
  ASSERT_NE(channel, nullptr);
  const sdk::NoticeMessage notice = reminder("M-2026-000002");
  const sdk::Status status = channel->proxy().deliver(notice);
  ASSERT_TRUE(status.is_ok()) << status.message();

  ASSERT_THAT(file_names_in(server_.files() / "letters"), ElementsAre("1.json"));
  const nlohmann::json sent = nlohmann::json::parse(read_file(server_.files() / "letters/1.json"));
  EXPECT_EQ(base64_decoded(sent["document_base64"]), notice.pdf);
  EXPECT_EQ(sent["format"], "kontor-letter-1");
  EXPECT_EQ(sent["notice"], "M-2026-000002");
  EXPECT_EQ(sent["kind"], "reminder");
  EXPECT_EQ(sent["document"], "notice-M-2026-000002-letter.pdf");
  EXPECT_EQ(sent["sha256"], Sha256::hex_of(notice.pdf));
  EXPECT_EQ(sent["bytes"], notice.pdf.size());
  EXPECT_EQ(sent["recipient"]["name"], "Jürgen Müller GmbH & Co. KG");
  EXPECT_EQ(sent["recipient"]["city"], "Düsseldorf");
  EXPECT_EQ(sent["sender"]["street"], "Hauptstraße 1");
  EXPECT_EQ(sent["print"],
            nlohmann::json({{"duplex", true}, {"color", false}, {"mail_class", "registered"}}));
  EXPECT_EQ(sent["created"], "2026-11-28T09:30:00Z");
  // The service required the bearer token; the request carried the key.
  EXPECT_THAT(server_.requests(), ElementsAre(StartsWith("POST /letters 201 ")));
  EXPECT_THAT(server_.requests().front(), HasSubstr("idempotency-key=notice-M-2026-000002-letter"));
  EXPECT_EQ(uploaded(), 1);
}

TEST_F(LetterHttpTest, RedeliveryOfTheSameNoticeIsAnsweredConflictAndCountsAsDelivered) {
  auto channel = create();
  ASSERT_NE(channel, nullptr);
  ASSERT_TRUE(channel->proxy().deliver(reminder("M-1")).is_ok());
  host_.now_utc_us += 3600 * kSecond;
  const sdk::Status again = channel->proxy().deliver(reminder("M-1"));
  ASSERT_TRUE(again.is_ok()) << again.message();

  EXPECT_THAT(file_names_in(server_.files() / "letters"), ElementsAre("1.json"));
  EXPECT_THAT(server_.requests(),
              ElementsAre(StartsWith("POST /letters 201 "), StartsWith("POST /letters 409 ")));
  EXPECT_THAT(host_.log_lines().back(), HasSubstr("delivered before"));
  EXPECT_EQ(uploaded(), 1);

  // Another notice is another letter.
  ASSERT_TRUE(channel->proxy().deliver(reminder("M-2")).is_ok());
  EXPECT_THAT(file_names_in(server_.files() / "letters"), ElementsAre("1.json", "2.json"));
  EXPECT_EQ(uploaded(), 2);
}

TEST_F(LetterHttpTest, ServerErrorAsksForRetryWithWhatTheServiceSaid) {
  host_.set("url", server_.url("status/500"));
  auto channel = create();
  ASSERT_NE(channel, nullptr);
  const sdk::Status status = channel->proxy().deliver(reminder("M-1"));
  EXPECT_EQ(status.code(), sdk::Code::kRetry);
  EXPECT_THAT(status.message(), HasSubstr("notice M-1"));
  EXPECT_THAT(status.message(), HasSubstr("answered 500: as asked"));
  EXPECT_EQ(uploaded(), 0);
}

TEST_F(LetterHttpTest, TooManyRequestsAsksForRetry) {
  host_.set("url", server_.url("status/429"));
  auto channel = create();
  ASSERT_NE(channel, nullptr);
  const sdk::Status status = channel->proxy().deliver(reminder("M-1"));
  EXPECT_EQ(status.code(), sdk::Code::kRetry);
  EXPECT_THAT(status.message(), HasSubstr("answered 429"));
}

TEST_F(LetterHttpTest, BadRequestParksTheNoticeWithAnExcerptOfTheAnswer) {
  host_.set("url", server_.url("status/400"));
  auto channel = create();
  ASSERT_NE(channel, nullptr);
  const sdk::Status status = channel->proxy().deliver(reminder("M-1"));
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("notice M-1"));
  EXPECT_THAT(status.message(), HasSubstr("answered 400: as asked"));
  EXPECT_THAT(status.message(), Not(HasSubstr("\n")));
}

TEST_F(LetterHttpTest, RefusedConnectionAsksForRetry) {
  testing::RefusingPort nobody;
  host_.set("url", "https://127.0.0.1:" + std::to_string(nobody.port()) + "/letters");
  auto channel = create();
  ASSERT_NE(channel, nullptr);
  const sdk::Status status = channel->proxy().deliver(reminder("M-1"));
  EXPECT_EQ(status.code(), sdk::Code::kRetry);
  EXPECT_THAT(status.message(), HasSubstr("notice M-1"));
}

TEST_F(LetterHttpTest, RefusedTokenParksTheNoticeAndTheTokenIsNeverShown) {
  host_.set_secret("bearer_token", "not-the-token");
  auto channel = create();
  ASSERT_NE(channel, nullptr);
  const sdk::Status status = channel->proxy().deliver(reminder("M-1"));
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("answered 401"));
  EXPECT_THAT(status.message(), Not(HasSubstr("not-the-token")));
  for (const auto& line : host_.log_lines()) EXPECT_THAT(line, Not(HasSubstr("not-the-token")));
  EXPECT_THAT(file_names_in(server_.files() / "letters"), IsEmpty());
}

TEST_F(LetterHttpTest, IdempotencyKeyThatCannotBeAHeaderParksTheNotice) {
  auto channel = create();
  ASSERT_NE(channel, nullptr);
  sdk::NoticeMessage notice = reminder("M-1");
  notice.idempotency_key = "notice-M-1\r\nX-Injected: yes";
  const sdk::Status status = channel->proxy().deliver(notice);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("cannot carry"));
  EXPECT_THAT(server_.requests(), IsEmpty());
}

class LetterHttpBasicAuthTest : public LetterHttpTest {
 protected:
  LetterHttpBasicAuthTest()
      : LetterHttpTest({.bearer_token = "", .username = "kontor", .password = "s3cret"}) {}
};

TEST_F(LetterHttpBasicAuthTest, UploadsWithUserNameAndPassword) {
  testing::FakeHost basic(&kontor_plugin_entry_impl_v1);
  basic.transfer_handler = host_.transfer_handler;
  basic.now_utc_us = kMorning;
  basic.set("mode", "http");
  basic.set("url", server_.url("letters"));
  basic.set("username", "kontor");
  basic.set_secret("password", "s3cret");
  basic.set("ca_file", server_.ca_file().string());
  auto channel = basic.create();
  ASSERT_TRUE(channel.ok()) << channel.error().message;
  const sdk::Status status = channel.value()->proxy().deliver(reminder("M-1"));
  ASSERT_TRUE(status.is_ok()) << status.message();
  EXPECT_THAT(file_names_in(server_.files() / "letters"), ElementsAre("1.json"));
}

TEST_F(LetterHttpTest, PlainHttpIsRefusedAtStartUpUnlessTheServiceIsOnThisMachine) {
  host_.set("url", "http://print.example/letters");
  auto refused = host_.create();
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("'http://print.example/letters' is not https"));

  for (const char* local :
       {"http://127.0.0.1:8080/letters", "http://localhost/letters", "http://[::1]:8080/"}) {
    host_.set("url", local);
    EXPECT_TRUE(host_.create().ok()) << local;
  }
  host_.set("url", "ftp://print.example/letters");
  EXPECT_FALSE(host_.create().ok());
}

TEST_F(LetterHttpTest, HttpModeNeedsAUrlButNoSpoolFolder) {
  testing::FakeHost without_url(&kontor_plugin_entry_impl_v1);
  without_url.set("mode", "http");
  const auto missing = without_url.create();
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.error().message, HasSubstr("url is required in mode http"));
  EXPECT_NE(create(), nullptr);  // the fixture gives no spool_dir
}

TEST_F(LetterHttpTest, TokenOrUserNameAndPasswordNotBoth) {
  host_.set("username", "kontor");
  host_.set_secret("password", "s3cret");
  const auto both = host_.create();
  ASSERT_FALSE(both.ok());
  EXPECT_THAT(both.error().message, HasSubstr("not both"));
}

TEST(LetterUpload, Base64FollowsRfc4648) {
  EXPECT_EQ(base64_encoded(""), "");
  EXPECT_EQ(base64_encoded("f"), "Zg==");
  EXPECT_EQ(base64_encoded("fo"), "Zm8=");
  EXPECT_EQ(base64_encoded("foo"), "Zm9v");
  EXPECT_EQ(base64_encoded("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encoded("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encoded("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encoded(std::string("\0\xff\xfe", 3)), "AP/+");
}

TEST(LetterUpload, ExcerptOfAnAnswerIsShortAndPrintable) {
  EXPECT_EQ(body_excerpt("{\"error\":\n\t\"bad postcode\"}\r\n"), "{\"error\":  \"bad postcode\"}");
  const std::string excerpt = body_excerpt(std::string(199, 'x') + "\xc3\xa4" + "more");
  EXPECT_EQ(excerpt, std::string(199, 'x') + "...");  // not half an ä
  EXPECT_EQ(body_excerpt(std::string(5000, 'y')).size(), 203u);
  EXPECT_EQ(body_excerpt(std::string("a\0b\x7f", 4)), "a b");
}

TEST(LetterUpload, ShownUrlLeavesOutCredentialsAndQuery) {
  EXPECT_EQ(shown_url("https://user:pw@print.example/letters?token=abc#x"),
            "https://print.example/letters");
}

}  // namespace
}  // namespace kontor::plugins::letter
