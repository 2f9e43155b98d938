// The dunning job as an operator runs it: kontord --once on config/demo.yaml with the demo's ERP
// export and bank statements in its watched folders, the reminders written as .eml files into
// the email plugin's pickup folder — what is sent to whom, that reruns send nothing twice, how
// later runs advance a level and charge the €40 flat fee and default interest, that stale bank
// data stops a run (and an operator's force lets one through), and that a customer's name
// cannot smuggle a header into the mail. The .eml files are read by Python's email package
// (plugins/email/read_eml.py), not by our own MIME code.
#include "dunning/dunning_job_fixture.hpp"
#include "kontor/model/sha256.hpp"

namespace kontor::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

bool lists(const store::StoredNotice& stored, const std::string& item_number) {
  const auto& lines = stored.notice.items;
  return std::any_of(lines.begin(), lines.end(),
                     [&](const NoticeLine& line) { return line.item_number == item_number; });
}

std::vector<store::NoticeCharge> charges_of_kind(const store::StoredNotice& stored,
                                                 const std::string& kind) {
  std::vector<store::NoticeCharge> found;
  for (const store::NoticeCharge& charge : stored.charges) {
    if (charge.kind == kind) found.push_back(charge);
  }
  return found;
}

TEST_F(DunningJob, DemoWritesOneReminderOnlyForCustomersWhoStillOwe) {
  drop_demo();
  const Completed run = once(kDemoDay);
  ASSERT_EQ(run.status, 0) << run.err;
  // K-10004 owes R-2026-1005 (its direct debit came back) and has no e-mail address: a letter
  // (DemoWritesALetterWithAGiroCodeForTheCustomerWithoutEMail).
  EXPECT_THAT(run.err, Not(HasSubstr("customer K-10004 held back")));

  const std::vector<fs::path> written = emls();
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0].filename(), "kontor-notice-M-2026-000001.eml");
  const nlohmann::json mail = read_eml(written[0]);
  ASSERT_FALSE(mail.empty());
  EXPECT_EQ(mail["to"]["name"], "Bäckerei Schmitz GmbH");
  EXPECT_EQ(mail["to"]["address"], "buchhaltung@baeckerei-schmitz.example");
  EXPECT_THAT(mail["subject"].get<std::string>(),
              AllOf(HasSubstr("Zahlungserinnerung"), HasSubstr("M-2026-000001")));
  ASSERT_TRUE(mail["text"].is_string());
  const std::string text = mail["text"].get<std::string>();
  EXPECT_THAT(text, HasSubstr("R-2026-1004"));
  EXPECT_THAT(text, HasSubstr("214,00 €"));
  EXPECT_THAT(text, HasSubstr("RF36 M202 6000 001"));
  // Paid in full by the statements: never on a reminder.
  for (const char* paid : {"R-2026-1001", "R-2026-1002", "R-2026-1003"}) {
    EXPECT_THAT(text, Not(HasSubstr(paid)));
  }
  EXPECT_TRUE(mail["defects"].empty()) << mail["defects"].dump();

  ASSERT_EQ(notices().size(), 2u);
  const std::vector<store::StoredNotice> stored = notices("K-10001");
  ASSERT_EQ(stored.size(), 1u);
  const Notice& notice = stored[0].notice;
  EXPECT_EQ(notice.number, "M-2026-000001");
  EXPECT_EQ(notice.customer_number, "K-10001");
  EXPECT_EQ(notice.level, 1);
  EXPECT_EQ(notice.delivery_state, DeliveryState::delivered);
  ASSERT_EQ(notice.items.size(), 1u);
  EXPECT_EQ(notice.items[0].item_number, "R-2026-1004");
  EXPECT_EQ(notice.items[0].open.minor_units(), 21400);
  // Not in default yet (that begins the day after this reminder reached the customer): no fees,
  // no interest.
  EXPECT_TRUE(notice.fees.is_zero());
  EXPECT_TRUE(notice.interest.is_zero());
  EXPECT_TRUE(stored[0].charges.empty());
  EXPECT_EQ(stored[0].total.minor_units(), 21400);
  for (const char* paid : {"R-2026-1001", "R-2026-1002", "R-2026-1003"}) {
    EXPECT_FALSE(lists(stored[0], paid)) << paid;
    const std::optional<OpenItem> invoice = item(paid);
    ASSERT_TRUE(invoice.has_value()) << paid;
    EXPECT_EQ(invoice->dunning_level, 0) << paid;
  }
  const std::optional<OpenItem> reminded = item("R-2026-1004");
  ASSERT_TRUE(reminded.has_value());
  EXPECT_EQ(reminded->dunning_level, 1);
  // R-2026-1006 is not due until 10 December; R-2026-1005's customer was held back.
  EXPECT_EQ(item("R-2026-1006")->dunning_level, 0);
}

TEST_F(DunningJob, DemoWritesALetterWithAGiroCodeForTheCustomerWithoutEMail) {
  drop_demo();
  const Completed run = once(kDemoDay);
  ASSERT_EQ(run.status, 0) << run.err;
  const std::vector<store::StoredNotice> stored = notices("K-10004");
  ASSERT_EQ(stored.size(), 1u);
  const Notice& notice = stored[0].notice;
  EXPECT_EQ(notice.channel, "letter-out");
  EXPECT_EQ(notice.delivery_state, DeliveryState::delivered);
  ASSERT_TRUE(notice.rf_reference.has_value());

  // One PDF and its manifest in the print shop's hot folder.
  const std::vector<fs::path> spooled = letters();
  ASSERT_EQ(spooled.size(), 1u);
  fs::path manifest = spooled[0];
  manifest.replace_extension(".json");
  ASSERT_TRUE(fs::exists(manifest));
  const nlohmann::json order = nlohmann::json::parse(read_text(manifest));
  EXPECT_EQ(order["notice"], notice.number);
  EXPECT_EQ(order["recipient"]["street"], "Lindenallee 7");
  EXPECT_EQ(order["document"], spooled[0].filename().string());

  // What the customer reads: pdftotext (poppler), not our own idea of the PDF.
  const std::string text = run_tool({"/usr/bin/pdftotext", "-layout", spooled[0].string(), "-"});
  EXPECT_THAT(text, AllOf(HasSubstr("Gärtnerei Grünwald"), HasSubstr("Lindenallee 7"),
                          HasSubstr("40211 Düsseldorf"), HasSubstr("Zahlungserinnerung"),
                          HasSubstr("R-2026-1005"), HasSubstr("476,00 €"),
                          HasSubstr(notice.rf_reference->formatted()),
                          HasSubstr("Muster Maschinenbau GmbH · Industriestraße 12 · 50667 Köln"),
                          HasSubstr("HRB 12345, Amtsgericht Köln"),
                          HasSubstr("DE02 3705 0299 0000 6847 12"), HasSubstr("Guten Tag")));
  // What the banking app reads: the GiroCode, rendered by pdftoppm and decoded by zbarimg.
  const fs::path page = dir_ / "letter-page";
  run_tool({"/usr/bin/pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-f", "1", "-l", "1",
            spooled[0].string(), page.string()});
  std::string code =
      run_tool({"/usr/bin/zbarimg", "--raw", "-q", "-Sbinary", page.string() + ".png"});
  if (!code.empty() && code.back() == '\n') code.pop_back();
  EXPECT_EQ(code,
            "BCD\n002\n1\nSCT\nCOKSDE33XXX\nMuster Maschinenbau GmbH\n"
            "DE02370502990000684712\nEUR476.00\n\n" +
                notice.rf_reference->electronic());
  EXPECT_EQ(item("R-2026-1005")->dunning_level, 1);
}

TEST_F(DunningJob, WithAttachPdfTheEMailCarriesTheLetterAsPdf) {
  std::string yaml = read_text(dir_ / "kontor.yaml");
  const auto section = yaml.find("\ndunning:\n");
  ASSERT_NE(section, std::string::npos);
  yaml.insert(section + 10, "  attach_pdf: true\n");
  dir_.write("kontor.yaml", yaml);
  drop_demo();
  const Completed run = once(kDemoDay);
  ASSERT_EQ(run.status, 0) << run.err;
  ASSERT_EQ(emls().size(), 1u);
  const nlohmann::json mail = read_eml(emls()[0]);
  ASSERT_EQ(mail["attachments"].size(), 1u);
  EXPECT_EQ(mail["attachments"][0]["filename"], "M-2026-000001.pdf");
  EXPECT_EQ(mail["attachments"][0]["content_type"], "application/pdf");

  // The attachment is the letter stored with the notice, byte for byte.
  const auto stored = query<std::optional<store::StoredNotice>>(
      [](store::Reader& r) { return r.notice("M-2026-000001"); });
  ASSERT_TRUE(stored.has_value());
  ASSERT_FALSE(stored->pdf.empty());
  EXPECT_EQ(mail["attachments"][0]["sha256"], Sha256::hex_of(stored->pdf));
  const fs::path pdf = dir_.write("attached.pdf", stored->pdf);
  EXPECT_THAT(
      run_tool({"/usr/bin/pdftotext", "-layout", pdf.string(), "-"}),
      AllOf(HasSubstr("Bäckerei Schmitz GmbH"), HasSubstr("R-2026-1004"), HasSubstr("214,00 €")));
}

TEST_F(DunningJob, RerunSendsNothingTwice) {
  drop_demo();
  const Completed first = once(kDemoDay);
  ASSERT_EQ(first.status, 0) << first.err;
  ASSERT_EQ(emls().size(), 1u);
  const std::string sent = read_text(emls()[0]);

  drop_demo();  // the same files again: known, nothing imported
  const Completed again = once(kDemoDay);
  ASSERT_EQ(again.status, 0) << again.err;
  ASSERT_EQ(emls().size(), 1u);
  EXPECT_EQ(read_text(emls()[0]), sent);
  EXPECT_EQ(letters().size(), 1u);
  const std::vector<store::StoredNotice> stored = notices();
  ASSERT_EQ(stored.size(), 2u);
  for (const store::StoredNotice& notice : stored) {
    EXPECT_EQ(notice.notice.delivery_state, DeliveryState::delivered);
    EXPECT_EQ(notice.attempts, 1);
  }
  EXPECT_EQ(item("R-2026-1004")->dunning_level, 1);
}

TEST_F(DunningJob, LaterRunsAdvanceOneLevelAndChargeFeesAndInterestInDefault) {
  drop_demo();
  ASSERT_EQ(once(kDemoDay).status, 0);
  ASSERT_EQ(notices("K-10001").size(), 1u);

  // Default of R-2026-1004 (business customer, due Saturday 31 Oct 2026, issued 1 Oct, due date
  // not agreed): the earliest of
  //   (b) the day after the first reminder reached the customer: e-mail of Sat 28 Nov, reaches
  //       the same day → default from Sun 29 Nov 2026;
  //   (c) 30 days from the later of due date (31 Oct) and receipt (1 Oct + 3): 30 Nov (Monday,
  //       a working day) → default from 1 Dec 2026.
  // So default began on 29 Nov 2026, after the first notice (which therefore carried nothing).
  //
  // Second run, 14 Dec (16 days after the first notice ≥ days_after_previous 14): level 2
  // "1. Mahnung". In default, so
  //   - the €40 flat fee (§288 (5) BGB, business customer, first time for this invoice);
  //   - no level fee of 5,00 €: flat_fee_covers_level_fees (default true) sets the €40 off
  //     against it on this invoice, and the customer has no other invoice;
  //   - interest 29 Nov – 14 Dec inclusive = 16 days on the principal open then, 214.00 €
  //     (595.00 of 809.00 were booked on 26 Nov), at base rate 1.27 + 9 = 10.27 %, act/365:
  //     214.00 × 10.27 % × 16 / 365 = 0.963410… → 0,96 €.
  ASSERT_EQ(once("2026-12-14T09:00").status, 0);
  std::vector<store::StoredNotice> stored = notices("K-10001");
  ASSERT_EQ(stored.size(), 2u);
  std::sort(stored.begin(), stored.end(),
            [](const auto& a, const auto& b) { return a.notice.number < b.notice.number; });
  const store::StoredNotice& second = stored[1];
  EXPECT_GT(second.notice.number, stored[0].notice.number);
  EXPECT_EQ(second.notice.level, 2);
  EXPECT_EQ(second.notice.delivery_state, DeliveryState::delivered);
  EXPECT_EQ(item("R-2026-1004")->dunning_level, 2);
  const auto flat = charges_of_kind(second, "flat_fee");
  ASSERT_EQ(flat.size(), 1u);
  EXPECT_EQ(flat[0].item_number, "R-2026-1004");
  EXPECT_EQ(flat[0].amount.minor_units(), 4000);
  EXPECT_TRUE(charges_of_kind(second, "level_fee").empty());
  const auto interest = charges_of_kind(second, "interest");
  ASSERT_EQ(interest.size(), 1u);
  EXPECT_EQ(interest[0].item_number, "R-2026-1004");
  EXPECT_EQ(interest[0].amount.minor_units(), 96);
  ASSERT_TRUE(interest[0].first_day && interest[0].last_day);
  EXPECT_EQ(interest[0].first_day->to_iso(), "2026-11-29");
  EXPECT_EQ(interest[0].last_day->to_iso(), "2026-12-14");
  EXPECT_EQ(second.notice.fees.minor_units(), 4000);
  EXPECT_EQ(second.notice.interest.minor_units(), 96);
  EXPECT_EQ(second.total.minor_units(), 21400 + 4000 + 96);
  // The charges became open items of the customer, linked to invoice and notice.
  const std::optional<OpenItem> interest_item = item(interest[0].charge_item);
  ASSERT_TRUE(interest_item.has_value()) << interest[0].charge_item;
  EXPECT_EQ(interest_item->type, OpenItemType::interest);
  EXPECT_EQ(interest_item->refers_to, "R-2026-1004");
  EXPECT_EQ(interest_item->notice_number, second.notice.number);
  EXPECT_EQ(interest_item->gross.minor_units(), 96);
  const std::optional<OpenItem> fee_item = item(flat[0].charge_item);
  ASSERT_TRUE(fee_item.has_value()) << flat[0].charge_item;
  EXPECT_EQ(fee_item->type, OpenItemType::fee);
  EXPECT_EQ(fee_item->refers_to, "R-2026-1004");
  EXPECT_EQ(fee_item->gross.minor_units(), 4000);
  // The mail shows the flat fee.
  {
    const auto written = emls();
    const auto eml = std::find_if(written.begin(), written.end(), [&](const fs::path& p) {
      return p.filename() == "kontor-notice-" + second.notice.number + ".eml";
    });
    ASSERT_NE(eml, written.end());
    const nlohmann::json mail = read_eml(*eml);
    ASSERT_TRUE(mail["text"].is_string());
    EXPECT_THAT(mail["text"].get<std::string>(), AllOf(HasSubstr("40,00 €"), HasSubstr("0,96 €")));
  }

  // Third run, 29 Dec (15 days after the second notice): level 3 "2. Mahnung". Interest for the
  // days after the last one charged, 15 Dec – 29 Dec = 15 days:
  //   214.00 × 10.27 % × 15 / 365 = 0.903197… → 0,90 €.
  // The €40 is never charged twice, and it still covers the level fee (10,00 €) on this
  // invoice. The open fee and interest items of the second notice are listed (no interest on
  // them, §289 BGB).
  const Completed third_run = once("2026-12-29T09:00");
  ASSERT_EQ(third_run.status, 0) << third_run.err;
  stored = notices("K-10001");
  ASSERT_EQ(stored.size(), 3u);
  std::sort(stored.begin(), stored.end(),
            [](const auto& a, const auto& b) { return a.notice.number < b.notice.number; });
  const store::StoredNotice& third = stored[2];
  EXPECT_EQ(third.notice.level, 3);
  EXPECT_EQ(third.notice.delivery_state, DeliveryState::delivered);
  EXPECT_EQ(item("R-2026-1004")->dunning_level, 3);
  EXPECT_TRUE(charges_of_kind(third, "flat_fee").empty());
  EXPECT_TRUE(charges_of_kind(third, "level_fee").empty());
  const auto more_interest = charges_of_kind(third, "interest");
  ASSERT_EQ(more_interest.size(), 1u);
  EXPECT_EQ(more_interest[0].item_number, "R-2026-1004");
  EXPECT_EQ(more_interest[0].amount.minor_units(), 90);
  ASSERT_TRUE(more_interest[0].first_day && more_interest[0].last_day);
  EXPECT_EQ(more_interest[0].first_day->to_iso(), "2026-12-15");
  EXPECT_EQ(more_interest[0].last_day->to_iso(), "2026-12-29");
  EXPECT_TRUE(third.notice.fees.is_zero());
  EXPECT_EQ(third.notice.interest.minor_units(), 90);
  EXPECT_TRUE(lists(third, flat[0].charge_item));
  EXPECT_TRUE(lists(third, interest[0].charge_item));
  EXPECT_EQ(third.total.minor_units(), 21400 + 4000 + 96 + 90);

  // Across all notices: the €40 once, and one interest item per charging notice.
  int flat_fees = 0;
  for (const store::StoredNotice& notice : stored) {
    flat_fees += static_cast<int>(charges_of_kind(notice, "flat_fee").size());
  }
  EXPECT_EQ(flat_fees, 1);
  int interest_items = 0;
  for (const OpenItem& owed : items_of("K-10001")) {
    if (owed.type == OpenItemType::interest) {
      ++interest_items;
      EXPECT_EQ(owed.refers_to, "R-2026-1004");
    }
  }
  EXPECT_EQ(interest_items, 2);
  // Meanwhile R-2026-1006 (due 10 Dec) got its first reminder on 29 Dec (19 days overdue).
  const std::vector<store::StoredNotice> mueller = notices("K-10005");
  ASSERT_EQ(mueller.size(), 1u);
  EXPECT_EQ(mueller[0].notice.level, 1);
  EXPECT_EQ(emls().size(), 4u);
}

// Imports and reconcile run on 28 Nov; dunning alone three days later, when R-2026-1004 would
// be reminded: the statement import's last success is 72 h old, more than the 26 h allowed.
TEST_F(DunningJob, StaleBankDataRefusesAndSendsNothing) {
  drop_demo();
  const Completed imports = once(kDemoDay, {"import-items", "import-statements"});
  ASSERT_EQ(imports.status, 0) << imports.err;
  ASSERT_THAT(imports.err, HasSubstr("job reconcile"));
  ASSERT_TRUE(emls().empty());

  const Completed refused = once("2026-12-01T09:00", {"dunning"});
  EXPECT_NE(refused.status, 0) << refused.err;
  EXPECT_THAT(refused.err, HasSubstr("no dunning on stale bank data"));
  EXPECT_THAT(refused.err, HasSubstr("DE02370502990000684712"));
  EXPECT_THAT(refused.err, Not(HasSubstr("stale bank data overridden")));
  EXPECT_TRUE(emls().empty());
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(item("R-2026-1004")->dunning_level, 0);
}

TEST_F(DunningJob, ForcedRunOverridesStaleDataOnceAndIsLogged) {
  drop_demo();
  const Completed imports = once(kDemoDay, {"import-items", "import-statements"});
  ASSERT_EQ(imports.status, 0) << imports.err;

  // What `kontorctl dunning run --force` leaves for the next run (force_next_dunning_run):
  // plugin state of instance "dunning", key "force:<job>", the actor and reason as value.
  {
    store::SqliteOptions options;
    options.path = database().string();
    auto opened = store::SqliteStore::open(options);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    ASSERT_TRUE((*opened)->transact(
        "test", "force the next dunning run", [](store::Transaction& tx) -> Status {
          tx.set_why("dunning on stale bank data forced by test");
          auto put = tx.state_put("dunning", "force:dunning", "tester (bank portal down)");
          if (!put) return put.error();
          return {};
        }));
  }
  ASSERT_EQ(force_token(), std::optional<std::string>("tester (bank portal down)"));

  const Completed forced = once("2026-12-01T09:00", {"dunning"});
  ASSERT_EQ(forced.status, 0) << forced.err;
  EXPECT_THAT(forced.err, HasSubstr("stale bank data overridden by tester (bank portal down)"));
  EXPECT_THAT(forced.err, HasSubstr("DE02370502990000684712"));
  EXPECT_FALSE(force_token().has_value());
  ASSERT_EQ(emls().size(), 1u);
  const std::vector<store::StoredNotice> stored = notices("K-10001");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].notice.delivery_state, DeliveryState::delivered);

  // Once: the next stale run is refused again.
  const Completed next = once("2026-12-02T09:00", {"dunning"});
  EXPECT_NE(next.status, 0) << next.err;
  EXPECT_THAT(next.err, HasSubstr("no dunning on stale bank data"));
  EXPECT_EQ(emls().size(), 1u);
}

TEST_F(DunningJob, PickupFolderThatCannotBeWrittenRetriesAndDeliversOnceItCan) {
  drop_demo();
  // Where the pickup folder should be, a file: the channel cannot write and says RETRY.
  dir_.write("state/outbox/mail", "not a folder");
  const Completed failed = once(kDemoDay);
  EXPECT_NE(failed.status, 0) << "a notice waiting for retry fails the run so it is retried";
  EXPECT_THAT(failed.err, HasSubstr("will be retried"));
  std::vector<store::StoredNotice> decided = notices("K-10001");
  ASSERT_EQ(decided.size(), 1u);
  EXPECT_EQ(decided[0].notice.delivery_state, DeliveryState::retrying);
  EXPECT_EQ(decided[0].attempts, 1);

  fs::remove(state() / "outbox/mail");
  const Completed retried = once(kDemoDay, {"dunning"});
  ASSERT_EQ(retried.status, 0) << retried.err;
  decided = notices("K-10001");
  ASSERT_EQ(decided.size(), 1u) << "the retry delivers the notice decided before, no new one";
  EXPECT_EQ(decided[0].notice.delivery_state, DeliveryState::delivered);
  EXPECT_EQ(decided[0].attempts, 2);
  EXPECT_EQ(emls().size(), 1u);
}

TEST_F(DunningJob, NoticeToAnAddressTheChannelRefusesIsParkedWithTheReason) {
  drop_demo();
  // An internationalised address: the ERP import takes it, the e-mail channel cannot send it yet
  // (no SMTPUTF8), so the notice is parked with the channel's reason for an operator.
  std::string csv = read_text(source_dir() / "config/demo-data/erp/2026-11-27_offene-posten.csv");
  if (!csv.empty() && csv.back() != '\n') csv += "\n";
  csv +=
      "R-2026-2002;K-20002;Tippfehler GmbH;Hauptstr. 2;50667;Köln;DE;"
      "jürgen@tippfehler.example;b2b;;01.10.2026;31.10.2026;119,00;100,00;19;EUR;"
      "invoice;;;email\n";
  dir_.write("state/inbox/erp/2026-11-27_offene-posten.csv", csv);

  const Completed run = once(kDemoDay);
  ASSERT_EQ(run.status, 0) << "a parked notice waits for an operator; the run goes on\n" << run.err;
  const std::vector<store::StoredNotice> parked = notices("K-20002");
  ASSERT_EQ(parked.size(), 1u) << run.err;
  EXPECT_EQ(parked[0].notice.delivery_state, DeliveryState::parked);
  EXPECT_THAT(parked[0].notice.delivery_detail, HasSubstr("tippfehler.example"));
  EXPECT_THAT(run.err, HasSubstr("is parked"));
  // The other customer's reminder went out all the same.
  EXPECT_EQ(notices("K-10001").at(0).notice.delivery_state, DeliveryState::delivered);
}

TEST_F(DunningJob, ANoticeForOneInvoiceAloneQuotesTheInvoicesOwnReference) {
  drop_demo();
  std::string csv = read_text(source_dir() / "config/demo-data/erp/2026-11-27_offene-posten.csv");
  if (!csv.empty() && csv.back() != '\n') csv += "\n";
  csv +=
      "R-2026-2003;K-20003;Referenz GmbH;Hauptstr. 3;50667;Köln;DE;ap@referenz.example;b2b;;"
      "01.10.2026;31.10.2026;119,00;100,00;19;EUR;invoice;;RF30R20262003;email\n";
  dir_.write("state/inbox/erp/2026-11-27_offene-posten.csv", csv);
  const Completed run = once(kDemoDay);
  ASSERT_EQ(run.status, 0) << run.err;
  const std::vector<store::StoredNotice> stored = notices("K-20003");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_THAT(stored[0].text, HasSubstr("RF30 R202 6200 3"));
  ASSERT_TRUE(stored[0].notice.rf_reference.has_value());
  EXPECT_THAT(stored[0].text, Not(HasSubstr(stored[0].notice.rf_reference->formatted())));
  // An invoice without a reference of its own: the notice quotes its own.
  EXPECT_THAT(notices("K-10001").at(0).text, HasSubstr("RF36 M202 6000 001"));
}

TEST_F(DunningJob, CustomerNameWithLineBreakCannotInjectAHeader) {
  drop_demo();
  // The ERP export plus one customer whose name (a quoted CSV field) carries CR LF and a header.
  std::string csv = read_text(source_dir() / "config/demo-data/erp/2026-11-27_offene-posten.csv");
  if (!csv.empty() && csv.back() != '\n') csv += "\n";
  csv +=
      "R-2026-2001;K-20001;\"Evil Corp\r\nBcc: evil@example.com\";Hauptstr. 1;50667;Köln;DE;"
      "billing@evil-corp.example;b2b;;01.10.2026;31.10.2026;119,00;100,00;19;EUR;invoice;;;"
      "email\n";
  dir_.write("state/inbox/erp/2026-11-27_offene-posten.csv", csv);

  const Completed run = once(kDemoDay);
  ASSERT_EQ(run.status, 0) << run.err;
  const std::vector<store::StoredNotice> evil = notices("K-20001");
  ASSERT_EQ(evil.size(), 1u) << run.err;
  const fs::path eml = pickup() / ("kontor-notice-" + evil[0].notice.number + ".eml");
  ASSERT_TRUE(fs::exists(eml));

  const nlohmann::json seen = read_headers(eml);
  ASSERT_FALSE(seen.empty());
  const auto names = seen["names"].get<std::vector<std::string>>();
  EXPECT_EQ(std::count(names.begin(), names.end(), "bcc"), 0) << seen.dump();
  EXPECT_EQ(std::count(names.begin(), names.end(), "to"), 1) << seen.dump();
  EXPECT_EQ(seen["to_addresses"], nlohmann::json::array({"billing@evil-corp.example"}))
      << seen.dump();
  int to_lines = 0;
  for (const auto& line : seen["lines"].get<std::vector<std::string>>()) {
    std::string lower = line;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    EXPECT_NE(lower.rfind("bcc:", 0), 0u) << line;
    if (lower.rfind("to:", 0) == 0) ++to_lines;
  }
  EXPECT_EQ(to_lines, 1) << seen.dump();
  EXPECT_TRUE(seen["defects"].empty()) << seen.dump();
  // In the raw header block no line starts a Bcc header, and the injected address appears only
  // inside the To header's quoted display name. (The body's address block shows the name as the
  // ERP sent it, line break included: text, not a header.)
  const std::string raw = read_text(eml);
  const std::string head = raw.substr(0, raw.find("\r\n\r\n"));
  EXPECT_THAT(head, Not(HasSubstr("\nBcc:")));
  EXPECT_THAT(head, Not(HasSubstr("\nbcc:")));
  EXPECT_EQ(head.find("evil@example.com"), head.rfind("evil@example.com")) << head;
  EXPECT_THAT(head, HasSubstr("<billing@evil-corp.example>")) << head;
}

}  // namespace
}  // namespace kontor::testing
