#include "journal_index.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kontor::plugins::journal {
namespace fs = std::filesystem;
using sdk::Status;

namespace {

constexpr std::string_view kHeading =
    "; Kontor: every published export batch, for hledger -f and ledger -f\n";

Status write_all(int fd, std::string_view bytes, const fs::path& path) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return Status::retry("cannot write " + path.string() + ": " + std::strerror(errno));
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return Status::ok();
}

Status sync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return Status::retry("cannot open " + path.string() + ": " + std::strerror(errno));
  const int synced = ::fsync(fd);
  const int error_number = errno;
  ::close(fd);
  if (synced != 0) {
    return Status::retry("cannot sync " + path.string() + ": " + std::strerror(error_number));
  }
  return Status::ok();
}

// Replaces `path` by `text` whole: temporary file, synced, renamed, folder synced.
Status replace_file(const fs::path& path, const std::string& text) {
  const fs::path temporary = path.parent_path() / ("." + path.filename().string() + ".tmp");
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0) {
    return Status::retry("cannot create " + temporary.string() + ": " + std::strerror(errno));
  }
  Status written = write_all(fd, text, temporary);
  if (written && ::fsync(fd) != 0) {
    written = Status::retry("cannot sync " + temporary.string() + ": " + std::strerror(errno));
  }
  ::close(fd);
  if (!written) return written;
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) return Status::retry("cannot rename to " + path.string() + ": " + error.message());
  return sync_path(path.parent_path(), O_RDONLY | O_DIRECTORY);
}

}  // namespace

Status include_in_index(const fs::path& folder, const std::string& index,
                        const std::string& batch_file) {
  std::error_code error;
  if (!fs::is_regular_file(folder / batch_file, error)) return Status::ok();
  const fs::path path = folder / index;
  std::string text;
  if (fs::exists(path, error)) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) return Status::retry("cannot read " + path.string());
    text = std::move(content).str();
  }
  const std::string line = "include " + batch_file + "\n";
  if (text.find("\n" + line) != std::string::npos || text.starts_with(line)) return Status::ok();
  if (text.empty()) text = kHeading;
  if (!text.ends_with('\n')) text += '\n';
  return replace_file(path, text + line);
}

}  // namespace kontor::plugins::journal
