// match_quality_gen: writes a match scenario (match_scenario.hpp) as the files `kontorctl match`
// reads — the ERP's open items as CSV in the open-items plugin's default layout (';', point
// decimal, ISO dates) and one month of the company's account as one camt.053.001.08 statement —
// and the truth as JSON Lines, one line per entry:
//
//   {"entry_ref": "KTR2026030200000001", "class": "text", "variant": "rg_nr", "unique": true,
//    "booking_date": "2026-03-02", "amount": "119.00", "iban_known": true, "skonto": "0.00",
//    "expected": [{"invoice_no": "RE-2026-000123", "allocated": "119.00"}],
//    "payer": "MUELLER HANS", "remittance": "Rg.-Nr. 2026-000123"}
//
// `expected` is null when the entry pays nothing of ours (noise) or has no unique answer
// (`unique` false). `allocated` is what settles on the item, Skonto included.
//
//   match_quality_gen --payments 10000 --open-items items.csv --statement march.xml
//                     --truth truth.jsonl [--items 30000] [--customers 7500] [--seed 1]
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

#include "match_scenario.hpp"

namespace {

using namespace kontor::bench;

constexpr const char* kOwnIban = "DE89370400440532013000";
constexpr const char* kOwnName = "Kontor Beispiel GmbH";

class Output {
 public:
  explicit Output(const std::string& path) : path_(path), file_(std::fopen(path.c_str(), "wb")) {
    if (file_ == nullptr) std::perror(path.c_str());
  }
  ~Output() {
    if (file_ != nullptr) std::fclose(file_);
  }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  bool ok() const { return file_ != nullptr; }
  // Writes what was collected once it is large; the files reach a gigabyte at a million entries.
  void put(std::string_view text) {
    buffer_ += text;
    if (buffer_.size() > (1 << 20)) flush();
  }
  bool close() {
    flush();
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!closed) std::perror(path_.c_str());
    return closed;
  }

 private:
  void flush() {
    std::fwrite(buffer_.data(), 1, buffer_.size(), file_);
    buffer_.clear();
  }
  std::string path_;
  std::FILE* file_;
  std::string buffer_;
};

std::string xml(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string json(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[(c >> 4) & 0xF];
      out += kHex[c & 0xF];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

void write_open_items(const Scenario& scenario, Output& out) {
  out.put(
      "invoice_no;customer_no;customer_name;amount;due_date;issue_date;iban;rf_reference;"
      "discount_percent;discount_until;document_type;refers_to\n");
  for (const ScenarioItem& item : scenario.items) {
    const ScenarioCustomer& customer = scenario.customers[item.customer];
    std::string row = item.number + ";" + customer.number + ";" + full_name(customer.name) + ";" +
                      decimal_text(item.gross) + ";" + iso_date(item.due) + ";" +
                      iso_date(item.issued) + ";" + (customer.iban_in_erp ? customer.iban : "") +
                      ";" + item.rf_reference + ";";
    if (item.skonto_percent != 0) {
      row += std::to_string(item.skonto_percent) + ";" + iso_date(item.skonto_until);
    } else {
      row += ";";
    }
    row += item.credit_note ? ";credit_note;" + item.refers_to : ";invoice;";
    out.put(row + "\n");
  }
}

std::string party(const char* role, const std::string& name, const std::string& iban) {
  std::string out =
      std::string("<") + role + "><Pty><Nm>" + xml(name) + "</Nm></Pty></" + role + ">";
  if (!iban.empty()) {
    out += std::string("<") + role + "Acct><Id><IBAN>" + iban + "</IBAN></Id></" + role + "Acct>";
  }
  return out;
}

std::string entry(const ScenarioPayment& payment) {
  const bool credit = payment.amount > 0;
  const std::string amount = decimal_text(credit ? payment.amount : -payment.amount);
  const std::string indicator = credit ? "CRDT" : "DBIT";
  const std::string date = iso_date(payment.booked);
  std::string family = "RCDT</Cd><SubFmlyCd>ESCT";
  std::string code = "NTRF+166+9310";
  if (payment.returned) {
    family = "ICDT</Cd><SubFmlyCd>RRTN";
    code = "NRTI+159+9310";
  } else if (!credit) {
    family = "ICDT</Cd><SubFmlyCd>ESCT";
    code = "NTRF+116+9310";
  }
  std::string out = "<Ntry><Amt Ccy=\"EUR\">" + amount + "</Amt><CdtDbtInd>" + indicator +
                    "</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>" + date +
                    "</Dt></BookgDt><ValDt><Dt>" + date + "</Dt></ValDt><AcctSvcrRef>" +
                    payment.entry_ref + "</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>" +
                    family + "</SubFmlyCd></Fmly></Domn><Prtry><Cd>" + code +
                    "</Cd><Issr>DK</Issr></Prtry></BkTxCd><NtryDtls><TxDtls><Refs><EndToEndId>" +
                    xml(payment.end_to_end_id.empty() ? "NOTPROVIDED" : payment.end_to_end_id) +
                    "</EndToEndId></Refs><Amt Ccy=\"EUR\">" + amount + "</Amt><CdtDbtInd>" +
                    indicator + "</CdtDbtInd><RltdPties>";
  // A credit's counterparty is its debtor; a debit's and a returned transfer's its creditor.
  if (credit && !payment.returned) {
    out += party("Dbtr", payment.payer_name, payment.payer_iban) +
           party("Cdtr", kOwnName, kOwnIban) +
           "</RltdPties><RltdAgts><DbtrAgt><FinInstnId><BICFI>" + payment.payer_bic +
           "</BICFI></FinInstnId></DbtrAgt></RltdAgts>";
  } else {
    out += party("Dbtr", kOwnName, kOwnIban) +
           party("Cdtr", payment.payer_name, payment.payer_iban) +
           "</RltdPties><RltdAgts><CdtrAgt><FinInstnId><BICFI>" + payment.payer_bic +
           "</BICFI></FinInstnId></CdtrAgt></RltdAgts>";
  }
  if (!payment.remittance.empty() || !payment.structured_reference.empty()) {
    out += "<RmtInf>";
    std::size_t from = 0;
    while (!payment.remittance.empty() && from <= payment.remittance.size()) {
      const std::size_t end =
          std::min(payment.remittance.find('\n', from), payment.remittance.size());
      out += "<Ustrd>" + xml(std::string_view(payment.remittance).substr(from, end - from)) +
             "</Ustrd>";
      from = end + 1;
    }
    if (!payment.structured_reference.empty()) {
      out += "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>" +
             payment.structured_reference + "</Ref></CdtrRefInf></Strd>";
    }
    out += "</RmtInf>";
  }
  if (payment.returned) {
    out += "<RtrInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>Konto erloschen</AddtlInf></RtrInf>";
  }
  return out + "</TxDtls></NtryDtls></Ntry>\n";
}

std::string balance(const char* type, std::int64_t cents, int day) {
  return std::string("<Bal><Tp><CdOrPrtry><Cd>") + type +
         "</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">" + decimal_text(cents < 0 ? -cents : cents) +
         "</Amt><CdtDbtInd>" + (cents < 0 ? "DBIT" : "CRDT") + "</CdtDbtInd><Dt><Dt>" +
         iso_date(day) + "</Dt></Dt></Bal>\n";
}

void write_statement(const Scenario& scenario, std::uint64_t seed, Output& out) {
  const std::int64_t opening = 2'500'000'00;
  std::int64_t closing = opening;
  for (const ScenarioPayment& payment : scenario.payments) closing += payment.amount;
  out.put(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document "
      "xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n<BkToCstmrStmt>\n<GrpHdr><MsgId>"
      "MATCH-" +
      std::to_string(seed) + "</MsgId><CreDtTm>" + iso_date(scenario.last_day + 1) +
      "T05:30:00+02:00</CreDtTm></GrpHdr>\n<Stmt><Id>" + iso_date(scenario.first_day).substr(0, 7) +
      "-MATCH</Id><ElctrncSeqNb>1</ElctrncSeqNb><LglSeqNb>1</LglSeqNb><CreDtTm>" +
      iso_date(scenario.last_day + 1) + "T05:30:00+02:00</CreDtTm><FrToDt><FrDtTm>" +
      iso_date(scenario.first_day) + "T00:00:00+01:00</FrDtTm><ToDtTm>" +
      iso_date(scenario.last_day) + "T23:59:59+02:00</ToDtTm></FrToDt>\n<Acct><Id><IBAN>" +
      kOwnIban + "</IBAN></Id><Ccy>EUR</Ccy><Ownr><Nm>" + kOwnName +
      "</Nm></Ownr><Svcr><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></Svcr></Acct>\n" +
      balance("OPBD", opening, scenario.first_day - 1) +
      balance("CLBD", closing, scenario.last_day));
  for (const ScenarioPayment& payment : scenario.payments) out.put(entry(payment));
  out.put("</Stmt>\n</BkToCstmrStmt>\n</Document>\n");
}

void write_truth(const Scenario& scenario, Output& out) {
  for (const ScenarioPayment& p : scenario.payments) {
    std::string line = "{\"entry_ref\": " + json(p.entry_ref) +
                       ", \"class\": " + json(to_string(p.payment_class)) +
                       ", \"variant\": " + json(p.variant) +
                       ", \"unique\": " + (p.unique ? "true" : "false") +
                       ", \"booking_date\": " + json(iso_date(p.booked)) +
                       ", \"amount\": " + json(decimal_text(p.amount)) +
                       ", \"iban_known\": " + (p.iban_known ? "true" : "false") +
                       ", \"skonto\": " + json(decimal_text(p.skonto)) + ", \"expected\": ";
    if (p.expected.empty()) {
      line += "null";
    } else {
      line += "[";
      for (std::size_t k = 0; k < p.expected.size(); ++k) {
        line += (k == 0 ? "{\"invoice_no\": " : ", {\"invoice_no\": ") +
                json(scenario.items[p.expected[k].item].number) +
                ", \"allocated\": " + json(decimal_text(p.expected[k].allocated)) + "}";
      }
      line += "]";
    }
    line += ", \"payer\": " + json(p.payer_name) +
            ", \"remittance\": " + json(joined_remittance(p)) + "}\n";
    out.put(line);
  }
}

int usage() {
  std::fprintf(stderr,
               "usage: match_quality_gen --payments N --open-items FILE --statement FILE "
               "--truth FILE [--items N] [--customers N] [--seed S]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  ScenarioSizes sizes{.customers = 0, .items = 0, .payments = 10'000, .seed = 1};
  std::string items_path, statement_path, truth_path;
  for (int i = 1; i < argc; i += 2) {
    if (i + 1 >= argc) return usage();
    const std::string_view arg = argv[i];
    const char* value = argv[i + 1];
    if (arg == "--payments") {
      sizes.payments = std::strtoull(value, nullptr, 10);
    } else if (arg == "--items") {
      sizes.items = std::strtoull(value, nullptr, 10);
    } else if (arg == "--customers") {
      sizes.customers = std::strtoull(value, nullptr, 10);
    } else if (arg == "--seed") {
      sizes.seed = std::strtoull(value, nullptr, 10);
    } else if (arg == "--open-items") {
      items_path = value;
    } else if (arg == "--statement") {
      statement_path = value;
    } else if (arg == "--truth") {
      truth_path = value;
    } else {
      return usage();
    }
  }
  if (items_path.empty() || statement_path.empty() || truth_path.empty() || sizes.payments == 0) {
    return usage();
  }
  // A month's credits against a book three times as large, four items a customer on average.
  if (sizes.items == 0) sizes.items = 3 * sizes.payments;
  if (sizes.customers == 0) sizes.customers = std::max<std::size_t>(sizes.items / 4, 1);

  const Scenario scenario = generate_scenario(sizes);
  Output items(items_path), statement(statement_path), truth(truth_path);
  if (!items.ok() || !statement.ok() || !truth.ok()) return 1;
  write_open_items(scenario, items);
  write_statement(scenario, sizes.seed, statement);
  write_truth(scenario, truth);
  if (!items.close() || !statement.close() || !truth.close()) return 1;

  std::map<std::string, std::pair<std::size_t, std::size_t>> classes;  // all, unique
  for (const ScenarioPayment& p : scenario.payments) {
    auto& [all, unique] = classes[std::string(to_string(p.payment_class))];
    ++all;
    if (p.unique) ++unique;
  }
  std::printf("match_quality_gen: %zu customers, %zu items (%zu issued for credits), %zu entries:",
              scenario.customers.size(), scenario.items.size(),
              scenario.items.size() - scenario.items_in_book, scenario.payments.size());
  for (const auto& [name, counts] : classes) {
    std::printf(" %s %zu (%zu unique)", name.c_str(), counts.first, counts.second);
  }
  std::printf("\n");
  return 0;
}
