// The host's SMTP transfers against a real mail server (aiosmtpd) the test starts on loopback:
// the message arrives byte for byte for every envelope recipient; TLS is required and verified;
// a permanent refusal of the message is FAILED with the server's reply, everything else —
// 4xx, a refused login, a server that does not answer — is RETRY; messages share a connection.
#include "host/smtp_transfer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "host/transfer_service.hpp"
#include "kontor/sdk/views.hpp"
#include "log/logging.hpp"
#include "support/loopback.hpp"
#include "support/smtp_server.hpp"

namespace kontor::host {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;
using testing::SmtpServer;
using testing::SmtpServerOptions;

constexpr const char* kSender = "forderungen@beispiel.example";
constexpr const char* kCustomer = "j.mueller@kunde.example";
constexpr const char* kArchive = "archiv@beispiel.example";

// A small message as the email channel composes them: CRLF, 7-bit, a line starting with a dot
// (which SMTP must stuff and the server unstuff).
const std::string kMessage =
    "From: Beispiel GmbH <forderungen@beispiel.example>\r\n"
    "To: =?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= <j.mueller@kunde.example>\r\n"
    "Subject: Zahlungserinnerung M-2026-000001\r\n"
    "Message-ID: <kontor-notice-0123@beispiel.example>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\r\n"
    "Sehr geehrter Herr M=C3=BCller,\r\n"
    ".\r\n"
    "..eine Zeile mit Punkt\r\n"
    "bitte =C3=BCberweisen Sie 214,00 =E2=82=AC.\r\n";

struct Answer {
  kontor_status status = KONTOR_INTERNAL;
  int code = -1;
  std::string message;
};

struct Send {
  std::string url;
  std::string method = "SEND";
  std::string ca_file;
  std::vector<std::string> to = {kCustomer};
  std::string username, password;
  std::int64_t timeout_ms = 0;
};

class SmtpTransferTest : public ::testing::Test {
 protected:
  void SetUp() override {
    instance_.name = "mail";
    instance_.plugin = "email";
    instance_.context = &context_;
    instance_.log = log::get("plugin:mail");
  }

  Answer send(const Send& call) {
    std::vector<kontor_str> to;
    for (const std::string& address : call.to) to.push_back(sdk::view(address));
    kontor_transfer_request request{};
    request.struct_size = sizeof(request);
    request.url = sdk::view(call.url);
    request.method = sdk::view(call.method);
    request.body = {reinterpret_cast<const std::uint8_t*>(kMessage.data()), kMessage.size()};
    request.mail_from = sdk::view(std::string_view(kSender));
    request.mail_to = {to.data(), static_cast<std::uint32_t>(to.size()),
                       static_cast<std::uint32_t>(sizeof(kontor_str))};
    request.username = sdk::view(call.username);
    request.password = sdk::view(call.password);
    request.ca_file = sdk::view(call.ca_file);
    request.timeout_ms = call.timeout_ms;
    const kontor_bytes_sink sink{sizeof(kontor_bytes_sink), nullptr,
                                 [](void*, kontor_bytes) -> kontor_status { return KONTOR_OK; }};
    kontor_transfer_result result{};
    result.struct_size = sizeof(result);
    Answer answer;
    answer.status = transfer_.perform(instance_, request, sink, result);
    answer.code = result.code;
    answer.message = sdk::copy(result.message);
    return answer;
  }

  // A send to `server` trusting its CA.
  static Send to(const SmtpServer& server) {
    return {.url = server.url(),
            .method = "SEND",
            .ca_file = server.ca_file().string(),
            .to = {kCustomer},
            .username = {},
            .password = {},
            .timeout_ms = 0};
  }

  TransferService transfer_;
  HostContext context_;
  HostInstance instance_;
};

TEST_F(SmtpTransferTest, StartTlsDeliversTheMessageByteForByteToEveryRecipient) {
  SmtpServer server;
  ASSERT_THAT(server.error(), IsEmpty());
  Send call = to(server);
  call.to = {kCustomer, kArchive};
  const Answer answer = send(call);
  ASSERT_EQ(answer.status, KONTOR_OK) << answer.message;
  EXPECT_EQ(answer.code, 250);
  const auto received = server.received();
  ASSERT_THAT(received, SizeIs(1));
  EXPECT_EQ(received[0].mail_from, kSender);
  EXPECT_THAT(received[0].rcpt_to, ElementsAre(kCustomer, kArchive));
  EXPECT_EQ(received[0].data, kMessage);
}

TEST_F(SmtpTransferTest, ImplicitTlsDelivers) {
  SmtpServer server(SmtpServerOptions::with_security("tls"));
  ASSERT_THAT(server.error(), IsEmpty());
  ASSERT_THAT(server.url(), ::testing::StartsWith("smtps://"));
  const Answer answer = send(to(server));
  ASSERT_EQ(answer.status, KONTOR_OK) << answer.message;
  ASSERT_THAT(server.received(), SizeIs(1));
  EXPECT_EQ(server.received()[0].data, kMessage);
}

TEST_F(SmtpTransferTest, ACertificateFromAnUntrustedCaIsRefusedBeforeTheMessageIsSent) {
  SmtpServer server;
  ASSERT_THAT(server.error(), IsEmpty());
  Send call = to(server);
  call.ca_file = server.other_ca_file().string();
  const Answer answer = send(call);
  EXPECT_EQ(answer.status, KONTOR_RETRY) << "the message is not at fault; it waits";
  EXPECT_THAT(answer.message, HasSubstr(server.url()));
  EXPECT_THAT(server.received(), IsEmpty());
}

TEST_F(SmtpTransferTest, AServerWithoutStartTlsGetsNoMessage) {
  SmtpServer server(SmtpServerOptions::with_security("plain"));
  ASSERT_THAT(server.error(), IsEmpty());
  const Answer answer = send(to(server));
  EXPECT_EQ(answer.status, KONTOR_RETRY);
  EXPECT_THAT(answer.message, HasSubstr("does not offer STARTTLS"));
  EXPECT_THAT(server.received(), IsEmpty());
}

TEST_F(SmtpTransferTest, PlainSmtpGoesOnlyToARelayOnThisMachine) {
  SmtpServer server(SmtpServerOptions::with_security("plain"));
  ASSERT_THAT(server.error(), IsEmpty());
  Send call = to(server);
  call.method = "SEND_PLAIN";
  const Answer local = send(call);
  ASSERT_EQ(local.status, KONTOR_OK) << local.message;
  EXPECT_THAT(server.received(), SizeIs(1));

  call.url = "smtp://mail.example.org:25";
  const Answer remote = send(call);
  EXPECT_EQ(remote.status, KONTOR_FAILED);
  EXPECT_THAT(remote.message, HasSubstr("only allowed to a relay on this machine"));
}

TEST_F(SmtpTransferTest, LogsInAndARefusedLoginRetriesWithoutShowingThePassword) {
  SmtpServer server(SmtpServerOptions::with_login("kontor", "s3cr3t-Passw0rt"));
  ASSERT_THAT(server.error(), IsEmpty());
  Send call = to(server);
  call.username = "kontor";
  call.password = "s3cr3t-Passw0rt";
  const Answer good = send(call);
  ASSERT_EQ(good.status, KONTOR_OK) << good.message;

  call.password = "wrong-Passw0rt";
  const Answer refused = send(call);
  EXPECT_EQ(refused.status, KONTOR_RETRY);
  EXPECT_EQ(refused.code, 535);
  EXPECT_THAT(refused.message, HasSubstr("AUTH: 535"));
  EXPECT_THAT(refused.message, Not(HasSubstr("wrong-Passw0rt")));
  EXPECT_THAT(server.received(), SizeIs(1));
}

TEST_F(SmtpTransferTest, ARecipientRefusedForGoodFailsWithTheServersReply) {
  SmtpServer server(SmtpServerOptions::rejecting(kCustomer));
  ASSERT_THAT(server.error(), IsEmpty());
  const Answer answer = send(to(server));
  EXPECT_EQ(answer.status, KONTOR_FAILED);
  EXPECT_EQ(answer.code, 550);
  EXPECT_THAT(answer.message, HasSubstr(std::string("RCPT TO:<") + kCustomer + ">: 550 5.1.1"));
  EXPECT_THAT(answer.message, HasSubstr("User unknown"));
  EXPECT_THAT(server.received(), IsEmpty());
}

TEST_F(SmtpTransferTest, ARefusedBlindCopyRecipientAlsoStopsTheMessage) {
  SmtpServer server(SmtpServerOptions::rejecting(kArchive));
  ASSERT_THAT(server.error(), IsEmpty());
  Send call = to(server);
  call.to = {kCustomer, kArchive};
  const Answer answer = send(call);
  EXPECT_EQ(answer.status, KONTOR_FAILED);
  EXPECT_THAT(answer.message, HasSubstr(kArchive));
  EXPECT_THAT(server.received(), IsEmpty()) << "every recipient or none";
}

TEST_F(SmtpTransferTest, AnEnvelopeAddressCannotCarryAnotherCommand) {
  SmtpServer server;
  ASSERT_THAT(server.error(), IsEmpty());
  Send call = to(server);
  call.to = {std::string(kCustomer) + ">\r\nRCPT TO:<evil@example.org"};
  const Answer answer = send(call);
  EXPECT_EQ(answer.status, KONTOR_FAILED);
  EXPECT_THAT(answer.message, HasSubstr("not a plain address"));
  EXPECT_THAT(server.received(), IsEmpty());
  EXPECT_EQ(server.sessions(), 0) << "refused before connecting";
}

TEST_F(SmtpTransferTest, ATemporaryRefusalRetries) {
  SmtpServer deferring(SmtpServerOptions::deferring(kCustomer));
  ASSERT_THAT(deferring.error(), IsEmpty());
  const Answer at_recipient = send(to(deferring));
  EXPECT_EQ(at_recipient.status, KONTOR_RETRY);
  EXPECT_EQ(at_recipient.code, 450);

  SmtpServer busy(SmtpServerOptions::answering_data("451 4.3.0 Temporary lookup failure"));
  ASSERT_THAT(busy.error(), IsEmpty());
  const Answer at_content = send(to(busy));
  EXPECT_EQ(at_content.status, KONTOR_RETRY);
  EXPECT_THAT(at_content.message, HasSubstr("DATA: 451 4.3.0 Temporary lookup failure"));
}

TEST_F(SmtpTransferTest, ContentRefusedForGoodFails) {
  SmtpServer server(SmtpServerOptions::answering_data("554 5.7.1 Message rejected as spam"));
  ASSERT_THAT(server.error(), IsEmpty());
  const Answer answer = send(to(server));
  EXPECT_EQ(answer.status, KONTOR_FAILED);
  EXPECT_EQ(answer.code, 554);
  EXPECT_THAT(answer.message, HasSubstr("DATA: 554 5.7.1 Message rejected as spam"));
}

TEST_F(SmtpTransferTest, AServerThatNeverGreetsRetriesAfterTheTimeout) {
  SmtpServer server(SmtpServerOptions::hanging("connect"));
  ASSERT_THAT(server.error(), IsEmpty());
  Send call = to(server);
  call.timeout_ms = 1500;
  const Answer answer = send(call);
  EXPECT_EQ(answer.status, KONTOR_RETRY);
  EXPECT_THAT(answer.message, HasSubstr("SMTP " + server.url()));
}

TEST_F(SmtpTransferTest, NoAnswerAfterTheContentRetriesAndSaysItMayHaveArrived) {
  SmtpServer server(SmtpServerOptions::hanging("data"));
  ASSERT_THAT(server.error(), IsEmpty());
  Send call = to(server);
  call.timeout_ms = 1500;
  const Answer answer = send(call);
  EXPECT_EQ(answer.status, KONTOR_RETRY);
  EXPECT_THAT(answer.message, HasSubstr("it may have arrived"));
}

TEST_F(SmtpTransferTest, ARefusedConnectionRetries) {
  testing::RefusingPort nobody;
  Send call;
  call.url = "smtp://127.0.0.1:" + std::to_string(nobody.port());
  const Answer answer = send(call);
  EXPECT_EQ(answer.status, KONTOR_RETRY);
  EXPECT_EQ(answer.code, 0);
}

TEST_F(SmtpTransferTest, MessagesShareAConnectionUntilSomethingFails) {
  SmtpServer server(SmtpServerOptions::rejecting("unknown@kunde.example"));
  ASSERT_THAT(server.error(), IsEmpty());
  for (int i = 0; i < 3; ++i) ASSERT_EQ(send(to(server)).status, KONTOR_OK);
  EXPECT_EQ(server.sessions(), 1) << "one TCP and TLS handshake and login for all three";

  Send refused = to(server);
  refused.to = {"unknown@kunde.example"};
  EXPECT_EQ(send(refused).status, KONTOR_FAILED);
  ASSERT_EQ(send(to(server)).status, KONTOR_OK);
  EXPECT_EQ(server.sessions(), 2) << "after a failure the next message starts afresh";
  EXPECT_THAT(server.received(), SizeIs(4));
}

TEST_F(SmtpTransferTest, AConnectionCarriesAtMostItsShareOfMessages) {
  SmtpServer server(SmtpServerOptions::with_security("plain"));
  ASSERT_THAT(server.error(), IsEmpty());
  Send call = to(server);
  call.method = "SEND_PLAIN";
  for (int i = 0; i < kMessagesPerConnection + 1; ++i) ASSERT_EQ(send(call).status, KONTOR_OK);
  EXPECT_EQ(server.sessions(), 2);
}

}  // namespace
}  // namespace kontor::host
