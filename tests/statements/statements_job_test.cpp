// The monthly statements of account as an operator runs them: kontord --once on config/demo.yaml
// with the demo's ERP export and bank statements, the `statements` job on the 1st of the month
// writing e-mails into the pickup folder and letters into the print shop's folder. What every
// customer is told agrees with the store (closing balance, the items listed, the GiroCode's
// amount and reference), a rerun sends nothing twice, a customer no channel reaches or who is
// blocked is named on the run and gets nothing, an invoice due on a month's last day is not due
// on that month's statement, and the month turns at the company's midnight. What was sent is
// read by independent readers: Python's email package, pdftotext, pdftoppm and zbarimg; the
// expected figures come from the store, never from the statement code.
#include <set>

#include "dunning/dunning_job_fixture.hpp"
#include "kontor/model/sha256.hpp"
#include "statements/statement_figures.hpp"

namespace kontor::testing {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const std::vector<std::string> kStatementJobs = {"import-items", "import-statements", "statements"};
constexpr const char* kFirstOfDecember = "2026-12-01T09:00";
const std::set<std::string> kDemoCustomers = {"K-10001", "K-10002", "K-10003", "K-10004",
                                              "K-10005"};

// What the GiroCode of a statement carries: the company's account, the amount and the RF.
std::string girocode_for(std::int64_t cents, const std::string& reference) {
  return "BCD\n002\n1\nSCT\nCOKSDE33XXX\nMuster Maschinenbau GmbH\nDE02370502990000684712\n" +
         girocode_amount(cents) + "\n\n" + reference;
}

// An MT940 of the company's account for one day (YYMMDD) with one credit from Bäckerei Schmitz
// (K-10001's IBAN): `amount` in German notation, `remittance` as the payer wrote it. It opens at
// the demo's last closing balance, 15.016,60 €.
std::string schmitz_pays(const std::string& day, const std::string& amount,
                         const std::string& remittance) {
  const std::int64_t closing = 1501660 + german_cents(amount).value_or(0);
  const std::string cents = std::to_string(100 + closing % 100).substr(1);
  return ":20:STARTUMSE\n:25:37050299/0000684712\n:28C:00219/001\n:60F:C261127EUR15016,60\n"
         ":61:" +
         day + day.substr(2) + "CR" + amount + "NTRFNONREF//" + day + "0081550\n" +
         ":86:166?00SEPA-GUTSCHRIFT?109075?20SVWZ+" + remittance +
         "?30COBADEFFXXX?31DE89370400440532013000\n?32Baeckerei Schmitz GmbH\n" + ":62F:C" + day +
         "EUR" + std::to_string(closing / 100) + "," + cents + "\n-\n";
}

class StatementsJob : public DunningJob {
 protected:
  // The statement notices in the store (with their PDFs), by number.
  std::vector<store::StoredNotice> statements() {
    std::vector<store::StoredNotice> found;
    for (const store::StoredNotice& listed : notices()) {
      if (listed.notice.kind != NoticeKind::statement) continue;
      const auto full = query<std::optional<store::StoredNotice>>(
          [&](store::Reader& r) { return r.notice(listed.notice.number); });
      if (full) found.push_back(*full);
    }
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.notice.number < b.notice.number; });
    return found;
  }

  std::int64_t owed_by(const std::string& customer) {
    return query<std::int64_t>(
        [&](store::Reader& r) { return owed_according_to_store(r, customer); });
  }
  std::map<std::string, std::int64_t> owing_items_of(const std::string& customer) {
    return query<std::map<std::string, std::int64_t>>(
        [&](store::Reader& r) { return owing_items(r, customer); });
  }

  // The latest run of the statements job, as the scheduler recorded it.
  store::JobRun last_statements_run() {
    const auto runs = query<std::vector<store::JobRun>>(
        [](store::Reader& r) { return r.job_runs("statements", 1); });
    EXPECT_EQ(runs.size(), 1u);
    return runs.empty() ? store::JobRun{} : runs[0];
  }

  // Every file in the pickup and letter folders with its bytes.
  std::map<std::string, std::string> outbox() const {
    std::map<std::string, std::string> files;
    for (const fs::path& folder : {pickup(), letters_dir()}) {
      for (const std::string& name : file_names_in(folder)) {
        files.emplace(folder.filename().string() + "/" + name, read_text(folder / name));
      }
    }
    return files;
  }

  std::string pdf_text(const fs::path& pdf) {
    return run_tool({"/usr/bin/pdftotext", "-layout", pdf.string(), "-"});
  }
  std::string pdf_text_of(const std::string& bytes) {
    return pdf_text(dir_.write("statement-" + std::to_string(++pdfs_) + ".pdf", bytes));
  }

  int pdfs_ = 0;
};

TEST_F(StatementsJob, DemoNovemberStatementsAgreeWithTheStore) {
  drop_demo();
  const Completed run = once(kFirstOfDecember, kStatementJobs);
  ASSERT_EQ(run.status, 0) << run.err;

  const std::vector<store::StoredNotice> sent = statements();
  ASSERT_EQ(sent.size(), 5u) << run.err;
  std::set<std::string> customers;
  for (const store::StoredNotice& stored : sent) {
    const Notice& notice = stored.notice;
    const std::string& customer = notice.customer_number;
    SCOPED_TRACE(notice.number + " to " + customer);
    customers.insert(customer);
    EXPECT_THAT(notice.number, StartsWith("S-2026-11-"));
    EXPECT_EQ(notice.delivery_state, DeliveryState::delivered);
    ASSERT_TRUE(notice.rf_reference.has_value());
    const std::int64_t owed = owed_by(customer);

    // It asks for what is owed, nothing when nothing is, and lists exactly what is open.
    EXPECT_EQ(stored.total.minor_units(), std::max<std::int64_t>(owed, 0));
    std::map<std::string, std::int64_t> listed;
    for (const NoticeLine& line : notice.items) {
      listed.emplace(line.item_number, line.open.minor_units());
    }
    EXPECT_EQ(listed, owing_items_of(customer));

    // The letter (the e-mail's attachment, or the letter itself) prints the same closing
    // balance, and its GiroCode pays it quoting the statement's reference.
    const std::string letter = pdf_text_of(stored.pdf);
    EXPECT_EQ(printed_closing(letter), owed) << letter;
    EXPECT_THAT(letter, AllOf(HasSubstr(customer), HasSubstr(notice.number)));
    const fs::path letter_file = dir_.write("letter-" + notice.number + ".pdf", stored.pdf);
    const std::vector<std::string> codes =
        girocodes_in(letter_file, dir_ / ("scan-" + notice.number));
    if (owed > 0) {
      EXPECT_EQ(codes,
                std::vector<std::string>{girocode_for(owed, notice.rf_reference->electronic())});
      EXPECT_THAT(letter, HasSubstr(notice.rf_reference->formatted()));
    } else {
      EXPECT_TRUE(codes.empty()) << "nothing to pay, no GiroCode";
    }

    if (notice.channel == "mail-out") {
      const fs::path eml = pickup() / ("kontor-notice-" + notice.number + ".eml");
      ASSERT_TRUE(fs::exists(eml));
      const nlohmann::json mail = read_eml(eml);
      ASSERT_TRUE(mail["text"].is_string()) << mail.dump();
      const std::string text = mail["text"].get<std::string>();
      EXPECT_EQ(printed_closing(text), owed) << text;
      EXPECT_THAT(text, HasSubstr(customer));
      for (const auto& [item, open] : listed) EXPECT_THAT(text, HasSubstr(item));
      EXPECT_TRUE(mail["defects"].empty()) << mail["defects"].dump();
      ASSERT_EQ(mail["attachments"].size(), 1u) << mail.dump();
      EXPECT_EQ(mail["attachments"][0]["filename"], notice.number + ".pdf");
      EXPECT_EQ(mail["attachments"][0]["content_type"], "application/pdf");
      EXPECT_EQ(mail["attachments"][0]["sha256"], Sha256::hex_of(stored.pdf));
      EXPECT_EQ(mail["to"]["address"], stored.recipient);
    } else {
      EXPECT_EQ(notice.channel, "letter-out");
      const fs::path pdf = letters_dir() / ("kontor-notice-" + notice.number + ".pdf");
      ASSERT_TRUE(fs::exists(pdf));
      EXPECT_EQ(read_text(pdf), stored.pdf) << "the letter spooled is the one stored";
      EXPECT_EQ(printed_closing(pdf_text(pdf)), owed);
      fs::path manifest = pdf;
      manifest.replace_extension(".json");
      ASSERT_TRUE(fs::exists(manifest));
      EXPECT_EQ(nlohmann::json::parse(read_text(manifest))["notice"], notice.number);
    }
  }
  EXPECT_EQ(customers, kDemoCustomers);

  // By channel: K-10002 prefers letters, K-10004 has no e-mail address.
  EXPECT_EQ(emls().size(), 3u);
  EXPECT_EQ(letters().size(), 2u);
  for (const char* by_letter : {"K-10002", "K-10004"}) {
    ASSERT_EQ(notices(by_letter).size(), 1u) << by_letter;
    EXPECT_EQ(notices(by_letter)[0].notice.channel, "letter-out") << by_letter;
  }

  // The demo's K-10001, worked by hand: R-2026-1001 (1.190,00) and R-2026-1004 (595,00 + 214,00)
  // open at the start of November; 595,00 paid on 26 Nov, 1.190,00 on 27 Nov; 214,00 left.
  const store::StoredNotice& schmitz = sent[0];
  ASSERT_EQ(schmitz.notice.number, "S-2026-11-000001");
  EXPECT_EQ(schmitz.notice.customer_number, "K-10001");
  EXPECT_EQ(owed_by("K-10001"), 21400);
  EXPECT_EQ(schmitz.notice.rf_reference->formatted(), "RF40 S202 6110 0000 1");
  const std::string text =
      read_eml(pickup() / "kontor-notice-S-2026-11-000001.eml")["text"].get<std::string>();
  EXPECT_EQ(euro_amounts_in(line_with(text, "Saldovortrag:")), std::vector<std::int64_t>{199900});
  EXPECT_EQ(euro_amounts_in(line_with(text, "26.11.2026")),
            (std::vector<std::int64_t>{-59500, 140400}));
  EXPECT_EQ(euro_amounts_in(line_with(text, "27.11.2026")),
            (std::vector<std::int64_t>{-119000, 21400}));
  EXPECT_THAT(line_with(text, "R-2026-1004 vom"), HasSubstr("30 Tage überfällig"));
  EXPECT_THAT(text, HasSubstr("RF40 S202 6110 0000 1"));
}

TEST_F(StatementsJob, ARerunSendsNoStatementTwice) {
  drop_demo();
  const Completed first = once(kFirstOfDecember, kStatementJobs);
  ASSERT_EQ(first.status, 0) << first.err;
  ASSERT_EQ(statements().size(), 5u);
  EXPECT_EQ(last_statements_run().counts["statements_decided"], 5);
  const std::map<std::string, std::string> written = outbox();
  ASSERT_EQ(written.size(), 3u + 2u * 2u) << "3 e-mails, 2 letters with their manifests";

  // The same morning again (the demo's files dropped again, known), and the next day.
  for (const char* now : {kFirstOfDecember, "2026-12-02T09:00"}) {
    SCOPED_TRACE(now);
    drop_demo();
    const Completed again = once(now, kStatementJobs);
    ASSERT_EQ(again.status, 0) << again.err;
    EXPECT_EQ(outbox(), written) << "no file new or changed";
    const std::vector<store::StoredNotice> stored = statements();
    ASSERT_EQ(stored.size(), 5u);
    for (const store::StoredNotice& notice : stored) {
      EXPECT_EQ(notice.notice.delivery_state, DeliveryState::delivered);
      EXPECT_EQ(notice.attempts, 1) << notice.notice.number << " was delivered once";
    }
    store::JobRun run = last_statements_run();
    EXPECT_EQ(run.outcome, JobRunOutcome::succeeded);
    EXPECT_EQ(run.counts["statements_sent_before"], 5);
    EXPECT_EQ(run.counts["statements_decided"], 0);
    EXPECT_EQ(run.counts["notices_delivered"], 0);
    EXPECT_TRUE(run.warnings.empty()) << ::testing::PrintToString(run.warnings);
  }
}

TEST_F(StatementsJob, CustomersNoChannelReachesOrWhoAreBlockedAreNamedOnTheRunAndGetNothing) {
  drop_demo();
  // A later export: K-10009 has neither an e-mail address nor a street, and a November invoice.
  const std::string demo =
      read_text(source_dir() / "config/demo-data/erp/2026-11-27_offene-posten.csv");
  dir_.write("state/inbox/erp/2026-11-28_nachtrag.csv",
             demo.substr(0, demo.find('\n') + 1) +
                 "R-2026-1009;K-10009;Unbekannt Verzogen GmbH;;50667;Köln;DE;;b2b;;12.11.2026;"
                 "12.12.2026;119,00;100,00;19;EUR;invoice;;;\n");
  const Completed imports = once(kDemoDay, {"import-items", "import-statements"});
  ASSERT_EQ(imports.status, 0) << imports.err;
  ASSERT_EQ(owing_items_of("K-10009").count("R-2026-1009"), 1u) << imports.err;

  // An account manager blocks K-10003 (what `kontorctl block` records).
  const std::string reason = "Reklamation zu R-2026-1003 ungeklärt";
  {
    store::SqliteOptions options;
    options.path = database().string();
    auto opened = store::SqliteStore::open(options);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    const Status blocked =
        (*opened)->transact("user:mueller", "block K-10003", [&](store::Transaction& tx) -> Status {
          store::ManualDunningBlock block;
          block.customer_number = "K-10003";
          block.reason = reason;
          if (auto set = tx.set_dunning_block(block); !set) return set.error();
          return {};
        });
    ASSERT_TRUE(blocked) << blocked.error().message;
  }

  const Completed run = once(kFirstOfDecember, kStatementJobs);
  ASSERT_EQ(run.status, 0) << run.err;
  store::JobRun recorded = last_statements_run();
  EXPECT_THAT(recorded.warnings,
              Contains(AllOf(HasSubstr("customer K-10009"), HasSubstr("no channel"))));
  EXPECT_THAT(recorded.warnings, Contains(AllOf(HasSubstr("customer K-10003"), HasSubstr("blocked"),
                                                HasSubstr(reason))));
  EXPECT_EQ(recorded.warnings.size(), 2u) << ::testing::PrintToString(recorded.warnings);
  EXPECT_EQ(recorded.counts["statements_skipped"], 2);
  EXPECT_EQ(recorded.counts["statements_decided"], 4);
  EXPECT_THAT(run.err, HasSubstr("customer K-10009"));
  EXPECT_TRUE(notices("K-10009").empty());
  EXPECT_TRUE(notices("K-10003").empty());
  std::set<std::string> reached;
  for (const store::StoredNotice& stored : statements()) {
    reached.insert(stored.notice.customer_number);
  }
  EXPECT_EQ(reached, (std::set<std::string>{"K-10001", "K-10002", "K-10004", "K-10005"}));
  EXPECT_EQ(emls().size() + letters().size(), 4u);
  for (const fs::path& eml : emls()) {
    EXPECT_NE(read_eml(eml)["to"]["address"], "anna.krueger@mail.example") << eml;
  }

  // Considered again on the next run: the block lifted, K-10003 gets November's statement.
  {
    store::SqliteOptions options;
    options.path = database().string();
    auto opened = store::SqliteStore::open(options);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    ASSERT_TRUE((*opened)->transact("user:mueller", "lift", [](store::Transaction& tx) -> Status {
      if (auto lifted = tx.lift_dunning_block("K-10003", ""); !lifted) return lifted.error();
      return {};
    }));
  }
  const Completed next = once("2026-12-02T09:00", {"statements"});
  ASSERT_EQ(next.status, 0) << next.err;
  const std::vector<store::StoredNotice> krueger = notices("K-10003");
  ASSERT_EQ(krueger.size(), 1u);
  EXPECT_EQ(krueger[0].notice.number, "S-2026-11-000005");
  EXPECT_TRUE(notices("K-10009").empty());
  recorded = last_statements_run();
  EXPECT_EQ(recorded.counts["statements_decided"], 1);
  EXPECT_EQ(recorded.counts["statements_sent_before"], 4);
  EXPECT_THAT(recorded.warnings, Contains(HasSubstr("customer K-10009")));
}

TEST_F(StatementsJob, AnInvoiceDueOnTheMonthsLastDayIsNotDueOnItsStatementAndOverdueANextMonth) {
  // 1 November: October's statements, from the ERP's items alone.
  drop("erp/2026-11-27_offene-posten.csv", "erp");
  const Completed october = once("2026-11-01T09:00", {"import-items", "statements"});
  ASSERT_EQ(october.status, 0) << october.err;
  const std::optional<OpenItem> invoice = item("R-2026-1004");
  ASSERT_TRUE(invoice.has_value());
  ASSERT_EQ(invoice->due_date.to_iso(), "2026-10-31");
  const std::int64_t gross = invoice->gross.minor_units();
  const std::int64_t other = item("R-2026-1001")->gross.minor_units();  // due 1 Oct: 30 days

  auto of_schmitz = [&](const std::string& prefix) -> std::optional<store::StoredNotice> {
    for (const store::StoredNotice& stored : statements()) {
      if (stored.notice.customer_number == "K-10001" && stored.notice.number.starts_with(prefix))
        return stored;
    }
    return std::nullopt;
  };
  const std::optional<store::StoredNotice> oct = of_schmitz("S-2026-10-");
  ASSERT_TRUE(oct.has_value()) << october.err;
  {
    const std::string text =
        read_eml(pickup() / ("kontor-notice-" + oct->notice.number + ".eml"))["text"]
            .get<std::string>();
    const std::string line = line_with(text, "R-2026-1004 vom");
    EXPECT_THAT(line, HasSubstr("fällig am 31.10.2026"));
    EXPECT_EQ(euro_amounts_in(line), std::vector<std::int64_t>{gross});
    EXPECT_THAT(line, Not(HasSubstr("überfällig")));
    EXPECT_EQ(euro_amounts_in(line_with(text, "noch nicht fällig")),
              std::vector<std::int64_t>{gross});
    EXPECT_EQ(euro_amounts_in(line_with(text, "1 bis 30 Tage")), std::vector<std::int64_t>{other});
    EXPECT_EQ(printed_closing(text), gross + other);

    const std::string letter = pdf_text_of(oct->pdf);
    const std::string row = line_starting(letter, "R-2026-1004 ");
    EXPECT_EQ(euro_amounts_in(row), (std::vector<std::int64_t>{gross, gross}));
    EXPECT_TRUE(row.ends_with("€")) << "no days overdue: " << row;
    const std::vector<std::int64_t> aging = euro_amounts_in(values_under(letter, "nicht fällig"));
    ASSERT_EQ(aging.size(), 7u) << letter;
    EXPECT_EQ(aging[0], gross) << "not due";
    EXPECT_EQ(aging[1], other) << "1–30 days";
    EXPECT_EQ(aging[6], gross + other) << "total";
  }

  // 1 December, after the bank's November: R-2026-1004 is 30 days overdue at November's end.
  drop("bank/2026-11-26_MT940_Sparkasse-KoelnBonn.sta", "bank");
  drop("bank/2026-11-27_camt053_DE02370502990000684712.xml", "bank");
  const Completed december = once(kFirstOfDecember, kStatementJobs);
  ASSERT_EQ(december.status, 0) << december.err;
  const std::optional<store::StoredNotice> nov = of_schmitz("S-2026-11-");
  ASSERT_TRUE(nov.has_value()) << december.err;
  const std::int64_t open = item("R-2026-1004")->open.minor_units();
  {
    const std::string text =
        read_eml(pickup() / ("kontor-notice-" + nov->notice.number + ".eml"))["text"]
            .get<std::string>();
    EXPECT_THAT(line_with(text, "R-2026-1004 vom"), HasSubstr("30 Tage überfällig"));
    EXPECT_EQ(euro_amounts_in(line_with(text, "noch nicht fällig")), std::vector<std::int64_t>{0});
    EXPECT_EQ(euro_amounts_in(line_with(text, "1 bis 30 Tage")), std::vector<std::int64_t>{open});

    const std::string letter = pdf_text_of(nov->pdf);
    const std::string row = line_starting(letter, "R-2026-1004 ");
    EXPECT_EQ(euro_amounts_in(row), (std::vector<std::int64_t>{gross, open}));
    EXPECT_TRUE(row.ends_with(" 30")) << row;
    const std::vector<std::int64_t> aging = euro_amounts_in(values_under(letter, "nicht fällig"));
    ASSERT_EQ(aging.size(), 7u) << letter;
    EXPECT_EQ(aging[0], 0) << "not due";
    EXPECT_EQ(aging[1], open) << "1–30 days";
  }
}

// The customer pays quoting the statement's RF reference, 300,00 € for the 214,00 € it asked: the
// reconcile engine posts it by that reference and keeps the rest as a credit, which December's
// statement shows as the closing balance — what the store says the customer owes, negative.
TEST_F(StatementsJob, APaymentQuotingTheStatementsReferencePaysWhatItListed) {
  drop_demo();
  ASSERT_EQ(once(kFirstOfDecember, kStatementJobs).status, 0);
  const std::optional<store::StoredNotice> november = query<std::optional<store::StoredNotice>>(
      [](store::Reader& r) { return r.notice("S-2026-11-000001"); });
  ASSERT_TRUE(november.has_value() && november->notice.rf_reference.has_value());
  const CreditorReference& reference = *november->notice.rf_reference;

  dir_.write("state/inbox/bank/2026-12-02_MT940.sta",
             schmitz_pays("261202", "300,00", reference.formatted()));
  const Completed paid = once("2026-12-02T09:00", {"import-statements"});
  ASSERT_EQ(paid.status, 0) << paid.err;
  const auto posted = query<std::vector<store::ReconciliationEntry>>([](store::Reader& r) {
    store::ReconciliationQuery ask;
    ask.state = store::ReconciliationState::posted;
    ask.limit = 1000;
    return r.reconciliations(ask);
  });
  const auto payment =
      std::find_if(posted.begin(), posted.end(), [](const store::ReconciliationEntry& entry) {
        return entry.transaction.booking_date.to_iso() == "2026-12-02";
      });
  ASSERT_NE(payment, posted.end()) << paid.err;
  EXPECT_EQ(payment->reconciliation.customer_number, "K-10001");
  EXPECT_THAT(payment->reconciliation.reason, HasSubstr(reference.formatted()));
  EXPECT_EQ(payment->reconciliation.unapplied.minor_units(), 30000 - 21400);
  EXPECT_TRUE(owing_items_of("K-10001").empty());
  const std::int64_t owed = owed_by("K-10001");
  EXPECT_EQ(owed, -8600);

  const Completed january = once("2027-01-01T09:00", {"statements"});
  ASSERT_EQ(january.status, 0) << january.err;
  const std::vector<store::StoredNotice> sent = notices("K-10001");
  const auto december =
      std::find_if(sent.begin(), sent.end(), [](const store::StoredNotice& stored) {
        return stored.notice.number.starts_with("S-2026-12-");
      });
  ASSERT_NE(december, sent.end()) << january.err;
  EXPECT_TRUE(december->total.is_zero()) << "a credit asks for nothing";
  EXPECT_TRUE(december->notice.items.empty());
  const std::string text =
      read_eml(pickup() / ("kontor-notice-" + december->notice.number + ".eml"))["text"]
          .get<std::string>();
  EXPECT_EQ(printed_closing(text), owed) << text;
  EXPECT_EQ(euro_amounts_in(line_with(text, "02.12.2026")),
            (std::vector<std::int64_t>{-30000, owed}));
  EXPECT_THAT(text, HasSubstr("Guthaben"));
  const std::optional<store::StoredNotice> full = query<std::optional<store::StoredNotice>>(
      [&](store::Reader& r) { return r.notice(december->notice.number); });
  ASSERT_TRUE(full.has_value());
  const fs::path pdf = dir_.write("december.pdf", full->pdf);
  EXPECT_EQ(printed_closing(pdf_text(pdf)), owed);
  EXPECT_TRUE(girocodes_in(pdf, dir_ / "scan-december").empty()) << "nothing to pay";
}

// R-2026-1004's last 214,00 € are booked on 1 December, before the statements run that morning:
// November's statement still shows 214,00 € at November's end, but asks for nothing, and what it
// lists as owed (what a payment quoting its reference pays) must be what is still open.
TEST_F(StatementsJob, APaymentAfterTheMonthsEndIsNotAskedForAgain) {
  drop_demo();
  dir_.write("state/inbox/bank/2026-12-01_MT940.sta",
             schmitz_pays("261201", "214,00", "R-2026-1004 Rest"));
  const Completed run = once(kFirstOfDecember, kStatementJobs);
  ASSERT_EQ(run.status, 0) << run.err;
  ASSERT_TRUE(owing_items_of("K-10001").empty()) << "paid on 1 December: " << run.err;
  const std::int64_t owed = owed_by("K-10001");
  EXPECT_EQ(owed, 0);

  const std::vector<store::StoredNotice> sent = notices("K-10001");
  ASSERT_EQ(sent.size(), 1u);
  const store::StoredNotice& statement = sent[0];
  const std::string text =
      read_eml(pickup() / ("kontor-notice-" + statement.notice.number + ".eml"))["text"]
          .get<std::string>();
  EXPECT_EQ(printed_closing(text), owed + 21400) << "November's balance, before the payment";
  EXPECT_THAT(text, HasSubstr("inzwischen ausgeglichen"));
  EXPECT_EQ(statement.total.minor_units(), std::max<std::int64_t>(owed, 0));
  std::map<std::string, std::int64_t> listed;
  for (const NoticeLine& line : statement.notice.items) {
    listed.emplace(line.item_number, line.open.minor_units());
  }
  EXPECT_EQ(listed, owing_items_of("K-10001")) << "lists only what is still owed";
  std::int64_t listed_total = 0;
  for (const auto& [item, open] : listed) listed_total += open;
  EXPECT_EQ(listed_total, statement.total.minor_units()) << "a payment of the total pays the lines";
}

// 00:30 on 1 November in Köln is still 31 October in UTC: the statements are October's.
TEST_F(StatementsJob, TheMonthTurnsAtTheCompanysMidnight) {
  drop("erp/2026-11-27_offene-posten.csv", "erp");
  const Completed run = once("2026-11-01T00:30", {"import-items", "statements"});
  ASSERT_EQ(run.status, 0) << run.err;
  const std::vector<store::StoredNotice> sent = statements();
  ASSERT_FALSE(sent.empty()) << run.err;
  for (const store::StoredNotice& stored : sent) {
    EXPECT_THAT(stored.notice.number, StartsWith("S-2026-10-"));
    EXPECT_THAT(stored.subject, HasSubstr("Oktober 2026"));
  }
}

}  // namespace
}  // namespace kontor::testing
