// What kontord keeps of an SMTP conversation: the command a reply answered and the reply itself,
// never an AUTH line; and which refusals park a message.
#include "host/smtp_dialogue.hpp"

#include <gtest/gtest.h>

namespace kontor::host::smtp {
namespace {

TEST(SmtpDialogue, KeepsTheLastReplyAndTheCommandItAnswers) {
  SmtpDialogue dialogue;
  dialogue.server_line("220 mail.example.org ESMTP\r\n");
  dialogue.client_line("MAIL FROM:<forderungen@beispiel.example>\r\n");
  dialogue.server_line("250 2.1.0 Ok\r\n");
  dialogue.client_line("RCPT TO:<nobody@example.org>\r\n");
  dialogue.server_line("550 5.1.1 <nobody@example.org>: Recipient address rejected\r\n");
  EXPECT_EQ(dialogue.command(), "RCPT TO:<nobody@example.org>");
  EXPECT_EQ(dialogue.reply_code(), 550);
  EXPECT_EQ(dialogue.reply(), "550 5.1.1 <nobody@example.org>: Recipient address rejected");
}

TEST(SmtpDialogue, JoinsTheLinesOfAMultiLineReply) {
  SmtpDialogue dialogue;
  dialogue.client_line("DATA\r\n");
  dialogue.server_line("554-5.7.1 Message refused:\r\n");
  EXPECT_EQ(dialogue.reply_code(), 0) << "the reply is not complete yet";
  dialogue.server_line("554 5.7.1 looks like spam\r\n");
  EXPECT_EQ(dialogue.reply(), "554 5.7.1 Message refused: 5.7.1 looks like spam");
  EXPECT_EQ(dialogue.reply_code(), 554);
}

TEST(SmtpDialogue, NeverKeepsWhatAnAuthExchangeSends) {
  SmtpDialogue dialogue;
  dialogue.client_line("AUTH PLAIN AGZvcmRlcnVuZ2VuAHMzY3IzdA==\r\n");
  EXPECT_EQ(dialogue.command(), "AUTH");
  dialogue.client_line("AUTH LOGIN\r\n");
  dialogue.server_line("334 VXNlcm5hbWU6\r\n");
  dialogue.client_line("Zm9yZGVydW5nZW4=\r\n");  // the user name
  dialogue.server_line("334 UGFzc3dvcmQ6\r\n");
  dialogue.client_line("czNjcjN0\r\n");  // the password
  dialogue.server_line("535 5.7.8 Error: authentication failed\r\n");
  EXPECT_EQ(dialogue.command(), "AUTH");
  EXPECT_EQ(dialogue.reply(), "535 5.7.8 Error: authentication failed");
}

TEST(SmtpDialogue, TheGoodbyeAfterQuitDoesNotHideTheRefusal) {
  SmtpDialogue dialogue;
  dialogue.client_line("RCPT TO:<a@example.org>\r\n");
  dialogue.server_line("452 4.5.3 Too many recipients\r\n");
  dialogue.client_line("QUIT\r\n");
  dialogue.server_line("221 2.0.0 Bye\r\n");
  EXPECT_EQ(dialogue.reply_code(), 452);
  EXPECT_EQ(dialogue.command(), "RCPT TO:<a@example.org>");
}

TEST(SmtpRefusal, OnlyAPermanentRefusalOfTheMessageItselfFailsIt) {
  EXPECT_EQ(refusal_status("RCPT TO:<a@example.org>", 550), KONTOR_FAILED);
  EXPECT_EQ(refusal_status("DATA", 554), KONTOR_FAILED);
  EXPECT_EQ(refusal_status("RCPT TO:<a@example.org>", 450), KONTOR_RETRY);
  EXPECT_EQ(refusal_status("DATA", 451), KONTOR_RETRY);
  // The server, the account or the configuration is at fault: the message waits.
  EXPECT_EQ(refusal_status("AUTH", 535), KONTOR_RETRY);
  EXPECT_EQ(refusal_status("MAIL FROM:<a@example.org>", 553), KONTOR_RETRY);
  EXPECT_EQ(refusal_status("", 554), KONTOR_RETRY);
  EXPECT_EQ(refusal_status("EHLO", 502), KONTOR_RETRY);
}

TEST(SmtpLoopback, OnlyTheLocalMachineCounts) {
  EXPECT_TRUE(is_loopback_url("smtp://localhost:25"));
  EXPECT_TRUE(is_loopback_url("smtp://127.0.0.1:2525/kontor.example"));
  EXPECT_TRUE(is_loopback_url("smtp://user@127.0.0.53"));
  EXPECT_TRUE(is_loopback_url("smtp://[::1]:25"));
  EXPECT_FALSE(is_loopback_url("smtp://mail.example.org:25"));
  EXPECT_FALSE(is_loopback_url("smtp://127.0.0.1.example.org"));
  EXPECT_FALSE(is_loopback_url("smtp://localhost.example.org"));
  EXPECT_FALSE(is_loopback_url("smtp://127.0.0.1@mail.example.org"));
  EXPECT_FALSE(is_loopback_url("smtp://10.0.0.1"));
  EXPECT_FALSE(is_loopback_url("localhost"));
}

}  // namespace
}  // namespace kontor::host::smtp
