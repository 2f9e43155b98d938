// Issue 14, deliverable 5: real bank statements from the shared fixtures imported, matched and
// exported to DATEV by `kontord --once`, and the Buchungsstapel files read back independently of
// our writer (Python's csv module) — the totals per account in the files equal the store's.
//
// For each fixture the test reads its credits with the real `kontorctl parse`, writes an ERP
// open-items file with one customer and one invoice per credit (the amount of the credit; the
// payer's IBAN as the customer's, or the invoice number the remittance names, so that the matcher
// posts what it can — credits nothing points to stay unmatched or in review and are not booked)
// and a configuration with the fixture's account on ledger account 1200, the `datev` exporter and
// an `export` job; then it runs kontord once on the day after the statement, and once more.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "kontor/model/date.hpp"
#include "store/sqlite_store.hpp"
#include "support/child_process.hpp"
#include "support/running_kontord.hpp"
#include "support/store_query.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::IsEmpty;
using ::testing::MatchesRegex;

// A statement file of the shared fixtures, and how its payers name what they pay.
struct BankFixture {
  std::string name;  // the test's name for it
  std::string file;  // under <shared>/fixtures/bank
  // What a remittance writes before the invoice number it names ("INVOICE US20291092"), the
  // first that fits; none: no remittance names one, the payer's IBAN is the customer's instead.
  std::vector<std::string> number_after;
};

const std::vector<BankFixture>& bank_fixtures() {
  static const std::vector<BankFixture> fixtures = {
      // camt.053 of a Finnish account (IBAN): six credits, one naming its invoice, two from
      // payers known only by name (review), three without any evidence (unmatched).
      {.name = "camt053_fi",
       .file = "camt053/moov-iso20022__FI_camt_053_sample.xml.xml",
       .number_after = {"INVOICE "}},
      // MT940 of a Volksbank account named BLZ/Kontonummer (imported as its IBAN): SEPA
      // credits with the payer's IBAN, in February and March 2020. Its eight statements all say
      // :20:STARTUMS :28C:0; the import tells them apart by their closing dates, so all twelve
      // credits reach the store.
      {.name = "mt940_volksbank",
       .file = "mt940/jejik__volksbankenraiffeisenbanken.txt",
       .number_after = {}},
      // Sparkasse CSV (CAMT layout, IBAN in the file): credits naming their "Beleg".
      {.name = "bank_csv_sparkasse",
       .file = "csv/rechnungspilot__sparkasse-lzo-camt-v8.csv",
       .number_after = {"Beleg Nr. ", "Beleg "}},
  };
  return fixtures;
}

// ctest names the test by its fixture rather than its bytes.
void PrintTo(const BankFixture& fixture, std::ostream* out) {
  *out << fixture.name;
}

// A credit of the fixture: money in, booked, in EUR.
struct Credit {
  Date booked;
  std::int64_t cents = 0;
  std::string payer;
  std::string payer_iban;
  std::string remittance;
};

struct ParsedFixture {
  std::string account;  // the IBAN the store keeps its transactions under
  std::vector<Credit> credits;
  Date last_day;  // of its statements: the export runs the day after
};

// "1234.56" (kontorctl's decimal strings, two decimals for EUR) in cents, by string handling.
std::optional<std::int64_t> cents_of(const std::string& text) {
  const bool negative = text.starts_with('-');
  const std::string digits = text.substr(negative ? 1 : 0);
  const auto point = digits.find('.');
  if (point == std::string::npos || point == 0 || point + 3 != digits.size()) return std::nullopt;
  std::int64_t cents = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i == point) continue;
    if (digits[i] < '0' || digits[i] > '9') return std::nullopt;
    cents = cents * 10 + (digits[i] - '0');
  }
  return negative ? -cents : cents;
}

// The invoice number a remittance names after one of `keywords`: the letters and digits that
// follow it; empty when there is none.
std::string number_named(const std::string& remittance, const std::vector<std::string>& keywords) {
  for (const std::string& keyword : keywords) {
    const auto at = remittance.find(keyword);
    if (at == std::string::npos) continue;
    std::string number;
    for (std::size_t i = at + keyword.size();
         i < remittance.size() && std::isalnum(static_cast<unsigned char>(remittance[i])); ++i) {
      number += remittance[i];
    }
    if (!number.empty()) return number;
  }
  return {};
}

// Cents as the demo's ERP writes amounts: decimal comma, thousands grouped by points.
std::string german_amount(std::int64_t cents) {
  std::string units = std::to_string(cents / 100);
  for (auto at = static_cast<std::ptrdiff_t>(units.size()) - 3; at > 0; at -= 3) {
    units.insert(static_cast<std::size_t>(at), ".");
  }
  const std::int64_t rest = cents % 100;
  return units + "," + (rest < 10 ? "0" : "") + std::to_string(rest);
}

std::string two_digits(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}
std::string german_date(const Date& date) {
  return two_digits(date.day()) + "." + two_digits(date.month()) + "." +
         std::to_string(date.year());
}

Date day(const std::string& iso) {
  Result<Date> parsed = Date::parse_iso(iso);
  EXPECT_TRUE(parsed.ok()) << iso;
  return parsed.ok() ? *parsed : Date();
}
Date plus_days(const Date& date, std::int64_t days) {
  Result<Date> moved = date.add_days(days);
  EXPECT_TRUE(moved.ok());
  return moved.ok() ? *moved : date;
}

// The IBAN of a German "BLZ/Kontonummer" (ISO 13616: check digits by mod 97), written out here
// rather than taken from the engine.
std::string german_iban(const std::string& blz_slash_number) {
  const auto slash = blz_slash_number.find('/');
  std::string bank = blz_slash_number.substr(0, slash);
  std::string number = blz_slash_number.substr(slash + 1);
  number.insert(0, 10 - std::min<std::size_t>(10, number.size()), '0');
  const std::string digits = bank + number + "131400";  // D = 13, E = 14, check digits 00
  int rest = 0;
  for (const char digit : digits) rest = (rest * 10 + (digit - '0')) % 97;
  return "DE" + two_digits(98 - rest) + bank + number;
}

std::string text_or(const nlohmann::json& value, const std::string& otherwise) {
  return value.is_string() ? value.get<std::string>() : otherwise;
}

// A CSV text field for the open-items file: quoted, quotes doubled.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

// Reads every file in a folder that is a DATEV Buchungsstapel (EXTF, category 21) with nothing
// but the standard library: cp1252, CR LF lines, `;` fields. Per account the debit and credit in
// cents: S/H is Konto's side (field 2, Konto field 7), Gegenkonto (field 8) gets the other one,
// Generalumkehr "1" (field 118) counts the record negative. Belegdatum (field 10, TTMM) is checked
// against the header's Datum vom/bis (fields 15, 16).
constexpr const char* kDatevReader = R"PY(
import csv, json, os, re, sys

folder = sys.argv[1]
result = {"files": [], "others": [], "accounts": {}, "rows": 0}

def cents(text):
    match = re.fullmatch(r"(\d{1,3}(?:\.\d{3})+|\d+),(\d{2})", text)
    if not match:
        raise SystemExit("not a DATEV amount: %r" % text)
    return int(match.group(1).replace(".", "") + match.group(2))

def add(account, side, amount):
    totals = result["accounts"].setdefault(account, {"debit": 0, "credit": 0})
    totals[side] += amount

for name in sorted(os.listdir(folder)):
    path = os.path.join(folder, name)
    if name.startswith(".") or not os.path.isfile(path):
        continue
    text = open(path, "rb").read().decode("cp1252")
    if not text.endswith("\r\n"):
        raise SystemExit(name + ": the last line does not end with CR LF")
    lines = text[:-2].split("\r\n")
    if any("\r" in line or "\n" in line for line in lines):
        raise SystemExit(name + ": a bare CR or LF")
    records = list(csv.reader(lines, delimiter=";"))
    header, columns, rows = records[0], records[1], records[2:]
    if header[0] != "EXTF":
        raise SystemExit(name + ": not an EXTF file: " + header[0])
    if header[2] != "21" or header[3] != "Buchungsstapel":
        result["others"].append({"name": name, "format": header[3]})
        continue
    period_from, period_to = header[14], header[15]
    outside = []
    for number, row in enumerate(rows, start=3):
        if len(row) != len(columns):
            raise SystemExit("%s: line %d has %d fields, the headings %d"
                             % (name, number, len(row), len(columns)))
        amount = cents(row[0])
        side, konto, gegenkonto, belegdatum, umkehr = row[1], row[6], row[7], row[9], row[117]
        if umkehr == "1":
            amount = -amount
        elif umkehr != "":
            raise SystemExit("%s: line %d: Generalumkehr %r" % (name, number, umkehr))
        if side == "S":
            add(konto, "debit", amount)
            add(gegenkonto, "credit", amount)
        elif side == "H":
            add(konto, "credit", amount)
            add(gegenkonto, "debit", amount)
        else:
            raise SystemExit("%s: line %d: S/H %r" % (name, number, side))
        if not re.fullmatch(r"\d{4}", belegdatum):
            raise SystemExit("%s: line %d: Belegdatum %r" % (name, number, belegdatum))
        dated = period_from[:4] + belegdatum[2:4] + belegdatum[0:2]
        if not period_from <= dated <= period_to:
            outside.append("line %d: %s" % (number, belegdatum))
    result["rows"] += len(rows)
    result["files"].append({"name": name, "from": period_from, "to": period_to,
                            "advisor": header[10], "client": header[11], "chart": header[26],
                            "rows": len(rows), "outside": outside})
print(json.dumps(result))
)PY";

// The store's payment allocations on booked bank transactions, straight from kontor.db.
constexpr const char* kAllocationReader = R"PY(
import json, sqlite3, sys

db = sqlite3.connect(sys.argv[1])
total, count = db.execute(
    "SELECT COALESCE(SUM(a.amount_minor), 0), COUNT(*) FROM allocations a "
    "JOIN bank_transactions t ON t.identity = a.transaction_identity "
    "WHERE t.status = 'BOOK' AND t.provisional = 0 "
    "AND a.method NOT IN ('skonto', 'bank_charges', 'credit_note')").fetchone()
print(json.dumps({"cents": total, "count": count}))
)PY";

class ExportFixtures : public ::testing::TestWithParam<BankFixture> {
 protected:
  fs::path fixture_path() const { return shared_dir() / "fixtures/bank" / GetParam().file; }
  fs::path datev() const { return dir_ / "datev"; }
  fs::path database() const { return dir_ / "state/kontor.db"; }

  Completed run(std::vector<std::string> argv) {
    ChildOptions options;
    options.argv = std::move(argv);
    options.output_dir = dir_ / "runs" / std::to_string(++runs_);
    fs::create_directories(options.output_dir);
    return run_to_end(std::move(options));
  }

  nlohmann::json python(const std::string& name, const char* script, const std::string& argument) {
    const fs::path file = dir_.write(name, script);
    const Completed ran = run({"/usr/bin/python3", file.string(), argument});
    EXPECT_EQ(ran.status, 0) << ran.err;
    if (ran.status != 0) return nlohmann::json::object();
    return nlohmann::json::parse(ran.out);
  }

  // The fixture as the real kontorctl reads it, offline.
  ParsedFixture parse_fixture() {
    const Completed parsed =
        run({(binary_dir() / "daemon/kontorctl").string(), "parse", fixture_path().string(),
             "--plugin-dir", (binary_dir() / "plugins").string()});
    EXPECT_EQ(parsed.status, 0) << parsed.out << parsed.err;
    const nlohmann::json read = nlohmann::json::parse(parsed.out);
    ParsedFixture fixture;
    std::set<std::string> accounts;
    for (const nlohmann::json& statement : read.at("statements")) {
      const nlohmann::json& account = statement.at("account");
      accounts.insert(account.at("iban").is_string()
                          ? account.at("iban").get<std::string>()
                          : german_iban(account.at("number").get<std::string>()));
      EXPECT_EQ(text_or(account.at("currency"), ""), "EUR");
      if (statement.at("closing_balance").is_object()) {
        fixture.last_day = std::max(
            fixture.last_day, day(statement.at("closing_balance").at("date").get<std::string>()));
      }
      for (const nlohmann::json& entry : statement.at("entries")) {
        fixture.last_day =
            std::max(fixture.last_day, day(entry.at("booking_date").get<std::string>()));
        if (entry.at("status") != "BOOK" || entry.at("reversal").get<bool>() ||
            entry.at("currency") != "EUR") {
          continue;
        }
        // A batch booking's payments are stored one by one: an invoice for each.
        const nlohmann::json& details = entry.at("details");
        const bool by_detail = details.size() > 1;
        for (const nlohmann::json& payment : by_detail ? details : nlohmann::json::array({entry})) {
          const std::optional<std::int64_t> cents =
              cents_of(payment.at("amount").get<std::string>());
          EXPECT_TRUE(cents.has_value()) << payment.at("amount");
          if (!cents || *cents <= 0) continue;
          fixture.credits.push_back(
              Credit{.booked = day(entry.at("booking_date").get<std::string>()),
                     .cents = *cents,
                     .payer = text_or(payment.at("counterparty").at("name"), ""),
                     .payer_iban = text_or(payment.at("counterparty").at("iban"), ""),
                     .remittance = text_or(payment.at("remittance"), "")});
        }
      }
    }
    EXPECT_EQ(accounts.size(), 1u) << "the test expects one account per fixture";
    if (!accounts.empty()) fixture.account = *accounts.begin();
    return fixture;
  }

  // One customer and one invoice per credit, in the demo's ERP layout, issued and due before the
  // first credit; the debtor account from the ERP.
  std::string open_items(const std::vector<Credit>& credits) const {
    const Date first =
        std::min_element(credits.begin(), credits.end(), [](const Credit& a, const Credit& b) {
          return a.booked < b.booked;
        })->booked;
    const std::string issued = german_date(plus_days(first, -40));
    const std::string due = german_date(plus_days(first, -10));
    std::string csv =
        "invoice_no;customer_no;customer_name;street;postcode;city;country;email;customer_type;"
        "iban;issue_date;due_date;amount;net_amount;tax_rate;currency;document_type;refers_to;"
        "rf_reference;delivery;debtor_account\n";
    std::set<std::string> numbers;
    for (std::size_t i = 0; i < credits.size(); ++i) {
      const Credit& credit = credits[i];
      const std::string serial = std::to_string(10001 + i);
      std::string number = "EXP-" + std::to_string(9000001 + i);
      if (const std::string named = number_named(credit.remittance, GetParam().number_after);
          !named.empty() && !numbers.contains(named)) {
        number = named;
      }
      numbers.insert(number);
      csv += number + ";K-" + serial + ";" +
             quoted(credit.payer.empty() ? "Kunde " + serial : credit.payer) +
             ";\"Teststraße 1\";50667;Köln;DE;;b2b;" + credit.payer_iban + ";" + issued + ";" +
             due + ";" + german_amount(credit.cents) + ";;19;EUR;invoice;;;;" + serial + "\n";
    }
    return csv;
  }

  std::string config(const std::string& account) const {
    return "daemon: {state_dir: " + (dir_ / "state").string() +
           ", plugin_dir: " + (binary_dir() / "plugins").string() + "}\n" + company_yaml() +
           "  bank_accounts:\n"
           "    - {iban: " +
           account +
           ", ledger_account: \"1200\"}\n"
           "instances:\n"
           "  erp-drop: {plugin: folder-source, path: " +
           (dir_ / "erp").string() +
           ", settle: 0s}\n"
           "  erp-csv: {plugin: open-items, delimiter: ';', decimal: comma, grouping: point, "
           "date_format: german}\n"
           "  bank-drop: {plugin: folder-source, path: " +
           (dir_ / "bank").string() +
           ", settle: 0s}\n"
           "  camt: {plugin: camt}\n"
           "  mt940: {plugin: mt940}\n"
           "  bank-csv: {plugin: bank-csv}\n"
           "  datev-out: {plugin: datev, path: " +
           datev().string() +
           ", advisor_number: 29098, client_number: 55003, chart: skr03}\n"
           "jobs:\n"
           "  import-items: {engine: import_open_items, inputs: [erp-drop], parsers: [erp-csv], "
           "then: [reconcile]}\n"
           "  import-statements: {engine: import_statements, inputs: [bank-drop], parsers: "
           "[camt, mt940, bank-csv], then: [reconcile]}\n"
           "  reconcile: {engine: reconcile}\n"
           "  export: {engine: export, outputs: [datev-out]}\n"
           "reconcile: {post_from: 900}\n"
           "export: {chart: skr03}\n";
  }

  Completed once(const Date& now) {
    return run({(binary_dir() / "daemon/kontord").string(), "--config",
                (dir_ / "kontor.yaml").string(), "--once", "--now=" + now.to_iso() + "T09:00"});
  }

  template <typename T>
  T query(const std::function<Result<T>(store::Reader&)>& ask) {
    return query_store<T>(database(), ask);
  }

  // Every file below the DATEV folder, staging and receipts included.
  std::vector<std::string> everything_in_datev() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::recursive_directory_iterator(datev())) {
      names.push_back(fs::relative(entry.path(), datev()).string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  TempDir dir_;
  int runs_ = 0;
};

TEST_P(ExportFixtures, TheDatevTotalsPerAccountEqualTheStores) {
  const ParsedFixture fixture = parse_fixture();
  ASSERT_FALSE(fixture.account.empty());
  ASSERT_GE(fixture.credits.size(), 2u) << "a fixture with several credits";

  fs::create_directories(dir_ / "erp");
  fs::create_directories(dir_ / "bank");
  fs::create_directories(datev());
  dir_.write("kontor.yaml", config(fixture.account));
  dir_.write("erp/offene-posten.csv", open_items(fixture.credits));
  fs::copy_file(fixture_path(), dir_ / "bank" / fixture_path().filename());

  const Date now = plus_days(fixture.last_day, 1);
  const Completed first = once(now);
  ASSERT_EQ(first.status, 0) << first.err;

  // What the store booked, what it exported, and what the matcher decided.
  const auto totals =
      query<std::vector<store::AccountTotal>>([](store::Reader& r) { return r.booking_totals(); });
  const auto bookings = query<std::vector<store::StoredBooking>>(
      [](store::Reader& r) { return r.bookings_after(0, 1'000'000); });
  const auto batches = query<std::vector<store::ExportBatchRecord>>([](store::Reader& r) {
    return r.export_batches(store::ExportBatchQuery{.target = "", .limit = 1000});
  });
  const auto states = query<std::map<std::string, std::int64_t>>(
      [](store::Reader& r) { return r.reconciliation_counts(); });
  const std::int64_t posted = states.contains("posted") ? states.at("posted") : 0;
  RecordProperty("credits_in_fixture", static_cast<int>(fixture.credits.size()));
  RecordProperty("credits_posted", static_cast<int>(posted));
  RecordProperty("bookings", static_cast<int>(bookings.size()));
  ASSERT_GE(posted, 1) << "at least one credit of the fixture is posted and exported";
  ASSERT_FALSE(bookings.empty());
  for (const store::ExportBatchRecord& batch : batches) {
    EXPECT_EQ(batch.state, store::ExportBatchState::published) << batch.id << ": " << batch.detail;
  }

  // The files, read without our writer.
  const nlohmann::json files = python("read_datev.py", kDatevReader, datev().string());
  ASSERT_TRUE(files.contains("files")) << files.dump();
  ASSERT_FALSE(files.at("files").empty());

  std::map<std::string, std::int64_t> in_files;  // account → debit − credit, in cents
  for (const auto& [account, sides] : files.at("accounts").items()) {
    in_files[account] =
        sides.at("debit").get<std::int64_t>() - sides.at("credit").get<std::int64_t>();
  }
  std::map<std::string, std::int64_t> in_store;
  for (const store::AccountTotal& total : totals) {
    EXPECT_EQ(total.debit.currency().code(), "EUR") << total.account;
    in_store[total.account] = total.debit.minor_units() - total.credit.minor_units();
  }
  EXPECT_EQ(in_files, in_store);

  // The bank's ledger account holds exactly the money the store allocated from booked credits.
  const nlohmann::json allocated =
      python("read_allocations.py", kAllocationReader, database().string());
  ASSERT_TRUE(allocated.contains("cents")) << allocated.dump();
  ASSERT_TRUE(in_files.contains("1200"));
  EXPECT_EQ(in_files.at("1200"), allocated.at("cents").get<std::int64_t>());
  EXPECT_GT(in_files.at("1200"), 0);

  // A record per line booked against the debtor line.
  std::int64_t records = 0;
  for (const store::StoredBooking& stored : bookings) {
    EXPECT_TRUE(stored.booking.exported()) << "booking " << stored.booking.id;
    records += static_cast<std::int64_t>(stored.booking.lines.size()) - 1;
  }
  EXPECT_EQ(files.at("rows").get<std::int64_t>(), records);

  // Each file one booking period: its records dated inside it, its name after its month.
  for (const nlohmann::json& file : files.at("files")) {
    const std::string name = file.at("name").get<std::string>();
    const std::string from = file.at("from").get<std::string>();
    EXPECT_THAT(name, MatchesRegex("EXTF_Buchungsstapel_" + from.substr(0, 6) + "_.+\\.csv"));
    EXPECT_EQ(from.substr(0, 6), file.at("to").get<std::string>().substr(0, 6)) << name;
    EXPECT_THAT(file.at("outside"), IsEmpty()) << name;
    EXPECT_EQ(file.at("advisor"), "29098") << name;
    EXPECT_EQ(file.at("client"), "55003") << name;
    EXPECT_EQ(file.at("chart"), "03") << name;
  }
  for (const nlohmann::json& other : files.at("others")) {
    EXPECT_EQ(other.at("format"), "Debitoren/Kreditoren") << other.at("name");
  }

  // Once more: nothing new to book, nothing exported again.
  const std::vector<std::string> before = everything_in_datev();
  const Completed second = once(now);
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(everything_in_datev(), before);
  EXPECT_EQ(query<std::vector<store::ExportBatchRecord>>([](store::Reader& r) {
              return r.export_batches(store::ExportBatchQuery{.target = "", .limit = 1000});
            }).size(),
            batches.size());
  EXPECT_EQ(query<std::vector<store::StoredBooking>>([](store::Reader& r) {
              return r.bookings_after(0, 1'000'000);
            }).size(),
            bookings.size());
}

INSTANTIATE_TEST_SUITE_P(SharedFixtures, ExportFixtures, ::testing::ValuesIn(bank_fixtures()),
                         [](const ::testing::TestParamInfo<BankFixture>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace kontor::testing
