// The operator's daily digest end to end: kontord --once on the demo's configuration with a
// `digest` job and the mail going to a real mail server (aiosmtpd) on loopback. The demo day is
// made to go wrong the way it does in practice — a file the bank client garbled, a customer's
// mailbox that no longer exists, an export folder that cannot be written — and the digest that
// reaches the operator, read by Python's email package, names each of them with the figures the
// store holds. The same run does not send it twice; the next day's digest tells only what is
// new besides what is still wrong; a mail server that defers it leaves the period open for the
// next attempt; a quiet day sends "all well" unless told not to.
#include <unistd.h>

#include "dunning/dunning_job_fixture.hpp"
#include "support/smtp_server.hpp"

namespace kontor::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

constexpr const char* kOperator = "betrieb@muster-maschinenbau.example";
constexpr const char* kSchmitz = "buchhaltung@baeckerei-schmitz.example";
constexpr const char* kNextDay = "2026-11-29T07:00";

class Digest : public DunningJob {
 protected:
  // The demo with `mail-out` and a new `ops-mail` instance on `server`, the demo's `digest` job
  // sending through `ops-mail` (with further settings `with`, YAML lines indented by six) and,
  // when `broken_export`, the DATEV folder below a file (no one can create it, not even root).
  void configure(const SmtpServer& server, const std::string& with = "",
                 bool broken_export = false) {
    ASSERT_THAT(server.error(), IsEmpty());
    const std::string smtp = "    mode: smtp\n    smtp_host: 127.0.0.1\n    smtp_port: " +
                             std::to_string(server.port()) +
                             "\n    ca_file: " + server.ca_file().string() + "\n    timeout: 5s\n";
    std::string yaml = read_text(source_dir() / "config/demo.yaml");
    replace(yaml, "    mode: pickup\n    pickup_dir: ${KONTOR_DEMO_STATE}/outbox/mail\n", smtp);
    replace(yaml, "instances:\n", "instances:\n  ops-mail:\n    plugin: email\n" + smtp);
    if (broken_export) {
      dir_.write("not-a-folder", "");
      replace(yaml, "    path: ${KONTOR_DEMO_STATE}/outbox/datev\n",
              "    path: " + (dir_ / "not-a-folder/datev").string() + "\n");
    }
    // Every payment to review: the demo posts all of its own, and an operator must see a queue.
    replace(yaml, "post_from: 900", "post_from: 1000");
    replace(yaml, "  minimum_overdue: 10.00 EUR\n",
            "  minimum_overdue: 10.00 EUR\n  hold_on_unreconciled_credit: false\n");
    replace(
        yaml, "    outputs: [mail-out]\n    with: {to: betrieb@muster-maschinenbau.example}\n",
        "    outputs: [ops-mail]\n    with:\n      to: " + std::string(kOperator) + "\n" + with);
    dir_.write("kontor.yaml", yaml);
  }

  static void replace(std::string& text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << "config/demo.yaml changed: " << from;
    text.replace(at, from.size(), to);
  }

  // The mails the server accepted for the operator, as Python's email package reads them.
  std::vector<nlohmann::json> digests(const SmtpServer& server) {
    std::vector<nlohmann::json> found;
    for (const ReceivedMail& mail : server.received()) {
      if (mail.rcpt_to != std::vector<std::string>{kOperator}) continue;
      const fs::path eml = dir_.write("digest-" + std::to_string(++emls_) + ".eml", mail.data);
      found.push_back(read_eml(eml));
    }
    return found;
  }

  std::int64_t in_review() {
    const auto counts = query<std::map<std::string, std::int64_t>>(
        [](store::Reader& r) { return r.reconciliation_counts(); });
    const auto found = counts.find("review");
    return found == counts.end() ? 0 : found->second;
  }

  // Writes what a digest run records in the store, as kontord would have left it.
  void record(const std::string& key, const std::string& value) {
    store::SqliteOptions options;
    options.path = database().string();
    auto opened = store::SqliteStore::open(options);
    ASSERT_TRUE(opened) << opened.error().message;
    const Status written =
        (*opened)->transact("test", "a digest's record", [&](store::Transaction& tx) -> Status {
          auto put = tx.state_put("digest", key, value);
          return put ? Status{} : Status{put.error()};
        });
    ASSERT_TRUE(written) << written.error().message;
  }
  std::optional<std::string> recorded(const std::string& key) {
    return query<std::optional<std::string>>(
        [&](store::Reader& r) { return r.state_get("digest", key); });
  }

  std::vector<store::JobRun> runs(const std::string& job) {
    return query<std::vector<store::JobRun>>(
        [&](store::Reader& r) { return r.job_runs(job, 100); });
  }

  int emls_ = 0;
};

TEST_F(Digest, TellsTheOperatorWhatWentWrongOnTheDemoDayOnce) {
  SmtpServer server(SmtpServerOptions::rejecting(kSchmitz));
  configure(server, "", /*broken_export=*/true);
  drop_demo();
  dir_.write("state/inbox/erp/2026-11-27_kaputt.csv", std::string("\x1f\x8b\x08\0garbled", 11));

  const Completed run = once(
      kDemoDay, {"import-items", "import-statements", "reconcile", "dunning", "export", "digest"});
  EXPECT_NE(run.status, 0) << "the export failed";
  const std::vector<nlohmann::json> mails = digests(server);
  ASSERT_THAT(mails, SizeIs(1)) << run.err;
  const nlohmann::json& mail = mails[0];
  EXPECT_THAT(mail["defects"], IsEmpty());
  EXPECT_EQ(mail["to"]["address"], kOperator);
  EXPECT_EQ(mail["to"]["name"], "Kontor operator");
  EXPECT_EQ(mail["from"]["address"], "buchhaltung@muster-maschinenbau.example");
  EXPECT_THAT(mail["content_types"], ::testing::ElementsAre("text/plain"));
  const std::string subject = mail["subject"];
  const std::string text = mail["text"];

  // Each thing that went wrong, as the store has it.
  const std::vector<store::StoredNotice> parked = [&] {
    std::vector<store::StoredNotice> found;
    for (store::StoredNotice& notice : notices()) {
      if (notice.notice.delivery_state == DeliveryState::parked) found.push_back(notice);
    }
    return found;
  }();
  ASSERT_THAT(parked, SizeIs(1)) << "Bäckerei Schmitz's mailbox is refused";
  const std::vector<store::JobRun> export_runs = runs("export");
  ASSERT_THAT(export_runs, SizeIs(1));
  ASSERT_EQ(export_runs[0].outcome, JobRunOutcome::failed);
  const std::int64_t review = in_review();
  ASSERT_GT(review, 0) << "the demo leaves payments for a person";

  EXPECT_THAT(text, HasSubstr("Files put in quarantine (1)")) << run.err;
  EXPECT_THAT(text, HasSubstr("erp-drop: 2026-11-27_kaputt.csv: "));
  EXPECT_THAT(
      text, HasSubstr("Notices parked (not delivered) (1)\n  reminder " + parked[0].notice.number +
                      " to " + parked[0].notice.customer_number + " via mail-out: "));
  EXPECT_THAT(text, HasSubstr("550"));
  EXPECT_THAT(text, HasSubstr("Jobs whose last run did not succeed (1)\n  export: failed at "));
  EXPECT_THAT(text, HasSubstr("Runs that failed in this period (1)"));
  EXPECT_THAT(text, HasSubstr(export_runs[0].error.substr(0, 40)));
  EXPECT_THAT(text, HasSubstr("Payments waiting for review (" + std::to_string(review) + ")"));
  EXPECT_THAT(text, HasSubstr("Export batches not published (1)\n  datev-out-"));
  // 1 quarantined + 1 parked + the export still failing (its one failed run counts with it) +
  // its unpublished batch + the review queue.
  EXPECT_EQ(subject, "Kontor digest for Muster Maschinenbau GmbH, 2026-11-28: " +
                         std::to_string(4 + review) + " to look at");
  const std::vector<store::JobRun> digest_runs = runs("digest");
  ASSERT_THAT(digest_runs, SizeIs(1));
  EXPECT_EQ(digest_runs[0].outcome, JobRunOutcome::succeeded) << digest_runs[0].error;
  EXPECT_EQ(digest_runs[0].counts.at("digests_sent"), 1);
  EXPECT_EQ(digest_runs[0].counts.at("files_quarantined"), 1);

  // Asked for again by hand at the same instant, it is a run of its own: what is still wrong
  // is told again, what happened before the last digest is not.
  const Completed again = once(kDemoDay, {"digest"});
  EXPECT_EQ(again.status, 0) << again.err;
  // The next morning's digest covers the time since the last one.
  const Completed next = once(kNextDay, {"digest"});
  EXPECT_EQ(next.status, 0) << next.err;
  const std::vector<nlohmann::json> all = digests(server);
  ASSERT_THAT(all, SizeIs(3));
  for (const nlohmann::json& later : {all[1], all[2]}) {
    const std::string later_text = later["text"];
    EXPECT_THAT(later_text, Not(HasSubstr("Files put in quarantine")));
    EXPECT_THAT(later_text, Not(HasSubstr("Runs that failed in this period")));
    EXPECT_THAT(later_text, HasSubstr("Jobs whose last run did not succeed (1)\n  export: "));
    EXPECT_THAT(later_text, HasSubstr("Notices parked (not delivered) (1)"));
    EXPECT_THAT(later_text, HasSubstr("Export batches not published (1)"));
  }
  EXPECT_THAT(std::string(all[1]["text"]),
              HasSubstr("Covers 2026-11-28T08:00:00Z to 2026-11-28T08:00:00Z"));
  EXPECT_THAT(std::string(all[2]["subject"]),
              HasSubstr("2026-11-29: " + std::to_string(3 + review)));
  EXPECT_THAT(std::string(all[2]["text"]),
              HasSubstr("Covers 2026-11-28T08:00:00Z to 2026-11-29T06:00:00Z"));
  EXPECT_NE(all[0]["message_id"], all[1]["message_id"]);
  EXPECT_NE(all[1]["message_id"], all[2]["message_id"]);
}

TEST_F(Digest, ARunRepeatedAfterACrashSendsItsRecordedMailAgainOrNothing) {
  SmtpServer server;
  configure(server);
  fs::create_directories(state());
  // kontord stopped after it recorded the morning's digest and before it knew the mail server
  // had it: the repeated run (the same key) sends the recorded mail, not a new one.
  record("digest:pending",
         "digest@2026-11-29T06:00:00Z\n2026-11-28T06:00:00Z\n2026-11-29T06:00:00Z\n"
         "Kontor digest (as recorded)\nThe recorded text.\n");
  const Completed repeated = once(kNextDay, {"digest"});
  EXPECT_EQ(repeated.status, 0) << repeated.err;
  std::vector<nlohmann::json> mails = digests(server);
  ASSERT_THAT(mails, SizeIs(1));
  EXPECT_EQ(mails[0]["subject"], "Kontor digest (as recorded)");
  EXPECT_EQ(mails[0]["text"], "The recorded text.\n");
  EXPECT_EQ(recorded("digest:pending"), std::nullopt);
  EXPECT_EQ(recorded("digest:covered_until"), "2026-11-29T06:00:00Z");
  EXPECT_EQ(recorded("digest:sent_run"), "digest@2026-11-29T06:00:00Z");

  // kontord stopped after it marked a digest delivered and before the run's end was recorded:
  // the repeated run sends nothing.
  record("digest:sent_run", "digest@2026-11-29T07:00:00Z");
  const Completed after_mark = once("2026-11-29T08:00", {"digest"});
  EXPECT_EQ(after_mark.status, 0) << after_mark.err;
  EXPECT_THAT(digests(server), SizeIs(1));
  const std::vector<store::JobRun> ran = runs("digest");
  ASSERT_THAT(ran, SizeIs(2));
  EXPECT_EQ(ran[0].counts.at("digests_sent"), 0);
}

TEST_F(Digest, AMailServerThatDefersItLeavesThePeriodForTheNextAttempt) {
  {
    SmtpServer deferring(SmtpServerOptions::deferring(kOperator));
    configure(deferring);
    drop_demo();
    const Completed run = once(kDemoDay, {"import-items", "import-statements", "digest"});
    EXPECT_NE(run.status, 0);
    const std::vector<store::JobRun> tried = runs("digest");
    ASSERT_FALSE(tried.empty());
    EXPECT_EQ(tried[0].outcome, JobRunOutcome::failed);
    EXPECT_THAT(tried[0].error, HasSubstr("not delivered"));
    EXPECT_THAT(digests(deferring), IsEmpty());
  }
  SmtpServer server;
  configure(server);
  const Completed later = once(kNextDay, {"digest"});
  EXPECT_EQ(later.status, 0) << later.err;
  const std::vector<nlohmann::json> mails = digests(server);
  ASSERT_THAT(mails, SizeIs(1));
  // The first attempt's period was not marked: this digest covers it from 24 hours before the
  // first attempt.
  EXPECT_THAT(std::string(mails[0]["text"]),
              HasSubstr("Covers 2026-11-27T08:00:00Z to 2026-11-29T06:00:00Z"));
}

TEST_F(Digest, AQuietDaySaysAllWellOrNothingWhenToldSo) {
  {
    SmtpServer server;
    configure(server);
    const Completed run = once(kDemoDay, {"digest"});
    EXPECT_EQ(run.status, 0) << run.err;
    const std::vector<nlohmann::json> mails = digests(server);
    ASSERT_THAT(mails, SizeIs(1));
    EXPECT_EQ(mails[0]["subject"],
              "Kontor digest for Muster Maschinenbau GmbH, 2026-11-28: all well");
    EXPECT_THAT(std::string(mails[0]["text"]), HasSubstr("Nothing needs attention"));
  }
  SmtpServer server;
  configure(server, "      send_when_quiet: false\n");
  const Completed run = once(kNextDay, {"digest"});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_THAT(digests(server), IsEmpty());
  const std::vector<store::JobRun> quiet = runs("digest");
  ASSERT_THAT(quiet, SizeIs(2));
  EXPECT_EQ(quiet[0].counts.at("digests_sent"), 0);
}

TEST_F(Digest, AJobWithoutAMailChannelOrAddressIsRefused) {
  SmtpServer server;
  configure(server);
  std::string yaml = read_text(dir_ / "kontor.yaml");
  replace(yaml, std::string("to: ") + kOperator, "to: nicht-adresse");
  dir_.write("kontor.yaml", yaml);
  const Completed run = once(kDemoDay, {"digest"});
  EXPECT_EQ(run.status, 78) << "an invalid configuration";
  EXPECT_THAT(run.err, HasSubstr("'nicht-adresse' is not an e-mail address"));

  configure(server);
  yaml = read_text(dir_ / "kontor.yaml");
  replace(yaml, "outputs: [ops-mail]", "outputs: [letter-out]");
  dir_.write("kontor.yaml", yaml);
  const Completed without = once(kDemoDay, {"digest"});
  EXPECT_NE(without.status, 0);
  const std::vector<store::JobRun> failed = runs("digest");
  ASSERT_THAT(failed, SizeIs(1));
  EXPECT_THAT(failed[0].error, HasSubstr("needs an instance of the email plugin"));
}

}  // namespace
}  // namespace kontor::testing
