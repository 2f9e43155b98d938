// Undeletable: keeps a file from being removed for as long as it lives, so that a test sees what
// code does when a removal fails. Not as root (who ignores permissions): the folder loses its
// write permission. As root: the file gets the immutable flag (`chattr +i`), which needs
// CAP_LINUX_IMMUTABLE and a file system that has it (ext4, xfs, btrfs, tmpfs). active() is false
// when neither works here; the test should then skip. Everything is put back on destruction.
#pragma once

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

namespace kontor::testing {

class Undeletable {
 public:
  explicit Undeletable(const std::filesystem::path& file) : file_(file) {
    if (::geteuid() != 0) {
      folder_ = file.parent_path();
      struct stat st {};
      if (::stat(folder_.c_str(), &st) != 0) return;
      folder_mode_ = st.st_mode & 07777;
      active_ = ::chmod(folder_.c_str(), folder_mode_ & ~0222) == 0;
      return;
    }
    active_ = set_immutable(true);
    immutable_ = active_;
  }
  ~Undeletable() {
    if (immutable_) set_immutable(false);
    if (!folder_.empty() && active_) ::chmod(folder_.c_str(), folder_mode_);
  }
  Undeletable(const Undeletable&) = delete;
  Undeletable& operator=(const Undeletable&) = delete;

  bool active() const { return active_; }

 private:
  bool set_immutable(bool on) const {
    const int fd = ::open(file_.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return false;
    int flags = 0;
    bool done = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
    if (done) {
      flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
      done = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
    ::close(fd);
    return done;
  }

  std::filesystem::path file_;
  std::filesystem::path folder_;
  mode_t folder_mode_ = 0;
  bool active_ = false;
  bool immutable_ = false;
};

}  // namespace kontor::testing
