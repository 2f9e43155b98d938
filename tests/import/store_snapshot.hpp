// What an import left behind, read the way an operator would check it: the store file kontord
// wrote (opened read-only after kontord has exited) and the names in a folder.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kontor::testing {

// Open amount in minor units per item number.
std::map<std::string, std::int64_t> open_amounts_in(const std::filesystem::path& database);

// How many bank transactions count (superseded ones left out).
std::size_t bank_transactions_in(const std::filesystem::path& database);

// The names in `directory`, sorted; none when it does not exist.
std::vector<std::string> names_in(const std::filesystem::path& directory);

std::string read_text(const std::filesystem::path& path);

}  // namespace kontor::testing
