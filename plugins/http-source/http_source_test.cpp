// http-source against a real HTTPS server the test starts on loopback (Python's http.server
// with a certificate from a throwaway CA), through kontord's own transfer service behind the
// SDK's fake host, whose clock the test sets.
#include "http_source.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>

#include "host/transfer_service.hpp"
#include "kontor/testing/fake_host.hpp"
#include "log/logging.hpp"
#include "support/https_server.hpp"
#include "support/temp_dir.hpp"

extern "C" const kontor_plugin_descriptor* kontor_plugin_entry_impl_v1(
    const kontor_host_info* host) noexcept;

namespace kontor::plugins {
namespace {

namespace fs = std::filesystem;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

constexpr std::int64_t kSecond = 1'000'000;
constexpr std::int64_t kNow = 1'795'860'000;  // 2026-11-28T10:00:00Z

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

// The fixture's server requires the bearer token "t0ken"; BasicAuth's, user and password.
class HttpSourceTest : public ::testing::Test {
 protected:
  explicit HttpSourceTest(testing::HttpsServerOptions options = {"t0ken", "", ""})
      : server_(std::move(options)) {}

  void SetUp() override {
    ASSERT_THAT(server_.error(), IsEmpty());
    instance_.name = "bank";
    instance_.plugin = "http-source";
    instance_.context = &context_;
    instance_.log = log::get("plugin:bank");
    instance_.cancelled = &cancelled_;
    host_.transfer_handler = [this](const kontor_transfer_request& request,
                                    const kontor_bytes_sink* sink, kontor_transfer_result* result) {
      return transfer_.perform(instance_, request, *sink, *result);
    };
    host_.now_utc_us = kNow * kSecond;
    host_.set_list("urls", {server_.url("statements/camt053.xml")});
    host_.set_secret("bearer_token", "t0ken");
    host_.set("ca_file", server_.ca_file().string());
  }

  void publish(const std::string& path, const std::string& content) {
    fs::create_directories((server_.files() / path).parent_path());
    std::ofstream(server_.files() / path, std::ios::binary) << content;
  }

  std::unique_ptr<testing::FakeInstance> create() {
    auto instance = host_.create();
    EXPECT_TRUE(instance.ok()) << (instance.ok() ? "" : instance.error().message);
    return instance.ok() ? std::move(instance).value() : nullptr;
  }

  sdk::Status list(const testing::FakeInstance& source, std::vector<std::string>& ids) {
    Collected collected;
    auto status = source.proxy().list(collected);
    ids.clear();
    for (const auto& document : collected.documents) ids.push_back(document.id);
    return status;
  }

  std::vector<std::string> list(const testing::FakeInstance& source) {
    std::vector<std::string> ids;
    auto status = list(source, ids);
    EXPECT_TRUE(status.is_ok()) << status.message();
    return ids;
  }

  std::string fetch(const testing::FakeInstance& source, const std::string& id) {
    Bytes bytes;
    auto status = source.proxy().fetch(id, bytes);
    EXPECT_TRUE(status.is_ok()) << status.message();
    return bytes.content;
  }

  testing::HttpsServer server_;
  host::TransferService transfer_;
  host::HostContext context_;
  host::HostInstance instance_;
  std::atomic<bool> cancelled_{false};
  testing::FakeHost host_{&kontor_plugin_entry_impl_v1};
};

TEST_F(HttpSourceTest, DownloadsAStatementWithTheBearerToken) {
  publish("statements/camt053.xml", "<Document/>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  EXPECT_THAT(list(*source), ElementsAre("camt053.xml"));
  EXPECT_EQ(fetch(*source, "camt053.xml"), "<Document/>");
}

TEST_F(HttpSourceTest, TheSameFileIsNotOfferedAgainOnceImported) {
  publish("statements/camt053.xml", "<Document/>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  ASSERT_THAT(list(*source), ElementsAre("camt053.xml"));
  EXPECT_THAT(list(*source), ElementsAre("camt053.xml"));  // not acknowledged: offered again
  ASSERT_TRUE(source->proxy().ack("camt053.xml", sdk::AckOutcome::kCommitted, "").is_ok());

  EXPECT_THAT(list(*source), IsEmpty());
  // The server was asked conditionally, and said it had nothing new.
  EXPECT_THAT(server_.requests().back(), StartsWith("GET /statements/camt053.xml 304 "));
  EXPECT_THAT(server_.requests().back(), Not(HasSubstr("if-none-match= ")));
  EXPECT_EQ(host_.metrics().at("files_processed"), 1);

  publish("statements/camt053.xml", "<Document>the next day</Document>");
  auto next = list(*source);
  EXPECT_THAT(next, ElementsAre("camt053.xml"));
  EXPECT_EQ(fetch(*source, "camt053.xml"), "<Document>the next day</Document>");
}

TEST_F(HttpSourceTest, ContentImportedBeforeIsNotOfferedEvenFromAServerWithoutValidators) {
  publish("statements/camt053.xml", "<Document/>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  ASSERT_THAT(list(*source), ElementsAre("camt053.xml"));
  ASSERT_TRUE(source->proxy().ack("camt053.xml", sdk::AckOutcome::kCommitted, "").is_ok());
  // Forget the server's validators: only the SHA-256 of the content remains to go by.
  std::string& fetched = host_.state()["fetched"];
  const auto tab = fetched.find('\t');
  const auto sha = fetched.rfind('\t');
  fetched = fetched.substr(0, tab) + "\t\t" + fetched.substr(sha);
  EXPECT_THAT(list(*source), IsEmpty());
  EXPECT_THAT(server_.requests().back(), StartsWith("GET /statements/camt053.xml 200 "));
}

TEST_F(HttpSourceTest, ANotYetPublishedFileOffersNothing) {
  auto source = create();
  ASSERT_NE(source, nullptr);
  EXPECT_THAT(list(*source), IsEmpty());
  EXPECT_THAT(server_.requests(), ElementsAre(StartsWith("GET /statements/camt053.xml 404 ")));
}

TEST_F(HttpSourceTest, DatePlaceholdersNameTheDaysOfTheRun) {
  host_.set_list("urls", {server_.url("statements/{date-1:YYYYMMDD}.xml"),
                          server_.url("statements/{date}.xml")});
  publish("statements/20261127.xml", "<Document>27</Document>");
  publish("statements/2026-11-28.xml", "<Document>28</Document>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  EXPECT_THAT(list(*source), ElementsAre("20261127.xml", "2026-11-28.xml"));
  EXPECT_EQ(fetch(*source, "20261127.xml"), "<Document>27</Document>");
}

TEST_F(HttpSourceTest, AfterImportDeleteRemovesTheFileOnTheServer) {
  host_.set("after_import", "delete");
  publish("statements/camt053.xml", "<Document/>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  ASSERT_THAT(list(*source), ElementsAre("camt053.xml"));
  EXPECT_TRUE(fs::exists(server_.files() / "statements/camt053.xml"));  // not before the ack
  auto acked = source->proxy().ack("camt053.xml", sdk::AckOutcome::kCommitted, "");
  ASSERT_TRUE(acked.is_ok()) << acked.message();
  EXPECT_FALSE(fs::exists(server_.files() / "statements/camt053.xml"));
  EXPECT_THAT(server_.requests(), Contains(StartsWith("DELETE /statements/camt053.xml 204 ")));
}

TEST_F(HttpSourceTest, ARefusedFileIsKeptInQuarantineWithItsErrorAndNeverDeleted) {
  testing::TempDir local;
  host_.set("after_import", "delete");
  host_.set("quarantine_dir", (local / "quarantine").string());
  publish("statements/camt053.xml", "<Document>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  ASSERT_THAT(list(*source), ElementsAre("camt053.xml"));
  ASSERT_TRUE(source->proxy()
                  .ack("camt053.xml", sdk::AckOutcome::kRejected, "camt053.xml:1:11: unclosed")
                  .is_ok());
  EXPECT_TRUE(fs::exists(server_.files() / "statements/camt053.xml"));
  EXPECT_EQ(read_text(local / "quarantine/2026-11-28T10-00-00Z_camt053.xml"), "<Document>");
  EXPECT_EQ(read_text(local / "quarantine/2026-11-28T10-00-00Z_camt053.xml.error"),
            "camt053.xml:1:11: unclosed\n");
  EXPECT_THAT(list(*source), IsEmpty());  // the same bad file is not offered again
}

TEST_F(HttpSourceTest, RefusedCredentialsFailTheList) {
  host_.set_secret("bearer_token", "wrong");
  publish("statements/camt053.xml", "<Document/>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  std::vector<std::string> ids;
  const auto status = list(*source, ids);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("answered 401"));
  EXPECT_THAT(status.message(), Not(HasSubstr("wrong")));
  EXPECT_THAT(ids, IsEmpty());
}

TEST_F(HttpSourceTest, AServerThatCannotAnswerNowIsRetry) {
  host_.set_list("urls", {server_.url("status/503")});
  auto source = create();
  ASSERT_NE(source, nullptr);
  std::vector<std::string> ids;
  EXPECT_EQ(list(*source, ids).code(), sdk::Code::kRetry);
}

TEST_F(HttpSourceTest, AServerThatIsDownIsRetry) {
  auto source = create();
  ASSERT_NE(source, nullptr);
  server_.stop();
  std::vector<std::string> ids;
  EXPECT_EQ(list(*source, ids).code(), sdk::Code::kRetry);
}

TEST_F(HttpSourceTest, ACertificateFromAnUnknownCaIsRefused) {
  host_.set("ca_file", server_.other_ca_file().string());
  publish("statements/camt053.xml", "<Document/>");
  auto source = create();
  ASSERT_NE(source, nullptr);
  std::vector<std::string> ids;
  const auto status = list(*source, ids);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(ids, IsEmpty());
  EXPECT_THAT(server_.requests(), IsEmpty());  // no request got through
}

TEST_F(HttpSourceTest, ConfigurationThatCannotWorkIsRefused) {
  host_.set_list("urls", {"http://127.0.0.1/statements.xml"});
  EXPECT_THAT(host_.create().error().message, HasSubstr("not an https URL"));
  host_.set_list("urls", {server_.url("{today}.xml")});
  EXPECT_THAT(host_.create().error().message, HasSubstr("unknown placeholder {today}"));
  host_.set_list("urls", {server_.url("camt053.xml")});
  host_.set("username", "muster");
  EXPECT_THAT(host_.create().error().message, HasSubstr("not both"));
}

class HttpSourceBasicAuthTest : public HttpSourceTest {
 protected:
  HttpSourceBasicAuthTest() : HttpSourceTest({"", "muster", "Sommer2026!"}) {}
};

TEST_F(HttpSourceBasicAuthTest, DownloadsWithUserAndPassword) {
  testing::FakeHost basic{&kontor_plugin_entry_impl_v1};
  basic.transfer_handler = host_.transfer_handler;
  basic.now_utc_us = host_.now_utc_us;
  basic.set_list("urls", {server_.url("statements/camt053.xml")});
  basic.set("ca_file", server_.ca_file().string());
  basic.set("username", "muster");
  basic.set_secret("password", "Sommer2026!");
  publish("statements/camt053.xml", "<Document/>");
  auto source = basic.create();
  ASSERT_TRUE(source.ok()) << source.error().message;
  Collected collected;
  auto status = (*source)->proxy().list(collected);
  ASSERT_TRUE(status.is_ok()) << status.message();
  ASSERT_EQ(collected.documents.size(), 1u);

  basic.set_secret("password", "Winter2026!");
  auto wrong = basic.create();
  ASSERT_TRUE(wrong.ok());
  const auto refused = (*wrong)->proxy().list(collected);
  EXPECT_EQ(refused.code(), sdk::Code::kFailed);
  EXPECT_THAT(refused.message(), HasSubstr("answered 401"));
}

TEST(ExpandDates, PlaceholdersTakeTheUtcDayOfTheRun) {
  const std::int64_t now = kNow * kSecond;  // 2026-11-28T10:00:00Z
  EXPECT_EQ(*expand_dates("https://b/{date}.xml", now), "https://b/2026-11-28.xml");
  EXPECT_EQ(*expand_dates("https://b/{date-1}.xml", now), "https://b/2026-11-27.xml");
  EXPECT_EQ(*expand_dates("https://b/{date-28:YYYYMMDD}", now), "https://b/20261031");
  EXPECT_EQ(*expand_dates("https://b/?from={date-7:DD.MM.YYYY}&to={date:DD.MM.YYYY}", now),
            "https://b/?from=21.11.2026&to=28.11.2026");
  EXPECT_EQ(*expand_dates("https://b/{date-0:YYYY/MM}", 0), "https://b/1970/01");
  EXPECT_FALSE(expand_dates("https://b/{date+1}", now).ok());
  EXPECT_FALSE(expand_dates("https://b/{date-999}", now).ok());
  EXPECT_FALSE(expand_dates("https://b/{date", now).ok());
}

TEST(ShownUrl, LeavesOutCredentialsAndQuery) {
  EXPECT_EQ(shown_url("https://u:p@bank.example/a.xml?token=x#y"), "https://bank.example/a.xml");
  EXPECT_EQ(shown_url("u:p@bank.example/a.xml"), "bank.example/a.xml");  // scheme forgotten
}

TEST(ExpandDates, AMistakeInAUrlNeverRepeatsItsQueryOrCredentials) {
  for (const std::string url :
       {"https://u:Geheim@b/{date-999}.xml", "https://b/{date.xml?token=Geheim",
        "https://b/x.xml?token=Geheim&day={today}", "https://b/x.xml?day={date+Geheim}",
        "https://b/x.xml?token={Geheim}"}) {
    auto expanded = expand_dates(url, kNow * kSecond);
    ASSERT_FALSE(expanded.ok()) << url;
    EXPECT_THAT(expanded.error().message, Not(HasSubstr("Geheim"))) << url;
  }
  EXPECT_THAT(expand_dates("https://b/{today}.xml", 0).error().message,
              HasSubstr("unknown placeholder {today}"));
}

TEST_F(HttpSourceTest, AUrlWithAMistakeIsRefusedWithoutShowingItsToken) {
  host_.set_list("urls", {server_.url("statements/{date.xml?token=s3cr3t-Token")});
  const std::string message = host_.create().error().message;
  EXPECT_THAT(message, HasSubstr("without its '}'"));
  EXPECT_THAT(message, Not(HasSubstr("s3cr3t-Token")));
  host_.set_list("urls", {"user:s3cr3t-Token@bank.example/camt053.xml"});
  EXPECT_THAT(host_.create().error().message, Not(HasSubstr("s3cr3t-Token")));
}

}  // namespace
}  // namespace kontor::plugins
