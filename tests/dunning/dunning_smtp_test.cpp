// The dunning job delivering over SMTP, as an operator runs it: kontord --once on the demo's
// configuration with its `mail-out` instance pointed at a real mail server (aiosmtpd) the test
// starts on loopback — STARTTLS with a throwaway CA, a login whose password kontord reads from
// an environment secret. The reminder arrives once, blind copies travel in the envelope only; a
// server that is down leaves the reminders waiting (and after three failures in a row the rest
// are not even tried) until a later run sends each exactly once; a recipient the server refuses
// for good parks the notice with the server's reply.
#include "dunning/dunning_job_fixture.hpp"
#include "support/loopback.hpp"
#include "support/smtp_server.hpp"

namespace kontor::testing {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAreArray;

constexpr const char* kPassword = "Mahn-Passw0rt!";
constexpr const char* kSchmitz = "buchhaltung@baeckerei-schmitz.example";

class DunningOverSmtp : public DunningJob {
 protected:
  // Points the demo's `mail-out` at 127.0.0.1:`port` in mode smtp, trusting `ca_file`, with
  // the instance's further keys `extra` (YAML lines indented by four).
  void send_through(int port, const fs::path& ca_file, const std::string& extra = "") {
    const std::string pickup =
        "    mode: pickup\n    pickup_dir: ${KONTOR_DEMO_STATE}/outbox/mail\n";
    std::string yaml = read_text(dir_ / "kontor.yaml");
    const auto at = yaml.find(pickup);
    ASSERT_NE(at, std::string::npos) << "config/demo.yaml's mail-out changed";
    yaml.replace(
        at, pickup.size(),
        "    mode: smtp\n    smtp_host: 127.0.0.1\n    smtp_port: " + std::to_string(port) +
            "\n    ca_file: " + ca_file.string() + "\n    timeout: 5s\n" + extra);
    dir_.write("kontor.yaml", yaml);
  }
  void send_through(const SmtpServer& server, const std::string& extra = "") {
    ASSERT_THAT(server.error(), IsEmpty());
    send_through(server.port(), server.ca_file(), extra);
  }

  // The demo's ERP export plus `count` more customers, each with one invoice overdue since
  // October, so that they all get a first reminder.
  void drop_demo_with_more_debtors(int count) {
    drop_demo();
    std::string csv = read_text(source_dir() / "config/demo-data/erp/2026-11-27_offene-posten.csv");
    if (!csv.empty() && csv.back() != '\n') csv += "\n";
    for (int i = 1; i <= count; ++i) {
      csv += "R-2026-30" + std::to_string(10 + i) + ";K-300" + std::to_string(10 + i) + ";Kunde " +
             std::to_string(i) + " GmbH;Hauptstr. " + std::to_string(i) + ";50667;Köln;DE;kunde" +
             std::to_string(i) +
             "@kunde.example;b2b;;01.10.2026;31.10.2026;119,00;100,00;19;EUR;invoice;;;email\n";
    }
    dir_.write("state/inbox/erp/2026-11-27_offene-posten.csv", csv);
  }

  // The notices that go by e-mail (the demo's K-10004 gets a letter).
  std::vector<store::StoredNotice> mailed() {
    std::vector<store::StoredNotice> found;
    for (store::StoredNotice& notice : notices()) {
      if (notice.notice.channel == "mail-out") found.push_back(std::move(notice));
    }
    return found;
  }
};

TEST_F(DunningOverSmtp, TheDemoReminderReachesTheMailServerOnce) {
  SmtpServer server(SmtpServerOptions::with_login("kontor", kPassword));
  send_through(server,
               "    smtp_user: kontor\n"
               "    smtp_password: {env: KONTOR_TEST_SMTP_PASSWORD}\n"
               "    bcc: [archiv@beispiel.example]\n");
  extra_env_["KONTOR_TEST_SMTP_PASSWORD"] = kPassword;
  drop_demo();
  const Completed run = once(kDemoDay);
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_THAT(run.err, Not(HasSubstr(kPassword)));

  const std::vector<ReceivedMail> received = server.received();
  ASSERT_THAT(received, SizeIs(1));
  EXPECT_THAT(received[0].rcpt_to, ElementsAre(kSchmitz, "archiv@beispiel.example"));
  EXPECT_THAT(received[0].data, Not(HasSubstr("archiv@")));
  const fs::path eml = dir_.write("received.eml", received[0].data);
  const nlohmann::json mail = read_eml(eml);
  EXPECT_EQ(mail["to"]["name"], "Bäckerei Schmitz GmbH");
  EXPECT_EQ(mail["to"]["address"], kSchmitz);
  EXPECT_THAT(mail["subject"].get<std::string>(),
              AllOf(HasSubstr("Zahlungserinnerung"), HasSubstr("M-2026-000001")));
  EXPECT_THAT(
      mail["text"].get<std::string>(),
      AllOf(HasSubstr("R-2026-1004"), HasSubstr("214,00 €"), HasSubstr("RF36 M202 6000 001")));
  EXPECT_TRUE(mail["defects"].empty()) << mail["defects"].dump();
  EXPECT_TRUE(emls().empty()) << "mode smtp writes no pickup files";

  const std::vector<store::StoredNotice> stored = notices("K-10001");
  ASSERT_THAT(stored, SizeIs(1));
  EXPECT_EQ(stored[0].notice.delivery_state, DeliveryState::delivered);

  drop_demo();
  const Completed again = once(kDemoDay);
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_THAT(server.received(), SizeIs(1)) << "a rerun sends nothing twice";
}

TEST_F(DunningOverSmtp, AServerThatIsDownLeavesTheRemindersWaitingUntilARunSendsEachOnce) {
  SmtpServer server;
  ASSERT_THAT(server.error(), IsEmpty());
  {
    RefusingPort down;
    send_through(down.port(), server.ca_file());
    drop_demo_with_more_debtors(4);
    const Completed failed = once(kDemoDay);
    EXPECT_NE(failed.status, 0) << "reminders left to retry fail the run, so it is retried";
    EXPECT_THAT(failed.err, HasSubstr("wait for the next run"));
  }
  std::vector<store::StoredNotice> waiting = mailed();
  ASSERT_THAT(waiting, SizeIs(5));
  int tried = 0;
  for (const auto& notice : waiting) {
    EXPECT_NE(notice.notice.delivery_state, DeliveryState::delivered);
    EXPECT_NE(notice.notice.delivery_state, DeliveryState::parked);
    tried += notice.attempts;
  }
  EXPECT_EQ(tried, 3) << "after three failures in a row the others were not tried";

  dir_.write("kontor.yaml", read_text(source_dir() / "config/demo.yaml"));
  send_through(server);
  const Completed retried = once(kDemoDay, {"dunning"});
  ASSERT_EQ(retried.status, 0) << retried.err;
  const std::vector<store::StoredNotice> sent = mailed();
  ASSERT_THAT(sent, SizeIs(5)) << "the retry sends the notices decided before, no new ones";
  std::vector<std::string> addressed;
  for (const auto& notice : sent) {
    EXPECT_EQ(notice.notice.delivery_state, DeliveryState::delivered);
  }
  for (const ReceivedMail& mail : server.received()) {
    ASSERT_THAT(mail.rcpt_to, SizeIs(1));
    addressed.push_back(mail.rcpt_to[0]);
  }
  EXPECT_THAT(addressed,
              UnorderedElementsAreArray({std::string(kSchmitz), std::string("kunde1@kunde.example"),
                                         std::string("kunde2@kunde.example"),
                                         std::string("kunde3@kunde.example"),
                                         std::string("kunde4@kunde.example")}))
      << "each reminder exactly once";
}

TEST_F(DunningOverSmtp, ARecipientTheServerRefusesForGoodIsParkedWithTheServersReply) {
  SmtpServer server(SmtpServerOptions::rejecting(kSchmitz));
  send_through(server);
  drop_demo_with_more_debtors(1);
  const Completed run = once(kDemoDay);
  ASSERT_EQ(run.status, 0) << "a parked notice waits for an operator; the run goes on\n" << run.err;
  const std::vector<store::StoredNotice> parked = notices("K-10001");
  ASSERT_THAT(parked, SizeIs(1));
  EXPECT_EQ(parked[0].notice.delivery_state, DeliveryState::parked);
  EXPECT_THAT(parked[0].notice.delivery_detail, AllOf(HasSubstr("550 5.1.1"), HasSubstr(kSchmitz)));
  EXPECT_EQ(notices("K-30011").at(0).notice.delivery_state, DeliveryState::delivered);
  EXPECT_THAT(server.received(), SizeIs(1));
}

}  // namespace
}  // namespace kontor::testing
