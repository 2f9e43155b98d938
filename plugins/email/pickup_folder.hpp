// The pickup folder: where the email channel leaves each message as a .eml file for an MTA (or a
// test setup, or an archive) to take from there.
//
// A file appears whole or not at all (written as a hidden temporary file in the same folder,
// synced, renamed, the folder synced), so a reader never sees half a message and a file the
// channel reported as delivered survives a crash. One notice, one file name: a file already
// there means the notice was delivered before, and it is not written again.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "kontor/result.hpp"

namespace kontor::plugins::email {

// "<key>.eml" from only [A-Za-z0-9._-] of the idempotency key; any other character becomes '_'
// and a leading '.' too, so the name never leaves the folder nor hides. When anything was
// replaced or the key is very long, 16 hex digits of the key's SHA-256 keep two keys that
// differ only in replaced characters apart.
std::string pickup_file_name(std::string_view idempotency_key);

enum class PickupOutcome { kWritten, kAlreadyThere };

// Writes `message` to folder/file_name (creating the folder, 0750, when missing). An Error says
// what the file system refused (disk full, permission) with the path.
Result<PickupOutcome> write_pickup_file(const std::filesystem::path& folder,
                                        const std::string& file_name, std::string_view message);

}  // namespace kontor::plugins::email
