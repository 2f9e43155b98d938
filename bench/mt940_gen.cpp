// mt940_gen: writes N entries of realistic German bank statements as MT940 — daily statements of
// a Sparkasse/Volksbank account in the DK format: CRLF, :20:/:25:/:28C:/:60F:/:61:/:86:/:62F:/-,
// structured :86: (GVC, ?00 posting text, ?20.. purpose with SEPA keywords, ?30 BIC, ?31 IBAN,
// ?32/?33 name) wrapped at SWIFT's 65 characters wherever the text falls (inside values, between
// '?' and the subfield number). Incoming transfers quote invoice numbers, direct debits carry
// mandate and creditor id, a few reversals (RD/RC) and fees. Balances add up. Deterministic for a
// seed, so runs compare.
//
//   mt940_gen --entries 1000000 --out /tmp/umsaetze.sta [--per-statement 200]
//             [--encoding windows-1252|utf-8] [--seed 1]
//
// About 220 bytes an entry: 1,000,000 entries are 209 MiB, below the parser's default
// max_file_size of 256 MiB. German banks write ISO-8859-1/Windows-1252 (the default here); the
// parser's encoding auto reads either.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "bench_random.hpp"

namespace {

using kontor::bench::Random;

struct Name {
  const char* utf8;
  const char* windows1252;
};

constexpr Name kNames[] = {
    {"Müller Bäckerei GmbH",
     "M\xFCller B\xE4"
     "ckerei GmbH"},
    {"Schäfer & Söhne KG",
     "Sch\xE4"
     "fer & S\xF6hne KG"},
    {"Köhler Elektro e.K.", "K\xF6hler Elektro e.K."},
    {"Groß Logistik GmbH", "Gro\xDF Logistik GmbH"},
    {"Weiß Gartenbau", "Wei\xDF Gartenbau"},
    {"Krüger Haustechnik GmbH & Co. KG", "Kr\xFCger Haustechnik GmbH & Co. KG"},
    {"Öztürk Transporte", "\xD6zt\xFCrk Transporte"},
    {"Jäger Metallbau GmbH", "J\xE4ger Metallbau GmbH"},
    {"Hoffmann IT-Service", "Hoffmann IT-Service"},
    {"Schmidt Büroausstattung", "Schmidt B\xFCroausstattung"},
};

constexpr const char* kBics[] = {"COBADEFFXXX", "DEUTDEDBFRA", "GENODEF1S04", "BYLADEMMXXX",
                                 "SOLADEST600", "INGDDEFFXXX", "MARKDEF1100", "HYVEDEMMXXX"};

constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

struct Day {
  int year = 2025, month = 12, day = 1;
  void next() {
    const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    const int last = kDaysInMonth[month - 1] + (month == 2 && leap ? 1 : 0);
    if (++day > last) {
      day = 1;
      if (++month > 12) {
        month = 1;
        ++year;
      }
    }
  }
};

void two(std::string& out, int value) {
  out += static_cast<char>('0' + value / 10 % 10);
  out += static_cast<char>('0' + value % 10);
}

void yymmdd(std::string& out, const Day& d) {
  two(out, d.year % 100);
  two(out, d.month);
  two(out, d.day);
}

// Cents as "1234,56".
void amount(std::string& out, std::int64_t cents) {
  out += std::to_string(cents / 100);
  out += ',';
  two(out, static_cast<int>(cents % 100));
}

void balance(std::string& out, const char* tag, const Day& d, std::int64_t cents) {
  out += tag;
  out += cents < 0 ? 'D' : 'C';
  yymmdd(out, d);
  out += "EUR";
  amount(out, cents < 0 ? -cents : cents);
  out += "\r\n";
}

// A German IBAN with a correct check number (mod 97 over BLZ, account and "DE00").
std::string iban(Random& random) {
  std::string bban = std::to_string(10000000 + random.below(89999999));
  std::string account = std::to_string(random.below(10000000000ULL));
  bban += std::string(10 - account.size(), '0') + account;
  const std::string digits = bban + "131400";  // D=13, E=14, 00
  std::uint64_t rest = 0;
  for (char c : digits) rest = (rest * 10 + static_cast<std::uint64_t>(c - '0')) % 97;
  const std::uint64_t check = 98 - rest;
  std::string text = "DE";
  two(text, static_cast<int>(check));
  return text + bban;
}

// The :86: text wrapped as banks do: 65 characters a line, the first one after ":86:".
void wrapped_details(std::string& out, const std::string& text) {
  out += ":86:";
  std::size_t at = 0;
  std::size_t width = 61;
  while (at < text.size()) {
    // Do not cut a UTF-8 character.
    std::size_t take = std::min(width, text.size() - at);
    while (at + take < text.size() &&
           (static_cast<unsigned char>(text[at + take]) & 0xC0) == 0x80) {
      --take;
    }
    out.append(text, at, take);
    out += "\r\n";
    at += take;
    width = 65;
  }
}

int usage() {
  std::fprintf(stderr,
               "usage: mt940_gen --entries N --out FILE [--per-statement N] "
               "[--encoding windows-1252|utf-8] [--seed S]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t entries = 0, per_statement = 200;
  std::string out_path;
  bool utf8 = false;
  std::uint64_t seed = 1;
  for (int i = 1; i < argc; i += 2) {
    if (i + 1 >= argc) return usage();
    const std::string_view arg = argv[i];
    const char* value = argv[i + 1];
    if (arg == "--entries") {
      entries = std::strtoll(value, nullptr, 10);
    } else if (arg == "--out") {
      out_path = value;
    } else if (arg == "--per-statement") {
      per_statement = std::strtoll(value, nullptr, 10);
    } else if (arg == "--encoding") {
      if (std::string_view(value) != "utf-8" && std::string_view(value) != "windows-1252") {
        return usage();
      }
      utf8 = std::string_view(value) == "utf-8";
    } else if (arg == "--seed") {
      seed = std::strtoull(value, nullptr, 10);
    } else {
      return usage();
    }
  }
  if (entries <= 0 || per_statement <= 0 || out_path.empty()) return usage();
  std::FILE* file = std::fopen(out_path.c_str(), "wb");
  if (file == nullptr) {
    std::perror(out_path.c_str());
    return 1;
  }

  Random random(seed);
  Day day;
  std::int64_t balance_cents = 2'500'000'00;
  std::int64_t written = 0;
  std::int64_t statement = 0;
  std::string out;
  std::string text;
  while (written < entries) {
    ++statement;
    out.clear();
    out += ":20:STARTUMSE\r\n:25:76069559/0003267288\r\n:28C:";
    out += std::to_string(statement % 100000);
    out += "/001\r\n";
    balance(out, ":60F:", day, balance_cents);
    const std::int64_t count = std::min(per_statement, entries - written);
    for (std::int64_t i = 0; i < count; ++i, ++written) {
      const std::uint64_t kind = random.below(100);
      const Name& name = kNames[random.below(std::size(kNames))];
      const char* counterparty = utf8 ? name.utf8 : name.windows1252;
      const std::int64_t invoice = 100000 + static_cast<std::int64_t>(random.below(900000));
      std::int64_t cents = 0;
      const char* mark = "C";
      const char* type = "NTRF";
      text.clear();
      if (kind < 55) {  // incoming transfer paying an invoice
        cents = 1000 + static_cast<std::int64_t>(random.below(2'500'000));
        text = "166?00GUTSCHR. UEBERWEISUNG?109310?20EREF+RE2026" + std::to_string(invoice) +
               "?21SVWZ+Rechnung RE2026" + std::to_string(invoice) + " Kd " +
               std::to_string(10000 + random.below(90000));
      } else if (kind < 85) {  // direct debit
        cents = -(500 + static_cast<std::int64_t>(random.below(300'000)));
        mark = "D";
        type = "NDDT";
        text = "105?00SEPA-BASISLASTSCHRIFT?109305?20EREF+" + std::to_string(invoice) +
               "?21MREF+M" + std::to_string(invoice % 9973) + "?22CRED+DE98ZZZ0" +
               std::to_string(1000000 + random.below(8999999)) + "?23SVWZ+Beitrag " +
               std::to_string(1 + random.below(12)) + "/2026";
      } else if (kind < 97) {  // outgoing transfer
        cents = -(2000 + static_cast<std::int64_t>(random.below(1'500'000)));
        mark = "D";
        text = "177?00ONLINE-UEBERWEISUNG?109310?20SVWZ+Lieferantenrechnung " +
               std::to_string(invoice) + "?21DATUM " + std::to_string(10 + day.day % 18) +
               ".01.2026, 13.24 UHR";
      } else if (kind < 99) {  // account fee
        cents = -(100 + static_cast<std::int64_t>(random.below(2000)));
        mark = "D";
        type = "NCHG";
        text = "805?00ENTGELTABSCHLUSS?106666?20Entgelte vom 01.12.2025 bis?2131.12.2025";
      } else {  // returned direct debit: a reversal of an earlier debit
        cents = 500 + static_cast<std::int64_t>(random.below(300'000));
        mark = "RD";
        type = "NRTI";
        text = "109?00SEPA-LASTSCHR. RETOURE?109075?20EREF+" + std::to_string(invoice) +
               "?21SVWZ+Ruecklastschrift Konto erloschen";
      }
      if (kind < 97) {
        text += "?30";
        text += kBics[random.below(std::size(kBics))];
        text += "?31" + iban(random) + "?32" + counterparty;
      }
      balance_cents += cents;
      out += ":61:";
      yymmdd(out, day);
      two(out, day.month);
      two(out, day.day);
      out += mark;
      out += 'R';
      amount(out, cents < 0 ? -cents : cents);
      out += type;
      out += "NONREF//";
      out += std::to_string(2600000000000000LL + written);
      out += "\r\n";
      wrapped_details(out, text);
    }
    balance(out, ":62F:", day, balance_cents);
    out += "-\r\n";
    if (std::fwrite(out.data(), 1, out.size(), file) != out.size()) {
      std::perror(out_path.c_str());
      return 1;
    }
    day.next();
  }
  if (std::fclose(file) != 0) {
    std::perror(out_path.c_str());
    return 1;
  }
  return 0;
}
