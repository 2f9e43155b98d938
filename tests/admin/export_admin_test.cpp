// The export to the bookkeeping as an operator works it: a running kontord over its admin socket
// and kontorctl — export batches listed newest first with each target's watermark, one batch
// shown with its bookings and decimal amounts, a period recorded again as a repeat batch for the
// next export run (the watermark stays), a batch that is not published discarded (the newest
// regular one gives its bookings back), debit and credit per account over all bookings; wrong
// requests refused with a JSON error that changes nothing.
//
// The store is seeded with bookings and batches as the export engine would have recorded them
// before kontord starts; two `datev` exporter instances are configured, so the running
// exporter is asked to drop what it staged.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pwd.h>
#include <unistd.h>

#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "store/sqlite_store.hpp"
#include "support/admin_socket.hpp"
#include "support/child_process.hpp"
#include "support/running_kontord.hpp"
#include "support/store_query.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

using Answer = AdminAnswer;

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

Date day(const char* iso) {
  return *Date::parse_iso(iso);
}

BookingLine debit(const char* account, std::int64_t cents, const char* tax_key = "") {
  return BookingLine{
      .account = account, .side = BookingSide::debit, .amount = eur(cents), .tax_key = tax_key};
}

BookingLine credit(const char* account, std::int64_t cents, const char* tax_key = "") {
  return BookingLine{
      .account = account, .side = BookingSide::credit, .amount = eur(cents), .tax_key = tax_key};
}

store::StoredBooking booking(const char* date, const char* document, const char* text,
                             const char* source, const char* kind, const char* customer,
                             std::vector<BookingLine> lines) {
  store::StoredBooking stored;
  stored.booking.date = day(date);
  stored.booking.document_number = document;
  stored.booking.text = text;
  stored.booking.lines = std::move(lines);
  stored.source = source;
  stored.kind = kind;
  stored.customer_number = customer;
  return stored;
}

// #1 to #5: a payment, a dunning fee, a Skonto in November; a payment and the reversal of the
// first payment in December.
std::vector<store::StoredBooking> seeded_bookings() {
  std::vector<store::StoredBooking> bookings;
  bookings.push_back(booking("2026-11-03", "R-2026-1001", "Zahlung R-2026-1001", "allocation:1",
                             "payment", "K-10001",
                             {credit("10001", 119000), debit("1200", 119000)}));
  store::StoredBooking fee =
      booking("2026-11-10", "M-2026-000001", "Mahngebühr M-2026-000001", "item:M-2026-000001-G",
              "fee", "K-10002", {debit("10002", 500), credit("2700", 500)});
  fee.booking.facts = BookingFacts::dunning_fee;
  fee.booking.due_date = day("2026-11-24");
  bookings.push_back(fee);
  bookings.push_back(booking("2026-11-20", "R-2026-1003", "Skonto R-2026-1003", "allocation:2",
                             "skonto", "K-10003",
                             {credit("10003", 2380), debit("8736", 2380, "9")}));
  bookings.push_back(booking("2026-12-02", "R-2026-1005", "Zahlung R-2026-1005", "allocation:3",
                             "payment", "K-10004", {credit("10004", 47600), debit("1200", 47600)}));
  store::StoredBooking reversal = bookings.front();
  reversal.booking = reversal_of(bookings.front().booking, day("2026-12-05"));
  reversal.booking.text = "Storno Zahlung R-2026-1001";
  reversal.booking.reverses = 1;
  reversal.kind = "reversal";
  reversal.current = false;
  bookings.push_back(reversal);
  return bookings;
}

// Debit and credit in cents per account over `bookings`.
std::map<std::string, std::pair<std::int64_t, std::int64_t>> sums_of(
    const std::vector<store::StoredBooking>& bookings) {
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> sums;
  for (const store::StoredBooking& stored : bookings) {
    for (const BookingLine& line : stored.booking.lines) {
      auto& sum = sums[line.account];
      (line.side == BookingSide::debit ? sum.first : sum.second) += line.amount.minor_units();
    }
  }
  return sums;
}

std::int64_t cents(const nlohmann::json& amount) {
  EXPECT_TRUE(amount.is_string()) << "an amount is a decimal string: " << amount.dump();
  const auto parsed = Money::parse(amount.is_string() ? amount.get<std::string>() : "",
                                   Currency::eur(), Notation::point());
  EXPECT_TRUE(parsed.ok()) << amount.dump();
  return parsed.ok() ? parsed->minor_units() : 0;
}

std::string login() {
  const passwd* user = ::getpwuid(::geteuid());
  return user != nullptr ? user->pw_name : "unknown";
}

class ExportAdmin : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* folder : {"datev/steuerberater", "datev/archiv", "inbox"}) {
      fs::create_directories(dir_ / folder);
    }
    seed();
    const std::string datev =
        "    plugin: datev\n"
        "    advisor_number: 29098\n"
        "    chart: skr03\n";
    dir_.write(
        "kontor.yaml",
        "daemon: {state_dir: " + (dir_ / "state").string() +
            ", plugin_dir: " + (binary_dir() / "plugins").string() +
            ", admin_socket: " + socket_.string() + "}\n" + company_yaml() +
            "instances:\n"
            "  steuerberater:\n" +
            datev +
            "    client_number: 55003\n    path: " + (dir_ / "datev/steuerberater").string() +
            "\n"
            "  archiv:\n" +
            datev + "    client_number: 55004\n    path: " + (dir_ / "datev/archiv").string() +
            "\n"
            "  inbox:\n"
            "    plugin: folder-source\n"
            "    path: " +
            (dir_ / "inbox").string() +
            "\n"
            "jobs:\n"
            "  export:\n"
            "    engine: export\n"
            "    outputs: [steuerberater, archiv]\n"
            "  reconcile:\n"
            "    engine: reconcile\n"
            "export:\n"
            "  chart: skr03\n");
    daemon_ = std::make_unique<RunningKontord>(dir_ / "kontor.yaml", dir_.path());
    ASSERT_TRUE(daemon_->ready()) << daemon_->err();
  }

  // The bookings, then batches one store step each, a minute apart from a day ago (listed
  // newest first; what the running kontord records later is newer):
  //   steuerberater-000001  #1-#3  published
  //   archiv-000001         #1-#3  staged
  //   alt-000001            #1-#2  staged    (a target no longer configured)
  //   archiv-000002         #4-#5  recorded
  //   steuerberater-000002  #4-#5  recorded
  void seed() {
    fs::create_directories(dir_ / "state");
    store::SqliteOptions options;
    options.path = database().string();
    const auto day_ago = std::chrono::floor<std::chrono::minutes>(std::chrono::system_clock::now() -
                                                                  std::chrono::hours{24});
    auto minutes = std::make_shared<int>(0);
    options.clock = [day_ago, minutes] { return day_ago + std::chrono::minutes{(*minutes)++}; };
    auto store = store::SqliteStore::open(options);
    ASSERT_TRUE(store) << store.error().message;
    Status seeded = (*store)->transact("engine:export", "seed", [&](store::Transaction& tx) {
      for (const store::StoredBooking& stored : bookings_) {
        auto id = tx.record_booking(stored);
        if (!id) return Status(id.error());
      }
      auto retired = tx.retire_booking(1);
      if (!retired) return Status(retired.error());
      return Status();
    });
    ASSERT_TRUE(seeded) << seeded.error().message;
    struct Seeded {
      const char* target;
      std::vector<std::int64_t> bookings;
      std::vector<store::ExportBatchState> marks;
    };
    using enum store::ExportBatchState;
    for (const Seeded& batch :
         {Seeded{"steuerberater", {1, 2, 3}, {staged, published}},
          Seeded{"archiv", {1, 2, 3}, {staged}}, Seeded{"alt", {1, 2}, {staged}},
          Seeded{"archiv", {4, 5}, {}}, Seeded{"steuerberater", {4, 5}, {}}}) {
      seeded = (*store)->transact("engine:export", "seed", [&](store::Transaction& tx) -> Status {
        store::ExportBatchRecord wanted;
        wanted.target = batch.target;
        wanted.requested_by = "export@2026-12-06T08:00:00Z";
        auto recorded = tx.record_export_batch(wanted, batch.bookings);
        if (!recorded) return recorded.error();
        for (store::ExportBatchState state : batch.marks) {
          if (auto marked = tx.mark_export_batch(recorded->id, state, ""); !marked) {
            return marked.error();
          }
        }
        return {};
      });
      ASSERT_TRUE(seeded) << seeded.error().message;
    }
  }

  fs::path database() const { return dir_ / "state/kontor.db"; }

  Completed kontorctl(std::vector<std::string> args) {
    ChildOptions options;
    options.argv = {(binary_dir() / "daemon/kontorctl").string(), "--config",
                    (dir_ / "kontor.yaml").string()};
    options.argv.insert(options.argv.end(), args.begin(), args.end());
    options.output_dir = dir_.path() / "ctl";
    fs::create_directories(options.output_dir);
    return run_to_end(std::move(options));
  }

  nlohmann::json kontorctl_json(std::vector<std::string> args) {
    args.push_back("--json");
    const Completed done = kontorctl(args);
    EXPECT_EQ(done.status, 0) << done.err;
    return nlohmann::json::parse(done.out, nullptr, false);
  }

  std::int64_t watermark(const std::string& target) {
    return query_store<std::int64_t>(database(),
                                     [&](store::Reader& r) { return r.export_watermark(target); });
  }
  std::vector<store::ExportBatchRecord> batches_in_store() {
    return query_store<std::vector<store::ExportBatchRecord>>(
        database(), [](store::Reader& r) { return r.export_batches(store::ExportBatchQuery{}); });
  }
  std::vector<std::int64_t> bookings_of(const std::string& batch) {
    return query_store<std::vector<std::int64_t>>(
        database(), [&](store::Reader& r) -> Result<std::vector<std::int64_t>> {
          auto found = r.bookings_of_batch(batch);
          if (!found) return found.error();
          std::vector<std::int64_t> ids;
          for (const store::StoredBooking& stored : *found) ids.push_back(stored.booking.id);
          return ids;
        });
  }

  static std::vector<std::string> ids_of(const nlohmann::json& batches) {
    std::vector<std::string> ids;
    for (const auto& batch : batches) ids.push_back(batch["id"]);
    return ids;
  }

  const std::vector<store::StoredBooking> bookings_ = seeded_bookings();
  TempDir dir_;
  fs::path socket_ = dir_ / "run/admin.sock";
  std::unique_ptr<RunningKontord> daemon_;
};

TEST_F(ExportAdmin, BatchesAreListedNewestFirstWithEachTargetsWatermark) {
  const Answer all = admin_request(socket_, "GET", "/exports");
  ASSERT_EQ(all.status, 200) << all.raw_body;
  EXPECT_THAT(ids_of(all.body["batches"]),
              ElementsAre("steuerberater-000002", "archiv-000002", "alt-000001", "archiv-000001",
                          "steuerberater-000001"));
  const nlohmann::json& published = all.body["batches"][4];
  EXPECT_EQ(published["target"], "steuerberater");
  EXPECT_EQ(published["state"], "published");
  EXPECT_EQ(published["repeat"], false);
  EXPECT_EQ(published["period_from"], "2026-11-03");
  EXPECT_EQ(published["period_to"], "2026-11-20");
  EXPECT_EQ(published["booking_count"], 3);
  EXPECT_EQ(published["first_booking"], 1);
  EXPECT_EQ(published["last_booking"], 3);
  EXPECT_EQ(published["requested_by"], "export@2026-12-06T08:00:00Z");
  EXPECT_TRUE(published["detail"].is_null());
  EXPECT_TRUE(published["recorded_at"].is_string());
  EXPECT_TRUE(published["staged_at"].is_string());
  EXPECT_TRUE(published["published_at"].is_string());
  const nlohmann::json& recorded = all.body["batches"][0];
  EXPECT_EQ(recorded["state"], "recorded");
  EXPECT_TRUE(recorded["staged_at"].is_null());
  EXPECT_TRUE(recorded["published_at"].is_null());
  EXPECT_FALSE(recorded.contains("bookings")) << "lists leave the bookings out";

  // Every configured exporter and every target a listed batch went to, by name.
  const nlohmann::json& targets = all.body["targets"];
  ASSERT_EQ(targets.size(), 3u) << targets.dump();
  EXPECT_EQ(targets[0], nlohmann::json({{"target", "alt"},
                                        {"watermark", 2},
                                        {"configured", false},
                                        {"jobs", nlohmann::json::array()}}));
  EXPECT_EQ(targets[1], nlohmann::json({{"target", "archiv"},
                                        {"watermark", 5},
                                        {"configured", true},
                                        {"jobs", nlohmann::json::array({"export"})}}));
  EXPECT_EQ(targets[2]["target"], "steuerberater");
  EXPECT_EQ(targets[2]["watermark"], 5);

  const Answer archiv = admin_request(socket_, "GET", "/exports?target=archiv");
  ASSERT_EQ(archiv.status, 200);
  EXPECT_THAT(ids_of(archiv.body["batches"]), ElementsAre("archiv-000002", "archiv-000001"));
  ASSERT_EQ(archiv.body["targets"].size(), 1u);
  EXPECT_EQ(archiv.body["targets"][0]["target"], "archiv");
  const Answer two = admin_request(socket_, "GET", "/exports?limit=2");
  EXPECT_THAT(ids_of(two.body["batches"]), ElementsAre("steuerberater-000002", "archiv-000002"));
  EXPECT_TRUE(admin_request(socket_, "GET", "/exports?target=nobody").body["batches"].empty());
  for (const char* limit : {"0", "1001", "x"}) {
    const Answer bad = admin_request(socket_, "GET", std::string("/exports?limit=") + limit);
    EXPECT_EQ(bad.status, 400) << limit;
    EXPECT_EQ(message_of(bad), "limit must be a whole number from 1 to 1000");
  }

  EXPECT_EQ(kontorctl_json({"exports"}), all.body);
  EXPECT_EQ(kontorctl_json({"exports", "--target", "archiv"}), archiv.body);
  EXPECT_EQ(kontorctl_json({"exports", "--limit", "2"}), two.body);
  const Completed table = kontorctl({"exports"});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_THAT(table.out,
              AllOf(HasSubstr("steuerberater-000002"), HasSubstr("recorded"), HasSubstr("#4-#5"),
                    HasSubstr("2026-11-03 to 2026-11-20"), HasSubstr("published"),
                    HasSubstr("(no exporter instance configured)"), HasSubstr("5 shown")));
  const Completed filtered = kontorctl({"exports", "--target", "archiv"});
  ASSERT_EQ(filtered.status, 0) << filtered.err;
  EXPECT_THAT(filtered.out, AllOf(HasSubstr("archiv-000001"), Not(HasSubstr("steuerberater"))));
}

TEST_F(ExportAdmin, ABatchIsShownWithItsBookingsAndDecimalAmounts) {
  const Answer shown = admin_request(socket_, "GET", "/exports/steuerberater-000001");
  ASSERT_EQ(shown.status, 200) << shown.raw_body;
  EXPECT_EQ(shown.body["id"], "steuerberater-000001");
  EXPECT_EQ(shown.body["state"], "published");
  const nlohmann::json& bookings = shown.body["bookings"];
  ASSERT_EQ(bookings.size(), 3u) << shown.body.dump(2);
  const nlohmann::json& payment = bookings[0];
  EXPECT_EQ(payment["id"], 1);
  EXPECT_EQ(payment["date"], "2026-11-03");
  EXPECT_EQ(payment["document_number"], "R-2026-1001");
  EXPECT_EQ(payment["text"], "Zahlung R-2026-1001");
  EXPECT_EQ(payment["source"], "allocation:1");
  EXPECT_EQ(payment["kind"], "payment");
  EXPECT_EQ(payment["customer"], "K-10001");
  EXPECT_TRUE(payment["reverses"].is_null());
  EXPECT_EQ(payment["facts"], "none");
  EXPECT_TRUE(payment["due_date"].is_null());
  EXPECT_EQ(payment["current"], false) << "reversed in December";
  EXPECT_EQ(payment["exported_in"], "steuerberater-000001");
  EXPECT_EQ(payment["lines"], nlohmann::json::parse(R"([
      {"account": "10001", "side": "credit", "amount": "1190.00", "currency": "EUR", "tax_key": ""},
      {"account": "1200", "side": "debit", "amount": "1190.00", "currency": "EUR", "tax_key": ""}
    ])"));
  const nlohmann::json& fee = bookings[1];
  EXPECT_EQ(fee["facts"], "dunning_fee");
  EXPECT_EQ(fee["due_date"], "2026-11-24");
  EXPECT_EQ(fee["lines"][0]["amount"], "5.00");
  EXPECT_EQ(bookings[2]["lines"][1]["tax_key"], "9");
  EXPECT_EQ(bookings[2]["lines"][1]["amount"], "23.80");

  const Answer december = admin_request(socket_, "GET", "/exports/archiv-000002");
  ASSERT_EQ(december.status, 200);
  ASSERT_EQ(december.body["bookings"].size(), 2u);
  const nlohmann::json& reversal = december.body["bookings"][1];
  EXPECT_EQ(reversal["reverses"], 1);
  EXPECT_EQ(reversal["kind"], "reversal");
  EXPECT_EQ(reversal["lines"][0]["side"], "debit");
  EXPECT_EQ(reversal["lines"][0]["account"], "10001");

  EXPECT_EQ(kontorctl_json({"export", "show", "steuerberater-000001"}), shown.body);
  const Completed text = kontorctl({"export", "show", "archiv-000002"});
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_THAT(text.out, AllOf(HasSubstr("archiv-000002 to archiv (regular)"),
                              HasSubstr("2026-12-02 to 2026-12-05: 2 bookings, #4 to #5"),
                              HasSubstr("476.00 EUR"), HasSubstr("1190.00 EUR"),
                              HasSubstr("Storno Zahlung R-2026-1001 (reverses #1)")));

  const Answer unknown = admin_request(socket_, "GET", "/exports/steuerberater-000099");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(message_of(unknown), "no export batch steuerberater-000099");
  const Completed missing = kontorctl({"export", "show", "steuerberater-000099"});
  EXPECT_EQ(missing.status, 1);
  EXPECT_THAT(missing.err,
              HasSubstr("kontord refused (404): no export batch steuerberater-000099"));
}

TEST_F(ExportAdmin, ARepeatIsRecordedForTheNextRunAndLeavesTheWatermark) {
  const Answer repeat = admin_request(socket_, "POST", "/exports/steuerberater/repeat",
                                      R"({"from": "2026-11-01", "to": "2026-11-30"})");
  ASSERT_EQ(repeat.status, 201) << repeat.raw_body;
  EXPECT_EQ(repeat.body["id"], "steuerberater-000003");
  EXPECT_EQ(repeat.body["target"], "steuerberater");
  EXPECT_EQ(repeat.body["state"], "recorded");
  EXPECT_EQ(repeat.body["repeat"], true);
  EXPECT_EQ(repeat.body["booking_count"], 3);
  EXPECT_EQ(repeat.body["period_from"], "2026-11-03");
  EXPECT_EQ(repeat.body["period_to"], "2026-11-20");
  EXPECT_EQ(repeat.body["requested_by"], "user:" + login());
  EXPECT_EQ(repeat.body["jobs"], nlohmann::json::array({"export"}));
  EXPECT_THAT(repeat.body["next"].get<std::string>(),
              HasSubstr("the next run of export stages and publishes it"));
  EXPECT_EQ(watermark("steuerberater"), 5) << "a repeat does not move the watermark";
  EXPECT_THAT(bookings_of("steuerberater-000003"), ElementsAre(1, 2, 3));
  const Answer listed = admin_request(socket_, "GET", "/exports?target=steuerberater&limit=1");
  EXPECT_EQ(listed.body["batches"][0]["id"], "steuerberater-000003");
  EXPECT_EQ(listed.body["targets"][0]["watermark"], 5);

  // December's two bookings, which archiv had (at or below its watermark).
  const Completed again =
      kontorctl({"export", "repeat", "archiv", "--from", "2026-12-01", "--to", "2026-12-31"});
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_THAT(again.out, AllOf(HasSubstr("archiv-000003 recorded: 2 bookings dated 2026-12-02 to "
                                         "2026-12-05 again for archiv"),
                               HasSubstr("the next run of export")));
  EXPECT_EQ(watermark("archiv"), 5);

  const std::size_t batches = batches_in_store().size();
  const Answer empty = admin_request(socket_, "POST", "/exports/steuerberater/repeat",
                                     R"({"from": "2025-01-01", "to": "2025-12-31"})");
  EXPECT_EQ(empty.status, 409) << empty.raw_body;
  EXPECT_THAT(message_of(empty), HasSubstr("no bookings dated 2025-01-01 to 2025-12-31"));
  const Completed nothing = kontorctl(
      {"export", "repeat", "steuerberater", "--from", "2025-01-01", "--to", "2025-12-31"});
  EXPECT_EQ(nothing.status, 1);
  EXPECT_THAT(nothing.err, HasSubstr("kontord refused (409)"));
  EXPECT_EQ(batches_in_store().size(), batches) << "nothing recorded";
}

TEST_F(ExportAdmin, BadRepeatsAreRefusedAndChangeNothing) {
  const std::size_t batches = batches_in_store().size();
  for (const auto& [body, message] : std::vector<std::pair<std::string, std::string>>{
           {R"({"from": "2026-13-01", "to": "2026-11-30"})", "from '2026-13-01' is no date"},
           {R"({"from": "01.11.2026", "to": "2026-11-30"})", "from '01.11.2026' is no date"},
           {R"({"from": "2026-11-01"})", "a repeat needs \"to\""},
           {R"({"from": "2026-11-01", "to": 20261130})", "to must be a string"},
           {R"({"from": "2026-11-30", "to": "2026-11-01"})",
            "the period 2026-11-30 to 2026-11-01 ends before it begins"},
           {R"({"from": "2026-11-01", "to": "2026-11-30", "until": "x"})", "unknown field 'until'"},
           {"[]", "the body must be a JSON object"}}) {
    SCOPED_TRACE(body);
    const Answer refused = admin_request(socket_, "POST", "/exports/steuerberater/repeat", body);
    EXPECT_EQ(refused.status, 400) << refused.raw_body;
    EXPECT_THAT(message_of(refused), HasSubstr(message));
  }
  // Not an exporter of the running configuration: unknown, no longer configured, another role.
  for (const char* target : {"nobody", "alt", "inbox"}) {
    SCOPED_TRACE(target);
    const Answer refused = admin_request(socket_, "POST", fmt::format("/exports/{}/repeat", target),
                                         R"({"from": "2026-11-01", "to": "2026-11-30"})");
    EXPECT_EQ(refused.status, 400) << refused.raw_body;
    EXPECT_EQ(message_of(refused),
              fmt::format("'{}' is no exporter instance of the running configuration (exporters: "
                          "steuerberater, archiv)",
                          target));
  }
  const Completed bad_day = kontorctl(
      {"export", "repeat", "steuerberater", "--from", "2026-11-31", "--to", "2026-12-01"});
  EXPECT_EQ(bad_day.status, 1);
  EXPECT_THAT(bad_day.err, HasSubstr("kontord refused (400): from '2026-11-31' is no date"));
  EXPECT_EQ(kontorctl({"export", "repeat", "steuerberater", "--from", "2026-11-01"}).status, 2)
      << "--to is required";
  EXPECT_EQ(batches_in_store().size(), batches);
  EXPECT_EQ(watermark("steuerberater"), 5);
}

TEST_F(ExportAdmin, OnlyTheNewestUnpublishedBatchGivesItsBookingsBack) {
  const Answer published = admin_request(socket_, "POST", "/exports/steuerberater-000001/discard");
  EXPECT_EQ(published.status, 409) << published.raw_body;
  EXPECT_THAT(message_of(published), HasSubstr("export batch steuerberater-000001 was published"));
  const Completed refused = kontorctl({"export", "discard", "steuerberater-000001"});
  EXPECT_EQ(refused.status, 1);
  EXPECT_THAT(refused.err, HasSubstr("kontord refused (409): export batch steuerberater-000001 "
                                     "was published"));
  const Answer older = admin_request(socket_, "POST", "/exports/archiv-000001/discard");
  EXPECT_EQ(older.status, 409) << older.raw_body;
  EXPECT_EQ(message_of(older),
            "export batch archiv-000001 is not the newest of target archiv; discard the later "
            "ones first");
  const Answer unknown = admin_request(socket_, "POST", "/exports/archiv-000099/discard");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(message_of(unknown), "no export batch archiv-000099");
  EXPECT_EQ(watermark("archiv"), 5);

  // The newest recorded batch: its bookings go out again with the next batch.
  const Answer newest = admin_request(socket_, "POST", "/exports/steuerberater-000002/discard");
  ASSERT_EQ(newest.status, 200) << newest.raw_body;
  EXPECT_EQ(newest.body["state"], "discarded");
  EXPECT_EQ(newest.body["change"], "discarded");
  EXPECT_EQ(newest.body["watermark"], 3);
  EXPECT_EQ(newest.body["exporter_told"], true);
  EXPECT_EQ(newest.body["detail"], "discarded by user:" + login());
  EXPECT_EQ(watermark("steuerberater"), 3);
  const Answer twice = admin_request(socket_, "POST", "/exports/steuerberater-000002/discard");
  ASSERT_EQ(twice.status, 200);
  EXPECT_EQ(twice.body["change"], "unchanged");

  // Newest first, batch by batch: the staged one follows once the later one is gone.
  const Completed later = kontorctl({"export", "discard", "archiv-000002"});
  ASSERT_EQ(later.status, 0) << later.err;
  EXPECT_THAT(later.out, HasSubstr("archiv-000002 discarded: archiv has bookings up to #3 now"));
  const Completed staged = kontorctl({"export", "discard", "archiv-000001"});
  ASSERT_EQ(staged.status, 0) << staged.err;
  EXPECT_EQ(watermark("archiv"), 0);

  // A target no longer configured: the batch is only marked, and the operator told so.
  const Completed gone = kontorctl({"export", "discard", "alt-000001"});
  ASSERT_EQ(gone.status, 0) << gone.err;
  EXPECT_THAT(gone.out, HasSubstr("no running exporter alt was told"));
  EXPECT_EQ(watermark("alt"), 0);
  std::map<std::string, store::ExportBatchState> states;
  for (const store::ExportBatchRecord& batch : batches_in_store()) states[batch.id] = batch.state;
  EXPECT_EQ(states, (std::map<std::string, store::ExportBatchState>{
                        {"alt-000001", store::ExportBatchState::discarded},
                        {"archiv-000001", store::ExportBatchState::discarded},
                        {"archiv-000002", store::ExportBatchState::discarded},
                        {"steuerberater-000001", store::ExportBatchState::published},
                        {"steuerberater-000002", store::ExportBatchState::discarded}}));
}

TEST_F(ExportAdmin, ARecordedRepeatCanBeDiscardedWithoutTouchingTheWatermark) {
  const Answer repeat = admin_request(socket_, "POST", "/exports/steuerberater/repeat",
                                      R"({"from": "2026-11-01", "to": "2026-12-31"})");
  ASSERT_EQ(repeat.status, 201) << repeat.raw_body;
  const std::string id = repeat.body["id"];
  const Completed dropped = kontorctl({"export", "discard", id});
  ASSERT_EQ(dropped.status, 0) << dropped.err;
  EXPECT_THAT(dropped.out, HasSubstr(id + " (a repeat) discarded"));
  EXPECT_EQ(watermark("steuerberater"), 5);
}

TEST_F(ExportAdmin, TotalsAreDebitAndCreditPerAccountOverAllBookings) {
  const Answer totals = admin_request(socket_, "GET", "/bookings/totals");
  ASSERT_EQ(totals.status, 200) << totals.raw_body;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> answered;
  for (const nlohmann::json& account : totals.body) {
    EXPECT_EQ(account["currency"], "EUR");
    answered[account["account"]] = {cents(account["debit"]), cents(account["credit"])};
    EXPECT_EQ(cents(account["balance"]), cents(account["debit"]) - cents(account["credit"]));
  }
  EXPECT_EQ(answered, sums_of(bookings_));
  EXPECT_EQ(answered.at("1200"), std::make_pair(std::int64_t{166600}, std::int64_t{119000}));
  EXPECT_EQ(answered.at("10001"), std::make_pair(std::int64_t{119000}, std::int64_t{119000}));

  EXPECT_EQ(kontorctl_json({"bookings", "totals"}), totals.body);
  const Completed table = kontorctl({"bookings", "totals"});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_THAT(table.out, AllOf(HasSubstr("1666.00 EUR"), HasSubstr("476.00 EUR"),
                               HasSubstr("EUR: debits 2884.80 = credits 2884.80")));
}

TEST_F(ExportAdmin, KontorctlRunsShowsWhatARunCounted) {
  const Completed started = kontorctl({"run", "reconcile"});
  ASSERT_EQ(started.status, 0) << started.err;
  // The run is short; poll its record (bounded), never sleep-and-hope.
  std::string outcome;
  for (int i = 0; i < 300 && outcome != "succeeded"; ++i) {
    const nlohmann::json runs = kontorctl_json({"runs", "reconcile"});
    if (!runs.empty()) outcome = runs[0]["outcome"];
    if (outcome != "succeeded") ::usleep(20'000);
  }
  ASSERT_EQ(outcome, "succeeded");
  const Completed runs = kontorctl({"runs", "reconcile"});
  ASSERT_EQ(runs.status, 0) << runs.err;
  EXPECT_THAT(runs.out, AllOf(HasSubstr("transactions_considered 0"), HasSubstr("posted 0")));
}

}  // namespace
}  // namespace kontor::testing
