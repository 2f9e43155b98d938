// Asking the store a kontord left behind (opened after it has exited, or beside it in WAL mode):
// one answer from a Reader, the test failing when the store cannot be read.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

#include "store/sqlite_store.hpp"

namespace kontor::testing {

template <typename T>
T query_store(const std::filesystem::path& database,
              const std::function<Result<T>(store::Reader&)>& ask) {
  T answer{};
  store::SqliteOptions options;
  options.path = database.string();
  auto store = store::SqliteStore::open(options);
  EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message);
  if (!store.ok()) return answer;
  EXPECT_TRUE((*store)->read([&](store::Reader& reader) -> Status {
    auto got = ask(reader);
    if (!got) return got.error();
    answer = std::move(got).value();
    return {};
  }));
  return answer;
}

}  // namespace kontor::testing
