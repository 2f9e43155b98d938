// The schema of the SQLite store as an ordered list of migrations, applied at open.
//
// A database records the versions it has in `schema_migrations`. Opening applies every
// migration it lacks, each in its own transaction, in order; a database of a newer Kontor
// (versions this build does not know) is refused rather than misread. Later issues append
// migrations to the list; a released migration is never edited.
#pragma once

#include <span>
#include <string_view>

#include "kontor/result.hpp"
#include "store/sqlite_connection.hpp"

namespace kontor::store::sqlite {

struct Migration {
  int version;
  std::string_view name;
  std::string_view script;  // SQL statements, run in order
};

std::span<const Migration> migrations();

// Brings the schema of `connection` up to the last migration; returns the schema version.
Result<int> migrate(Connection& connection, std::string_view now_utc);

}  // namespace kontor::store::sqlite
