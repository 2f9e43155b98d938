// SftpServer: a real OpenSSH server (/usr/sbin/sshd -D -e) on a free loopback port for the tests
// of SFTP transfers and sources, with throwaway keys made by ssh-keygen, sftp served by
// internal-sftp, and everything in a temp dir; stopped and removed when the test ends.
//
// It logs in the user running the test, by key only: a password login would need an account
// with a known password, which a test must not create or change, so passwords are tested as
// refused. CI runs as root, and sshd refuses root by default: this loopback server, with keys
// that live as long as the test, permits it (PermitRootLogin yes). sshd's privilege separation
// needs /run/sshd; it is created when missing.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {

class SftpServer {
 public:
  static constexpr const char* kPassphrase = "kontor test passphrase";

  SftpServer();  // starts it; check error() before use
  ~SftpServer();
  SftpServer(const SftpServer&) = delete;
  SftpServer& operator=(const SftpServer&) = delete;

  // Empty once the server listens; else why it does not.
  const std::string& error() const { return error_; }
  void stop();  // now, for tests of a server that went away

  int port() const { return port_; }
  std::string user() const { return user_; }
  // The server's files: a local directory that the test fills and inspects, and whose absolute
  // path is the remote path.
  std::filesystem::path files() const { return dir_ / "files"; }
  // sftp://127.0.0.1:PORT/<absolute path>/
  std::string url(const std::filesystem::path& path) const;

  std::filesystem::path known_hosts() const { return dir_ / "known_hosts"; }
  // The same host and port with another key: what a changed server key looks like.
  std::filesystem::path known_hosts_with_another_key() const {
    return dir_ / "known_hosts_changed";
  }
  // Holds a key for another port of the host only: the server is unknown.
  std::filesystem::path known_hosts_without_it() const { return dir_ / "known_hosts_other"; }
  std::filesystem::path client_key() const { return dir_ / "keys/client"; }
  std::filesystem::path client_key_with_passphrase() const {
    return dir_ / "keys/client_passphrase";
  }
  // A key the server does not accept.
  std::filesystem::path stranger_key() const { return dir_ / "keys/stranger"; }
  std::string sshd_log() const;

 private:
  std::string start();

  TempDir dir_;
  int port_ = 0;
  std::string user_;
  std::string error_;
  std::unique_ptr<ChildProcess> sshd_;
};

}  // namespace kontor::testing
