#include "support/sftp_server.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "support/loopback.hpp"

namespace kontor::testing {
namespace {

constexpr const char* kSshd = "/usr/sbin/sshd";
constexpr const char* kSshKeygen = "/usr/bin/ssh-keygen";

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "ssh-ed25519 AAAA..." of a public key file, without its comment.
std::string public_key_of(const std::filesystem::path& key) {
  std::istringstream words(read_text(key.string() + ".pub"));
  std::string type, blob;
  words >> type >> blob;
  return type + " " + blob;
}

}  // namespace

SftpServer::SftpServer() {
  error_ = start();
}

SftpServer::~SftpServer() = default;

void SftpServer::stop() {
  sshd_.reset();  // SIGKILL and reap
}

std::string SftpServer::url(const std::filesystem::path& path) const {
  std::string text = "sftp://127.0.0.1:" + std::to_string(port_) + path.string();
  if (!text.ends_with('/')) text += '/';
  return text;
}

std::string SftpServer::sshd_log() const {
  return sshd_ ? sshd_->err() : read_text(dir_ / "log/stderr.txt");
}

std::string SftpServer::start() {
  if (::access(kSshd, X_OK) != 0) return std::string(kSshd) + " is missing (openssh-server)";
  const passwd* account = ::getpwuid(::geteuid());
  if (account == nullptr) return "the test's user has no name";
  user_ = account->pw_name;
  if (::geteuid() == 0) {
    // sshd's privilege separation runs in /run/sshd; a container may not have it yet.
    std::error_code ignored;
    std::filesystem::create_directories("/run/sshd", ignored);
    ::chmod("/run/sshd", 0755);
  }
  for (const char* sub : {"keys", "files", "log", "keygen"}) {
    std::filesystem::create_directories(dir_ / sub);
  }
  struct Key {
    const char* name;
    const char* passphrase;
  };
  for (const Key& key : {Key{"host", ""}, Key{"other_host", ""}, Key{"client", ""},
                         Key{"client_passphrase", kPassphrase}, Key{"stranger", ""}}) {
    const auto made = run_to_end({{kSshKeygen, "-q", "-t", "ed25519", "-N", key.passphrase, "-C",
                                   "kontor-test", "-f", (dir_ / "keys" / key.name).string()},
                                  dir_ / "keygen",
                                  {},
                                  {}});
    if (made.status != 0) return "ssh-keygen failed: " + made.err;
  }
  port_ = free_loopback_port();
  const std::string host = "[127.0.0.1]:" + std::to_string(port_);
  std::ofstream(dir_ / "known_hosts") << host << " " << public_key_of(dir_ / "keys/host") << "\n";
  std::ofstream(dir_ / "known_hosts_changed")
      << host << " " << public_key_of(dir_ / "keys/other_host") << "\n";
  std::ofstream(dir_ / "known_hosts_other")
      << "[127.0.0.1]:" << (port_ == 65535 ? port_ - 1 : port_ + 1) << " "
      << public_key_of(dir_ / "keys/host") << "\n";
  std::ofstream(dir_ / "authorized_keys") << public_key_of(dir_ / "keys/client") << "\n"
                                          << public_key_of(dir_ / "keys/client_passphrase") << "\n";
  std::ofstream(dir_ / "sshd_config")
      << "ListenAddress 127.0.0.1:" << port_ << "\n"
      << "HostKey " << (dir_ / "keys/host").string() << "\n"
      << "AuthorizedKeysFile " << (dir_ / "authorized_keys").string() << "\n"
      << "PidFile " << (dir_ / "sshd.pid").string() << "\n"
      << "StrictModes no\n"
      << "UsePAM no\n"
      << "PermitRootLogin yes\n"
      << "PubkeyAuthentication yes\n"
      << "PasswordAuthentication yes\n"
      << "KbdInteractiveAuthentication no\n"
      << "Subsystem sftp internal-sftp\n"
      << "LogLevel VERBOSE\n";
  sshd_ = std::make_unique<ChildProcess>(ChildOptions{
      {kSshd, "-D", "-e", "-f", (dir_ / "sshd_config").string()}, dir_ / "log", {}, {}});
  if (std::string why = wait_until_listening(*sshd_, port_); !why.empty()) {
    return "sshd " + why;
  }
  return "";
}

}  // namespace kontor::testing
