// The datev exporter through the SDK's fake host: files staged out of sight and published once,
// one file per booking month with its period, reversals as Generalumkehr, bookings DATEV would
// refuse, configuration refused at creation. Files are read back with the tests' own splitter
// (extf_test_reader.hpp), and expected records are written by hand from the bookings.
#include "datev_exporter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <filesystem>

#include "extf_file_name.hpp"
#include "extf_test_batch.hpp"
#include "extf_test_reader.hpp"
#include "kontor/sdk/abi_convert.hpp"
#include "kontor/testing/fake_host.hpp"
#include "support/temp_dir.hpp"

extern "C" const kontor_plugin_descriptor* kontor_plugin_entry_impl_v1(
    const kontor_host_info* host) noexcept;

namespace kontor::plugins::datev {
namespace {

namespace fs = std::filesystem;
using kontor::testing::file_names_in;
using kontor::testing::read_file;
using test_support::day;
using test_support::euros;
using test_support::field;
using test_support::split_crlf_lines;
using test_support::split_fields;
using test_support::unquoted;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::int64_t kSecond = 1'000'000;
// 2026-01-28T09:30:00.123Z
constexpr std::int64_t kMorning = 1'769'592'600 * kSecond + 123'000;

// Columns of a Buchungsstapel record (reference §3) and of the header (§2).
constexpr int kUmsatz = 1;
constexpr int kSollHaben = 2;
constexpr int kKonto = 7;
constexpr int kGegenkonto = 8;
constexpr int kBu = 9;
constexpr int kBelegdatum = 10;
constexpr int kBelegfeld1 = 11;
constexpr int kBuchungstext = 14;
constexpr int kSachverhalt = 18;
constexpr int kFestschreibung = 114;
constexpr int kFaelligkeit = 117;
constexpr int kGeneralumkehr = 118;
constexpr int kHeaderCreated = 6;
constexpr int kHeaderFiscalYear = 13;
constexpr int kHeaderFrom = 15;
constexpr int kHeaderTo = 16;
constexpr int kHeaderLabel = 17;
constexpr int kHeaderLocked = 21;

BookingLine line(std::string account, BookingSide side, std::int64_t cents,
                 std::string tax_key = "") {
  return BookingLine{
      .account = std::move(account), .side = side, .amount = euros(cents), .tax_key = tax_key};
}

// The payment of the brief: 119,00 to the bank 1200, debtor 10001 credited.
Booking payment(std::int64_t id, const Date& date, std::string number = "RE2024-0001") {
  return Booking{
      .id = id,
      .date = date,
      .document_number = number,
      .text = "Zahlung " + number,
      .lines = {line("10001", BookingSide::credit, 11900), line("1200", BookingSide::debit, 11900)},
      .exported_in = "",
      .reverses = std::nullopt,
      .facts = BookingFacts::none,
      .due_date = std::nullopt};
}

// A dunning fee (facts dunning_fee) or default interest (dunning_interest) of 5,00 on debtor
// 10001, due 9 February.
Booking charge(std::int64_t id, BookingFacts facts, std::string number) {
  return Booking{.id = id,
                 .date = day(2024, 1, 26),
                 .document_number = number,
                 .text = "Mahnung " + number,
                 .lines = {line("10001", BookingSide::debit, 500),
                           line(facts == BookingFacts::dunning_fee ? "8600" : "2650",
                                BookingSide::credit, 500)},
                 .exported_in = "",
                 .reverses = std::nullopt,
                 .facts = facts,
                 .due_date = day(2024, 2, 9)};
}

Customer customer(std::string number, std::string name, CustomerKind kind) {
  Customer made;
  made.number = std::move(number);
  made.name = std::move(name);
  made.address = {.street = "Lindenallee 3", .postcode = "53111", .city = "Bonn", .country = "DE"};
  made.email = "buchhaltung@example.de";
  made.language = "de";
  made.ibans = {Iban::parse("DE89370400440532013000").value()};
  made.kind = kind;
  return made;
}

sdk::ExportBatch batch_of(std::string id, std::vector<Booking> bookings) {
  return sdk::ExportBatch{.batch_id = std::move(id),
                          .period_from = std::nullopt,
                          .period_to = std::nullopt,
                          .bookings = std::move(bookings),
                          .debtors = {}};
}

// A file as DATEV reads it: its lines split at CR LF, each split at the unquoted semicolons.
struct ReadFile {
  std::vector<std::vector<std::string>> lines;

  const std::vector<std::string>& header() const { return lines.at(0); }
  std::size_t record_count() const { return lines.size() - 2; }
  const std::vector<std::string>& record(std::size_t n) const { return lines.at(n + 1); }
};

ReadFile read_extf(const fs::path& path) {
  const std::string bytes = read_file(path);
  test_support::ExtfLines split = split_crlf_lines(bytes);
  EXPECT_TRUE(split.ok) << path << " has a line without CR LF";
  ReadFile read;
  for (const std::string& text : split.lines) read.lines.push_back(split_fields(text));
  EXPECT_GE(read.lines.size(), 3U) << path;
  return read;
}

std::string at(const std::vector<std::string>& fields, int column) {
  return fields.at(static_cast<std::size_t>(column - 1));
}

class DatevExporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_.set("path", target_.string());
    host_.set("advisor_number", "29098");
    host_.set("client_number", "55003");
    host_.set("chart", "skr03");
    host_.now_utc_us = kMorning;
  }

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

  kontor::testing::TempDir dir_;
  fs::path target_ = dir_ / "datev";
  fs::path staging_root_ = target_ / ".kontor-staging";
  testing::FakeHost host_{&kontor_plugin_entry_impl_v1};
};

TEST_F(DatevExporterTest, StagedFilesAreOutOfSightUntilPublished) {
  auto exporter = create();
  ASSERT_TRUE(exporter);
  const sdk::Status staged =
      exporter->proxy().stage(batch_of("b-1", {payment(1, day(2024, 1, 25))}));
  ASSERT_TRUE(staged.is_ok()) << staged.message();
  EXPECT_EQ(file_names_in(target_), (std::vector<std::string>{".kontor-staging"}));
  EXPECT_EQ(file_names_in(staging_root_ / "b-1"),
            (std::vector<std::string>{"EXTF_Buchungsstapel_202401_b-1.csv", "kontor-batch.txt"}));

  const sdk::Status status = exporter->proxy().publish("b-1");
  ASSERT_TRUE(status.is_ok()) << status.message();
  EXPECT_EQ(published(), (std::vector<std::string>{"EXTF_Buchungsstapel_202401_b-1.csv"}));
  EXPECT_EQ(file_names_in(staging_root_), (std::vector<std::string>{"b-1.published"}));
  const ReadFile file = read_extf(target_ / "EXTF_Buchungsstapel_202401_b-1.csv");
  EXPECT_EQ(file.record_count(), 1U);
}

TEST_F(DatevExporterTest, ThePaymentIsOneRecordOnTheDebtorAgainstTheBank) {
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-1", {payment(1, day(2024, 1, 25))})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-1").is_ok());
  const ReadFile file = read_extf(target_ / "EXTF_Buchungsstapel_202401_b-1.csv");
  ASSERT_EQ(file.record_count(), 1U);
  const std::vector<std::string>& record = file.record(1);
  EXPECT_EQ(record.size(), 125U);
  // Debtor 10001 is credited 119,00 against the bank 1200 (our orientation: Konto = debtor).
  EXPECT_EQ(at(record, kUmsatz), "119,00");
  EXPECT_EQ(at(record, kSollHaben), "\"H\"");
  EXPECT_EQ(at(record, kKonto), "10001");
  EXPECT_EQ(at(record, kGegenkonto), "1200");
  EXPECT_EQ(at(record, kBu), "\"\"");
  EXPECT_EQ(at(record, kBelegdatum), "2501");
  EXPECT_EQ(unquoted(at(record, kBelegfeld1)), "RE2024-0001");
  EXPECT_EQ(unquoted(at(record, kBuchungstext)), "Zahlung RE2024-0001");
  EXPECT_EQ(at(record, kFestschreibung), "0");
  EXPECT_EQ(at(record, kGeneralumkehr), "\"\"");

  const std::vector<std::string>& header = file.header();
  EXPECT_EQ(header.size(), 31U);
  EXPECT_EQ(at(header, 1), "\"EXTF\"");
  EXPECT_EQ(at(header, 11), "29098");
  EXPECT_EQ(at(header, 12), "55003");
  EXPECT_EQ(at(header, kHeaderCreated), "20260128093000123");
  EXPECT_EQ(at(header, kHeaderFiscalYear), "20240101");
  EXPECT_EQ(at(header, kHeaderFrom), "20240101");
  EXPECT_EQ(at(header, kHeaderTo), "20240131");
  EXPECT_EQ(unquoted(at(header, kHeaderLabel)), "Kontor 01/2024");
  EXPECT_EQ(at(header, kHeaderLocked), "0");
  EXPECT_EQ(at(header, 27), "\"03\"");
}

TEST_F(DatevExporterTest, AnInvoiceWithTwoRatesIsOneRecordPerRateAgainstTheDebtor) {
  const Booking invoice{
      .id = 2,
      .date = day(2024, 1, 15),
      .document_number = "RE2024-0002",
      .text = "Rechnung RE2024-0002",
      .lines = {line("10001", BookingSide::debit, 22600), line("8400", BookingSide::credit, 11900),
                line("8300", BookingSide::credit, 10700)},
      .exported_in = "",
      .reverses = std::nullopt,
      .facts = BookingFacts::none,
      .due_date = std::nullopt};
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-2", {invoice})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-2").is_ok());
  const ReadFile file = read_extf(target_ / "EXTF_Buchungsstapel_202401_b-2.csv");
  ASSERT_EQ(file.record_count(), 2U);
  EXPECT_EQ(at(file.record(1), kUmsatz), "119,00");
  EXPECT_EQ(at(file.record(1), kSollHaben), "\"S\"");
  EXPECT_EQ(at(file.record(1), kKonto), "10001");
  EXPECT_EQ(at(file.record(1), kGegenkonto), "8400");
  EXPECT_EQ(at(file.record(2), kUmsatz), "107,00");
  EXPECT_EQ(at(file.record(2), kSollHaben), "\"S\"");
  EXPECT_EQ(at(file.record(2), kKonto), "10001");
  EXPECT_EQ(at(file.record(2), kGegenkonto), "8300");
  EXPECT_EQ(unquoted(at(file.record(2), kBelegfeld1)), "RE2024-0002");
}

TEST_F(DatevExporterTest, AReversalComesOutAsGeneralumkehrOfTheOriginalRecord) {
  Booking original = payment(1, day(2024, 1, 25));
  const Booking reversal = reversal_of(original, day(2024, 1, 30));
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-3", {original, reversal})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-3").is_ok());
  const ReadFile file = read_extf(target_ / "EXTF_Buchungsstapel_202401_b-3.csv");
  ASSERT_EQ(file.record_count(), 2U);
  const std::vector<std::string>& storno = file.record(2);
  // The same record as the payment's, marked: DATEV books it with negative amounts.
  EXPECT_EQ(at(storno, kUmsatz), "119,00");
  EXPECT_EQ(at(storno, kSollHaben), "\"H\"");
  EXPECT_EQ(at(storno, kKonto), "10001");
  EXPECT_EQ(at(storno, kGegenkonto), "1200");
  EXPECT_EQ(at(storno, kBelegdatum), "3001");
  EXPECT_EQ(unquoted(at(storno, kBuchungstext)), "Storno Zahlung RE2024-0001");
  EXPECT_EQ(at(storno, kGeneralumkehr), "\"1\"");
  EXPECT_EQ(at(file.record(1), kGeneralumkehr), "\"\"");
}

TEST_F(DatevExporterTest, ABatchOverTwoMonthsGivesOneFilePerMonthWithItsPeriod) {
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy()
                  .stage(batch_of("b-4", {payment(1, day(2024, 2, 29), "R-1"),
                                          payment(2, day(2024, 1, 2), "R-2"),
                                          payment(3, day(2024, 2, 1), "R-3")}))
                  .is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-4").is_ok());
  EXPECT_EQ(published(), (std::vector<std::string>{"EXTF_Buchungsstapel_202401_b-4.csv",
                                                   "EXTF_Buchungsstapel_202402_b-4.csv"}));
  const ReadFile january = read_extf(target_ / "EXTF_Buchungsstapel_202401_b-4.csv");
  EXPECT_EQ(at(january.header(), kHeaderFrom), "20240101");
  EXPECT_EQ(at(january.header(), kHeaderTo), "20240131");
  ASSERT_EQ(january.record_count(), 1U);
  EXPECT_EQ(at(january.record(1), kBelegdatum), "0201");

  const ReadFile february = read_extf(target_ / "EXTF_Buchungsstapel_202402_b-4.csv");
  EXPECT_EQ(at(february.header(), kHeaderFrom), "20240201");
  EXPECT_EQ(at(february.header(), kHeaderTo), "20240229");
  EXPECT_EQ(unquoted(at(february.header(), kHeaderLabel)), "Kontor 02/2024");
  ASSERT_EQ(february.record_count(), 2U);
  for (std::size_t n = 1; n <= february.record_count(); ++n) {
    EXPECT_THAT(at(february.record(n), kBelegdatum), ::testing::EndsWith("02"));
  }
  EXPECT_EQ(at(february.record(1), kBelegdatum), "2902");  // the batch's order kept
}

TEST_F(DatevExporterTest, ABatchOverNewYearGivesTwoFilesInTwoFiscalYears) {
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy()
                  .stage(batch_of("b-5", {payment(1, day(2024, 12, 31), "R-1"),
                                          payment(2, day(2025, 1, 1), "R-2")}))
                  .is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-5").is_ok());
  EXPECT_EQ(published(), (std::vector<std::string>{"EXTF_Buchungsstapel_202412_b-5.csv",
                                                   "EXTF_Buchungsstapel_202501_b-5.csv"}));
  const ReadFile december = read_extf(target_ / "EXTF_Buchungsstapel_202412_b-5.csv");
  EXPECT_EQ(at(december.header(), kHeaderFiscalYear), "20240101");
  EXPECT_EQ(at(december.header(), kHeaderFrom), "20241201");
  EXPECT_EQ(at(december.header(), kHeaderTo), "20241231");
  const ReadFile january = read_extf(target_ / "EXTF_Buchungsstapel_202501_b-5.csv");
  EXPECT_EQ(at(january.header(), kHeaderFiscalYear), "20250101");
  EXPECT_EQ(at(january.header(), kHeaderFrom), "20250101");
  EXPECT_EQ(at(january.header(), kHeaderTo), "20250131");
}

TEST_F(DatevExporterTest, AFiscalYearStartingMidMonthGivesThatMonthTwoFiles) {
  host_.set("fiscal_year_start", "07-15");
  auto exporter = create();
  ASSERT_TRUE(exporter);
  ASSERT_TRUE(exporter->proxy()
                  .stage(batch_of("b-6", {payment(1, day(2024, 7, 14), "R-1"),
                                          payment(2, day(2024, 7, 15), "R-2")}))
                  .is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-6").is_ok());
  EXPECT_EQ(published(), (std::vector<std::string>{"EXTF_Buchungsstapel_20240715_b-6.csv",
                                                   "EXTF_Buchungsstapel_202407_b-6.csv"}));
  const ReadFile old_year = read_extf(target_ / "EXTF_Buchungsstapel_202407_b-6.csv");
  EXPECT_EQ(at(old_year.header(), kHeaderFiscalYear), "20230715");
  EXPECT_EQ(at(old_year.header(), kHeaderFrom), "20240701");
  EXPECT_EQ(at(old_year.header(), kHeaderTo), "20240714");
  const ReadFile new_year = read_extf(target_ / "EXTF_Buchungsstapel_20240715_b-6.csv");
  EXPECT_EQ(at(new_year.header(), kHeaderFiscalYear), "20240715");
  EXPECT_EQ(at(new_year.header(), kHeaderFrom), "20240715");
  EXPECT_EQ(at(new_year.header(), kHeaderTo), "20240731");
}

TEST_F(DatevExporterTest, AMonthOfMoreThan99999RecordsGetsASecondFile) {
  std::vector<Booking> bookings;
  bookings.reserve(100'001);
  for (std::int64_t id = 1; id <= 100'001; ++id) {
    bookings.push_back(payment(id, day(2024, 3, 1 + static_cast<int>(id % 31)), "R-1"));
  }
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-big", std::move(bookings))).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-big").is_ok());
  EXPECT_EQ(published(), (std::vector<std::string>{"EXTF_Buchungsstapel_202403-2_b-big.csv",
                                                   "EXTF_Buchungsstapel_202403_b-big.csv"}));
  const ReadFile first = read_extf(target_ / "EXTF_Buchungsstapel_202403_b-big.csv");
  const ReadFile second = read_extf(target_ / "EXTF_Buchungsstapel_202403-2_b-big.csv");
  EXPECT_EQ(first.record_count(), 99'999U);
  EXPECT_EQ(second.record_count(), 2U);
  EXPECT_EQ(at(second.header(), kHeaderFrom), "20240301");
  EXPECT_EQ(at(second.header(), kHeaderTo), "20240331");
}

TEST_F(DatevExporterTest, PublishingTwiceWritesNothingTheSecondTime) {
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-7", {payment(1, day(2024, 1, 25))})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-7").is_ok());
  const fs::path file = target_ / "EXTF_Buchungsstapel_202401_b-7.csv";
  const std::string bytes = read_file(file);
  const auto modified = fs::last_write_time(file);

  host_.now_utc_us += 3600 * kSecond;
  const sdk::Status again = exporter->proxy().publish("b-7");
  EXPECT_TRUE(again.is_ok()) << again.message();
  EXPECT_EQ(published(), (std::vector<std::string>{"EXTF_Buchungsstapel_202401_b-7.csv"}));
  EXPECT_EQ(read_file(file), bytes);
  EXPECT_EQ(fs::last_write_time(file), modified);
  EXPECT_THAT(host_.log_lines().back(), HasSubstr("published before"));

  // DATEV's import has taken the file: still published, still nothing written.
  fs::remove(file);
  EXPECT_TRUE(exporter->proxy().publish("b-7").is_ok());
  EXPECT_TRUE(published().empty());
}

TEST_F(DatevExporterTest, APublishedBatchIsNotStagedAgainNorDiscarded) {
  auto exporter = create();
  const sdk::ExportBatch batch = batch_of("b-8", {payment(1, day(2024, 1, 25))});
  ASSERT_TRUE(exporter->proxy().stage(batch).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-8").is_ok());
  const sdk::Status restaged = exporter->proxy().stage(batch);
  EXPECT_EQ(restaged.code(), sdk::Code::kFailed);
  EXPECT_THAT(restaged.message(), HasSubstr("published before"));
  EXPECT_FALSE(fs::exists(staging_root_ / "b-8"));
  const sdk::Status discarded = exporter->proxy().discard("b-8");
  EXPECT_EQ(discarded.code(), sdk::Code::kFailed);
  EXPECT_EQ(published(), (std::vector<std::string>{"EXTF_Buchungsstapel_202401_b-8.csv"}));
}

TEST_F(DatevExporterTest, DiscardAfterStageLeavesNothing) {
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-9", {payment(1, day(2024, 1, 25))})).is_ok());
  const sdk::Status discarded = exporter->proxy().discard("b-9");
  ASSERT_TRUE(discarded.is_ok()) << discarded.message();
  EXPECT_TRUE(published().empty());
  EXPECT_TRUE(file_names_in(staging_root_).empty());
  EXPECT_TRUE(exporter->proxy().discard("b-9").is_ok());  // nothing there: fine
  EXPECT_EQ(exporter->proxy().publish("b-9").code(), sdk::Code::kFailed);
  EXPECT_TRUE(published().empty());
}

TEST_F(DatevExporterTest, PublishingABatchNeverStagedIsAnError) {
  auto exporter = create();
  const sdk::Status status = exporter->proxy().publish("b-unknown");
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("never staged"));
  EXPECT_TRUE(published().empty());
}

TEST_F(DatevExporterTest, StagingAgainReplacesWhatWasStaged) {
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy()
                  .stage(batch_of("b-10", {payment(1, day(2024, 1, 25), "R-1"),
                                           payment(2, day(2024, 2, 25), "R-2")}))
                  .is_ok());
  ASSERT_TRUE(
      exporter->proxy().stage(batch_of("b-10", {payment(3, day(2024, 3, 5), "R-3")})).is_ok());
  EXPECT_EQ(file_names_in(staging_root_),
            (std::vector<std::string>{"b-10"}));  // no partial folder left
  ASSERT_TRUE(exporter->proxy().publish("b-10").is_ok());
  EXPECT_EQ(published(), (std::vector<std::string>{"EXTF_Buchungsstapel_202403_b-10.csv"}));
}

TEST_F(DatevExporterTest, AnInterruptedPublishIsFinishedAndCannotBeUndone) {
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy()
                  .stage(batch_of("b-11", {payment(1, day(2024, 1, 25), "R-1"),
                                           payment(2, day(2024, 2, 25), "R-2")}))
                  .is_ok());
  // kontord stopped after the first rename.
  fs::rename(staging_root_ / "b-11" / "EXTF_Buchungsstapel_202401_b-11.csv",
             target_ / "EXTF_Buchungsstapel_202401_b-11.csv");
  EXPECT_EQ(exporter->proxy().discard("b-11").code(), sdk::Code::kFailed);
  EXPECT_EQ(exporter->proxy().stage(batch_of("b-11", {payment(1, day(2024, 1, 25), "R-1")})).code(),
            sdk::Code::kFailed);
  const std::string january = read_file(target_ / "EXTF_Buchungsstapel_202401_b-11.csv");

  const sdk::Status status = exporter->proxy().publish("b-11");
  ASSERT_TRUE(status.is_ok()) << status.message();
  EXPECT_EQ(published(), (std::vector<std::string>{"EXTF_Buchungsstapel_202401_b-11.csv",
                                                   "EXTF_Buchungsstapel_202402_b-11.csv"}));
  EXPECT_EQ(read_file(target_ / "EXTF_Buchungsstapel_202401_b-11.csv"), january);
  EXPECT_EQ(file_names_in(staging_root_), (std::vector<std::string>{"b-11.published"}));
}

TEST_F(DatevExporterTest, APublishedFileWithOtherContentIsNotReplaced) {
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-12", {payment(1, day(2024, 1, 25))})).is_ok());
  dir_.write("datev/EXTF_Buchungsstapel_202401_b-12.csv", "someone else's");
  const sdk::Status status = exporter->proxy().publish("b-12");
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("not replaced"));
  EXPECT_EQ(read_file(target_ / "EXTF_Buchungsstapel_202401_b-12.csv"), "someone else's");
}

TEST_F(DatevExporterTest, BookingsTheFormatRefusesStageNothingAndAreEachNamed) {
  Booking blank_number = payment(77, day(2024, 1, 25), "RE 2024");
  Booking keyed_automatic = payment(78, day(2024, 1, 26), "R-78");
  keyed_automatic.lines[1] = line("8400", BookingSide::debit, 11900, "3");
  auto exporter = create();
  const sdk::Status status = exporter->proxy().stage(
      batch_of("b-13", {payment(1, day(2024, 1, 2), "R-1"), blank_number, keyed_automatic}));
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("2 problems"));
  EXPECT_THAT(status.message(), HasSubstr("booking 77, line 1: field 11 (Belegfeld 1)"));
  EXPECT_THAT(status.message(), HasSubstr("booking 78, line 1: field 9"));
  EXPECT_THAT(status.message(), Not(HasSubstr("booking 1,")));
  EXPECT_TRUE(file_names_in(target_).empty());
}

TEST_F(DatevExporterTest, AnUnbalancedBookingIsNamedAndNothingStaged) {
  Booking unbalanced = payment(5, day(2024, 1, 25));
  unbalanced.lines[1].amount = euros(11800);
  auto exporter = create();
  const sdk::Status status = exporter->proxy().stage(batch_of("b-14", {unbalanced}));
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("booking 5"));
  EXPECT_THAT(status.message(), HasSubstr("does not balance"));
  EXPECT_TRUE(file_names_in(target_).empty());
}

TEST_F(DatevExporterTest, BatchIdsThatDifferOnlyInOtherCharactersGetTheirOwnFiles) {
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch_of("2024/01", {payment(1, day(2024, 1, 2))})).is_ok());
  ASSERT_TRUE(exporter->proxy().stage(batch_of("2024_01", {payment(2, day(2024, 1, 3))})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("2024/01").is_ok());
  ASSERT_TRUE(exporter->proxy().publish("2024_01").is_ok());
  const std::vector<std::string> names = published();
  ASSERT_EQ(names.size(), 2U);
  EXPECT_THAT(names, ::testing::Contains("EXTF_Buchungsstapel_202401_2024_01.csv"));
  EXPECT_EQ(planned_file_name(day(2024, 1, 1), 1, "2024/01"),
            "EXTF_Buchungsstapel_202401_" + batch_file_part("2024/01") + ".csv");
  EXPECT_THAT(batch_file_part("2024/01"), ::testing::StartsWith("2024_01-"));
  EXPECT_EQ(batch_file_part("2024/01").size(), 24U);  // 7 + '-' + 16 hex digits
}

TEST_F(DatevExporterTest, FileNamesAreTheFormatWritersForAWholeMonth) {
  EXPECT_EQ(planned_file_name(day(2024, 3, 1), 1, "b-1"),
            booking_file_name(day(2024, 3, 1), "b-1"));
  EXPECT_EQ(planned_file_name(day(2024, 3, 1), 2, "b-1"), "EXTF_Buchungsstapel_202403-2_b-1.csv");
  EXPECT_EQ(planned_file_name(day(2024, 7, 15), 1, "b-1"), "EXTF_Buchungsstapel_20240715_b-1.csv");
}

TEST_F(DatevExporterTest, LockFormatVersionAndLabelComeFromTheConfiguration) {
  host_.set("lock", "true");
  host_.set("format_version", "12");
  host_.set("label", "Zahlungen");
  auto exporter = create();
  ASSERT_TRUE(exporter);
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-15", {payment(1, day(2024, 5, 2))})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-15").is_ok());
  const ReadFile file = read_extf(target_ / "EXTF_Buchungsstapel_202405_b-15.csv");
  EXPECT_EQ(at(file.header(), 5), "12");
  EXPECT_EQ(at(file.header(), kHeaderLocked), "1");
  EXPECT_EQ(unquoted(at(file.header(), kHeaderLabel)), "Zahlungen 05/2024");
  EXPECT_EQ(file.record(1).size(), 124U);
  EXPECT_EQ(at(file.record(1), kFestschreibung), "1");
}

TEST_F(DatevExporterTest, TheSkr04PresetKnowsItsOwnAutomaticAccounts) {
  host_.set("chart", "04");
  auto exporter = create();
  Booking keyed = payment(9, day(2024, 1, 26), "R-9");
  keyed.lines[1] = line("4400", BookingSide::debit, 11900, "3");
  const sdk::Status status = exporter->proxy().stage(batch_of("b-16", {keyed}));
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("automatic account 4400"));

  host_.set_list("automatic_accounts", {"8000"});
  auto listed = create();
  Booking on_8000 = payment(10, day(2024, 1, 26), "R-10");
  on_8000.lines[1] = line("8000", BookingSide::debit, 11900, "3");
  EXPECT_EQ(listed->proxy().stage(batch_of("b-17", {on_8000})).code(), sdk::Code::kFailed);
  EXPECT_TRUE(listed->proxy().stage(batch_of("b-18", {keyed})).is_ok());
}

TEST_F(DatevExporterTest, AChangedTextIsStagedAndLogged) {
  Booking long_text = payment(11, day(2024, 1, 26), "R-11");
  long_text.text = std::string(70, 'x');
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-19", {long_text})).is_ok());
  bool logged = false;
  for (const std::string& logged_line : host_.log_lines()) {
    logged = logged || logged_line.find("booking 11, line 1") != std::string::npos;
  }
  EXPECT_TRUE(logged);
}

TEST_F(DatevExporterTest, AnEmptyBatchOrOneWithoutIdIsRefused) {
  auto exporter = create();
  EXPECT_EQ(exporter->proxy().stage(batch_of("b-20", {})).code(), sdk::Code::kFailed);
  EXPECT_EQ(exporter->proxy().stage(batch_of("", {payment(1, day(2024, 1, 2))})).code(),
            sdk::Code::kFailed);
  EXPECT_EQ(exporter->proxy().publish("").code(), sdk::Code::kFailed);
  EXPECT_TRUE(file_names_in(target_).empty());
}

// --- Sachverhalt, Fälligkeit and the batch's debtors (ABI 1.1) ---------------------------------

TEST_F(DatevExporterTest, FeesAndInterestAreSachverhalt40And31AndFallDue) {
  auto exporter = create();
  const sdk::Status staged = exporter->proxy().stage(batch_of(
      "b-30", {charge(1, BookingFacts::dunning_fee, "M-1-G1"),
               charge(2, BookingFacts::dunning_interest, "M-1-Z1"), payment(3, day(2024, 1, 29))}));
  ASSERT_TRUE(staged.is_ok()) << staged.message();
  ASSERT_TRUE(exporter->proxy().publish("b-30").is_ok());
  const ReadFile file = read_extf(target_ / "EXTF_Buchungsstapel_202401_b-30.csv");
  ASSERT_EQ(file.record_count(), 3U);
  EXPECT_EQ(at(file.record(1), kSachverhalt), "40");
  EXPECT_EQ(at(file.record(1), kFaelligkeit), "09022024");
  EXPECT_EQ(at(file.record(1), kGegenkonto), "8600");
  EXPECT_EQ(at(file.record(2), kSachverhalt), "31");
  EXPECT_EQ(at(file.record(2), kFaelligkeit), "09022024");
  // A payment settles an item and is none itself.
  EXPECT_EQ(at(file.record(3), kSachverhalt), "");
  EXPECT_EQ(at(file.record(3), kFaelligkeit), "");
}

TEST_F(DatevExporterTest, OnACollectiveSachkontoTheOpenItemFieldsAreLeftOut) {
  Booking fee = charge(1, BookingFacts::dunning_fee, "M-1-G1");
  fee.lines[0].account = "1400";
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-31", {fee})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-31").is_ok());
  const ReadFile file = read_extf(target_ / "EXTF_Buchungsstapel_202401_b-31.csv");
  EXPECT_EQ(at(file.record(1), kKonto), "1400");
  EXPECT_EQ(at(file.record(1), kSachverhalt), "");
  EXPECT_EQ(at(file.record(1), kFaelligkeit), "");
}

TEST_F(DatevExporterTest, TheBatchsDebtorsAreOneDebitorenFileStagedAndPublishedWithTheBookings) {
  sdk::ExportBatch batch = batch_of("b-32", {payment(1, day(2024, 1, 25))});
  batch.debtors = {
      {.account = "10001",
       .customer = customer("K-1", "Bäckerei Schmitz GmbH", CustomerKind::business)},
      {.account = "10002", .customer = customer("K-2", "Anna Krüger", CustomerKind::consumer)}};
  auto exporter = create();
  const sdk::Status staged = exporter->proxy().stage(batch);
  ASSERT_TRUE(staged.is_ok()) << staged.message();
  EXPECT_EQ(file_names_in(staging_root_ / "b-32"),
            (std::vector<std::string>{"EXTF_Buchungsstapel_202401_b-32.csv",
                                      "EXTF_DebKred_Stamm_b-32.csv", "kontor-batch.txt"}));
  EXPECT_EQ(published(), std::vector<std::string>{});
  // Master data is published first, so that an import taking files as they come knows the
  // debtors before their bookings.
  const std::string manifest = read_file(staging_root_ / "b-32" / "kontor-batch.txt");
  EXPECT_LT(manifest.find("EXTF_DebKred_Stamm_b-32.csv"),
            manifest.find("EXTF_Buchungsstapel_202401_b-32.csv"));

  ASSERT_TRUE(exporter->proxy().publish("b-32").is_ok());
  EXPECT_EQ(published(), (std::vector<std::string>{"EXTF_Buchungsstapel_202401_b-32.csv",
                                                   "EXTF_DebKred_Stamm_b-32.csv"}));
  const ReadFile file = read_extf(target_ / "EXTF_DebKred_Stamm_b-32.csv");
  const std::vector<std::string>& header = file.header();
  EXPECT_EQ(header.size(), 31U);
  EXPECT_EQ(at(header, 3), "16");
  EXPECT_EQ(at(header, 4), "\"Debitoren/Kreditoren\"");
  EXPECT_EQ(at(header, 5), "5");
  EXPECT_EQ(at(header, kHeaderCreated), "20260128093000123");
  EXPECT_EQ(at(header, 11), "29098");
  EXPECT_EQ(at(header, 12), "55003");
  EXPECT_EQ(at(header, kHeaderFiscalYear), "20240101");
  EXPECT_EQ(at(header, 14), "4");
  EXPECT_EQ(at(header, kHeaderFrom), "");
  EXPECT_EQ(unquoted(at(header, kHeaderLabel)), "Kontor");
  EXPECT_EQ(at(header, 27), "\"03\"");

  ASSERT_EQ(file.record_count(), 2U);
  const std::vector<std::string>& business = file.record(1);
  EXPECT_EQ(business.size(), 254U);
  EXPECT_EQ(at(business, 1), "10001");
  EXPECT_EQ(at(business, 2),
            "\"B\xE4"
            "ckerei Schmitz GmbH\"");  // Windows-1252
  EXPECT_EQ(at(business, 6), "\"\"");
  EXPECT_EQ(at(business, 7), "\"2\"");  // Unternehmen
  EXPECT_EQ(unquoted(at(business, 16)), "Lindenallee 3");
  EXPECT_EQ(unquoted(at(business, 18)), "53111");
  EXPECT_EQ(unquoted(at(business, 19)), "Bonn");
  EXPECT_EQ(unquoted(at(business, 20)), "DE");
  EXPECT_EQ(unquoted(at(business, 33)), "buchhaltung@example.de");
  EXPECT_EQ(unquoted(at(business, 45)), "DE89370400440532013000");
  EXPECT_EQ(at(business, 49), "\"1\"");  // the main bank
  EXPECT_EQ(unquoted(at(business, 99)), "K-1");
  EXPECT_EQ(at(business, 101), "\"1\"");  // Deutsch
  const std::vector<std::string>& consumer = file.record(2);
  EXPECT_EQ(at(consumer, 1), "10002");
  EXPECT_EQ(at(consumer, 2), "\"\"");
  EXPECT_EQ(at(consumer, 4), "\"\"");
  EXPECT_EQ(at(consumer, 5), "\"\"");
  EXPECT_EQ(at(consumer, 6), "\"Anna Kr\xFCger\"");  // the whole name, keine Angabe
  EXPECT_EQ(at(consumer, 7), "\"0\"");
}

TEST_F(DatevExporterTest, DebtorsFalseWritesNoMasterData) {
  host_.set("debtors", "false");
  sdk::ExportBatch batch = batch_of("b-33", {payment(1, day(2024, 1, 25))});
  batch.debtors = {
      {.account = "10001", .customer = customer("K-1", "Schmitz GmbH", CustomerKind::business)}};
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-33").is_ok());
  EXPECT_EQ(published(), (std::vector<std::string>{"EXTF_Buchungsstapel_202401_b-33.csv"}));
}

TEST_F(DatevExporterTest, ABatchWithoutDebtorsOrOnlySachkontenHasNoDebitorenFile) {
  sdk::ExportBatch on_ledger = batch_of("b-34", {payment(1, day(2024, 1, 25))});
  on_ledger.debtors = {
      {.account = "1400", .customer = customer("K-1", "Schmitz GmbH", CustomerKind::business)}};
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(on_ledger).is_ok());
  ASSERT_TRUE(exporter->proxy().stage(batch_of("b-35", {payment(2, day(2024, 1, 26))})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-34").is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-35").is_ok());
  EXPECT_EQ(published(), (std::vector<std::string>{"EXTF_Buchungsstapel_202401_b-34.csv",
                                                   "EXTF_Buchungsstapel_202401_b-35.csv"}));
  bool told = false;
  for (const std::string& logged : host_.log_lines()) {
    told = told || logged.find("account 1400: a Sachkonto") != std::string::npos;
  }
  EXPECT_TRUE(told);
}

TEST_F(DatevExporterTest, TheDebitorenFileIsInTheFiscalYearOfTheLatestBookings) {
  sdk::ExportBatch batch =
      batch_of("b-36", {payment(1, day(2023, 12, 28)), payment(2, day(2024, 1, 3))});
  batch.debtors = {
      {.account = "10001", .customer = customer("K-1", "Schmitz GmbH", CustomerKind::business)}};
  auto exporter = create();
  ASSERT_TRUE(exporter->proxy().stage(batch).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("b-36").is_ok());
  EXPECT_EQ(at(read_extf(target_ / "EXTF_DebKred_Stamm_b-36.csv").header(), kHeaderFiscalYear),
            "20240101");
}

TEST_F(DatevExporterTest, ADebtorDatevWouldRefuseStagesNothingAndIsNamed) {
  Customer long_postcode = customer("K-1", "Schmitz GmbH", CustomerKind::business);
  long_postcode.address.postcode = "12345-678901";
  sdk::ExportBatch batch = batch_of("b-37", {payment(1, day(2024, 1, 25))});
  batch.debtors = {
      {.account = "10001", .customer = long_postcode},
      {.account = "70001", .customer = customer("K-2", "Lieferant GmbH", CustomerKind::business)}};
  auto exporter = create();
  const sdk::Status status = exporter->proxy().stage(batch);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("2 problems"));
  EXPECT_THAT(status.message(), HasSubstr("debtor 10001 (customer K-1): field 18"));
  EXPECT_THAT(status.message(), HasSubstr("debtor 70001 (customer K-2): field 1"));
  EXPECT_TRUE(file_names_in(target_).empty());
}

TEST_F(DatevExporterTest, DebitorenFileNamesCarryTheBatchLikeTheBookingFiles) {
  EXPECT_EQ(planned_debtor_file_name("b-1"), debtor_file_name("b-1"));
  EXPECT_EQ(planned_debtor_file_name("2024/01"),
            "EXTF_DebKred_Stamm_" + batch_file_part("2024/01") + ".csv");
}

// Elements of an older host's arrays lie at its own, smaller stride.
template <typename T>
std::vector<std::uint8_t> packed_as_older(const std::vector<T>& items, std::size_t old_size) {
  std::vector<std::uint8_t> bytes(items.size() * old_size);
  for (std::size_t i = 0; i < items.size(); ++i) {
    T item = items[i];
    item.struct_size = static_cast<std::uint32_t>(old_size);
    std::memcpy(bytes.data() + i * old_size, &item, old_size);
  }
  return bytes;
}

// A host built before ABI 1.1 sends smaller structs: no facts, no due dates, no debtors.
TEST_F(DatevExporterTest, ABatchFromAHostBeforeAbi1_1IsStagedWithoutOpenItemFieldsOrMasterData) {
  sdk::ExportBatch batch = batch_of("b-38", {charge(1, BookingFacts::dunning_fee, "M-1-G1")});
  batch.debtors = {
      {.account = "10001", .customer = customer("K-1", "Schmitz GmbH", CustomerKind::business)}};
  sdk::CExportBatch c;
  sdk::to_c(batch, c);
  constexpr std::size_t kOldBooking = offsetof(kontor_booking, facts);
  const std::vector<std::uint8_t> bookings = packed_as_older(c.bookings, kOldBooking);
  kontor_export_batch old = c.batch;
  old.struct_size = offsetof(kontor_export_batch, debtors);
  old.bookings = reinterpret_cast<const kontor_booking*>(bookings.data());
  old.booking_size = kOldBooking;

  auto exporter = create();
  ASSERT_EQ(exporter->descriptor()->exporter->stage(exporter->instance(), &old), KONTOR_OK);
  ASSERT_TRUE(exporter->proxy().publish("b-38").is_ok());
  EXPECT_EQ(published(), (std::vector<std::string>{"EXTF_Buchungsstapel_202401_b-38.csv"}));
  const ReadFile file = read_extf(target_ / "EXTF_Buchungsstapel_202401_b-38.csv");
  ASSERT_EQ(file.record_count(), 1U);
  EXPECT_EQ(at(file.record(1), kUmsatz), "5,00");
  EXPECT_EQ(unquoted(at(file.record(1), kBelegfeld1)), "M-1-G1");
  EXPECT_EQ(at(file.record(1), kSachverhalt), "");
  EXPECT_EQ(at(file.record(1), kFaelligkeit), "");
}

TEST_F(DatevExporterTest, ARelativePathIsRefusedAtCreation) {
  host_.set("path", "datev/out");
  EXPECT_THAT(refusal(), HasSubstr("absolute"));
}

TEST_F(DatevExporterTest, AnAdvisorNumberDatevDoesNotKnowIsRefusedAtCreation) {
  host_.set("advisor_number", "999");
  EXPECT_THAT(refusal(), HasSubstr("Beraternummer"));
}

TEST_F(DatevExporterTest, OtherConfigurationDatevWouldRefuseIsRefusedAtCreation) {
  host_.set("fiscal_year_start", "02-29");
  EXPECT_THAT(refusal(), HasSubstr("fiscal_year_start"));
  host_.set("fiscal_year_start", "01-01");
  host_.set("label", "Ein viel zu langes Präfix für DATEV");
  EXPECT_THAT(refusal(), HasSubstr("Bezeichnung"));
  host_.set("label", "Kontor");
  host_.set("account_length", "5");
  EXPECT_THAT(refusal(), HasSubstr("automatic_accounts must be listed"));
  host_.set_list("automatic_accounts", {"84000", "840000"});
  EXPECT_THAT(refusal(), HasSubstr("'840000'"));
  host_.set_list("automatic_accounts", {"84000"});
  EXPECT_EQ(refusal(), "");
}

}  // namespace
}  // namespace kontor::plugins::datev
