// camt_gen: writes a German-style camt.053 bank statement file with N entries, as a German bank
// delivers them through EBICS or FinTS (DK rules): one Stmt per business day with opening and
// closing balance (OPBD/CLBD) that add up, entries with DK bank transaction codes
// ("NTRF+166+9310", "NDDT+105+9310"), SEPA credit transfers in with end-to-end id, debtor name,
// IBAN and BIC and a remittance line quoting an invoice number, SEPA direct debits out with
// mandate and creditor id, card payments, fees, returned direct debits (RtrInf MD06 + charges)
// and every 40th entry a batch of 2–6 transactions (NbOfTxs, one TxDtls each). About 2 KB per
// entry: 1,000,000 entries make a file of roughly 2 GB. Deterministic for a seed.
//
//   camt_gen --entries 1000000 --out /tmp/camt_1m.xml [--per-statement 5000]
//            [--version 02|04|08] [--seed 1]
//
// Version 04 (the default) is what AqBanking's xml importer reads with its camt_053_001_04
// profile; 02 is what most German banks sent until 2023, 08 what they send now (Pty, BICFI and
// Sts/Cd differ; kontor reads all three).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "bench_random.hpp"

namespace {

using kontor::bench::Random;

constexpr const char* kFamilies[] = {"Müller",  "Schäfer", "Köhler", "Groß",     "Weiß",   "Bäcker",
                                     "Schmidt", "Krüger",  "Jäger",  "Hoffmann", "Öztürk", "Fuß"};
constexpr const char* kForms[] = {"GmbH", "KG", "& Söhne", "e.K.", "AG", "GbR"};
constexpr const char* kTrades[] = {"Bäckerei",    "Metallbau", "Elektro",   "Gärtnerei",
                                   "Schreinerei", "Autohaus",  "Praxis Dr."};
constexpr const char* kBics[] = {"COBADEFFXXX", "DEUTDEFFXXX", "BYLADEMMXXX", "GENODEF1S04",
                                 "HYVEDEMMXXX", "INGDDEFFXXX", "SOLADEST600", "MARKDEF1100"};
constexpr const char* kSuppliers[] = {
    "Stadtwerke München GmbH", "Deutsche Telekom AG", "Allianz Versicherungs-AG",
    "Finanzamt München",       "AOK Bayern",          "Vodafone GmbH"};
constexpr const char* kShops[] = {"REWE Markt GmbH", "ARAL Station 4711", "Amazon EU S.a.r.l.",
                                  "DB Vertrieb GmbH", "Lufthansa"};

template <typename T, std::size_t N>
const char* pick(Random& random, const T (&items)[N]) {
  return items[random.below(N)];
}

std::string two(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

struct Day {
  int year = 2026, month = 1, day = 2;
  int weekday = 5;  // 1 = Monday; 2026-01-02 is a Friday
  std::string iso() const { return std::to_string(year) + "-" + two(month) + "-" + two(day); }
  void next_business_day() {
    do {
      static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      const int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
      if (++day > last) {
        day = 1;
        if (++month > 12) {
          month = 1;
          ++year;
        }
      }
      weekday = weekday % 7 + 1;
    } while (weekday > 5);
  }
};

// "1234.56" from cents.
std::string amount(std::int64_t cents) {
  const std::int64_t magnitude = cents < 0 ? -cents : cents;
  return std::to_string(magnitude / 100) + "." + two(static_cast<int>(magnitude % 100));
}

// A German IBAN with valid check digits for bank code `blz` and account `account`.
std::string german_iban(std::uint64_t blz, std::uint64_t account) {
  std::string bban = std::to_string(10000000 + blz % 90000000);
  std::string number = std::to_string(account % 10000000000ULL);
  bban += std::string(10 - number.size(), '0') + number;
  // mod 97 of BBAN + "DE00" as digits (D=13, E=14).
  const std::string digits = bban + "131400";
  int remainder = 0;
  for (char c : digits) remainder = (remainder * 10 + (c - '0')) % 97;
  return "DE" + two(98 - remainder) + bban;
}

class Writer {
 public:
  Writer(std::FILE* out, std::string version) : out_(out), version_(std::move(version)) {}

  void put(std::string_view text) { std::fwrite(text.data(), 1, text.size(), out_); }

  std::string bic(const std::string& code) const {
    return version_ == "02" ? "<BIC>" + code + "</BIC>" : "<BICFI>" + code + "</BICFI>";
  }
  // A party's name: <Nm> directly, in camt.053.001.08 inside <Pty>.
  std::string party(const char* role, const std::string& name, const std::string& extra = "") {
    const std::string inner = "<Nm>" + name + "</Nm>" + extra;
    if (version_ == "08")
      return std::string("<") + role + "><Pty>" + inner + "</Pty></" + role + ">";
    return std::string("<") + role + ">" + inner + "</" + role + ">";
  }
  std::string status() const {
    return version_ == "08" ? "<Sts><Cd>BOOK</Cd></Sts>" : "<Sts>BOOK</Sts>";
  }
  const std::string& version() const { return version_; }

 private:
  std::FILE* out_;
  std::string version_;
};

struct Transaction {
  std::int64_t cents = 0;  // signed: positive = credit
  std::string xml;         // one <TxDtls>
};

class Generator {
 public:
  Generator(Writer& w, std::uint64_t seed) : w_(w), random_(seed) {}

  // One entry's <Ntry>, its signed amount in cents.
  std::int64_t entry(const Day& day, std::int64_t number, std::string& xml) {
    const std::uint64_t kind = random_.below(100);
    const std::string reference = "2026" + std::to_string(100000000 + number);
    Transaction single;
    std::string code, domain, info;
    if (number % 40 == 39) {
      return batch(day, number, reference, xml);
    }
    if (kind < 55) {
      single = credit_transfer(number);
      code = "NTRF+166+9310";
      domain = "PMNT/RCDT/ESCT";
      info = "GUTSCHR. UEBERWEISUNG";
    } else if (kind < 75) {
      single = direct_debit(number);
      code = "NDDT+105+9248";
      domain = "PMNT/RDDT/ESDD";
      info = "FOLGELASTSCHRIFT";
    } else if (kind < 90) {
      single = card(number);
      code = "NTRF+106+9310";
      domain = "PMNT/CCRD/POSD";
      info = "KARTENZAHLUNG";
    } else if (kind < 97) {
      single = outgoing(number);
      code = "NTRF+116+9310";
      domain = "PMNT/ICDT/ESCT";
      info = "UEBERWEISUNG";
    } else {
      single = returned(number);
      code = "NRTI+109+9310";
      domain = "PMNT/RCDT/RRTN";
      info = "RUECKLASTSCHRIFT";
    }
    xml += ntry(day, single.cents, reference, domain, code, info, single.xml, "");
    return single.cents;
  }

 private:
  std::string name() {
    std::string n = pick(random_, kTrades);
    n += " ";
    n += pick(random_, kFamilies);
    n += " ";
    n += pick(random_, kForms);
    return n;
  }
  std::string customer_iban() { return german_iban(random_.below(90000000), random_.next()); }
  std::string invoice() { return "RE-2026-" + std::to_string(10000 + random_.below(90000)); }

  std::string details(const std::string& refs, std::int64_t cents, const std::string& parties,
                      const std::string& agents, const std::string& remittance,
                      const std::string& code, const std::string& more = "") {
    return "<TxDtls><Refs>" + refs + "</Refs><AmtDtls><TxAmt><Amt Ccy=\"EUR\">" + amount(cents) +
           "</Amt></TxAmt></AmtDtls><BkTxCd><Prtry><Cd>" + code +
           "</Cd><Issr>DK</Issr></Prtry></BkTxCd>" + more + "<RltdPties>" + parties +
           "</RltdPties><RltdAgts>" + agents + "</RltdAgts><RmtInf><Ustrd>" + remittance +
           "</Ustrd></RmtInf>" + "</TxDtls>";
  }

  Transaction credit_transfer(std::int64_t number) {
    const std::int64_t cents = 1000 + static_cast<std::int64_t>(random_.below(500000));
    const std::string payer = name();
    const std::string inv = invoice();
    const std::string parties = w_.party("Dbtr", payer) + "<DbtrAcct><Id><IBAN>" + customer_iban() +
                                "</IBAN></Id></DbtrAcct>" +
                                (random_.below(10) == 0 ? w_.party("UltmtDbtr", name()) : "") +
                                w_.party("Cdtr", "Kontor Beispiel GmbH") + "<CdtrAcct><Id><IBAN>" +
                                kOwnIban + "</IBAN></Id></CdtrAcct>";
    const std::string agents =
        "<DbtrAgt><FinInstnId>" + w_.bic(pick(random_, kBics)) + "</FinInstnId></DbtrAgt>";
    const std::string refs = "<EndToEndId>" + inv + "-" + std::to_string(number) + "</EndToEndId>";
    return {cents, details(refs, cents, parties, agents,
                           "Rechnung " + inv + " Kunde " + std::to_string(10000 + number % 9000) +
                               " vom " + std::to_string(1 + number % 28) + ".01.2026 Danke",
                           "NTRF+166+9310")};
  }

  Transaction direct_debit(std::int64_t number) {
    const std::int64_t cents = -(500 + static_cast<std::int64_t>(random_.below(200000)));
    const char* supplier = pick(random_, kSuppliers);
    const std::string creditor_id = "DE" + two(10 + static_cast<int>(random_.below(89))) + "ZZZ0" +
                                    std::to_string(100000000 + random_.below(900000000));
    const std::string parties =
        w_.party("Dbtr", "Kontor Beispiel GmbH") + "<DbtrAcct><Id><IBAN>" + kOwnIban +
        "</IBAN></Id></DbtrAcct>" +
        w_.party("Cdtr", supplier,
                 "<Id><PrvtId><Othr><Id>" + creditor_id +
                     "</Id><SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id>") +
        "<CdtrAcct><Id><IBAN>" + customer_iban() + "</IBAN></Id></CdtrAcct>";
    const std::string agents =
        "<CdtrAgt><FinInstnId>" + w_.bic(pick(random_, kBics)) + "</FinInstnId></CdtrAgt>";
    const std::string refs = "<EndToEndId>E2E" + std::to_string(number) +
                             "</EndToEndId><MndtId>MD-" + std::to_string(1000 + number % 977) +
                             "</MndtId>";
    return {cents, details(refs, -cents, parties, agents,
                           "Vertragskonto " + std::to_string(200000 + number % 50000) +
                               " Abschlag Januar 2026",
                           "NDDT+105+9248")};
  }

  Transaction card(std::int64_t number) {
    const std::int64_t cents = -(199 + static_cast<std::int64_t>(random_.below(30000)));
    const std::string parties = w_.party("Cdtr", pick(random_, kShops)) + "<CdtrAcct><Id><IBAN>" +
                                customer_iban() + "</IBAN></Id></CdtrAcct>";
    const std::string refs = "<EndToEndId>NOTPROVIDED</EndToEndId>";
    return {cents, details(refs, -cents, parties, "",
                           "Karte 1 2026-01-" + two(1 + static_cast<int>(number % 28)) +
                               "T12:" + two(static_cast<int>(number % 60)) + " Debitk.7 VISA",
                           "NTRF+106+9310")};
  }

  Transaction outgoing(std::int64_t number) {
    const std::int64_t cents = -(10000 + static_cast<std::int64_t>(random_.below(2000000)));
    const std::string parties = w_.party("Cdtr", name()) + "<CdtrAcct><Id><IBAN>" +
                                customer_iban() + "</IBAN></Id></CdtrAcct>";
    const std::string agents =
        "<CdtrAgt><FinInstnId>" + w_.bic(pick(random_, kBics)) + "</FinInstnId></CdtrAgt>";
    const std::string refs = "<EndToEndId>LIEF-" + std::to_string(number) + "</EndToEndId>";
    return {cents, details(refs, -cents, parties, agents,
                           "Lieferantenrechnung " + std::to_string(50000 + number % 40000),
                           "NTRF+116+9310")};
  }

  Transaction returned(std::int64_t number) {
    const std::int64_t original = 2000 + static_cast<std::int64_t>(random_.below(100000));
    const std::int64_t cents = -(original + 300);
    const std::string parties = w_.party("Dbtr", name()) + "<DbtrAcct><Id><IBAN>" +
                                customer_iban() + "</IBAN></Id></DbtrAcct>" +
                                w_.party("Cdtr", "Kontor Beispiel GmbH") + "<CdtrAcct><Id><IBAN>" +
                                kOwnIban + "</IBAN></Id></CdtrAcct>";
    const std::string agents =
        "<DbtrAgt><FinInstnId>" + w_.bic(pick(random_, kBics)) + "</FinInstnId></DbtrAgt>";
    const std::string refs = "<EndToEndId>" + invoice() + "</EndToEndId><MndtId>KD-" +
                             std::to_string(number % 5000) + "</MndtId>";
    const std::string more = "<Chrgs><Amt Ccy=\"EUR\">3.00</Amt></Chrgs>";
    std::string tx = details(refs, -cents, parties, agents, "RUECKLASTSCHRIFT Widerspruch",
                             "NRTI+109+9310", more);
    tx.insert(tx.size() - std::string("</TxDtls>").size(),
              "<RtrInf><Rsn><Cd>MD06</Cd></Rsn><AddtlInf>Widerspruch durch Zahlungspflichtigen"
              "</AddtlInf></RtrInf>");
    return {cents, tx};
  }

  // A collective booking of 2–6 incoming transfers.
  std::int64_t batch(const Day& day, std::int64_t number, const std::string& reference,
                     std::string& xml) {
    const int count = 2 + static_cast<int>(random_.below(5));
    std::int64_t total = 0;
    std::string inner = "<Btch><NbOfTxs>" + std::to_string(count) + "</NbOfTxs></Btch>";
    for (int k = 0; k < count; ++k) {
      Transaction t = credit_transfer(number * 10 + k);
      total += t.cents;
      inner += t.xml;
    }
    xml += ntry(day, total, reference, "PMNT/RCDT/ESCT", "NTRF+166+9310", "SAMMLER GUTSCHRIFT", "",
                inner);
    return total;
  }

  std::string ntry(const Day& day, std::int64_t cents, const std::string& reference,
                   const std::string& domain, const std::string& code, const std::string& info,
                   const std::string& single, const std::string& batch_details) {
    const std::size_t first = domain.find('/');
    const std::size_t second = domain.find('/', first + 1);
    std::string out;
    out.reserve(2400);
    out += "<Ntry><Amt Ccy=\"EUR\">" + amount(cents) + "</Amt><CdtDbtInd>" +
           (cents < 0 ? "DBIT" : "CRDT") + "</CdtDbtInd>" + w_.status() + "<BookgDt><Dt>" +
           day.iso() + "</Dt></BookgDt><ValDt><Dt>" + day.iso() + "</Dt></ValDt><AcctSvcrRef>" +
           reference + "</AcctSvcrRef><BkTxCd><Domn><Cd>" + domain.substr(0, first) +
           "</Cd><Fmly><Cd>" + domain.substr(first + 1, second - first - 1) + "</Cd><SubFmlyCd>" +
           domain.substr(second + 1) + "</SubFmlyCd></Fmly></Domn><Prtry><Cd>" + code +
           "</Cd><Issr>DK</Issr></Prtry></BkTxCd><NtryDtls>" +
           (batch_details.empty() ? single : batch_details) + "</NtryDtls><AddtlNtryInf>" + info +
           "</AddtlNtryInf></Ntry>\n";
    return out;
  }

  static constexpr const char* kOwnIban = "DE89370400440532013000";
  Writer& w_;
  Random random_;
};

int usage() {
  std::fprintf(stderr,
               "usage: camt_gen --entries N --out FILE [--per-statement K] [--version 02|04|08] "
               "[--seed S]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t entries = 10'000, per_statement = 5'000;
  std::uint64_t seed = 1;
  std::string out_path, version = "04";
  for (int i = 1; i < argc; i += 2) {
    if (i + 1 >= argc) return usage();
    const std::string_view arg = argv[i];
    const char* value = argv[i + 1];
    if (arg == "--entries") {
      entries = std::strtoll(value, nullptr, 10);
    } else if (arg == "--per-statement") {
      per_statement = std::strtoll(value, nullptr, 10);
    } else if (arg == "--out") {
      out_path = value;
    } else if (arg == "--version") {
      version = value;
    } else if (arg == "--seed") {
      seed = std::strtoull(value, nullptr, 10);
    } else {
      return usage();
    }
  }
  if (out_path.empty() || entries < 0 || per_statement < 1 ||
      (version != "02" && version != "04" && version != "08")) {
    return usage();
  }
  std::FILE* out = std::fopen(out_path.c_str(), "wb");
  if (out == nullptr) {
    std::perror(out_path.c_str());
    return 1;
  }
  static char buffer[1 << 20];
  std::setvbuf(out, buffer, _IOFBF, sizeof(buffer));

  Writer w(out, version);
  Generator generator(w, seed);
  w.put(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:"
      "xsd:camt.053.001." +
      version +
      "\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n<BkToCstmrStmt>\n<GrpHdr><MsgId>"
      "CAMT053-" +
      std::to_string(seed) +
      "</MsgId><CreDtTm>2026-01-02T05:30:00+01:00</CreDtTm>"
      "<MsgPgntn><PgNb>1</PgNb><LastPgInd>true</LastPgInd></MsgPgntn></GrpHdr>\n");
  Day day;
  std::int64_t balance = 2'500'000;  // cents
  std::int64_t written = 0;
  for (int statement = 1; written < entries || statement == 1; ++statement) {
    const std::int64_t count = std::min(per_statement, entries - written);
    std::string body;
    std::int64_t closing = balance;
    for (std::int64_t k = 0; k < count; ++k) closing += generator.entry(day, written + k, body);
    const std::string id = "2026" + two(day.month) + two(day.day) + "-" + std::to_string(statement);
    auto bal = [&](const char* type, std::int64_t cents) {
      return std::string("<Bal><Tp><CdOrPrtry><Cd>") + type +
             "</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">" + amount(cents) + "</Amt><CdtDbtInd>" +
             (cents < 0 ? "DBIT" : "CRDT") + "</CdtDbtInd><Dt><Dt>" + day.iso() +
             "</Dt></Dt></Bal>\n";
    };
    w.put("<Stmt><Id>" + id + "</Id><ElctrncSeqNb>" + std::to_string(statement) +
          "</ElctrncSeqNb><LglSeqNb>" + std::to_string(statement) + "</LglSeqNb><CreDtTm>" +
          day.iso() + "T22:00:00+01:00</CreDtTm><FrToDt><FrDtTm>" + day.iso() +
          "T00:00:00+01:00</FrDtTm><ToDtTm>" + day.iso() +
          "T23:59:59+01:00</ToDtTm></FrToDt>\n<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id>"
          "<Ccy>EUR</Ccy><Ownr><Nm>Kontor Beispiel GmbH</Nm></Ownr><Svcr><FinInstnId>" +
          w.bic("COBADEFFXXX") + "</FinInstnId></Svcr></Acct>\n" + bal("OPBD", balance) +
          bal("CLBD", closing));
    w.put(body);
    w.put("</Stmt>\n");
    balance = closing;
    written += count;
    day.next_business_day();
  }
  w.put("</BkToCstmrStmt>\n</Document>\n");
  if (std::fclose(out) != 0) {
    std::perror(out_path.c_str());
    return 1;
  }
  return 0;
}
