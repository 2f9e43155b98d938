// The export job's other targets end to end on the demo (config/demo.yaml as it ships, with
// `journal-out` next to `datev-out`): the demo's ERP export and bank statements imported and
// matched, then `kontord --once export`. The journal is opened by the real hledger and ledger
// (their strictest checks) and the balances they print are compared with the store's; reruns
// write nothing twice.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "dunning/dunning_job_fixture.hpp"
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

}  // namespace
}  // namespace kontor::testing
