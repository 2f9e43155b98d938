// SftpListing: what a remote directory holds, as the host's SFTP LIST reports it.
//
// libcurl lists an SFTP directory two ways: the names alone (one per line), or the "long" lines
// the server sends with each name — in practice `ls -l` lines (OpenSSH, and most servers
// follow it), though the protocol leaves their form open. Names are taken from the first, the
// type of each entry (file, directory, symlink) from the first character of its long line; size
// and modification time come from a stat of each file, never from the long line's text.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kontor::host {

enum class EntryType : char {
  kFile = 'f',
  kDirectory = 'd',
  kSymlink = 'l',
  kOther = 'o',
  kUnknown = '?',  // the server sent no long line in `ls -l` form for it
};

// The names of a names-only listing; ".", ".." and empty lines left out.
std::vector<std::string> listed_names(std::string_view names_only);

// The type of each name according to the long listing. A long line belongs to the longest name
// it ends with after a blank — a symlink's line, to the one before its " -> TARGET".
std::map<std::string, EntryType> entry_types(const std::vector<std::string>& names,
                                             std::string_view long_listing);

// One line of the LIST answer: "TYPE\tSIZE\tMTIME\tNAME\n" (see plugin_abi.h).
std::string listing_line(EntryType type, std::int64_t size, std::int64_t mtime_seconds,
                         const std::string& name);

}  // namespace kontor::host
