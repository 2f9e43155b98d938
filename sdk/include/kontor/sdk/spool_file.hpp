// A spool folder: where a channel leaves each notice as a file for another program to take from
// there — an MTA's pickup directory (.eml), a print shop's hot folder (.pdf and its .json
// manifest), an archive.
//
// A file appears whole or not at all (written as a hidden temporary file in the same folder,
// synced, renamed, the folder synced), so a reader never sees half a file and a file the
// channel reported as delivered survives a crash. One notice, one file name: a file already
// there means the notice was delivered before, and it is not written again. The caller derives
// the name with spool_file_name, so no idempotency key can name a path outside the folder.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "kontor/result.hpp"

namespace kontor::sdk {

// "<stem><extension>", the stem from only [A-Za-z0-9._-] of the idempotency key; any other
// character becomes '_' and a leading '.' too, so the name never leaves the folder nor hides.
// When anything was replaced or the key is very long, 16 hex digits of the key's SHA-256 keep
// two keys that differ only in replaced characters apart. One key gives one stem whatever the
// extension, so a notice's files (".pdf" and ".json") share it. `extension` is the caller's own
// constant, dot included (".eml"); it is not checked.
std::string spool_file_name(std::string_view idempotency_key, std::string_view extension);

enum class SpoolOutcome { kWritten, kAlreadyThere };

// Writes `bytes` to folder/file_name (mode 0640; the folder is created, 0750, when missing).
// kAlreadyThere: a regular file of that name exists and was left untouched. An Error says what
// the file system refused (disk full, permission, a folder in the file's place) with the path.
Result<SpoolOutcome> write_spool_file(const std::filesystem::path& folder,
                                      const std::string& file_name, std::string_view bytes);

}  // namespace kontor::sdk
