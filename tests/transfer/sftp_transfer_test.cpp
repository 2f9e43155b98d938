// The host's SFTP transfers against a real OpenSSH server the test starts on loopback: what each
// method does on the server's disk, and what is refused — an unknown or changed host key, a
// wrong password, key or passphrase — without a secret in any message.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <fstream>
#include <sstream>

#include "host/transfer_service.hpp"
#include "kontor/sdk/views.hpp"
#include "log/logging.hpp"
#include "support/loopback.hpp"
#include "support/sftp_server.hpp"

namespace kontor::host {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

struct Answer {
  kontor_status status = KONTOR_INTERNAL;
  std::string message;
  std::string body;
};

// What one request names; the credentials default to the server's own client key.
struct Call {
  std::string method = "GET";
  std::string url;
  std::string body;
  std::string rename_to;
  std::string known_hosts;
  std::string private_key;
  std::string password;
  std::string username;
};

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class SftpTransferTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_THAT(server_.error(), IsEmpty());
    instance_.name = "bank";
    instance_.plugin = "sftp-test";
    instance_.context = &context_;
    instance_.log = log::get("plugin:bank");
    instance_.cancelled = &cancelled_;
    context_.transfer = &transfer_;
    fs::create_directories(inbox());
  }

  fs::path inbox() const { return server_.files() / "in"; }

  Call call(std::string method, std::string url) const {
    Call c;
    c.method = std::move(method);
    c.url = std::move(url);
    c.known_hosts = server_.known_hosts().string();
    c.private_key = server_.client_key().string();
    c.username = server_.user();
    return c;
  }

  Answer perform(const Call& c) {
    struct Body {
      std::string text;
      static kontor_status write(void* context, kontor_bytes chunk) {
        static_cast<Body*>(context)->text += sdk::copy(chunk);
        return KONTOR_OK;
      }
    } body;
    const kontor_bytes_sink sink{sizeof(kontor_bytes_sink), &body, &Body::write};
    kontor_transfer_request request{};
    request.struct_size = sizeof(request);
    request.url = sdk::view(c.url);
    request.method = sdk::view(c.method);
    request.body = sdk::bytes_view(c.body);
    request.rename_to = sdk::view(c.rename_to);
    request.known_hosts = sdk::view(c.known_hosts);
    request.private_key = sdk::view(c.private_key);
    request.password = sdk::view(c.password);
    request.username = sdk::view(c.username);
    kontor_transfer_result result{};
    result.struct_size = sizeof(result);
    Answer answer;
    answer.status = transfer_.perform(instance_, request, sink, result);
    answer.message = sdk::copy(result.message);
    answer.body = body.text;
    return answer;
  }

  testing::SftpServer server_;
  TransferService transfer_;
  HostContext context_;
  HostInstance instance_;
  std::atomic<bool> cancelled_{false};
};

TEST_F(SftpTransferTest, GetDownloadsTheFile) {
  std::ofstream(inbox() / "camt053.xml") << "<Document/>\n";
  const Answer answer = perform(call("GET", server_.url(inbox()) + "camt053.xml"));
  ASSERT_EQ(answer.status, KONTOR_OK) << answer.message;
  EXPECT_EQ(answer.body, "<Document/>\n");
}

TEST_F(SftpTransferTest, GetOfAMissingFileIsNotFound) {
  const Answer answer = perform(call("GET", server_.url(inbox()) + "nothing.xml"));
  EXPECT_EQ(answer.status, KONTOR_NOT_FOUND) << answer.message;
}

TEST_F(SftpTransferTest, ListGivesTypeSizeAndModificationTimeOfEachEntry) {
  std::ofstream(inbox() / "camt053.xml") << "<Document/>\n";
  std::ofstream(inbox() / "Kontoauszug 27.11.sta") << ":20:1\n";
  const timespec times[2] = {{1'795'845'720, 0}, {1'795'845'720, 0}};
  for (const char* name : {"camt053.xml", "Kontoauszug 27.11.sta"}) {
    ASSERT_EQ(::utimensat(AT_FDCWD, (inbox() / name).c_str(), times, 0), 0);
  }
  fs::create_directory(inbox() / "processed");
  fs::create_symlink(inbox() / "camt053.xml", inbox() / "latest.xml");

  const Answer answer = perform(call("LIST", server_.url(inbox())));
  ASSERT_EQ(answer.status, KONTOR_OK) << answer.message;
  std::vector<std::string> lines;
  std::istringstream in(answer.body);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  EXPECT_THAT(lines, UnorderedElementsAre("f\t12\t1795845720\tcamt053.xml",
                                          "f\t6\t1795845720\tKontoauszug 27.11.sta",
                                          "d\t-1\t0\tprocessed", "l\t-1\t0\tlatest.xml"));
}

TEST_F(SftpTransferTest, ListOfAMissingDirectoryIsNotFound) {
  const Answer answer = perform(call("LIST", server_.url(server_.files() / "nowhere")));
  EXPECT_EQ(answer.status, KONTOR_NOT_FOUND) << answer.message;
}

TEST_F(SftpTransferTest, PutWritesTheFileAndTheDirectoriesItNeeds) {
  Call put = call("PUT", server_.url(inbox() / "quarantine") + "bad.xml.error");
  put.body = "line 3: not a camt document\n";
  const Answer answer = perform(put);
  ASSERT_EQ(answer.status, KONTOR_OK) << answer.message;
  EXPECT_EQ(read_text(inbox() / "quarantine/bad.xml.error"), "line 3: not a camt document\n");
}

TEST_F(SftpTransferTest, RenameMovesTheFileIntoADirectoryItCreates) {
  std::ofstream(inbox() / "camt053.xml") << "<Document/>\n";
  Call rename = call("RENAME", server_.url(inbox()) + "camt053.xml");
  rename.rename_to = "processed/2026-11-28T10-15-00Z_camt053.xml";  // relative to the file's
  const Answer answer = perform(rename);
  ASSERT_EQ(answer.status, KONTOR_OK) << answer.message;
  EXPECT_FALSE(fs::exists(inbox() / "camt053.xml"));
  EXPECT_EQ(read_text(inbox() / "processed/2026-11-28T10-15-00Z_camt053.xml"), "<Document/>\n");

  // Once more into the directory that now exists, by an absolute path.
  std::ofstream(inbox() / "camt054.xml") << "<Document/>\n";
  rename = call("RENAME", server_.url(inbox()) + "camt054.xml");
  rename.rename_to = (inbox() / "processed/camt054.xml").string();
  EXPECT_EQ(perform(rename).status, KONTOR_OK);
  EXPECT_TRUE(fs::exists(inbox() / "processed/camt054.xml"));
}

TEST_F(SftpTransferTest, RenameNeverReplacesAnExistingFile) {
  std::ofstream(inbox() / "a.xml") << "new\n";
  fs::create_directory(inbox() / "processed");
  std::ofstream(inbox() / "processed/a.xml") << "old\n";
  Call rename = call("RENAME", server_.url(inbox()) + "a.xml");
  rename.rename_to = "processed/a.xml";
  EXPECT_EQ(perform(rename).status, KONTOR_FAILED);
  EXPECT_EQ(read_text(inbox() / "processed/a.xml"), "old\n");
  EXPECT_EQ(read_text(inbox() / "a.xml"), "new\n");
}

TEST_F(SftpTransferTest, RenameOrDeleteOfAMissingFileIsNotFound) {
  Call rename = call("RENAME", server_.url(inbox()) + "gone.xml");
  rename.rename_to = "processed/gone.xml";
  EXPECT_EQ(perform(rename).status, KONTOR_NOT_FOUND);
  EXPECT_EQ(perform(call("DELETE", server_.url(inbox()) + "gone.xml")).status, KONTOR_NOT_FOUND);
}

TEST_F(SftpTransferTest, DeleteRemovesTheFile) {
  std::ofstream(inbox() / "camt053.xml") << "<Document/>\n";
  const Answer answer = perform(call("DELETE", server_.url(inbox()) + "camt053.xml"));
  ASSERT_EQ(answer.status, KONTOR_OK) << answer.message;
  EXPECT_FALSE(fs::exists(inbox() / "camt053.xml"));
}

TEST_F(SftpTransferTest, NamesWithBlanksQuotesAndPercentSignsTravelIntact) {
  const std::string name = "Auszug \"27%\" 'a\\b'.sta";
  std::ofstream(inbox() / name) << ":20:1\n";
  Call rename = call("RENAME", server_.url(inbox()) + "Auszug%20%2227%25%22%20%27a%5Cb%27.sta");
  rename.rename_to = "processed/" + name;
  const Answer answer = perform(rename);
  ASSERT_EQ(answer.status, KONTOR_OK) << answer.message;
  EXPECT_TRUE(fs::exists(inbox() / "processed" / name));
}

TEST_F(SftpTransferTest, PasswordIsThePassphraseOfAnEncryptedKey) {
  std::ofstream(inbox() / "camt053.xml") << "<Document/>\n";
  Call get = call("GET", server_.url(inbox()) + "camt053.xml");
  get.private_key = server_.client_key_with_passphrase().string();
  get.password = testing::SftpServer::kPassphrase;
  const Answer answer = perform(get);
  ASSERT_EQ(answer.status, KONTOR_OK) << answer.message;
  EXPECT_EQ(answer.body, "<Document/>\n");

  get.password = "not the passphrase";
  const Answer refused = perform(get);
  EXPECT_EQ(refused.status, KONTOR_FAILED);
  EXPECT_THAT(refused.message, HasSubstr("refused the login"));
  EXPECT_THAT(refused.message, Not(HasSubstr("not the passphrase")));
}

TEST_F(SftpTransferTest, AnUnknownHostKeyIsRefusedNamingTheHostAndNeverAdded) {
  Call list = call("LIST", server_.url(inbox()));
  list.known_hosts = server_.known_hosts_without_it().string();
  const std::string before = read_text(list.known_hosts);
  const Answer answer = perform(list);
  EXPECT_EQ(answer.status, KONTOR_FAILED);
  EXPECT_THAT(answer.message, HasSubstr("host key of 127.0.0.1:" + std::to_string(server_.port()) +
                                        " is not in " + list.known_hosts));
  EXPECT_THAT(answer.message, HasSubstr("ssh-ed25519 SHA256:"));
  EXPECT_EQ(read_text(list.known_hosts), before);
}

TEST_F(SftpTransferTest, AChangedHostKeyIsRefusedBeforeAnythingIsSent) {
  std::ofstream(inbox() / "camt053.xml") << "<Document/>\n";
  Call del = call("DELETE", server_.url(inbox()) + "camt053.xml");
  del.known_hosts = server_.known_hosts_with_another_key().string();
  const Answer answer = perform(del);
  EXPECT_EQ(answer.status, KONTOR_FAILED);
  EXPECT_THAT(answer.message, HasSubstr("host key of 127.0.0.1:" + std::to_string(server_.port()) +
                                        " does not match"));
  EXPECT_TRUE(fs::exists(inbox() / "camt053.xml"));
}

TEST_F(SftpTransferTest, WithoutAKnownHostsFileNothingIsTried) {
  Call list = call("LIST", server_.url(inbox()));
  list.known_hosts.clear();
  EXPECT_EQ(perform(list).status, KONTOR_FAILED);
  list.known_hosts = (server_.files() / "no_such_known_hosts").string();
  const Answer answer = perform(list);
  EXPECT_EQ(answer.status, KONTOR_FAILED);
  EXPECT_THAT(answer.message, HasSubstr("cannot read the known_hosts file"));
}

TEST_F(SftpTransferTest, AWrongPasswordIsRefusedAndNotRepeated) {
  Call list = call("LIST", server_.url(inbox()));
  list.private_key.clear();
  list.password = "Sommer2026!";
  const Answer answer = perform(list);
  EXPECT_EQ(answer.status, KONTOR_FAILED);
  EXPECT_THAT(answer.message, HasSubstr("refused the login as '" + server_.user() + "'"));
  EXPECT_THAT(answer.message, Not(HasSubstr("Sommer2026!")));
}

TEST_F(SftpTransferTest, AKeyTheServerDoesNotKnowIsRefused) {
  Call list = call("LIST", server_.url(inbox()));
  list.private_key = server_.stranger_key().string();
  EXPECT_EQ(perform(list).status, KONTOR_FAILED);
}

TEST_F(SftpTransferTest, ARefusedConnectionIsRetryWithoutUserOrPassword) {
  testing::RefusingPort nobody;
  Call list =
      call("LIST", "sftp://bank:secret@127.0.0.1:" + std::to_string(nobody.port()) + "/in/");
  const Answer answer = perform(list);
  EXPECT_EQ(answer.status, KONTOR_RETRY);
  EXPECT_THAT(answer.message,
              HasSubstr("LIST sftp://127.0.0.1:" + std::to_string(nobody.port()) + "/in/: "));
  EXPECT_THAT(answer.message, Not(HasSubstr("secret")));
}

TEST_F(SftpTransferTest, AServerThatStoppedIsRetry) {
  server_.stop();
  EXPECT_EQ(perform(call("LIST", server_.url(inbox()))).status, KONTOR_RETRY);
}

TEST_F(SftpTransferTest, ACancelledCallStops) {
  cancelled_ = true;
  EXPECT_EQ(perform(call("LIST", server_.url(inbox()))).status, KONTOR_CANCELLED);
}

TEST_F(SftpTransferTest, UrlsThatDoNotFitTheMethodAreRefused) {
  EXPECT_EQ(perform(call("LIST", server_.url(inbox()) + "a.xml")).status, KONTOR_FAILED);
  EXPECT_EQ(perform(call("GET", server_.url(inbox()))).status, KONTOR_FAILED);
  EXPECT_EQ(perform(call("SEND", server_.url(inbox()) + "a.xml")).status, KONTOR_UNSUPPORTED);
  EXPECT_EQ(perform(call("GET", server_.url(inbox()) + "a%0A.xml")).status, KONTOR_FAILED);
}

}  // namespace
}  // namespace kontor::host
