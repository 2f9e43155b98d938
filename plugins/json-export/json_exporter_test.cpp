// The json-export exporter through the SDK's fake host (the plugin's C entry point): the document
// staged out of sight and published once, discard, refusals, and the published document parsed
// with nlohmann::json — every amount a string, every booking balanced.
#include "json_exporter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "batch_json.hpp"
#include "kontor/testing/fake_host.hpp"
#include "support/temp_dir.hpp"

extern "C" const kontor_plugin_descriptor* kontor_plugin_entry_impl_v1(
    const kontor_host_info* host) noexcept;

namespace kontor::plugins::json_export {
namespace {

namespace fs = std::filesystem;
using kontor::testing::file_names_in;
using kontor::testing::read_file;
using ::testing::HasSubstr;
using Json = nlohmann::json;

Date day(int year, int month, int day) {
  return Date::from_ymd(year, month, day).value();
}

BookingLine line(std::string account, BookingSide side, std::int64_t cents,
                 std::string tax_key = "") {
  return BookingLine{.account = std::move(account),
                     .side = side,
                     .amount = Money(cents, Currency::eur()),
                     .tax_key = std::move(tax_key)};
}

Booking invoice(std::int64_t id) {
  return Booking{.id = id,
                 .date = day(2026, 11, 3),
                 .document_number = "RE-2026-0001",
                 .text = "Rechnung RE-2026-0001",
                 .lines = {line("10001", BookingSide::debit, 22600),
                           line("8400", BookingSide::credit, 11900, "3"),
                           line("8300", BookingSide::credit, 10700, "2")},
                 .exported_in = "",
                 .reverses = std::nullopt,
                 .facts = BookingFacts::none,
                 .due_date = day(2026, 11, 17)};
}

sdk::ExportBatch batch_of(std::string id, std::vector<Booking> bookings) {
  return sdk::ExportBatch{.batch_id = std::move(id),
                          .period_from = day(2026, 11, 1),
                          .period_to = day(2026, 11, 30),
                          .bookings = std::move(bookings),
                          .debtors = {}};
}

class JsonExporterTest : public ::testing::Test {
 protected:
  void SetUp() override { host_.set("path", target_.string()); }

  std::unique_ptr<testing::FakeInstance> create() {
    auto instance = host_.create();
    EXPECT_TRUE(instance.ok()) << (instance.ok() ? "" : instance.error().message);
    return instance.ok() ? std::move(instance).value() : nullptr;
  }

  std::vector<std::string> published() const {
    std::vector<std::string> names = file_names_in(target_);
    std::erase(names, ".kontor-staging");
    return names;
  }

  void export_batch(const sdk::ExportBatch& batch) {
    auto exporter = create();
    ASSERT_TRUE(exporter);
    const sdk::Status staged = exporter->proxy().stage(batch);
    ASSERT_TRUE(staged.is_ok()) << staged.message();
    const sdk::Status status = exporter->proxy().publish(batch.batch_id);
    ASSERT_TRUE(status.is_ok()) << status.message();
  }

  kontor::testing::TempDir dir_;
  fs::path target_ = dir_ / "json";
  fs::path staging_root_ = target_ / ".kontor-staging";
  testing::FakeHost host_{&kontor_plugin_entry_impl_v1};
};

TEST_F(JsonExporterTest, TheStagedDocumentIsOutOfSightUntilPublished) {
  auto exporter = create();
  ASSERT_TRUE(exporter);
  const sdk::Status staged = exporter->proxy().stage(batch_of("b-1", {invoice(1)}));
  ASSERT_TRUE(staged.is_ok()) << staged.message();
  EXPECT_EQ(file_names_in(target_), (std::vector<std::string>{".kontor-staging"}));
  EXPECT_EQ(file_names_in(staging_root_ / "b-1"),
            (std::vector<std::string>{"kontor-batch.txt", "kontor-batch_b-1.json"}));

  const sdk::Status status = exporter->proxy().publish("b-1");
  ASSERT_TRUE(status.is_ok()) << status.message();
  EXPECT_EQ(published(), (std::vector<std::string>{"kontor-batch_b-1.json"}));
  EXPECT_EQ(file_names_in(staging_root_), (std::vector<std::string>{"b-1.published"}));
  EXPECT_EQ(host_.metrics().at("json_batches_published"), 1);
}

TEST_F(JsonExporterTest, ThePublishedFileIsExactlyTheBatchDocumentOnOneLine) {
  const sdk::ExportBatch batch = batch_of("b-2", {invoice(1)});
  export_batch(batch);
  const std::string bytes = read_file(target_ / "kontor-batch_b-2.json");
  EXPECT_EQ(bytes, batch_json(batch));
  EXPECT_EQ(std::count(bytes.begin(), bytes.end(), '\n'), 1);
}

TEST_F(JsonExporterTest, PrettyIndentsTheSameDocument) {
  host_.set("pretty", "true");
  const sdk::ExportBatch batch = batch_of("b-3", {invoice(1)});
  export_batch(batch);
  const std::string bytes = read_file(target_ / "kontor-batch_b-3.json");
  EXPECT_EQ(bytes, batch_json(batch, 2));
  EXPECT_EQ(Json::parse(bytes), Json::parse(batch_json(batch)));
}

TEST_F(JsonExporterTest, EveryAmountIsAStringAndEveryBookingBalances) {
  Booking payment{
      .id = 2,
      .date = day(2026, 11, 20),
      .document_number = "RE-2026-0001",
      .text = "Zahlung",
      .lines = {line("10001", BookingSide::credit, 22600), line("1200", BookingSide::debit, 22600)},
      .exported_in = "",
      .reverses = std::nullopt,
      .facts = BookingFacts::none,
      .due_date = std::nullopt};
  Booking reversal = reversal_of(invoice(1), day(2026, 11, 21));
  reversal.id = 3;
  export_batch(batch_of("b-4", {invoice(1), payment, reversal}));

  const Json document = Json::parse(read_file(target_ / "kontor-batch_b-4.json"));
  ASSERT_EQ(document["bookings"].size(), 3U);
  EXPECT_EQ(document["period"]["from"], "2026-11-01");
  for (const Json& booking : document["bookings"]) {
    Money debit = Money::zero(Currency::eur());
    Money credit = Money::zero(Currency::eur());
    for (const Json& booked : booking["lines"]) {
      ASSERT_TRUE(booked["amount"].is_string()) << booked.dump();
      const Money amount =
          Money::parse(booked["amount"].get<std::string>(), Currency::eur(), Notation::point())
              .value();
      Money& side = booked["side"] == "debit" ? debit : credit;
      side = side.plus(amount).value();
    }
    EXPECT_EQ(debit, credit) << booking.dump();
    EXPECT_EQ(debit, Money(22600, Currency::eur()));  // each books 226,00
  }
  // The reversal names the original and turns every line.
  EXPECT_EQ(document["bookings"][2]["reverses"], 1);
  EXPECT_EQ(document["bookings"][2]["lines"][0]["side"], "credit");
}

TEST_F(JsonExporterTest, PublishingTwiceWritesNothingTheSecondTime) {
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-5", {invoice(1)})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-5").is_ok());
  const fs::path file = target_ / "kontor-batch_b-5.json";
  const std::string bytes = read_file(file);
  const auto written = fs::last_write_time(file);

  EXPECT_TRUE(exporter->proxy().publish("b-5").is_ok());
  EXPECT_EQ(read_file(file), bytes);
  EXPECT_EQ(fs::last_write_time(file), written);
  EXPECT_EQ(host_.metrics().at("json_batches_published"), 1);

  fs::remove(file);
  EXPECT_TRUE(exporter->proxy().publish("b-5").is_ok());
  EXPECT_TRUE(published().empty());
}

TEST_F(JsonExporterTest, APublishedBatchIsNotStagedAgainNorDiscarded) {
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-6", {invoice(1)})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-6").is_ok());
  EXPECT_FALSE(exporter->proxy().stage(batch_of("b-6", {invoice(1)})).is_ok());
  EXPECT_FALSE(exporter->proxy().discard("b-6").is_ok());
  EXPECT_EQ(published(), (std::vector<std::string>{"kontor-batch_b-6.json"}));
}

TEST_F(JsonExporterTest, DiscardAfterStageLeavesNothing) {
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-7", {invoice(1)})).is_ok());
  const sdk::Status discarded = exporter->proxy().discard("b-7");
  ASSERT_TRUE(discarded.is_ok()) << discarded.message();
  EXPECT_TRUE(file_names_in(staging_root_).empty());
  EXPECT_TRUE(published().empty());
  EXPECT_TRUE(exporter->proxy().discard("b-7").is_ok());
  EXPECT_FALSE(exporter->proxy().publish("b-7").is_ok());
}

TEST_F(JsonExporterTest, AnUnbalancedBookingIsNamedAndNothingStaged) {
  Booking wrong = invoice(5);
  wrong.lines[2] = line("8300", BookingSide::credit, 10600, "2");
  auto exporter = create();
  const sdk::Status staged = exporter->proxy().stage(batch_of("b-8", {invoice(4), wrong}));
  EXPECT_FALSE(staged.is_ok());
  EXPECT_THAT(staged.message(), HasSubstr("booking 5"));
  EXPECT_TRUE(file_names_in(staging_root_).empty());
}

TEST_F(JsonExporterTest, AnEmptyBatchOrOneWithoutIdIsRefused) {
  auto exporter = create();
  EXPECT_FALSE(exporter->proxy().stage(batch_of("b-9", {})).is_ok());
  EXPECT_FALSE(exporter->proxy().stage(batch_of("", {invoice(1)})).is_ok());
  EXPECT_TRUE(file_names_in(staging_root_).empty());
}

TEST_F(JsonExporterTest, ARelativePathIsRefusedWhenTheInstanceIsMade) {
  host_.set("path", "exports/json");
  auto instance = host_.create();
  ASSERT_FALSE(instance.ok());
  EXPECT_THAT(instance.error().message, HasSubstr("not an absolute path"));
}

TEST_F(JsonExporterTest, ABatchIdThatCannotNameAFileGetsAHashedName) {
  export_batch(batch_of("2026/11 a", {invoice(1)}));
  export_batch(batch_of("2026:11 a", {invoice(1)}));
  const std::vector<std::string> names = published();
  ASSERT_EQ(names.size(), 2U);
  EXPECT_NE(names[0], names[1]);
  EXPECT_EQ(json_file_name("b-1"), "kontor-batch_b-1.json");
}

}  // namespace
}  // namespace kontor::plugins::json_export
