// The letter channel through the SDK's fake host, in spool mode: a PDF and its manifest per
// notice in a temp folder, the manifest only after the PDF, redelivery, letters that cannot be
// sent, names that try to leave the folder.
#include "letter_channel.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kontor/model/sha256.hpp"
#include "kontor/testing/fake_host.hpp"
#include "support/temp_dir.hpp"

extern "C" const kontor_plugin_descriptor* kontor_plugin_entry_impl_v1(
    const kontor_host_info* host) noexcept;

namespace kontor::plugins::letter {
namespace {

namespace fs = std::filesystem;
using kontor::testing::file_names_in;
using kontor::testing::read_file;
using ::testing::HasSubstr;

constexpr std::int64_t kSecond = 1'000'000;
constexpr std::int64_t kMorning = 1'795'858'200 * kSecond;  // 2026-11-28T09:30:00Z

// Enough like a PDF for a reader that only checks bytes: binary, with a NUL.
std::string rendered_pdf(const std::string& number) {
  std::string pdf = "%PDF-1.5\n%\xe2\xe3\xcf\xd3\n";
  pdf += "1 0 obj << /Type /Page >> endobj % " + number + "\n";
  pdf += std::string("\0\x01\xff", 3);
  for (int i = 0; i < 2000; ++i) pdf += static_cast<char>((i * 7919) & 0xFF);
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
  notice.text = "Sehr geehrte Damen und Herren,\n";
  notice.pdf = rendered_pdf(number);
  notice.idempotency_key = "notice-" + number + "-letter";
  return notice;
}

class LetterChannelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_.set("spool_dir", spool_.string());
    host_.now_utc_us = kMorning;
  }

  std::unique_ptr<testing::FakeInstance> create() {
    auto instance = host_.create();
    EXPECT_TRUE(instance.ok()) << (instance.ok() ? "" : instance.error().message);
    return instance.ok() ? std::move(instance).value() : nullptr;
  }

  nlohmann::json manifest(const std::string& name) const {
    return nlohmann::json::parse(read_file(spool_ / name));
  }

  std::int64_t spooled() const {
    const auto found = host_.metrics().find("letters_spooled");
    return found == host_.metrics().end() ? 0 : found->second;
  }

  kontor::testing::TempDir dir_;
  fs::path spool_ = dir_ / "spool";
  testing::FakeHost host_{&kontor_plugin_entry_impl_v1};
};

TEST_F(LetterChannelTest, SpoolsThePdfAndAManifestThatDescribesIt) {
  auto channel = create();
  ASSERT_TRUE(channel);
  const sdk::NoticeMessage notice = reminder("M-2026-000002");
  const sdk::Status status = channel->proxy().deliver(notice);
  ASSERT_TRUE(status.is_ok()) << status.message();

  EXPECT_EQ(file_names_in(spool_), (std::vector<std::string>{"notice-M-2026-000002-letter.json",
                                                             "notice-M-2026-000002-letter.pdf"}));
  EXPECT_EQ(read_file(spool_ / "notice-M-2026-000002-letter.pdf"), notice.pdf);
  const nlohmann::json seen = manifest("notice-M-2026-000002-letter.json");
  EXPECT_EQ(seen["format"], "kontor-letter-1");
  EXPECT_EQ(seen["notice"], "M-2026-000002");
  EXPECT_EQ(seen["kind"], "reminder");
  EXPECT_EQ(seen["document"], "notice-M-2026-000002-letter.pdf");
  EXPECT_EQ(seen["sha256"], Sha256::hex_of(notice.pdf));
  EXPECT_EQ(seen["bytes"], notice.pdf.size());
  EXPECT_FALSE(seen.contains("pages"));
  EXPECT_EQ(seen["recipient"], nlohmann::json({{"name", "Jürgen Müller GmbH & Co. KG"},
                                               {"street", "Königsallee 12"},
                                               {"postcode", "40212"},
                                               {"city", "Düsseldorf"},
                                               {"country", "DE"}}));
  EXPECT_EQ(seen["sender"], nlohmann::json({{"name", "Beispiel GmbH"},
                                            {"street", "Hauptstraße 1"},
                                            {"postcode", "50667"},
                                            {"city", "Köln"},
                                            {"country", "DE"}}));
  EXPECT_EQ(seen["print"],
            nlohmann::json({{"duplex", true}, {"color", false}, {"mail_class", "standard"}}));
  EXPECT_EQ(seen["created"], "2026-11-28T09:30:00Z");
  EXPECT_EQ(spooled(), 1);
}

TEST_F(LetterChannelTest, ManifestKeepsTheDocumentedOrderOfFields) {
  auto channel = create();
  ASSERT_TRUE(channel->proxy().deliver(reminder("M-1")).is_ok());
  const std::string text = read_file(spool_ / "notice-M-1-letter.json");
  std::size_t last = 0;
  for (const char* key : {"\"format\"", "\"notice\"", "\"kind\"", "\"document\"", "\"sha256\"",
                          "\"bytes\"", "\"recipient\"", "\"sender\"", "\"print\"", "\"created\""}) {
    const std::size_t at = text.find(key);
    ASSERT_NE(at, std::string::npos) << key;
    EXPECT_GT(at, last) << key;
    last = at;
  }
}

TEST_F(LetterChannelTest, PrintOptionsComeFromTheConfiguration) {
  host_.set("duplex", "false");
  host_.set("color", "true");
  host_.set("mail_class", "registered");
  auto channel = create();
  ASSERT_TRUE(channel->proxy().deliver(reminder("M-1")).is_ok());
  EXPECT_EQ(manifest("notice-M-1-letter.json")["print"],
            nlohmann::json({{"duplex", false}, {"color", true}, {"mail_class", "registered"}}));
}

TEST_F(LetterChannelTest, ManifestAppearsOnlyAfterTheWholePdfAndAnInterruptedLetterIsCompleted) {
  // Something in the manifest's place makes its write fail after the PDF's.
  fs::create_directories(spool_ / "notice-M-1-letter.json");
  auto channel = create();
  const sdk::NoticeMessage notice = reminder("M-1");
  const sdk::Status first = channel->proxy().deliver(notice);
  EXPECT_EQ(first.code(), sdk::Code::kRetry);
  EXPECT_THAT(first.message(), HasSubstr("notice M-1"));
  EXPECT_THAT(first.message(), HasSubstr((spool_ / "notice-M-1-letter.json").string()));
  EXPECT_EQ(read_file(spool_ / "notice-M-1-letter.pdf"), notice.pdf);
  EXPECT_TRUE(fs::is_directory(spool_ / "notice-M-1-letter.json"));
  EXPECT_EQ(spooled(), 0);

  fs::remove(spool_ / "notice-M-1-letter.json");
  const sdk::Status second = channel->proxy().deliver(notice);
  ASSERT_TRUE(second.is_ok()) << second.message();
  EXPECT_EQ(file_names_in(spool_),
            (std::vector<std::string>{"notice-M-1-letter.json", "notice-M-1-letter.pdf"}));
  EXPECT_EQ(manifest("notice-M-1-letter.json")["sha256"], Sha256::hex_of(notice.pdf));
  EXPECT_EQ(spooled(), 1);
}

TEST_F(LetterChannelTest, ManifestOfAnInterruptedLetterDescribesThePdfInTheFolder) {
  const std::string spooled_before = rendered_pdf("M-1") + "rendered an hour ago";
  fs::create_directories(spool_);
  dir_.write("spool/notice-M-1-letter.pdf", spooled_before);
  auto channel = create();
  const sdk::Status status = channel->proxy().deliver(reminder("M-1"));
  ASSERT_TRUE(status.is_ok()) << status.message();
  EXPECT_EQ(read_file(spool_ / "notice-M-1-letter.pdf"), spooled_before);
  const nlohmann::json seen = manifest("notice-M-1-letter.json");
  EXPECT_EQ(seen["sha256"], Sha256::hex_of(spooled_before));
  EXPECT_EQ(seen["bytes"], spooled_before.size());
}

TEST_F(LetterChannelTest, RedeliveryWithTheSameKeyWritesNothingAndSucceeds) {
  auto channel = create();
  ASSERT_TRUE(channel->proxy().deliver(reminder("M-1")).is_ok());
  const std::string pdf = read_file(spool_ / "notice-M-1-letter.pdf");
  const std::string json = read_file(spool_ / "notice-M-1-letter.json");
  host_.now_utc_us += 3600 * kSecond;  // a later attempt would carry another `created`
  sdk::NoticeMessage again = reminder("M-1");
  again.pdf += "re-rendered";
  const sdk::Status status = channel->proxy().deliver(again);
  EXPECT_TRUE(status.is_ok()) << status.message();
  EXPECT_EQ(file_names_in(spool_),
            (std::vector<std::string>{"notice-M-1-letter.json", "notice-M-1-letter.pdf"}));
  EXPECT_EQ(read_file(spool_ / "notice-M-1-letter.pdf"), pdf);
  EXPECT_EQ(read_file(spool_ / "notice-M-1-letter.json"), json);
  EXPECT_EQ(spooled(), 1);
  EXPECT_THAT(host_.log_lines().back(), HasSubstr("delivered before"));
}

TEST_F(LetterChannelTest, RedeliveryAfterTheShopTookThePdfDoesNotSpoolItAgain) {
  auto channel = create();
  ASSERT_TRUE(channel->proxy().deliver(reminder("M-1")).is_ok());
  fs::remove(spool_ / "notice-M-1-letter.pdf");  // the shop's transfer is halfway through
  ASSERT_TRUE(channel->proxy().deliver(reminder("M-1")).is_ok());
  EXPECT_EQ(file_names_in(spool_), std::vector<std::string>{"notice-M-1-letter.json"});
}

TEST_F(LetterChannelTest, CustomerWithoutPostalAddressFailsNamingWhatIsMissing) {
  auto channel = create();
  sdk::NoticeMessage notice = reminder("M-1");
  notice.recipient.address.street.clear();
  notice.recipient.address.city.clear();
  const sdk::Status status = channel->proxy().deliver(notice);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("notice M-1"));
  EXPECT_THAT(status.message(), HasSubstr("no street, city"));
  EXPECT_FALSE(fs::exists(spool_));
}

TEST_F(LetterChannelTest, CountryMustBeAnIsoCode) {
  auto channel = create();
  sdk::NoticeMessage notice = reminder("M-1");
  notice.recipient.address.country = "Deutschland";
  const sdk::Status status = channel->proxy().deliver(notice);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("\"Deutschland\" is not an ISO 3166-1 alpha-2 code"));
  EXPECT_FALSE(fs::exists(spool_));
}

TEST_F(LetterChannelTest, CustomerWithoutCountryGetsALetterInTheSendersCountry) {
  auto channel = create();
  sdk::NoticeMessage notice = reminder("M-1");
  notice.recipient.address.country.clear();
  ASSERT_TRUE(channel->proxy().deliver(notice).is_ok());
  EXPECT_EQ(manifest("notice-M-1-letter.json")["recipient"]["country"], "DE");

  notice = reminder("M-2");
  notice.recipient.address.country.clear();
  notice.sender.address.country.clear();
  const sdk::Status status = channel->proxy().deliver(notice);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("no country"));
}

TEST_F(LetterChannelTest, NoticeWithoutPdfOrKeyFailsPermanently) {
  auto channel = create();
  sdk::NoticeMessage notice = reminder("M-1");
  notice.pdf.clear();
  sdk::Status status = channel->proxy().deliver(notice);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_EQ(status.message(), "no PDF was rendered for notice M-1");

  notice = reminder("M-1");
  notice.idempotency_key.clear();
  status = channel->proxy().deliver(notice);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("no idempotency key"));
  EXPECT_FALSE(fs::exists(spool_));
}

TEST_F(LetterChannelTest, UnwritableSpoolFolderAsksForRetry) {
  dir_.write("blocker", "a file where the folder's parent should be");
  host_.set("spool_dir", (dir_ / "blocker" / "spool").string());
  auto channel = create();
  const sdk::Status status = channel->proxy().deliver(reminder("M-1"));
  EXPECT_EQ(status.code(), sdk::Code::kRetry);
  EXPECT_THAT(status.message(), HasSubstr("notice M-1"));
  EXPECT_THAT(status.message(), HasSubstr("blocker"));
}

TEST_F(LetterChannelTest, KeyCannotLeaveTheFolder) {
  auto channel = create();
  for (const char* key : {"../../escaped", "/etc/escaped", "..", ".hidden", "a/b", "a\nb"}) {
    sdk::NoticeMessage notice = reminder("M-1");
    notice.idempotency_key = key;
    ASSERT_TRUE(channel->proxy().deliver(notice).is_ok()) << key;
  }
  EXPECT_EQ(file_names_in(spool_).size(), 12u);
  for (const auto& name : file_names_in(spool_)) {
    EXPECT_EQ(name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                     "0123456789._-"),
              std::string::npos)
        << name;
    EXPECT_NE(name[0], '.') << name;
    EXPECT_TRUE(name.ends_with(".pdf") || name.ends_with(".json")) << name;
    if (name.ends_with(".json")) {
      const std::string pdf = name.substr(0, name.size() - 5) + ".pdf";
      EXPECT_EQ(manifest(name)["document"], pdf);
      EXPECT_TRUE(fs::exists(spool_ / pdf)) << pdf;
    }
  }
  EXPECT_EQ(file_names_in(dir_.path()), std::vector<std::string>{"spool"});
}

TEST_F(LetterChannelTest, NameThatIsNotUtf8IsWrittenNotRefused) {
  auto channel = create();
  sdk::NoticeMessage notice = reminder("M-1");
  notice.recipient.name = "M\xfcller";  // Windows-1252, not UTF-8
  const sdk::Status status = channel->proxy().deliver(notice);
  ASSERT_TRUE(status.is_ok()) << status.message();
  EXPECT_EQ(manifest("notice-M-1-letter.json")["recipient"]["name"], "M\xef\xbf\xbdller");
}

TEST_F(LetterChannelTest, SpoolFolderIsRequiredAndAbsolute) {
  host_.set("spool_dir", "relative/spool");
  const auto relative = host_.create();
  ASSERT_FALSE(relative.ok());
  EXPECT_THAT(relative.error().message, HasSubstr("spool_dir must be an absolute path"));
  testing::FakeHost without_folder(&kontor_plugin_entry_impl_v1);
  const auto missing = without_folder.create();
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.error().message, HasSubstr("spool_dir"));
}

}  // namespace
}  // namespace kontor::plugins::letter
