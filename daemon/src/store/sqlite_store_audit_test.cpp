// The audit trail: every change is an event written in the same transaction, events cannot be
// changed or deleted, and the open amounts can be rebuilt from the events alone.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>
#include <nlohmann/json.hpp>

#include "store/sqlite_store.hpp"
#include "store/store_test_support.hpp"

namespace kontor::store {
namespace {

using namespace testing;

std::vector<Event> all_events(Store& store) {
  std::vector<Event> events;
  Status status = store.read([&](Reader& reader) -> Status {
    for (std::int64_t after = 0;;) {
      Result<std::vector<Event>> page = reader.events(after, 500);
      if (!page) return page.error();
      if (page->empty()) return {};
      after = page->back().id;
      events.insert(events.end(), page->begin(), page->end());
    }
  });
  EXPECT_TRUE(status) << status.error().message;
  return events;
}

TEST(AuditTrail, EveryChangeIsAnEventWithTimeActorWhatAndWhy) {
  auto store = open_store();
  ASSERT_TRUE(store);
  Status status = store->transact("engine:import_open_items", "file open-items-2026-11-28.csv",
                                  [](Transaction& tx) -> Status {
                                    EXPECT_TRUE(tx.upsert_customer(customer("K-1")));
                                    EXPECT_TRUE(tx.upsert_open_item(invoice("RE-1", "K-1", 100)));
                                    tx.set_why("customer called: pays next week");
                                    Note call;
                                    call.customer_number = "K-1";
                                    call.text = "zahlt nächste Woche";
                                    EXPECT_TRUE(tx.add_note(call));
                                    return {};
                                  });
  ASSERT_TRUE(status);
  status = store->transact("user:alice", "manual allocation", [](Transaction& tx) -> Status {
    Allocation cash;
    cash.item_number = "RE-1";
    cash.amount = eur(100);
    cash.evidence = "paid in cash at the counter";
    EXPECT_TRUE(tx.add_allocation(cash));
    return {};
  });
  ASSERT_TRUE(status);

  const std::vector<Event> events = all_events(*store);
  ASSERT_EQ(events.size(), 4U);
  EXPECT_EQ(events[0].kind, "customer.inserted");
  EXPECT_EQ(events[0].entity_key, "K-1");
  EXPECT_EQ(events[0].actor, "engine:import_open_items");
  EXPECT_EQ(events[0].why, "file open-items-2026-11-28.csv");
  EXPECT_EQ(events[0].at, "2026-11-28T09:30:00.000Z");
  EXPECT_EQ(nlohmann::json::parse(events[0].payload)["ibans"], "DE89370400440532013000");
  EXPECT_EQ(events[1].kind, "open_item.inserted");
  EXPECT_EQ(events[2].kind, "note.added");
  EXPECT_EQ(events[2].why, "customer called: pays next week");
  EXPECT_EQ(events[3].kind, "allocation.added");
  EXPECT_EQ(events[3].actor, "user:alice");
  const nlohmann::json allocation = nlohmann::json::parse(events[3].payload);
  EXPECT_EQ(allocation["amount"], "1.00");
  EXPECT_EQ(allocation["open_after"], "0.00");
  EXPECT_EQ(allocation["evidence"], "paid in cash at the counter");
}

TEST(AuditTrail, EventsAndAllocationsCannotBeChangedOrDeleted) {
  ScratchDirectory dir;
  const std::string path = dir.file("kontor.db");
  {
    auto store = open_store(path);
    ASSERT_TRUE(store);
    step(*store, [](Transaction& tx) {
      ASSERT_TRUE(tx.upsert_customer(customer("K-1")));
      ASSERT_TRUE(tx.upsert_open_item(invoice("RE-1", "K-1", 100)));
      Allocation a;
      a.item_number = "RE-1";
      a.amount = eur(50);
      ASSERT_TRUE(tx.add_allocation(a));
    });
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  struct Attempt {
    const char* sql;
    const char* message;
  };
  for (const Attempt& attempt :
       {Attempt{"UPDATE events SET why = 'nothing happened'", "an event cannot be changed"},
        Attempt{"DELETE FROM events", "an event cannot be deleted"},
        Attempt{"UPDATE allocations SET amount_minor = 1", "reverse one instead"},
        Attempt{"DELETE FROM allocations", "reverse one instead"}}) {
    char* error = nullptr;
    EXPECT_NE(sqlite3_exec(db, attempt.sql, nullptr, nullptr, &error), SQLITE_OK) << attempt.sql;
    ASSERT_NE(error, nullptr);
    EXPECT_NE(std::string(error).find(attempt.message), std::string::npos) << error;
    sqlite3_free(error);
  }
  sqlite3_close(db);
  auto store = open_store(path);
  EXPECT_EQ(all_events(*store).size(), 3U);  // customer, item, allocation
}

// A small deterministic generator, so the scenario is the same on every run.
class Dice {
 public:
  std::uint64_t roll(std::uint64_t sides) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state_ >> 33) % sides;
  }

 private:
  std::uint64_t state_ = 20261128;
};

// Open amounts computed from nothing but the events: an item starts at its gross amount, a
// change of the gross amount moves it by the difference, every allocation (and reversal)
// takes its amount off.
std::map<std::string, Money> open_amounts_from_events(const std::vector<Event>& events) {
  std::map<std::string, Money> open;
  std::map<std::string, Currency> currency;
  auto money = [&](const std::string& item, const nlohmann::json& text) {
    Result<Money> amount =
        Money::parse(text.get<std::string>(), currency.at(item), Notation::point());
    EXPECT_TRUE(amount) << amount.error().message;
    return *amount;
  };
  for (const Event& event : events) {
    const nlohmann::json payload = nlohmann::json::parse(event.payload);
    if (event.kind == "open_item.inserted") {
      currency[event.entity_key] = *Currency::from_code(payload["currency"].get<std::string>());
      open[event.entity_key] = money(event.entity_key, payload["gross"]);
    } else if (event.kind == "open_item.updated" && payload["changes"].contains("gross")) {
      const nlohmann::json& gross = payload["changes"]["gross"];
      const Money difference =
          *money(event.entity_key, gross["to"]).minus(money(event.entity_key, gross["from"]));
      open[event.entity_key] = *open.at(event.entity_key).plus(difference);
    } else if (event.kind == "allocation.added" || event.kind == "allocation.reversed") {
      const std::string item = payload["item"];
      open[item] = *open.at(item).minus(money(item, payload["amount"]));
    }
  }
  return open;
}

TEST(AuditTrail, OpenAmountsRebuiltFromTheEventsEqualTheStore) {
  auto store = open_store();
  ASSERT_TRUE(store);
  Dice dice;
  constexpr int kCustomers = 8;
  constexpr int kItems = 60;
  step(*store, [&](Transaction& tx) {
    for (int c = 0; c < kCustomers; ++c)
      ASSERT_TRUE(tx.upsert_customer(customer("K-" + std::to_string(c))));
    for (int i = 0; i < kItems; ++i) {
      const std::string customer_number = "K-" + std::to_string(i % kCustomers);
      OpenItem item = invoice("RE-" + std::to_string(i), customer_number,
                              static_cast<std::int64_t>(1000 + dice.roll(200000)));
      if (i % 10 == 9) {  // every tenth item a credit note on the item before
        item.type = OpenItemType::credit_note;
        item.refers_to = "RE-" + std::to_string(i - 1);
        item.gross = eur(-static_cast<std::int64_t>(100 + dice.roll(1000)));
      }
      ASSERT_TRUE(tx.upsert_open_item(item));
    }
  });
  std::vector<BankTransaction> payments;
  for (int p = 0; p < 40; ++p) {
    payments.push_back(
        credit(static_cast<std::int64_t>(100 + dice.roll(300000)), "payment " + std::to_string(p)));
  }
  std::vector<std::string> identities;
  step(*store, [&](Transaction& tx) {
    ASSERT_TRUE(tx.insert_statement(statement("STMT-1", payments)));
    const std::vector<BankTransaction> stored = tx.bank_transactions({}).value();
    for (const BankTransaction& t : stored) identities.push_back(t.identity);
  });

  // Many steps of allocations, reversals, amount corrections and some failed steps, each
  // refused operation or failed step leaving no event behind.
  std::vector<std::int64_t> allocations;
  for (int round = 0; round < 300; ++round) {
    const std::string item = "RE-" + std::to_string(dice.roll(kItems));
    const int action = static_cast<int>(dice.roll(10));
    Status status = store->transact(
        "engine:reconcile", "round " + std::to_string(round), [&](Transaction& tx) -> Status {
          const OpenItem current = tx.open_item(item)->value();
          if (action < 6) {
            Allocation a;
            a.item_number = item;
            a.transaction =
                current.gross.is_positive() ? identities[dice.roll(identities.size())] : "";
            a.method = AllocationMethod::amount_and_payer;
            // Sometimes more than is open or than the payment has: refused, and nothing remains.
            const std::int64_t open = current.open.minor_units();
            const std::int64_t cents =
                open == 0 ? 1
                          : (open > 0 ? 1 + static_cast<std::int64_t>(
                                                dice.roll(static_cast<std::uint64_t>(open) + 50))
                                      : -1 - static_cast<std::int64_t>(
                                                 dice.roll(static_cast<std::uint64_t>(-open))));
            a.amount = eur(cents);
            if (Result<std::int64_t> id = tx.add_allocation(a)) allocations.push_back(*id);
          } else if (action < 8 && !allocations.empty()) {
            (void)tx.reverse_allocation(allocations[dice.roll(allocations.size())], "undo");
          } else if (action < 9) {
            OpenItem corrected = current;
            Result<Money> more =
                corrected.gross.plus(eur(current.gross.is_negative() ? -100 : 100));
            corrected.gross = *more;
            (void)tx.upsert_open_item(corrected);  // refused once anything was allocated
          } else {
            Allocation lost;
            lost.item_number = item;
            lost.amount = current.gross.is_negative() ? eur(-1) : eur(1);
            (void)tx.add_allocation(lost);
            return Error{"step failed after its changes"};
          }
          return {};
        });
    if (action == 9) {
      EXPECT_FALSE(status);
    }
  }

  const std::map<std::string, Money> rebuilt = open_amounts_from_events(all_events(*store));
  std::vector<OpenItem> items;
  ASSERT_TRUE(store->read([&](Reader& r) -> Status {
    items = r.open_items({}).value();
    return {};
  }));
  ASSERT_EQ(items.size(), static_cast<std::size_t>(kItems));
  std::size_t touched = 0;
  for (const OpenItem& item : items) {
    ASSERT_TRUE(rebuilt.count(item.number)) << item.number;
    EXPECT_EQ(rebuilt.at(item.number), item.open) << item.number;
    if (item.open != item.gross) ++touched;
  }
  EXPECT_GT(touched, static_cast<std::size_t>(kItems / 2));  // the scenario did move amounts
}

}  // namespace
}  // namespace kontor::store
