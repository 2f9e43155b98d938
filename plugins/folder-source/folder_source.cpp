#include "folder_source.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>

#include "kontor/sdk/settle.hpp"

namespace kontor::plugins {
namespace fs = std::filesystem;
using sdk::Status;

namespace {

// The instance state key holding what list() saw last time, one line per file:
// "name<TAB>size mtime first_seen" (microseconds). Rewritten on every list, so files that went
// away are forgotten.
constexpr const char* kSightingsKey = "sightings";

std::int64_t mtime_us(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000 + st.st_mtim.tv_nsec / 1'000;
}

std::string errno_text() {
  return std::strerror(errno);
}

constexpr std::int64_t kDayUs = 86'400LL * 1'000'000;

// The folder a configured name stands for, without a trailing '/' or "./" parts, so that two
// spellings of one folder compare equal.
fs::path normal_folder(const fs::path& path) {
  fs::path normal = path.lexically_normal();
  if (!normal.has_filename()) normal = normal.parent_path();
  return normal;
}

}  // namespace

bool is_plain_file_name(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
         name.find('\0') == std::string::npos;
}

bool looks_temporary(const std::string& name) {
  static const std::array<const char*, 7> kSuffixes = {
      ".tmp", ".part", ".partial", ".filepart", ".crdownload", ".swp", "~"};
  if (name.empty() || name[0] == '.' || name[0] == '~') return true;
  for (const char* suffix : kSuffixes) {
    if (name.size() > std::strlen(suffix) && name.ends_with(suffix)) return true;
  }
  return false;
}

sdk::PluginInfo FolderSource::info() {
  return {"folder-source", "1.0.0", "Files dropped into a local folder"};
}

std::vector<sdk::ConfigField> FolderSource::schema() {
  using sdk::ConfigField;
  return {
      ConfigField::text("path", "Folder to pick files up from").required(),
      ConfigField::list("include",
                        "Shell patterns of file names to pick up, e.g. ['*.xml', '*.sta']; "
                        "default all"),
      ConfigField::duration("settle", "How long a file must stay unchanged before it is offered")
          .defaults("5s"),
      ConfigField::text("processed_dir", "Where imported files go (relative to path)")
          .defaults("processed"),
      ConfigField::text("quarantine_dir",
                        "Where refused files go, each with NAME.error (relative to path)")
          .defaults("quarantine"),
      ConfigField::integer("keep_processed_days",
                           "Remove an imported file from processed_dir this many days after it "
                           "was moved there (by the time in its name; files without it, "
                           "quarantine_dir and directories are never touched); 0 keeps "
                           "everything")
          .defaults("0")
          .range(0, 36'500),
      ConfigField::flag("watch",
                        "Run the jobs reading this folder as soon as a file has arrived and "
                        "settled (inotify), not only on their schedule")
          .defaults("true"),
  };
}

FolderSource::FolderSource(sdk::Host host, const sdk::Config& config)
    : host_(host),
      folder_(config.text("path")),
      settle_(config.duration("settle")),
      include_(config.list("include")),
      keep_processed_days_(config.integer("keep_processed_days")) {
  std::error_code error;
  if (!fs::is_directory(folder_, error)) {
    throw sdk::InvalidConfig("folder '" + folder_.string() + "' does not exist");
  }
  auto inside = [&](const std::string& relative, const char* key) {
    const fs::path path(relative);
    if (path.is_absolute() || relative.find("..") != std::string::npos || relative.empty()) {
      throw sdk::InvalidConfig(std::string(key) + " must be a folder name inside path");
    }
    return folder_ / path;
  };
  processed_ = inside(config.text("processed_dir"), "processed_dir");
  quarantine_ = inside(config.text("quarantine_dir"), "quarantine_dir");
  // The host checks the range before the plugin runs; this is for hosts that do not.
  if (keep_processed_days_ < 0) throw sdk::InvalidConfig("keep_processed_days must be 0 or more");
  if (keep_processed_days_ > 0 && normal_folder(processed_) == normal_folder(quarantine_)) {
    throw sdk::InvalidConfig(
        "with keep_processed_days, processed_dir must not be quarantine_dir: refused files are "
        "never removed");
  }
  if (config.flag("watch")) open_watch();
}

FolderSource::~FolderSource() {
  for (int fd : {epoll_fd_, timer_fd_, inotify_fd_}) {
    if (fd >= 0) ::close(fd);
  }
}

void FolderSource::open_watch() {
  inotify_fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  timer_fd_ = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  const bool opened =
      inotify_fd_ >= 0 && timer_fd_ >= 0 && epoll_fd_ >= 0 &&
      ::inotify_add_watch(inotify_fd_, folder_.c_str(),
                          IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB) >= 0;
  if (opened) {
    for (int fd : {inotify_fd_, timer_fd_}) {
      epoll_event event{};
      event.events = EPOLLIN;
      event.data.fd = fd;
      if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &event) != 0) return;
    }
    return;
  }
  // Without inotify (limits reached, a file system that has none) the schedule still works.
  host_.warn("cannot watch " + folder_.string() + " (" + errno_text() +
             "): files are picked up on the jobs' schedules only");
  for (int* fd : {&epoll_fd_, &timer_fd_, &inotify_fd_}) {
    if (*fd >= 0) ::close(*fd);
    *fd = -1;
  }
}

std::optional<int> FolderSource::wake_descriptor() {
  if (epoll_fd_ < 0) return std::nullopt;
  return epoll_fd_;
}

void FolderSource::consume_wake_events() {
  if (epoll_fd_ < 0) return;
  char events[4096];
  while (::read(inotify_fd_, events, sizeof(events)) > 0) {
  }
  std::uint64_t expirations = 0;
  (void)!::read(timer_fd_, &expirations, sizeof(expirations));
}

void FolderSource::wake_after(std::chrono::microseconds delay) {
  if (timer_fd_ < 0) return;
  itimerspec when{};  // all zero disarms
  if (delay.count() > 0) {
    when.it_value.tv_sec = static_cast<time_t>(delay.count() / 1'000'000);
    when.it_value.tv_nsec = static_cast<long>((delay.count() % 1'000'000) * 1'000);
  }
  ::timerfd_settime(timer_fd_, 0, &when, nullptr);
}

bool FolderSource::wanted(const std::string& name) const {
  if (looks_temporary(name) || name.ends_with(".error")) return false;
  if (include_.empty()) return true;
  for (const auto& pattern : include_) {
    if (fnmatch(pattern.c_str(), name.c_str(), FNM_PERIOD) == 0) return true;
  }
  return false;
}

void FolderSource::remove_expired_processed(std::int64_t now_us) {
  if (keep_processed_days_ <= 0) return;
  const std::int64_t moved_before = now_us - keep_processed_days_ * kDayUs;
  // Through a descriptor of processed/ itself (never through a symlink to elsewhere), so that
  // each name below is looked at and removed in that folder and nowhere else.
  const int folder = ::open(processed_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (folder < 0) {
    // None yet: nothing was imported. Anything else is the operator's to see, not a failed run.
    if (errno != ENOENT) host_.warn("cannot tidy " + processed_.string() + ": " + errno_text());
    return;
  }
  DIR* entries = ::fdopendir(folder);
  if (entries == nullptr) {
    host_.warn("cannot tidy " + processed_.string() + ": " + errno_text());
    ::close(folder);
    return;
  }
  std::vector<std::string> expired;
  while (const dirent* entry = ::readdir(entries)) {
    const std::optional<std::int64_t> moved_at = sdk::moved_at_us(entry->d_name);
    if (moved_at && *moved_at < moved_before) expired.emplace_back(entry->d_name);
  }
  std::int64_t removed = 0;
  std::int64_t kept = 0;
  for (const std::string& name : expired) {
    if (host_.cancelled()) break;
    struct stat st {};
    if (::fstatat(folder, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) {
      continue;
    }
    if (::unlinkat(folder, name.c_str(), 0) == 0) {
      ++removed;
    } else if (errno != ENOENT) {
      ++kept;
      host_.warn("cannot remove " + (processed_ / name).string() + ": " + errno_text());
    }
  }
  ::closedir(entries);  // closes `folder` too
  if (removed > 0) {
    host_.info("removed " + std::to_string(removed) + " files imported more than " +
               std::to_string(keep_processed_days_) + " days ago from " + processed_.string() +
               (kept > 0 ? " (" + std::to_string(kept) + " could not be removed)" : ""));
    host_.count("processed_files_removed", removed);
  }
}

Status FolderSource::list(sdk::DocumentList& documents) {
  const std::int64_t now = host_.now().time_since_epoch().count();
  const std::int64_t settle_us = settle_.count() * 1'000;
  consume_wake_events();  // what woke the host is being looked at now
  remove_expired_processed(now);
  std::error_code error;
  fs::directory_iterator it(folder_, error);
  if (error) return Status::retry("cannot list " + folder_.string() + ": " + error.message());

  std::vector<std::string> names;
  for (const auto& entry : it) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());  // oldest-named first: statements arrive in order

  auto remembered = host_.state(kSightingsKey);
  if (!remembered) return Status::retry(remembered.error().message);
  sdk::SettleWatch settle(remembered->value_or(""), now, settle_us);
  std::vector<sdk::DocumentInfo> ready;
  for (const auto& name : names) {
    if (host_.cancelled()) return Status::cancelled();
    // Names with a newline or tab could not be remembered; such a file is not from a sane tool.
    if (!wanted(name) || name.find_first_of("\t\n") != std::string::npos) continue;
    struct stat st {};
    const fs::path path = folder_ / name;
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;  // no symlinks
    if (settle.settled(name, st.st_size, mtime_us(st))) {
      ready.push_back({name, name, st.st_size, mtime_us(st)});
    }
  }
  // Not all settled yet: wake the host when the earliest such file will have.
  wake_after(std::chrono::microseconds(settle.next_settled_in_us()));
  if (auto stored = host_.put_state(kSightingsKey, settle.remember()); !stored) {
    return stored;
  }
  for (const auto& document : ready) {
    if (auto added = documents.add(document); !added) return added;
  }
  return Status::ok();
}

Status FolderSource::fetch(const std::string& id, sdk::ByteSink& content) {
  if (!is_plain_file_name(id)) return Status::failed("refused document id '" + id + "'");
  const int fd = ::open((folder_ / id).c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::not_found(id + " is gone from " + folder_.string());
    return Status::retry("cannot open " + id + ": " + errno_text());
  }
  std::vector<std::uint8_t> buffer(64 * 1024);
  Status status = Status::ok();
  while (status) {
    if (host_.cancelled()) {
      status = Status::cancelled();
      break;
    }
    const ssize_t got = ::read(fd, buffer.data(), buffer.size());
    if (got < 0) {
      status = Status::retry("cannot read " + id + ": " + errno_text());
      break;
    }
    if (got == 0) break;
    status = content.write(std::span(buffer.data(), static_cast<std::size_t>(got)));
  }
  ::close(fd);
  return status;
}

Status FolderSource::move_out(const std::string& id, const fs::path& to_directory,
                              std::string& moved_name) {
  std::error_code error;
  fs::create_directories(to_directory, error);
  if (error)
    return Status::retry("cannot create " + to_directory.string() + ": " + error.message());
  const std::string base = sdk::moved_name_prefix(host_.now().time_since_epoch().count()) + id;
  moved_name = base;
  for (int n = 2; fs::exists(to_directory / moved_name, error); ++n) {
    moved_name = base + "." + std::to_string(n);
  }
  if (std::rename((folder_ / id).c_str(), (to_directory / moved_name).c_str()) != 0) {
    if (errno == ENOENT) return Status::not_found(id + " is gone from " + folder_.string());
    return Status::retry("cannot move " + id + " to " + to_directory.string() + ": " +
                         errno_text());
  }
  return Status::ok();
}

Status FolderSource::ack(const std::string& id, sdk::AckOutcome outcome,
                         const std::string& reason) {
  if (!is_plain_file_name(id)) return Status::failed("refused document id '" + id + "'");
  std::string moved_name;
  if (outcome == sdk::AckOutcome::kCommitted) {
    if (auto moved = move_out(id, processed_, moved_name); !moved) return moved;
    host_.info(id + (reason.empty() ? " imported" : " " + reason) + ", moved to " +
               (processed_ / moved_name).string());
  } else {
    if (auto moved = move_out(id, quarantine_, moved_name); !moved) return moved;
    std::ofstream((quarantine_ / (moved_name + ".error")).string(), std::ios::trunc)
        << reason << "\n";
    host_.warn(id + " refused, moved to " + (quarantine_ / moved_name).string() + ": " + reason);
  }
  host_.count(outcome == sdk::AckOutcome::kCommitted ? "files_processed" : "files_quarantined");
  return Status::ok();
}

}  // namespace kontor::plugins

KONTOR_PLUGIN(kontor::plugins::FolderSource)
