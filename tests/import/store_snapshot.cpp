#include "store_snapshot.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>

#include "store/sqlite_store.hpp"

namespace kontor::testing {
namespace {

// Runs `ask` on a reader of the store at `database`; a failure fails the test that asked.
void read_store(const std::filesystem::path& database,
                const std::function<Status(store::Reader&)>& ask) {
  store::SqliteOptions options;
  options.path = database.string();
  auto store = store::SqliteStore::open(options);
  ASSERT_TRUE(store.ok()) << store.error().message;
  const Status read = (*store)->read(ask);
  EXPECT_TRUE(read) << read.error().message;
}

}  // namespace

std::map<std::string, std::int64_t> open_amounts_in(const std::filesystem::path& database) {
  std::map<std::string, std::int64_t> amounts;
  read_store(database, [&](store::Reader& reader) -> Status {
    auto items = reader.open_items({});
    if (!items) return items.error();
    for (const auto& item : *items) amounts[item.number] = item.open.minor_units();
    return {};
  });
  return amounts;
}

std::size_t bank_transactions_in(const std::filesystem::path& database) {
  std::size_t count = 0;
  read_store(database, [&](store::Reader& reader) -> Status {
    auto found = reader.bank_transactions({});
    if (!found) return found.error();
    count = found->size();
    return {};
  });
  return count;
}

std::vector<std::string> names_in(const std::filesystem::path& directory) {
  std::vector<std::string> names;
  if (!std::filesystem::exists(directory)) return names;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace kontor::testing
