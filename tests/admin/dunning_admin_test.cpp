// Dunning as an operator works it: a running kontord over its admin socket and kontorctl —
// the outbox of notices (listed, shown with the text that was sent, counted per delivery state,
// a parked one released again), blocks set and lifted on customers and items with the
// operator's login recorded, and wrong requests refused with a JSON error that changes nothing.
// The store is seeded with what a dunning run would have decided before kontord starts.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <nlohmann/json.hpp>
#include <tuple>

#include "store/sqlite_store.hpp"
#include "support/admin_socket.hpp"
#include "support/child_process.hpp"
#include "support/running_kontord.hpp"
#include "support/store_query.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

using Answer = AdminAnswer;

// Bytes stored as a notice's letter (the admin API passes them on without looking inside).
const std::string kLetterPdf = std::string("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", 15) + '\0' + "end\n";

class DunningAdmin : public ::testing::Test {
 protected:
  void SetUp() override {
    seed();
    dir_.write("kontor.yaml", "daemon: {state_dir: " + (dir_ / "state").string() +
                                  ", plugin_dir: " + (binary_dir() / "plugins").string() +
                                  ", admin_socket: " + socket_.string() + "}\n" + company_yaml() +
                                  extra_yaml());
    daemon_ = std::make_unique<RunningKontord>(dir_ / "kontor.yaml", dir_.path());
    ASSERT_TRUE(daemon_->ready()) << daemon_->err();
  }

  // Instances, jobs and sections a test adds to the configuration.
  virtual std::string extra_yaml() const { return ""; }

  static store::StoredNotice reminder(const std::string& number, const std::string& item,
                                      std::int64_t open_cents) {
    store::StoredNotice stored;
    Notice& notice = stored.notice;
    notice.number = number;
    notice.customer_number = "4711";
    notice.level = 2;
    notice.items = {NoticeLine{.item_number = item, .open = eur(open_cents), .level = 2}};
    notice.fees = eur(500);
    notice.interest = eur(123);
    notice.channel = "email";
    EXPECT_TRUE(assign_references(notice));
    stored.template_name = "reminder-2";
    stored.language = "de";
    stored.notice_date = *Date::parse_iso("2026-11-28");
    stored.total = eur(open_cents + 623);
    stored.charges = {store::NoticeCharge{.item_number = item,
                                          .kind = "interest",
                                          .charge_item = number + "-Z1",
                                          .amount = eur(123),
                                          .first_day = *Date::parse_iso("2026-11-01"),
                                          .last_day = *Date::parse_iso("2026-11-28"),
                                          .detail = "28 days on 119.00 at 9.27 %"}};
    stored.recipient = "buchhaltung@muster.example";
    stored.subject = "2. Mahnung " + number;
    stored.text = "Sehr geehrte Damen und Herren,\nbitte zahlen Sie " + item + ".\n";
    stored.html = "<p>Sehr geehrte Damen und Herren</p>";
    stored.run_key = "dunning@2026-11-28T08:00:00Z";
    return stored;
  }

  // Customer 4711 with RE-1 and RE-2; three notices: one delivered, one parked (bad address),
  // one still pending. Customer 0815 has no notices.
  void seed() {
    std::filesystem::create_directories(dir_ / "state");
    store::SqliteOptions options;
    options.path = database().string();
    auto store = store::SqliteStore::open(options);
    ASSERT_TRUE(store) << store.error().message;
    const Status seeded =
        (*store)->transact("engine:dunning", "seed", [&](store::Transaction& tx) -> Status {
          for (const char* number : {"4711", "0815"}) {
            Customer customer;
            customer.number = number;
            customer.name = std::string("Kunde ") + number;
            customer.email = "buchhaltung@kunde" + std::string(number) + ".example";
            customer.address = {"Hauptstr. 1", "50667", "Köln", "DE"};
            if (auto r = tx.upsert_customer(customer); !r) return r.error();
          }
          for (const auto& [number, cents] : {std::pair{"RE-1", 11900}, std::pair{"RE-2", 5000}}) {
            OpenItem item;
            item.number = number;
            item.customer_number = "4711";
            item.due_date = *Date::parse_iso("2026-10-15");
            item.gross = eur(cents);
            item.open = item.gross;
            if (auto r = tx.upsert_open_item(item); !r) return r.error();
          }
          for (const auto& [number, item, cents] : {std::tuple{"M-2026-000001", "RE-1", 11900},
                                                    std::tuple{"M-2026-000002", "RE-2", 5000},
                                                    std::tuple{"M-2026-000003", "RE-1", 11900}}) {
            // The interest item the notice charged (the engine upserts it in the same step).
            OpenItem interest;
            interest.number = std::string(number) + "-Z1";
            interest.customer_number = "4711";
            interest.type = OpenItemType::interest;
            interest.refers_to = item;
            interest.notice_number = number;
            interest.due_date = *Date::parse_iso("2026-12-12");
            interest.gross = eur(123);
            interest.open = interest.gross;
            if (auto r = tx.upsert_open_item(interest); !r) return r.error();
            store::StoredNotice notice = reminder(number, item, cents);
            if (std::string(number) == "M-2026-000003") notice.pdf = kLetterPdf;  // attach_pdf
            if (auto r = tx.record_notice(notice); !r) return r.error();
          }
          if (auto r = tx.mark_notice_delivery("M-2026-000001", DeliveryState::delivered, ""); !r) {
            return r.error();
          }
          if (auto r = tx.mark_notice_delivery("M-2026-000002", DeliveryState::parked,
                                               "550 mailbox unknown");
              !r) {
            return r.error();
          }
          return {};
        });
    ASSERT_TRUE(seeded) << seeded.error().message;
  }

  std::filesystem::path database() const { return dir_ / "state/kontor.db"; }

  Completed kontorctl(std::vector<std::string> args) {
    ChildOptions options;
    options.argv = {(binary_dir() / "daemon/kontorctl").string(), "--config",
                    (dir_ / "kontor.yaml").string()};
    options.argv.insert(options.argv.end(), args.begin(), args.end());
    options.output_dir = dir_.path() / "ctl";
    std::filesystem::create_directories(options.output_dir);
    return run_to_end(std::move(options));
  }

  nlohmann::json kontorctl_json(std::vector<std::string> args) {
    args.push_back("--json");
    const Completed done = kontorctl(args);
    EXPECT_EQ(done.status, 0) << done.err;
    return nlohmann::json::parse(done.out, nullptr, false);
  }

  std::vector<store::ManualDunningBlock> blocks_in_store() {
    return query_store<std::vector<store::ManualDunningBlock>>(
        database(), [](store::Reader& r) { return r.manual_dunning_blocks(); });
  }

  TempDir dir_;
  std::filesystem::path socket_ = dir_ / "run/admin.sock";
  std::unique_ptr<RunningKontord> daemon_;
};

TEST_F(DunningAdmin, NoticesAreListedNewestFirstWithWhereTheirDeliveryStands) {
  const auto list = kontorctl_json({"notices"});
  ASSERT_EQ(list.size(), 3u) << list.dump();
  EXPECT_EQ(list[0]["number"], "M-2026-000003");
  EXPECT_EQ(list[0]["state"], "pending");
  const auto& parked = list[1];
  EXPECT_EQ(parked["number"], "M-2026-000002");
  EXPECT_EQ(parked["customer"], "4711");
  EXPECT_EQ(parked["level"], 2);
  EXPECT_EQ(parked["channel"], "email");
  EXPECT_EQ(parked["state"], "parked");
  EXPECT_EQ(parked["detail"], "550 mailbox unknown");
  EXPECT_EQ(parked["total"], "56.23");
  EXPECT_EQ(parked["fees"], "5.00");
  EXPECT_EQ(parked["interest"], "1.23");
  EXPECT_EQ(parked["currency"], "EUR");
  EXPECT_EQ(parked["attempts"], 1);
  EXPECT_EQ(parked["recipient"], "buchhaltung@muster.example");
  EXPECT_EQ(parked["subject"], "2. Mahnung M-2026-000002");
  EXPECT_TRUE(parked["delivered_at"].is_null());
  EXPECT_FALSE(list[2]["delivered_at"].is_null());
  EXPECT_FALSE(parked.contains("text")) << "lists leave the bodies out";

  EXPECT_EQ(kontorctl_json({"notices", "--state", "parked"}).size(), 1u);
  EXPECT_EQ(kontorctl_json({"notices", "--customer", "0815"}).size(), 0u);
  EXPECT_EQ(kontorctl_json({"notices", "--limit", "1"}).size(), 1u);

  const Completed table = kontorctl({"notices", "--state", "parked"});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_THAT(table.out, HasSubstr("M-2026-000002"));
  EXPECT_THAT(table.out, HasSubstr("56.23 EUR"));
  EXPECT_THAT(table.out, HasSubstr("550 mailbox unknown"));
  EXPECT_THAT(table.out, Not(HasSubstr("M-2026-000003")));

  const Completed bad_state = kontorctl({"notices", "--state", "lost"});
  EXPECT_EQ(bad_state.status, 1);
  EXPECT_THAT(bad_state.err, HasSubstr("kontord refused (400): state 'lost' is none of"));
}

TEST_F(DunningAdmin, ANoticeIsShownInFullWithTheTextThatWasSent) {
  const auto notice = kontorctl_json({"notice", "M-2026-000002"});
  EXPECT_EQ(notice["number"], "M-2026-000002");
  EXPECT_EQ(notice["kind"], "reminder");
  EXPECT_EQ(notice["template"], "reminder-2");
  EXPECT_THAT(notice["rf_reference"].get<std::string>(), StartsWith("RF"));
  EXPECT_EQ(notice["idempotency_key"], "kontor-notice-M-2026-000002");
  ASSERT_EQ(notice["lines"].size(), 1u);
  EXPECT_EQ(notice["lines"][0]["item"], "RE-2");
  EXPECT_EQ(notice["lines"][0]["open"], "50.00");
  ASSERT_EQ(notice["charges"].size(), 1u);
  EXPECT_EQ(notice["charges"][0]["kind"], "interest");
  EXPECT_EQ(notice["charges"][0]["amount"], "1.23");
  EXPECT_EQ(notice["charges"][0]["first_day"], "2026-11-01");
  EXPECT_THAT(notice["text"].get<std::string>(), HasSubstr("bitte zahlen Sie RE-2"));
  EXPECT_EQ(notice["html"], "<p>Sehr geehrte Damen und Herren</p>");

  const Completed shown = kontorctl({"notice", "M-2026-000002"});
  ASSERT_EQ(shown.status, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("parked after 1 attempt(s): 550 mailbox unknown"));
  EXPECT_THAT(shown.out, HasSubstr("RE-2 open 50.00 EUR"));
  EXPECT_THAT(shown.out, HasSubstr("Sehr geehrte Damen und Herren,\nbitte zahlen Sie RE-2."));

  const Completed unknown = kontorctl({"notice", "M-1999-000001"});
  EXPECT_EQ(unknown.status, 1);
  EXPECT_THAT(unknown.err, HasSubstr("kontord refused (404): no notice M-1999-000001"));
}

TEST_F(DunningAdmin, ANoticesLetterIsFetchedAsItWasStored) {
  EXPECT_EQ(kontorctl_json({"notice", "M-2026-000003"})["pdf_bytes"], kLetterPdf.size());
  const std::filesystem::path file = dir_ / "M-2026-000003.pdf";
  const Completed saved = kontorctl({"notice", "M-2026-000003", "--pdf", file.string()});
  ASSERT_EQ(saved.status, 0) << saved.err;
  EXPECT_EQ(read_file(file), kLetterPdf);

  const Completed none = kontorctl({"notice", "M-2026-000001", "--pdf", file.string()});
  EXPECT_EQ(none.status, 1);
  EXPECT_THAT(none.err, HasSubstr("kontord refused (404): notice M-2026-000001 has no PDF"));
  EXPECT_EQ(read_file(file), kLetterPdf) << "the file is left alone";
}

TEST_F(DunningAdmin, TheOutboxIsCountedPerDeliveryState) {
  const Answer counts = admin_request(socket_, "GET", "/notices/counts");
  ASSERT_EQ(counts.status, 200) << counts.body.dump();
  EXPECT_EQ(counts.body["states"]["pending"], 1);
  EXPECT_EQ(counts.body["states"]["retrying"], 0);
  EXPECT_EQ(counts.body["states"]["delivered"], 1);
  EXPECT_EQ(counts.body["states"]["parked"], 1);
  EXPECT_EQ(counts.body["to_deliver"], 1);
  EXPECT_EQ(counts.body["parked"], 1);
}

TEST_F(DunningAdmin, AParkedNoticeIsReleasedOnceAndADeliveredOneNeverAgain) {
  const Completed released = kontorctl({"notice-retry", "M-2026-000002"});
  ASSERT_EQ(released.status, 0) << released.err;
  EXPECT_THAT(released.out, HasSubstr("M-2026-000002 is pending again"));
  const auto notice = query_store<std::optional<store::StoredNotice>>(
      database(), [](store::Reader& r) { return r.notice("M-2026-000002"); });
  ASSERT_TRUE(notice);
  EXPECT_EQ(notice->notice.delivery_state, DeliveryState::pending);
  EXPECT_EQ(admin_request(socket_, "GET", "/notices/counts").body["to_deliver"], 2);

  const Completed again = kontorctl({"notice-retry", "M-2026-000002"});
  EXPECT_EQ(again.status, 1);
  EXPECT_THAT(again.err, HasSubstr("(409): notice M-2026-000002 is pending already"));
  const Completed delivered = kontorctl({"notice-retry", "M-2026-000001"});
  EXPECT_EQ(delivered.status, 1);
  EXPECT_THAT(delivered.err, HasSubstr("(409): notice M-2026-000001 was delivered at"));
  EXPECT_EQ(admin_request(socket_, "POST", "/notices/M-2026-000404/retry").status, 404);
  EXPECT_EQ(
      admin_request(socket_, "POST", "/notices/M-2026-000002/retry", R"({"force": true})").status,
      400);
}

TEST_F(DunningAdmin, BlocksAreSetAndLiftedWithTheOperatorsLogin) {
  const Completed customer = kontorctl({"block", "--customer", "4711", "--reason",
                                        "Ratenzahlung vereinbart", "--until", "2099-12-31"});
  ASSERT_EQ(customer.status, 0) << customer.err;
  EXPECT_THAT(customer.out, HasSubstr("dunning of customer 4711 blocked through 2099-12-31: "
                                      "Ratenzahlung vereinbart"));
  const Completed item = kontorctl({"block", "--item", "RE-2", "--reason", "Reklamation"});
  ASSERT_EQ(item.status, 0) << item.err;
  EXPECT_THAT(item.out, HasSubstr("dunning of item RE-2 of customer 4711 blocked until lifted"));

  const auto list = kontorctl_json({"blocks"});
  ASSERT_EQ(list.size(), 2u) << list.dump();
  EXPECT_EQ(list[0]["customer"], "4711");
  EXPECT_TRUE(list[0]["item"].is_null());
  EXPECT_EQ(list[0]["until"], "2099-12-31");
  EXPECT_EQ(list[0]["in_force"], true);
  EXPECT_THAT(list[0]["set_by"].get<std::string>(), StartsWith("user:"));
  EXPECT_EQ(list[1]["item"], "RE-2");
  EXPECT_EQ(list[1]["reason"], "Reklamation");
  const Completed table = kontorctl({"blocks"});
  EXPECT_THAT(table.out, HasSubstr("lifted by hand"));
  EXPECT_THAT(table.out, HasSubstr("Ratenzahlung vereinbart"));

  const Completed lift_item = kontorctl({"unblock", "--item", "RE-2"});
  ASSERT_EQ(lift_item.status, 0) << lift_item.err;
  EXPECT_THAT(lift_item.out, HasSubstr("dunning block on item RE-2 lifted"));
  ASSERT_EQ(blocks_in_store().size(), 1u);
  const Answer lift_customer = admin_request(socket_, "DELETE", "/blocks?customer=4711");
  EXPECT_EQ(lift_customer.status, 200) << lift_customer.body.dump();
  EXPECT_TRUE(blocks_in_store().empty());

  const Completed twice = kontorctl({"unblock", "--customer", "4711"});
  EXPECT_EQ(twice.status, 1);
  EXPECT_THAT(twice.err, HasSubstr("(404): customer 4711 has no dunning block"));
}

TEST_F(DunningAdmin, WrongBlocksAreRefusedAndChangeNothing) {
  const Completed unknown_item = kontorctl({"block", "--item", "RE-404", "--reason", "x"});
  EXPECT_EQ(unknown_item.status, 1);
  EXPECT_THAT(unknown_item.err, HasSubstr("kontord refused (404): no open item RE-404"));
  const Completed unknown_customer = kontorctl({"block", "--customer", "9999", "--reason", "x"});
  EXPECT_THAT(unknown_customer.err, HasSubstr("(404): no customer 9999"));
  const Answer other_customer = admin_request(
      socket_, "POST", "/blocks", R"({"customer": "0815", "item": "RE-1", "reason": "x"})");
  EXPECT_EQ(other_customer.status, 409);
  EXPECT_EQ(message_of(other_customer), "item RE-1 belongs to customer 4711, not 0815");
  EXPECT_EQ(kontorctl({"block", "--customer", "4711"}).status, 2) << "--reason is required";
  EXPECT_EQ(kontorctl({"block", "--customer", "4711", "--item", "RE-1", "--reason", "x"}).status, 2)
      << "a customer or an item, not both";
  EXPECT_EQ(kontorctl({"block", "--reason", "x"}).status, 2);
  const Completed bad_date =
      kontorctl({"block", "--customer", "4711", "--reason", "x", "--until", "31.12.2026"});
  EXPECT_THAT(bad_date.err, HasSubstr("(400): until '31.12.2026' is no date YYYY-MM-DD"));
  const Completed past =
      kontorctl({"block", "--customer", "4711", "--reason", "x", "--until", "2020-01-01"});
  EXPECT_THAT(past.err, HasSubstr("(400): until 2020-01-01 is past"));

  const Answer no_reason = admin_request(socket_, "POST", "/blocks", R"({"customer": "4711"})");
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(message_of(no_reason), "a block needs a reason");
  const Answer typo = admin_request(socket_, "POST", "/blocks",
                                    R"({"customer": "4711", "reason": "x", "untl": "2099-01-01"})");
  EXPECT_EQ(typo.status, 400);
  EXPECT_EQ(message_of(typo), "unknown field 'untl'");
  const Answer nobody = admin_request(socket_, "POST", "/blocks", R"({"reason": "x"})");
  EXPECT_EQ(nobody.status, 400);
  const Answer number =
      admin_request(socket_, "POST", "/blocks", R"({"customer": 4711, "reason": "x"})");
  EXPECT_EQ(number.status, 400);
  EXPECT_EQ(admin_request(socket_, "DELETE", "/blocks").status, 400);
  EXPECT_EQ(admin_request(socket_, "DELETE", "/blocks?item=RE-404").status, 404);

  EXPECT_TRUE(blocks_in_store().empty());
}

TEST_F(DunningAdmin, WithoutADunningJobThereIsNothingToPreviewOrForce) {
  const Completed preview = kontorctl({"dunning", "preview"});
  EXPECT_EQ(preview.status, 1);
  EXPECT_THAT(preview.err, HasSubstr("(404): no job with engine dunning is configured"));
  const Answer named = admin_request(socket_, "GET", "/dunning/preview?job=nightly");
  EXPECT_EQ(named.status, 404);
  EXPECT_EQ(message_of(named), "no job named nightly");

  const Answer no_reason =
      admin_request(socket_, "POST", "/dunning/force", R"({"job": "dunning"})");
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(message_of(no_reason), "forcing a dunning run needs a reason");
  EXPECT_EQ(kontorctl({"dunning", "run", "--reason", "x"}).status, 2) << "--force is required";
  const Completed forced = kontorctl({"dunning", "run", "--force", "--reason", "bank is late"});
  EXPECT_EQ(forced.status, 1);
  EXPECT_THAT(forced.err, HasSubstr("(404): no job with engine dunning is configured"));
}

// Two dunning jobs on one channel, the levels of the demo, and base rates for every half-year
// from 2026 on (kontord runs on the real clock here, and a day beyond the table is an error).
class DunningPreviewAdmin : public DunningAdmin {
 protected:
  std::string extra_yaml() const override {
    std::string rates;
    for (int year = 2026; year <= 2060; ++year) {
      rates += fmt::format("    - {{from: {}-01-01, percent: \"1.27\"}}\n", year);
      rates += fmt::format("    - {{from: {}-07-01, percent: \"1.27\"}}\n", year);
    }
    return "instances:\n"
           "  mail-out: {plugin: email, mode: pickup, pickup_dir: " +
           (dir_ / "mail").string() +
           "}\n"
           "jobs:\n"
           "  dunning: {engine: dunning, outputs: [mail-out]}\n"
           "  dunning-letters: {engine: dunning, outputs: [mail-out]}\n"
           "dunning:\n"
           "  levels:\n"
           "    - {name: Zahlungserinnerung, days_after_due: 7, template: reminder-1}\n"
           "    - {name: 1. Mahnung, days_after_previous: 14, fee: 5.00 EUR, template: "
           "reminder-2}\n"
           "  base_rates:\n" +
           rates;
  }
};

TEST_F(DunningPreviewAdmin, ThePreviewShowsWhatWouldBeSentAndSendsNothing) {
  const Completed several = kontorctl({"dunning", "preview"});
  EXPECT_EQ(several.status, 1);
  EXPECT_THAT(several.err,
              HasSubstr("(400): several dunning jobs (dunning, dunning-letters): name one"));

  const auto preview = kontorctl_json({"dunning", "preview", "--job", "dunning"});
  ASSERT_TRUE(preview.is_object()) << preview.dump();
  EXPECT_EQ(preview["job"], "dunning");
  EXPECT_TRUE(preview["refusal"].is_null()) << preview.dump(2);
  EXPECT_TRUE(preview["warnings"].is_array());
  EXPECT_TRUE(preview["skipped"].is_array());
  EXPECT_TRUE(preview["handovers"].is_array());
  ASSERT_TRUE(preview["notices"].is_array());
  ASSERT_FALSE(preview["notices"].empty()) << preview.dump(2);
  const auto& notice = preview["notices"][0];
  EXPECT_EQ(notice["customer"], "4711");
  EXPECT_EQ(notice["channel"], "mail-out");
  EXPECT_EQ(notice["recipient"], "buchhaltung@kunde4711.example");
  EXPECT_FALSE(notice["subject"].get<std::string>().empty());
  EXPECT_EQ(notice["currency"], "EUR");
  EXPECT_TRUE(notice["total"].is_string());
  ASSERT_TRUE(notice["lines"].is_array());
  ASSERT_FALSE(notice["lines"].empty());
  EXPECT_TRUE(notice["lines"][0].contains("item"));
  EXPECT_TRUE(notice["charges"].is_array());
  for (const auto& skip : preview["skipped"]) {
    EXPECT_TRUE(skip["customer"].is_string());
    EXPECT_TRUE(skip["reason"].is_string());
  }

  const Completed table = kontorctl({"dunning", "preview", "--job", "dunning"});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_THAT(table.out, HasSubstr("buchhaltung@kunde4711.example"));
  EXPECT_THAT(table.out, HasSubstr("dry run of job dunning: nothing was decided or sent"));

  const Answer not_dunning = admin_request(socket_, "GET", "/dunning/preview?job=nightly");
  EXPECT_EQ(not_dunning.status, 404);
  EXPECT_EQ(admin_request(socket_, "GET", "/notices/counts").body["states"]["pending"], 1)
      << "a dry run decides nothing";
}

TEST_F(DunningPreviewAdmin, AForcedRunIsRecordedWithWhoAskedAndWhyAndQueued) {
  const Answer no_job =
      admin_request(socket_, "POST", "/dunning/force", R"({"reason": "bank late"})");
  EXPECT_EQ(no_job.status, 400) << no_job.body.dump();
  const auto forced = kontorctl_json(
      {"dunning", "run", "--job", "dunning", "--force", "--reason", "bank portal down"});
  EXPECT_EQ(forced["job"], "dunning");
  EXPECT_EQ(forced["trigger"], "manual");
  EXPECT_EQ(forced["reason"], "bank portal down");
  EXPECT_THAT(forced["forced_by"].get<std::string>(), StartsWith("user:"));
  EXPECT_THAT(forced["idempotency_key"].get<std::string>(), StartsWith("dunning@"));
}

}  // namespace
}  // namespace kontor::testing
