#include "kontor/sdk/spool_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "kontor/model/sha256.hpp"

namespace kontor::sdk {
namespace fs = std::filesystem;

namespace {

// Well below NAME_MAX (255) with an extension, the temporary prefix and suffix.
constexpr std::size_t kMaxStem = 160;

Error failure(std::string_view what, const fs::path& path, int error_number) {
  return Error{
      .message = std::string(what) + " " + path.string() + ": " + std::strerror(error_number),
      .position = 0};
}

// mkdir -p with 0750 for what it creates: notices name customers and amounts.
Result<void> ensure_folder(const fs::path& folder) {
  struct stat st {};
  if (::stat(folder.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return {};
    return failure("not a folder:", folder, ENOTDIR);
  }
  if (folder.has_parent_path() && folder.parent_path() != folder) {
    Result<void> parent = ensure_folder(folder.parent_path());
    if (!parent) return parent;
  }
  if (::mkdir(folder.c_str(), 0750) != 0 && errno != EEXIST) {
    return failure("cannot create", folder, errno);
  }
  return {};
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

// The rename is only durable once the folder's entry is on disk too.
Result<void> sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return failure("cannot open", folder, errno);
  const int synced = ::fsync(fd);
  const int error_number = errno;
  ::close(fd);
  if (synced != 0) return failure("cannot sync", folder, error_number);
  return {};
}

}  // namespace

std::string spool_file_name(std::string_view idempotency_key, std::string_view extension) {
  std::string stem;
  bool replaced = false;
  for (char c : idempotency_key) {
    const bool safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == '-';
    const bool hiding = c == '.' && stem.empty();
    if (safe && !hiding) {
      stem += c;
    } else {
      stem += '_';
      replaced = true;
    }
  }
  if (replaced || stem.size() > kMaxStem || stem.empty()) {
    if (stem.size() > kMaxStem) stem.resize(kMaxStem);
    stem += "-" + Sha256::hex_of(idempotency_key).substr(0, 16);
  }
  return stem + std::string(extension);
}

Result<SpoolOutcome> write_spool_file(const fs::path& folder, const std::string& file_name,
                                      std::string_view bytes) {
  if (Result<void> made = ensure_folder(folder); !made) return made.error();
  const fs::path target = folder / file_name;
  struct stat st {};
  if (::lstat(target.c_str(), &st) == 0) {
    // Delivered before: kontord stopped between this write and marking the notice delivered.
    if (S_ISREG(st.st_mode)) return SpoolOutcome::kAlreadyThere;
    // A folder or link of that name was not written by a channel; the notice is not delivered.
    return failure("something other than a file is in the way:", target,
                   S_ISDIR(st.st_mode) ? EISDIR : EEXIST);
  }
  if (errno != ENOENT) return failure("cannot look at", target, errno);

  std::string temporary = (folder / ("." + file_name + ".XXXXXX.tmp")).string();
  const int fd = ::mkstemps(temporary.data(), 4);
  if (fd < 0) return failure("cannot create a file in", folder, errno);
  auto give_up = [&](std::string_view what) {
    const int error_number = errno;
    ::close(fd);
    ::unlink(temporary.c_str());
    return failure(what, temporary, error_number);
  };
  // The program reading the folder (an MTA, a print shop's transfer) usually runs in the same
  // group; nobody else needs to.
  if (::fchmod(fd, 0640) != 0) return give_up("cannot set permissions on");
  if (!write_all(fd, bytes)) return give_up("cannot write");
  if (::fsync(fd) != 0) return give_up("cannot sync");
  if (::close(fd) != 0) {
    const int error_number = errno;
    ::unlink(temporary.c_str());
    return failure("cannot write", temporary, error_number);
  }
  if (::rename(temporary.c_str(), target.c_str()) != 0) {
    const int error_number = errno;
    ::unlink(temporary.c_str());
    return failure("cannot rename to", target, error_number);
  }
  if (Result<void> synced = sync_folder(folder); !synced) return synced.error();
  return SpoolOutcome::kWritten;
}

}  // namespace kontor::sdk
