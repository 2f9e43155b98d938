// Builders and fixtures shared by the store's tests: an in-memory store on a fixed clock, a
// scratch directory for file databases, and plausible customers, items and statements.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "store/sqlite_store.hpp"

namespace kontor::store::testing {

inline Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}
inline Date day(std::string_view iso) {
  return *Date::parse_iso(iso);
}

// 2026-11-28T09:30:00Z
inline std::chrono::sys_time<std::chrono::microseconds> fixed_now() {
  using namespace std::chrono;
  return sys_days(year(2026) / November / 28) + hours(9) + minutes(30);
}

inline SqliteOptions options_for(std::string path) {
  SqliteOptions options;
  options.path = std::move(path);
  options.clock = fixed_now;
  return options;
}

inline std::unique_ptr<SqliteStore> open_store(const std::string& path = ":memory:") {
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(options_for(path));
  EXPECT_TRUE(store) << store.error().message;
  return store ? std::move(store).value() : nullptr;
}

// A directory of its own under the system's temp directory, removed afterwards.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kontor-store-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~ScratchDirectory() { std::filesystem::remove_all(path_); }
  std::string file(std::string_view name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline Customer customer(std::string number) {
  Customer c;
  c.number = std::move(number);
  c.name = "Muster GmbH";
  c.address = {"Hauptstr. 1", "50667", "Köln", "DE"};
  c.email = "buchhaltung@muster.example";
  c.language = "de";
  c.kind = CustomerKind::business;
  c.ibans = {*Iban::parse("DE89370400440532013000")};
  return c;
}

inline OpenItem invoice(std::string number, std::string customer_number, std::int64_t cents) {
  OpenItem item;
  item.number = std::move(number);
  item.customer_number = std::move(customer_number);
  item.issue_date = day("2026-11-01");
  item.due_date = day("2026-11-15");
  item.gross = eur(cents);
  item.open = item.gross;
  return item;
}

inline BankTransaction credit(std::int64_t cents, std::string remittance,
                              std::string_view booking_date = "2026-11-20") {
  BankTransaction t;
  t.booking_date = day(booking_date);
  t.value_date = t.booking_date;
  t.amount = eur(cents);
  t.counterparty_name = "Muster GmbH";
  t.counterparty_account = "DE89370400440532013000";
  t.remittance = std::move(remittance);
  return t;
}

inline BankStatement statement(std::string id, std::vector<BankTransaction> transactions) {
  BankStatement s;
  s.account = "DE02120300000000202051";
  s.id = std::move(id);
  s.sequence = "1";
  s.transactions = std::move(transactions);
  return s;
}

// Runs `body` as one step and fails the test when the step fails.
template <typename Body>
void step(Store& store, Body&& body) {
  Status status = store.transact("engine:test", "test step", [&](Transaction& tx) -> Status {
    body(tx);
    return {};
  });
  ASSERT_TRUE(status) << status.error().message;
}

}  // namespace kontor::store::testing
