// open_items_gen: writes N rows of a realistic German ERP open-items export as CSV — ';'
// delimited, amounts "1.234,56", dates DD.MM.YYYY, names with umlauts, mostly 19 % invoices,
// some with a 7 % second row (sometimes a few rows later), some 0 % rows, credit notes that
// refer to earlier invoices. Deterministic for a seed, so runs compare.
//
//   open_items_gen --rows 1000000 --out /tmp/op.csv [--encoding utf-8|windows-1252] [--seed 1]
//
// The parser options that read it: delimiter ';', decimal comma, grouping point, date_format
// german (and encoding windows-1252 when written so).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <string>
#include <string_view>

#include "bench_random.hpp"

namespace {

using kontor::bench::Random;

struct Name {
  const char* utf8;
  const char* windows1252;
};

constexpr Name kFamilies[] = {
    {"Müller", "M\xFCller"},
    {"Schäfer",
     "Sch\xE4"
     "fer"},
    {"Köhler", "K\xF6hler"},
    {"Groß", "Gro\xDF"},
    {"Weiß", "Wei\xDF"},
    {"Bäcker",
     "B\xE4"
     "cker"},
    {"Schmidt", "Schmidt"},
    {"Krüger", "Kr\xFCger"},
    {"Jäger", "J\xE4ger"},
    {"Hoffmann", "Hoffmann"},
    {"Öztürk", "\xD6zt\xFCrk"},
    {"Fuß", "Fu\xDF"},
};
constexpr Name kForms[] = {{"GmbH", "GmbH"},
                           {"KG", "KG"},
                           {"& Söhne", "& S\xF6hne"},
                           {"e.K.", "e.K."},
                           {"", ""},
                           {"Bäckerei",
                            "B\xE4"
                            "ckerei"}};
constexpr Name kCities[] = {{"München", "M\xFCnchen"},
                            {"Köln", "K\xF6ln"},
                            {"Düsseldorf", "D\xFCsseldorf"},
                            {"Nürnberg", "N\xFCrnberg"},
                            {"Berlin", "Berlin"},
                            {"Lübeck",
                             "L\xFC"
                             "beck"}};
constexpr Name kStreets[] = {{"Hauptstraße",
                              "Hauptstra\xDF"
                              "e"},
                             {"Am Mühlbach", "Am M\xFChlbach"},
                             {"Königsallee", "K\xF6nigsallee"},
                             {"Gartenweg", "Gartenweg"}};

template <typename T, std::size_t N>
const T& pick(const T (&table)[N], std::uint64_t index) {
  return table[index % N];
}

// "1.234,56"
void append_amount(std::string& out, std::int64_t cents) {
  if (cents < 0) {
    out += '-';
    cents = -cents;
  }
  const std::string units = std::to_string(cents / 100);
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (i > 0 && (units.size() - i) % 3 == 0) out += '.';
    out += units[i];
  }
  out += ',';
  out += static_cast<char>('0' + cents % 100 / 10);
  out += static_cast<char>('0' + cents % 10);
}

// DD.MM.YYYY of day `n` of 2026 (a plain 28-day month grid is realistic enough here).
void append_date(std::string& out, int n) {
  auto two_digits = [&](int value) {
    out += static_cast<char>('0' + value / 10);
    out += static_cast<char>('0' + value % 10);
  };
  two_digits(n % 28 + 1);
  out += '.';
  two_digits(n / 28 % 12 + 1);
  out += '.';
  out += std::to_string(2026 + n / 336);
}

struct Customer {
  std::uint64_t number;
};

class Generator {
 public:
  Generator(std::uint64_t seed, bool windows1252, std::uint64_t customers)
      : random_(seed), windows1252_(windows1252), customers_(customers) {}

  static constexpr std::string_view kHeader =
      "invoice_no;customer_no;customer_name;street;postcode;city;country;email;iban;"
      "customer_type;document_type;refers_to;issue_date;due_date;amount;net_amount;tax_rate;"
      "currency;rf_reference;discount_percent;discount_until\n";

  // One invoice (one or two rows) or a credit note; returns the rows written.
  int document(std::string& out, std::uint64_t rows_left) {
    const std::uint64_t number = ++documents_;
    const std::uint64_t customer = random_.below(customers_) + 1;
    const int issued = static_cast<int>(random_.below(300));
    const std::uint64_t kind = random_.below(100);
    if (kind < 5 && number > 10) {  // a credit note on an earlier invoice, written positive
      row(out, "GS", number, customer, "credit_note", "RE-" + std::to_string(number - 7), issued,
          19, random_.below(20000) + 100);
      return 1;
    }
    const int rate = kind < 10 ? 0 : 19;
    row(out, "RE", number, customer, "invoice", "", issued, rate, random_.below(5000000) + 100);
    if (kind >= 80 && rows_left >= 2) {  // a 7 % share of the same invoice, soon or right away
      std::string later;
      row(later, "RE", number, customer, "invoice", "", issued, 7, random_.below(100000) + 100);
      pending_.push_back({random_.below(4), std::move(later)});
      return 2;
    }
    return 1;
  }

  // Rows held back to make tax lines of one invoice non-adjacent.
  void flush_due(std::string& out, bool all) {
    for (auto it = pending_.begin(); it != pending_.end();) {
      if (all || it->delay == 0) {
        out += it->text;
        it = pending_.erase(it);
      } else {
        --it->delay;
        ++it;
      }
    }
  }

 private:
  void text(std::string& out, const Name& name) {
    out += windows1252_ ? name.windows1252 : name.utf8;
  }

  void row(std::string& out, const char* prefix, std::uint64_t number, std::uint64_t customer,
           const char* type, const std::string& refers_to, int issued, int rate,
           std::uint64_t net_cents) {
    const auto net = static_cast<std::int64_t>(net_cents);
    const std::int64_t tax = (net * rate + 50) / 100;  // what the ERP printed, rounded
    out += prefix;
    out += "-2026-" + std::to_string(number) + ";";
    out += "D" + std::to_string(10000 + customer) + ";";
    text(out, pick(kFamilies, customer));
    out += ' ';
    text(out, pick(kForms, customer / 7));
    out += ";";
    text(out, pick(kStreets, customer / 3));
    out += " " + std::to_string(customer % 200 + 1) + ";";
    out += std::to_string(10000 + customer * 37 % 89999) + ";";
    text(out, pick(kCities, customer / 5));
    out += ";DE;buchhaltung" + std::to_string(customer) + "@example.de;";
    out += "DE" + std::to_string(10 + customer % 89) + "37040044" +
           std::to_string(1000000000 + customer) + ";";
    out += customer % 3 == 0 ? "b2c;" : "b2b;";
    out += type;
    out += ";" + refers_to + ";";
    append_date(out, issued);
    out += ';';
    append_date(out, issued + 14);
    out += ';';
    append_amount(out, net + tax);
    out += ';';
    append_amount(out, net);
    out += ';' + std::to_string(rate) + ";EUR;;";
    if (customer % 4 == 0) {
      out += "2;";
      append_date(out, issued + 7);
    } else {
      out += ';';
    }
    out += '\n';
  }

  struct Pending {
    std::uint64_t delay;
    std::string text;
  };

  Random random_;
  bool windows1252_;
  std::uint64_t customers_;
  std::uint64_t documents_ = 0;
  std::deque<Pending> pending_;
};

int usage() {
  std::fprintf(stderr,
               "usage: open_items_gen --rows N --out FILE [--encoding utf-8|windows-1252] "
               "[--seed S]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t rows = 1'000'000, seed = 1;
  std::string out_path, encoding = "utf-8";
  for (int i = 1; i < argc; i += 2) {
    if (i + 1 >= argc) return usage();
    const std::string_view arg = argv[i];
    const char* value = argv[i + 1];
    if (arg == "--rows") {
      rows = std::strtoull(value, nullptr, 10);
    } else if (arg == "--out") {
      out_path = value;
    } else if (arg == "--encoding") {
      encoding = value;
    } else if (arg == "--seed") {
      seed = std::strtoull(value, nullptr, 10);
    } else {
      return usage();
    }
  }
  if (out_path.empty() || rows == 0 || (encoding != "utf-8" && encoding != "windows-1252")) {
    return usage();
  }
  std::FILE* file = std::fopen(out_path.c_str(), "wb");
  if (file == nullptr) {
    std::perror(out_path.c_str());
    return 1;
  }
  Generator generator(seed, encoding == "windows-1252", rows / 10 + 1);
  std::string buffer(Generator::kHeader);
  std::uint64_t written = 0;
  while (written < rows) {
    written += static_cast<std::uint64_t>(generator.document(buffer, rows - written));
    generator.flush_due(buffer, written >= rows);
    if (buffer.size() > (1 << 20)) {
      std::fwrite(buffer.data(), 1, buffer.size(), file);
      buffer.clear();
    }
  }
  generator.flush_due(buffer, true);
  std::fwrite(buffer.data(), 1, buffer.size(), file);
  if (std::fclose(file) != 0) {
    std::perror(out_path.c_str());
    return 1;
  }
  std::printf("open_items_gen: %llu rows to %s\n", static_cast<unsigned long long>(rows),
              out_path.c_str());
  return 0;
}
