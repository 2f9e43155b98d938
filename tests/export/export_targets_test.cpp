// The export job's other targets end to end on the demo (config/demo.yaml as it ships, with
// `journal-out` next to `datev-out`, and csv-export, json-export and http-export instances the
// tests add): the demo's ERP export and bank statements imported and matched, then `kontord
// --once export`. The journal is opened by the real hledger and ledger (their strictest checks),
// the CSV read by Python's csv module, the JSON parsed, and the HTTP endpoint is a real server
// on loopback (tests/support/export_receiver.py); each target's account balances are compared
// with the store's, and reruns and an endpoint that is down deliver nothing twice.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "dunning/dunning_job_fixture.hpp"
#include "support/export_receiver.hpp"
#include "support/journal_tools.hpp"

namespace kontor::testing {
namespace {

namespace tools = journal_tools;
using ::testing::SizeIs;

// Debit minus credit, in cents, per account number; accounts that net to zero are left out
// (the tools do not print them).
using Nets = std::map<std::string, std::int64_t>;

// The account number in a journal account name: the leading digits of its last part
// ("Aktiva:Bank:1200 Bank" → 1200, "Aktiva:Debitoren:10001" → 10001).
std::string account_number(const std::string& name) {
  const std::string last = name.substr(name.rfind(':') + 1);
  return last.substr(0, last.find(' '));
}

Nets nets_of(const std::map<std::string, std::string>& balances) {
  Nets nets;
  for (const auto& [name, balance] : balances) {
    const std::string amount = balance.substr(0, balance.find(' '));
    EXPECT_EQ(balance.substr(balance.find(' ') + 1), "EUR") << name;
    const Money money = Money::parse(amount, Currency::eur(), Notation::point()).value();
    if (!money.is_zero()) nets[account_number(name)] += money.minor_units();
  }
  return nets;
}

// Nets of the bookings of a batch document (plugins/json-export/batch_json.hpp).
Nets nets_of_document(const nlohmann::json& document) {
  Nets nets;
  for (const auto& booking : document["bookings"]) {
    for (const auto& line : booking["lines"]) {
      const Money amount =
          Money::parse(line["amount"].get<std::string>(), Currency::eur(), Notation::point())
              .value();
      nets[line["account"].get<std::string>()] +=
          line["side"] == "debit" ? amount.minor_units() : -amount.minor_units();
    }
  }
  std::erase_if(nets, [](const auto& entry) { return entry.second == 0; });
  return nets;
}

constexpr const char* kToken = "export-endpoint-token";

class ExportTargets : public DunningJob {
 protected:
  fs::path journal_dir() const { return state() / "outbox/journal"; }
  fs::path index() const { return journal_dir() / "kontor.journal"; }

  std::vector<store::StoredBooking> current_bookings() {
    return query<std::vector<store::StoredBooking>>(
        [](store::Reader& r) { return r.bookings_after(0, 1'000'000); });
  }

  Nets store_nets() {
    const auto totals = query<std::vector<store::AccountTotal>>(
        [](store::Reader& r) { return r.booking_totals(); });
    Nets nets;
    for (const store::AccountTotal& total : totals) {
      const std::int64_t net = total.debit.minor_units() - total.credit.minor_units();
      if (net != 0) nets[total.account] = net;
    }
    return nets;
  }

  // Both tools accept the index with their strictest checks and print the same balances.
  Nets journal_nets() {
    const tools::ToolRun hledger = tools::hledger_check(index());
    EXPECT_EQ(hledger.exit_code, 0) << hledger.err;
    const tools::ToolRun ledger = tools::ledger_pedantic(index());
    EXPECT_EQ(ledger.exit_code, 0) << ledger.err;
    const auto from_ledger = tools::ledger_balances(index());
    EXPECT_EQ(from_ledger, tools::hledger_balances(index()));
    return nets_of(from_ledger);
  }

  std::map<std::string, std::string> journal_files() const {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(journal_dir())) {
      if (entry.is_regular_file()) files[entry.path().filename()] = read_text(entry.path());
    }
    return files;
  }

  void include_invoices() {
    std::string config = read_text(dir_ / "kontor.yaml");
    const std::string before = "debtor_account: {rule: from_customer_number, prefix: \"K-\"}";
    const auto at = config.find(before);
    ASSERT_NE(at, std::string::npos) << "config/demo.yaml no longer sets the debtor rule";
    config.insert(at + before.size(),
                  "\n  include: [payments, fees, interest, bank_charges, invoices]");
    std::ofstream(dir_ / "kontor.yaml", std::ios::binary | std::ios::trunc) << config;
  }

  // csv-out, json-out and http-out (to `receiver`, one attempt each run) next to the demo's
  // targets, all in the export job's outputs.
  void add_targets(const ExportReceiver& receiver) {
    std::string config = read_text(dir_ / "kontor.yaml");
    const std::string instances =
        "  csv-out:\n"
        "    plugin: csv-export\n"
        "    path: ${KONTOR_DEMO_STATE}/outbox/csv\n"
        "  json-out:\n"
        "    plugin: json-export\n"
        "    path: ${KONTOR_DEMO_STATE}/outbox/json\n"
        "  http-out:\n"
        "    plugin: http-export\n"
        "    url: " +
        receiver.url("batches") +
        "\n"
        "    ca_file: " +
        receiver.ca_file().string() +
        "\n"
        "    staging: ${KONTOR_DEMO_STATE}/http-staging\n"
        "    key_prefix: demo\n"
        "    bearer_token: {env: KONTOR_EXPORT_TOKEN}\n"
        "    attempts: 1\n"
        "\njobs:";
    const auto jobs = config.find("\njobs:");
    ASSERT_NE(jobs, std::string::npos);
    config.replace(jobs, 6, "\n" + instances);
    const std::string outputs = "outputs: [datev-out, journal-out]";
    const auto at = config.find(outputs);
    ASSERT_NE(at, std::string::npos) << "config/demo.yaml's export job has other outputs";
    config.replace(at, outputs.size(),
                   "outputs: [datev-out, journal-out, csv-out, json-out, http-out]");
    std::ofstream(dir_ / "kontor.yaml", std::ios::binary | std::ios::trunc) << config;
    extra_env_["KONTOR_EXPORT_TOKEN"] = kToken;
  }

  // The one file in outbox/<folder>, or an empty path.
  fs::path only_file(const std::string& folder) const {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(state() / "outbox" / folder)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
    EXPECT_THAT(files, SizeIs(1)) << folder;
    return files.size() == 1 ? files.front() : fs::path();
  }

  // Nets of the CSV file as Python's csv module reads it (plugins/csv-export/README.md: a row
  // per booking line, columns account, debit, credit).
  Nets csv_nets(const fs::path& file) {
    const nlohmann::json rows =
        python({(source_dir() / "plugins/csv-export/read_csv.py").string(), file.string(), ";"});
    Nets nets;
    EXPECT_GE(rows.size(), 2u);
    const auto& heading = rows.at(0);
    const auto column = [&](const std::string& name) {
      return static_cast<std::size_t>(std::find(heading.begin(), heading.end(), name) -
                                      heading.begin());
    };
    const std::size_t account = column("account"), debit = column("debit"),
                      credit = column("credit");
    for (std::size_t row = 1; row < rows.size(); ++row) {
      const auto& cells = rows[row];
      const std::string debit_text = cells.at(debit);
      const std::string credit_text = cells.at(credit);
      const std::string& text = debit_text.empty() ? credit_text : debit_text;
      const Money amount = Money::parse(text, Currency::eur(), Notation::point()).value();
      nets[cells.at(account).get<std::string>()] +=
          debit_text.empty() ? -amount.minor_units() : amount.minor_units();
    }
    std::erase_if(nets, [](const auto& entry) { return entry.second == 0; });
    return nets;
  }

  std::vector<store::ExportBatchRecord> batches_of(const std::string& target) {
    return query<std::vector<store::ExportBatchRecord>>([&](store::Reader& r) {
      return r.export_batches(store::ExportBatchQuery{.target = target, .limit = 100});
    });
  }

  Completed import_and_export(const std::string& now = kDemoDay) {
    return once(now, {"import-items", "import-statements", "export"});
  }
};

TEST_F(ExportTargets, TheDemoJournalOpensInHledgerAndLedgerAndAgreesWithTheStore) {
  drop_demo();
  const Completed ran = import_and_export();
  ASSERT_EQ(ran.status, 0) << ran.err;

  EXPECT_THAT(journal_files(), SizeIs(2)) << "one batch file and the index";
  const Nets nets = journal_nets();
  EXPECT_EQ(nets, store_nets());
  EXPECT_EQ(nets.at("1200"), 503400) << "5,034.00 EUR came in and stayed";
  EXPECT_FALSE(nets.contains("10004")) << "the returned direct debit nets to nothing";

  // A rerun, the same day or the next, writes nothing again.
  const auto before = journal_files();
  ASSERT_EQ(import_and_export().status, 0);
  ASSERT_EQ(import_and_export("2026-11-30T18:00").status, 0);
  EXPECT_EQ(journal_files(), before);
}

TEST_F(ExportTargets, InvoicesSpellOutTheirVatAndTheJournalStillAgreesWithTheStore) {
  include_invoices();
  drop_demo();
  const Completed ran = import_and_export();
  ASSERT_EQ(ran.status, 0) << ran.err;

  // The store books invoices gross on the automatic revenue accounts (DATEV splits the VAT);
  // the journal must show net and VAT: per line, VAT = gross × p / (100 + p) rounded half up,
  // on SKR03's VAT account of the rate.
  struct Automatic {
    std::string account;
    std::int64_t percent;
    std::string vat_account;
  };
  const std::vector<Automatic> automatic{{"8400", 19, "1776"}, {"8300", 7, "1771"}};
  Nets expected = store_nets();
  std::int64_t invoice_lines = 0;
  for (const store::StoredBooking& stored : current_bookings()) {
    for (const BookingLine& line : stored.booking.lines) {
      for (const Automatic& rate : automatic) {
        if (line.account != rate.account) continue;
        ++invoice_lines;
        const std::int64_t gross = line.side == BookingSide::debit ? line.amount.minor_units()
                                                                   : -line.amount.minor_units();
        const std::int64_t magnitude = gross < 0 ? -gross : gross;
        const std::int64_t vat =
            (magnitude * 2 * rate.percent + 100 + rate.percent) / (2 * (100 + rate.percent));
        expected[rate.account] -= gross < 0 ? -vat : vat;
        expected[rate.vat_account] += gross < 0 ? -vat : vat;
      }
    }
  }
  ASSERT_GT(invoice_lines, 0) << "the demo's invoices were booked";
  std::erase_if(expected, [](const auto& entry) { return entry.second == 0; });
  const Nets nets = journal_nets();
  EXPECT_EQ(nets, expected);
  EXPECT_LT(nets.at("1776"), 0) << "VAT owed on the invoices";
  std::int64_t total = 0;
  for (const auto& [account, net] : nets) total += net;
  EXPECT_EQ(total, 0) << "the journal balances as a whole";
}

TEST_F(ExportTargets, CsvJsonAndHttpTargetsCarryTheStoresBookingsOnceEach) {
  ExportReceiverOptions options;
  options.bearer_token = kToken;
  ExportReceiver receiver(options);
  ASSERT_EQ(receiver.error(), "");
  add_targets(receiver);
  drop_demo();
  const Completed ran = import_and_export();
  ASSERT_EQ(ran.status, 0) << ran.err;
  const Nets store = store_nets();
  ASSERT_EQ(store.at("1200"), 503400);

  EXPECT_EQ(csv_nets(only_file("csv")), store);
  const nlohmann::json document = nlohmann::json::parse(read_text(only_file("json")));
  EXPECT_EQ(nets_of_document(document), store);

  const std::vector<ReceivedPost> posts = receiver.posts();
  ASSERT_THAT(posts, SizeIs(1));
  EXPECT_TRUE(posts[0].accepted);
  EXPECT_EQ(posts[0].header("idempotency-key"), "demo-http-out-000001");
  EXPECT_EQ(posts[0].header("authorization"), std::string("Bearer ") + kToken);
  const nlohmann::json posted = nlohmann::json::parse(posts[0].body);
  EXPECT_EQ(posted["batch"], "http-out-000001");
  EXPECT_EQ(posted["bookings"], document["bookings"]) << "the same bookings to every target";
  EXPECT_EQ(nets_of_document(posted), store);

  // Reruns deliver nothing again, to any target.
  const auto csv_before = read_text(only_file("csv"));
  ASSERT_EQ(import_and_export().status, 0);
  ASSERT_EQ(import_and_export("2026-11-30T18:00").status, 0);
  EXPECT_EQ(read_text(only_file("csv")), csv_before);
  EXPECT_THAT(receiver.posts(), SizeIs(1));
  for (const std::string target : {"csv-out", "json-out", "http-out"}) {
    const auto batches = batches_of(target);
    ASSERT_THAT(batches, SizeIs(1)) << target;
    EXPECT_EQ(batches.front().state, store::ExportBatchState::published) << target;
  }
}

TEST_F(ExportTargets, AnEndpointThatIsDownKeepsItsBatchForTheNextRunWithTheSameKey) {
  ExportReceiverOptions options;
  options.bearer_token = kToken;
  options.fail_first = 1;  // the first run's only attempt gets 503
  ExportReceiver receiver(options);
  ASSERT_EQ(receiver.error(), "");
  add_targets(receiver);
  drop_demo();
  const Completed first = import_and_export();
  EXPECT_NE(first.status, 0) << "the run reports the target it could not deliver to";
  ASSERT_THAT(batches_of("http-out"), SizeIs(1));
  EXPECT_EQ(batches_of("http-out").front().state, store::ExportBatchState::staged);
  // The other targets went ahead.
  EXPECT_EQ(batches_of("csv-out").front().state, store::ExportBatchState::published);

  const Completed second = import_and_export("2026-11-28T19:00");
  ASSERT_EQ(second.status, 0) << second.err;
  const std::vector<ReceivedPost> posts = receiver.posts();
  ASSERT_THAT(posts, SizeIs(2));
  EXPECT_EQ(posts[0].status, 503);
  EXPECT_TRUE(posts[1].accepted);
  EXPECT_EQ(posts[0].header("idempotency-key"), posts[1].header("idempotency-key"));
  EXPECT_EQ(posts[0].body, posts[1].body);
  ASSERT_THAT(batches_of("http-out"), SizeIs(1));
  EXPECT_EQ(batches_of("http-out").front().state, store::ExportBatchState::published);
  EXPECT_EQ(nets_of_document(nlohmann::json::parse(posts[1].body)), store_nets());
}

}  // namespace
}  // namespace kontor::testing
