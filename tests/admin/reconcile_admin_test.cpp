// The review queue as an account manager works it: a running kontord over its admin socket and
// kontorctl — payments in review with their candidates, allocating one by hand (posted, item
// lowered, the payer's IBAN learned), undoing it (back in review, item reopened), and every kind
// of wrong request refused with a JSON error that changes nothing. The store is seeded with the
// decisions the reconcile engine would have recorded before kontord starts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <nlohmann/json.hpp>

#include "store/sqlite_store.hpp"
#include "support/admin_socket.hpp"
#include "support/child_process.hpp"
#include "support/running_kontord.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr const char* kPayerIban = "DE44500105175407324931";  // not in the ERP's data

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

using Answer = AdminAnswer;

Answer post_json(const std::filesystem::path& socket, const std::string& path,
                 const std::string& body) {
  return admin_request(socket, "POST", path, body);
}

class ReconcileAdmin : public ::testing::Test {
 protected:
  void SetUp() override {
    seed();
    dir_.write("kontor.yaml", "daemon: {state_dir: " + (dir_ / "state").string() +
                                  ", plugin_dir: " + (binary_dir() / "plugins").string() +
                                  ", admin_socket: " + socket_.string() + "}\n" + company_yaml());
    daemon_ = std::make_unique<RunningKontord>(dir_ / "kontor.yaml", dir_.path());
    ASSERT_TRUE(daemon_->ready()) << daemon_->err();
  }

  // What an import and a reconcile run would have left: customer 4711 with RE-1 (119.00) and
  // RE-2 (50.00); on one day, a payment of 119.00 in review and one of 20.00 unmatched.
  void seed() {
    std::filesystem::create_directories(dir_ / "state");
    auto store = open();
    ASSERT_TRUE(store);
    const Status seeded =
        store->transact("engine:reconcile", "seed", [&](store::Transaction& tx) -> Status {
          Customer customer;
          customer.number = "4711";
          customer.name = "Muster GmbH";
          customer.address = {"Hauptstr. 1", "50667", "Köln", "DE"};
          customer.ibans = {*Iban::parse("DE89370400440532013000")};
          if (auto r = tx.upsert_customer(customer); !r) return r.error();
          for (const auto& [number, cents] : {std::pair{"RE-1", 11900}, std::pair{"RE-2", 5000}}) {
            OpenItem item;
            item.number = number;
            item.customer_number = "4711";
            item.due_date = *Date::parse_iso("2026-11-15");
            item.gross = eur(cents);
            item.open = item.gross;
            if (auto r = tx.upsert_open_item(item); !r) return r.error();
          }
          BankStatement statement;
          statement.account = "DE02120300000000202051";
          statement.id = "S-1";
          statement.sequence = "1";
          for (const auto& [cents, text] :
               {std::pair{11900, "Zahlung Oktober"}, std::pair{2000, "Spende"}}) {
            BankTransaction t;
            t.booking_date = *Date::parse_iso("2026-11-20");
            t.amount = eur(cents);
            t.counterparty_name = "Muster GmbH";
            t.counterparty_account = kPayerIban;
            t.remittance = text;
            statement.transactions.push_back(t);
          }
          if (auto r = tx.insert_statement(statement); !r) return r.error();
          auto pending = tx.transactions_to_reconcile();
          if (!pending) return pending.error();
          for (const BankTransaction& t : *pending) {
            store::Reconciliation decision;
            decision.transaction = t.identity;
            decision.unapplied = eur(0);
            if (t.remittance == "Spende") {
              decision.state = store::ReconciliationState::unmatched;
              decision.reason = "no item named, no payer known";
              unmatched_ = t.identity;
            } else {
              decision.state = store::ReconciliationState::review;
              decision.customer_number = "4711";
              decision.confidence_permille = 700;
              decision.reason = "amount fits, payer unknown";
              decision.candidates = {{"RE-1", "4711", 700, "amount 119.00 equals the open amount"},
                                     {"RE-2", "4711", 300, "customer by name"}};
              review_ = t.identity;
            }
            if (auto r = tx.record_reconciliation(decision); !r) return r.error();
          }
          return {};
        });
    ASSERT_TRUE(seeded) << seeded.error().message;
  }

  std::unique_ptr<store::SqliteStore> open() {
    store::SqliteOptions options;
    options.path = (dir_ / "state/kontor.db").string();
    auto store = store::SqliteStore::open(options);
    EXPECT_TRUE(store) << store.error().message;
    return store ? std::move(store).value() : nullptr;
  }

  std::int64_t open_of(const std::string& item) {
    std::int64_t open = -1;
    auto store = this->open();
    EXPECT_TRUE(store->read([&](store::Reader& r) -> Status {
      open = (*r.open_amount(item))->minor_units();
      return {};
    }));
    return open;
  }

  std::map<std::string, std::vector<std::string>> learned_ibans() {
    std::map<std::string, std::vector<std::string>> out;
    auto store = this->open();
    EXPECT_TRUE(store->read([&](store::Reader& r) -> Status {
      out = *r.learned_ibans();
      return {};
    }));
    return out;
  }

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

  TempDir dir_;
  std::filesystem::path socket_ = dir_ / "run/admin.sock";
  std::unique_ptr<RunningKontord> daemon_;
  std::string review_;     // identity of the payment in review
  std::string unmatched_;  // identity of the unmatched one
};

TEST_F(ReconcileAdmin, TheReviewQueueShowsEachPaymentWithItsCandidatesAndWhatIsOpen) {
  const auto list = kontorctl_json({"review"});
  ASSERT_EQ(list.size(), 1u) << list.dump();
  const auto& entry = list[0];
  EXPECT_EQ(entry["id"], review_);
  EXPECT_EQ(entry["short_id"], review_.substr(0, 12));
  EXPECT_EQ(entry["booking_date"], "2026-11-20");
  EXPECT_EQ(entry["amount"], "119.00");
  EXPECT_EQ(entry["currency"], "EUR");
  EXPECT_EQ(entry["payer"]["name"], "Muster GmbH");
  EXPECT_EQ(entry["payer"]["account"], kPayerIban);
  EXPECT_EQ(entry["remittance"], "Zahlung Oktober");
  EXPECT_EQ(entry["reason"], "amount fits, payer unknown");
  ASSERT_EQ(entry["candidates"].size(), 2u);
  EXPECT_EQ(entry["candidates"][0]["item"], "RE-1");
  EXPECT_EQ(entry["candidates"][0]["customer"], "4711");
  EXPECT_EQ(entry["candidates"][0]["score"], 700);
  EXPECT_EQ(entry["candidates"][0]["open"], "119.00");

  const Completed table = kontorctl({"review"});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_THAT(table.out, HasSubstr(review_.substr(0, 12)));
  EXPECT_THAT(table.out, HasSubstr("119.00 EUR"));
  EXPECT_THAT(table.out, HasSubstr("RE-1 (4711, 70.0 %), RE-2 (4711, 30.0 %)"));
}

TEST_F(ReconcileAdmin, UnmatchedPaymentsAndTheCountsAreListedApart) {
  const auto list = kontorctl_json({"unmatched"});
  ASSERT_EQ(list.size(), 1u) << list.dump();
  EXPECT_EQ(list[0]["id"], unmatched_);
  EXPECT_FALSE(list[0].contains("candidates"));
  const Completed table = kontorctl({"unmatched"});
  EXPECT_THAT(table.out, HasSubstr("Spende"));

  const std::string response = send_raw_request(
      socket_, "GET /reconciliation HTTP/1.1\r\nHost: k\r\nConnection: close\r\n\r\n");
  const auto counts = nlohmann::json::parse(response.substr(response.find("\r\n\r\n") + 4));
  EXPECT_EQ(counts["review_queue"], 1);
  EXPECT_EQ(counts["states"]["unmatched"], 1);
  EXPECT_EQ(counts["states"]["posted"], 0);
}

TEST_F(ReconcileAdmin, AllocatingByHandPostsThePaymentLowersTheItemAndLearnsThePayersIban) {
  const Completed allocated = kontorctl(
      {"allocate", review_.substr(0, 12), "RE-1=100.00", "RE-2", "--note", "called Mr Muster"});
  ASSERT_EQ(allocated.status, 0) << allocated.err;
  EXPECT_THAT(allocated.out, HasSubstr("posted by hand: RE-1 100.00, RE-2 19.00 EUR"));
  EXPECT_EQ(open_of("RE-1"), 1900);
  EXPECT_EQ(open_of("RE-2"), 3100);
  EXPECT_EQ(learned_ibans()["4711"], std::vector<std::string>{kPayerIban});

  const auto entry = kontorctl_json({"entry", review_.substr(0, 12)});
  EXPECT_EQ(entry["state"], "posted");
  EXPECT_EQ(entry["by_hand"], true);
  EXPECT_EQ(entry["customer"], "4711");
  EXPECT_EQ(entry["unapplied"], "0.00");
  EXPECT_THAT(entry["decided_by"].get<std::string>(), StartsWith("user:"));
  ASSERT_EQ(entry["allocations"].size(), 2u);
  EXPECT_EQ(entry["allocations"][0]["method"], "manual");
  EXPECT_THAT(entry["allocations"][0]["evidence"].get<std::string>(),
              HasSubstr("called Mr Muster"));
  EXPECT_TRUE(kontorctl_json({"review"}).empty());

  const Completed again = kontorctl({"allocate", review_.substr(0, 12), "RE-1"});
  EXPECT_EQ(again.status, 1);
  EXPECT_THAT(again.err, HasSubstr("kontord refused (409)"));
  EXPECT_THAT(again.err, HasSubstr("undo it first"));
}

TEST_F(ReconcileAdmin, UndoPutsThePaymentBackInReviewAndReopensTheItem) {
  ASSERT_EQ(kontorctl({"allocate", review_, "RE-1"}).status, 0);
  EXPECT_EQ(open_of("RE-1"), 0);
  const Completed undone =
      kontorctl({"undo", review_.substr(0, 12), "--reason", "paid for another customer"});
  ASSERT_EQ(undone.status, 0) << undone.err;
  EXPECT_THAT(undone.out, HasSubstr("back in review"));
  EXPECT_EQ(open_of("RE-1"), 11900);

  const auto list = kontorctl_json({"review"});
  ASSERT_EQ(list.size(), 1u) << list.dump();
  EXPECT_EQ(list[0]["reason"], "undone: paid for another customer");
  EXPECT_EQ(list[0]["by_hand"], true);
  EXPECT_EQ(list[0]["candidates"].size(), 2u);
  EXPECT_EQ(list[0]["candidates"][0]["open"], "119.00");

  const Completed twice = kontorctl({"undo", review_.substr(0, 12), "--reason", "again"});
  EXPECT_EQ(twice.status, 1);
  EXPECT_THAT(twice.err, HasSubstr("is not posted (review)"));
}

TEST_F(ReconcileAdmin, UnknownAmbiguousOrShortEntryIdsAreRefused) {
  const Completed unknown = kontorctl({"entry", "ffffffffffff"});
  EXPECT_EQ(unknown.status, 1);
  EXPECT_THAT(unknown.err, HasSubstr("kontord refused (404): no bank transaction ffffffffffff"));
  // Both payments were booked on 2026-11-20, and identities start with the booking date.
  const Completed ambiguous = kontorctl({"entry", "20261120"});
  EXPECT_EQ(ambiguous.status, 1);
  EXPECT_THAT(ambiguous.err, HasSubstr("kontord refused (409): entry id 20261120 is ambiguous"));
  const Completed short_id = kontorctl({"entry", "2026"});
  EXPECT_THAT(short_id.err, HasSubstr("(400): an entry id needs at least 8 characters"));
  const Completed allocate_unknown = kontorctl({"allocate", "ffffffffffff", "RE-1"});
  EXPECT_THAT(allocate_unknown.err, HasSubstr("(404)"));
}

TEST_F(ReconcileAdmin, BadAllocationsAndUndosAreRefusedAndChangeNothing) {
  const std::string id = review_.substr(0, 12);
  const Completed comma = kontorctl({"allocate", id, "RE-1=1,5"});
  EXPECT_EQ(comma.status, 1);
  EXPECT_THAT(comma.err, HasSubstr("kontord refused (400): RE-1: amount '1,5': expected a digit"));
  const Completed too_much = kontorctl({"allocate", id, "RE-1=150.00"});
  EXPECT_EQ(too_much.status, 1);
  EXPECT_THAT(too_much.err, HasSubstr("(409): open item 'RE-1' has only 119.00 EUR open"));
  const Completed beyond_payment = kontorctl({"allocate", id, "RE-1=100.00", "RE-2=50.00"});
  EXPECT_THAT(beyond_payment.err, HasSubstr("more than the 19.00 EUR left of the payment"));
  const Completed no_item = kontorctl({"allocate", id, "RE-9"});
  EXPECT_THAT(no_item.err, HasSubstr("(409): there is no open item 'RE-9'"));

  const std::string path = "/entries/" + id;
  const Answer number = post_json(socket_, path + "/allocate",
                                  R"({"allocations": [{"item": "RE-1", "amount": 1.5}]})");
  EXPECT_EQ(number.status, 400);
  EXPECT_THAT(number.body["error"]["message"].get<std::string>(), HasSubstr("not a JSON number"));
  const Answer typo = post_json(socket_, path + "/allocate",
                                R"({"allocations": [{"item": "RE-1"}], "notes": "x"})");
  EXPECT_EQ(typo.status, 400);
  EXPECT_EQ(typo.body["error"]["message"], "unknown field 'notes'");
  EXPECT_EQ(post_json(socket_, path + "/allocate", "not json").status, 400);
  EXPECT_EQ(post_json(socket_, path + "/allocate", R"({"allocations": []})").status, 400);

  const Answer no_reason = post_json(socket_, path + "/undo", "{}");
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(no_reason.body["error"]["message"], "an undo needs a reason");
  EXPECT_EQ(kontorctl({"undo", id}).status, 2);  // --reason is required on the command line
  const Answer not_posted = post_json(socket_, path + "/undo", R"({"reason": "x"})");
  EXPECT_EQ(not_posted.status, 409);

  EXPECT_EQ(open_of("RE-1"), 11900);
  EXPECT_EQ(open_of("RE-2"), 5000);
  EXPECT_TRUE(learned_ibans().empty());
  EXPECT_EQ(kontorctl_json({"review"}).size(), 1u);
}

}  // namespace
}  // namespace kontor::testing
