#include "host/sftp_listing.hpp"

#include <fmt/format.h>

#include <functional>
#include <set>

namespace kontor::host {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

// "drwxr-xr-x", "-rw-r--r--", "lrwxrwxrwx" (with an ACL '+' or '@' after it, or not).
bool looks_like_mode(std::string_view line) {
  if (line.size() < 10) return false;
  if (std::string_view("-dlbcps").find(line[0]) == std::string_view::npos) return false;
  return line.substr(1, 9).find_first_not_of("rwxsStTlL-") == std::string_view::npos;
}

EntryType type_of(std::string_view line) {
  if (!looks_like_mode(line)) return EntryType::kUnknown;
  switch (line[0]) {
    case '-':
      return EntryType::kFile;
    case 'd':
      return EntryType::kDirectory;
    case 'l':
      return EntryType::kSymlink;
    default:
      return EntryType::kOther;
  }
}

using NameSet = std::set<std::string, std::less<>>;

// The longest name that `text` ends with after a blank, or null.
const std::string* trailing_name(std::string_view text, const NameSet& names) {
  for (auto blank = text.find(' '); blank != std::string_view::npos;
       blank = text.find(' ', blank + 1)) {
    if (auto it = names.find(text.substr(blank + 1)); it != names.end()) return &*it;
  }
  return nullptr;
}

// A symlink's line may go on with " -> TARGET" after its name; any other line ends with it.
const std::string* owner_of(std::string_view line, const NameSet& names) {
  if (type_of(line) == EntryType::kSymlink) {
    for (auto arrow = line.find(" -> "); arrow != std::string_view::npos;
         arrow = line.find(" -> ", arrow + 1)) {
      if (const std::string* name = trailing_name(line.substr(0, arrow), names)) return name;
    }
  }
  return trailing_name(line, names);
}

}  // namespace

std::vector<std::string> listed_names(std::string_view names_only) {
  std::vector<std::string> names;
  for (std::string_view line : lines_of(names_only)) {
    if (line.empty() || line == "." || line == "..") continue;
    names.emplace_back(line);
  }
  return names;
}

std::map<std::string, EntryType> entry_types(const std::vector<std::string>& names,
                                             std::string_view long_listing) {
  const NameSet known(names.begin(), names.end());
  std::map<std::string, EntryType> types;
  for (const auto& name : names) types[name] = EntryType::kUnknown;
  for (std::string_view line : lines_of(long_listing)) {
    const std::string* owner = owner_of(line, known);
    if (owner != nullptr && types[*owner] == EntryType::kUnknown) types[*owner] = type_of(line);
  }
  return types;
}

std::string listing_line(EntryType type, std::int64_t size, std::int64_t mtime_seconds,
                         const std::string& name) {
  return fmt::format("{}\t{}\t{}\t{}\n", static_cast<char>(type), size, mtime_seconds, name);
}

}  // namespace kontor::host
