// Match wording: names, typed numbers and unrelated texts (match_wording.hpp).
#include "match_wording.hpp"

#include <vector>

namespace kontor::bench {
namespace {

constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

struct YearMonthDay {
  int year, month, day;
};

YearMonthDay calendar(int day) {
  YearMonthDay out{.year = 2026, .month = 1, .day = day + 1};
  while (out.day > kMonthDays[out.month - 1]) {  // 2026 and 2027 are no leap years
    out.day -= kMonthDays[out.month - 1];
    if (++out.month > 12) {
      out.month = 1;
      ++out.year;
    }
  }
  return out;
}

// Common surnames appear more than once, as they do among real customers: "Müller" is one in
// fifty Germans' name, and a book of thousands has several unrelated Müllers.
constexpr const char* kSurnames[] = {
    "Müller",     "Müller",    "Müller",  "Müller",  "Schmidt",  "Schmidt",  "Schmidt",
    "Schneider",  "Schneider", "Fischer", "Fischer", "Weber",    "Weber",    "Meyer",
    "Meyer",      "Wagner",    "Becker",  "Schulz",  "Hoffmann", "Schäfer",  "Koch",
    "Bauer",      "Richter",   "Klein",   "Wolf",    "Schröder", "Neumann",  "Schwarz",
    "Zimmermann", "Braun",     "Krüger",  "Hofmann", "Hartmann", "Lange",    "Schmitt",
    "Werner",     "Schmitz",   "Krause",  "Meier",   "Lehmann",  "Köhler",   "Weiß",
    "Groß",       "Jäger",     "Öztürk",  "Fuß",     "Günther",  "Böhm",     "Vogel",
    "Friedrich",  "Keller",    "Baumann", "Franke",  "Albrecht", "Schuster", "Simon",
    "Ludwig",     "Böttcher",  "Kaiser",  "Yılmaz",  "Nowak",    "Dietrich", "Kühn"};
// The rest of the surnames are compounds, as most German surnames are rare: a book of a million
// customers has thousands of surnames, and a few dozen customers, not a thousand, share "Hans
// Müller". Fifty stems and thirty endings give 1,500 of them.
constexpr const char* kSurnameStems[] = {
    "Brand", "Holz",  "Stein", "Berg", "Wald",   "Feld",   "Lind",   "Rosen",  "Eichen",  "Kirch",
    "Hoch",  "Neu",   "Alt",   "Groß", "Klein",  "Lang",   "Schön",  "Weiß",   "Schwarz", "Roth",
    "Grün",  "Horn",  "Kamp",  "Mühl", "Bach",   "Thal",   "Sonnen", "Winter", "Sommer",  "Hage",
    "Fried", "Hein",  "Diet",  "Lüd",  "Wester", "Oster",  "Nord",   "Süd",    "Bruck",   "Kreuz",
    "Stroh", "Hasel", "Apfel", "Birn", "Kessel", "Schmie", "Zimmer", "Acker",  "Hof",     "Dorn"};
constexpr const char* kSurnameEndings[] = {
    "mann", "meier", "müller",  "huber",    "bauer",  "berger", "hauser", "ner",
    "ler",  "inger", "rich",    "brecht",   "feld",   "bach",   "stein",  "wald",
    "hoff", "kamp",  "mayr",    "ke",       "er",     "el",     "ert",    "hardt",
    "wig",  "bold",  "reuther", "schläger", "macher", "beck"};
constexpr const char* kFirstNames[] = {
    "Hans",      "Peter",    "Klaus",    "Jürgen",  "Stefan",    "Michael",  "Andreas",
    "Thomas",    "Sabine",   "Petra",    "Monika",  "Ursula",    "Jörg",     "Björn",
    "Sören",     "Günter",   "Anja",     "Julia",   "Lena",      "Katrin",   "Markus",
    "Frank",     "Uwe",      "Dieter",   "Birgit",  "Claudia",   "Tobias",   "Sebastian",
    "Christian", "Nicole",   "Doris",    "Heike",   "Mehmet",    "Ayşe",     "Zoë",
    "René",      "Käthe",    "Grete",    "Elif",    "Jan",       "Wolfgang", "Helmut",
    "Gerhard",   "Manfred",  "Werner",   "Horst",   "Rainer",    "Bernd",    "Ralf",
    "Karin",     "Gabriele", "Susanne",  "Andrea",  "Stefanie",  "Martina",  "Christine",
    "Angelika",  "Lukas",    "Leon",     "Finn",    "Paul",      "Felix",    "Maximilian",
    "Jonas",     "Niklas",   "Tim",      "David",   "Anna",      "Laura",    "Lea",
    "Sarah",     "Hannah",   "Sophie",   "Marie",   "Emma",      "Mia",      "Lisa",
    "Matthias",  "Daniel",   "Florian",  "Patrick", "Alexander", "Dominik",  "Oliver",
    "Sven",      "Kai",      "Jörn",     "Björg",   "Ömer",      "Süleyman", "Małgorzata",
    "Piotr",     "Ioana",    "Giuseppe", "Ana",     "Ivan"};
constexpr const char* kTrades[] = {
    "Bäckerei",       "Metzgerei",   "Friseursalon",  "Elektro",       "Sanitär",
    "Gärtnerei",      "Schreinerei", "Malerbetrieb",  "Kfz-Werkstatt", "Zahnarztpraxis Dr.",
    "Physiotherapie", "Blumenhaus",  "Getränkemarkt", "Dachdeckerei"};
constexpr const char* kBranches[] = {
    "Metallbau",      "Haustechnik",       "Logistik",    "Bau",
    "Software",       "Immobilien",        "Druck",       "Maschinenbau",
    "Elektrotechnik", "Gebäudereinigung",  "Spedition",   "Holzbau",
    "Verpackung",     "Kunststofftechnik", "Werkzeugbau", "Medizintechnik",
    "Landtechnik",    "Fenster und Türen", "Systemhaus",  "Steuerberatung",
    "Ingenieurbüro",  "Sicherheitsdienst", "Catering",    "Autoteile",
    "Baustoffe"};
// Companies often carry a region: "Müller Metallbau Süd GmbH" is not "Müller Metallbau GmbH".
constexpr const char* kRegions[] = {"Nord",   "Süd",     "Ost",     "West",   "Rhein-Main",
                                    "Bayern", "Sachsen", "Hamburg", "Berlin", "Westfalen"};
constexpr const char* kCompanyForms[] = {"GmbH",
                                         "GmbH",
                                         "GmbH",
                                         "GmbH",
                                         "GmbH & Co. KG",
                                         "GmbH & Co. KG",
                                         "KG",
                                         "AG",
                                         "UG (haftungsbeschränkt)",
                                         "OHG"};
constexpr const char* kInstitutions[] = {"Finanzamt München",
                                         "Versicherungskammer Bayern",
                                         "PayPal Europe S.a.r.l. et Cie S.C.A",
                                         "AMAZON PAYMENTS EUROPE S.C.A.",
                                         "Deutsche Rentenversicherung",
                                         "Stadtwerke München GmbH",
                                         "Bundesagentur für Arbeit",
                                         "AOK Bayern",
                                         "Allianz Versicherungs-AG",
                                         "Klarna Bank AB",
                                         "Stripe Technology Europe Ltd"};
constexpr const char* kCities[] = {"München", "Köln", "Düsseldorf", "Nürnberg", "Berlin", "Lübeck"};
constexpr const char* kShops[] = {"Elektro Fuchs", "Bürobedarf24", "Gartencenter Nord",
                                  "Müller Drogerie", "Fahrrad Schmidt"};

std::string surname(Random& random) {
  if (random.percent(30)) return pick(random, kSurnames);
  return std::string(pick(random, kSurnameStems)) + pick(random, kSurnameEndings);
}

std::string digits(Random& random, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += static_cast<char>('0' + random.below(10));
  if (out[0] == '0') out[0] = '1';
  return out;
}

struct SplitNumber {
  std::string letters;              // before the first digit, upper-cased: "RE"
  std::vector<std::string> groups;  // the digit groups: "2026", "000123"
};

SplitNumber split(std::string_view number) {
  SplitNumber out;
  bool in_digits = false;
  for (char c : number) {
    const bool digit = c >= '0' && c <= '9';
    if (digit) {
      if (!in_digits) out.groups.emplace_back();
      out.groups.back() += c;
    } else if (out.groups.empty() && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
      out.letters += static_cast<char>(c & ~0x20);
    }
    in_digits = digit;
  }
  return out;
}

std::string joined(const std::vector<std::string>& groups, std::string_view separator) {
  std::string out;
  for (const std::string& group : groups) {
    if (!out.empty()) out += separator;
    out += group;
  }
  return out;
}

}  // namespace

std::string iso_date(int day) {
  const YearMonthDay d = calendar(day);
  return std::to_string(d.year) + "-" + zero_padded(d.month, 2) + "-" + zero_padded(d.day, 2);
}

std::string german_date(int day) {
  const YearMonthDay d = calendar(day);
  return zero_padded(d.day, 2) + "." + zero_padded(d.month, 2) + "." + std::to_string(d.year);
}

bool is_business_day(int day) {
  return (day + 3) % 7 < 5;  // 1 January 2026 is a Thursday; no holidays in the period
}

std::string zero_padded(std::uint64_t value, std::size_t width) {
  std::string text = std::to_string(value);
  return text.size() < width ? std::string(width - text.size(), '0') + text : text;
}

std::string decimal_text(std::int64_t cents) {
  const std::uint64_t magnitude =
      cents < 0 ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  return (cents < 0 ? "-" : "") + std::to_string(magnitude / 100) + "." +
         zero_padded(magnitude % 100, 2);
}

std::string german_amount(std::int64_t cents) {
  const std::string plain = decimal_text(cents < 0 ? -cents : cents);
  const std::string units = plain.substr(0, plain.size() - 3);
  std::string out = cents < 0 ? "-" : "";
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (i > 0 && (units.size() - i) % 3 == 0) out += '.';
    out += units[i];
  }
  return out + "," + plain.substr(plain.size() - 2);
}

std::string german_iban(Random& random) {
  const std::string bban = zero_padded(10000000 + random.below(90000000), 8) +
                           zero_padded(random.below(10000000000ULL), 10);
  int remainder = 0;  // mod 97 of BBAN + "DE00" as digits (D = 13, E = 14)
  for (char c : bban + "131400") remainder = (remainder * 10 + (c - '0')) % 97;
  return "DE" + zero_padded(static_cast<std::uint64_t>(98 - remainder), 2) + bban;
}

std::string creditor_reference(std::string_view number) {
  std::string body;
  for (char c : number) {
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) body += c;
    if (c >= 'a' && c <= 'z') body += static_cast<char>(c - 'a' + 'A');
  }
  int remainder = 0;  // ISO 7064 MOD 97-10 of body + "RF00", letters as 10..35
  for (char c : body + "RF00") {
    if (c >= 'A' && c <= 'Z') {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    } else {
      remainder = (remainder * 10 + (c - '0')) % 97;
    }
  }
  return "RF" + zero_padded(static_cast<std::uint64_t>(98 - remainder), 2) + body;
}

std::string grouped_reference(std::string_view reference) {
  std::string out;
  for (std::size_t i = 0; i < reference.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += ' ';
    out += reference[i];
  }
  return out;
}

NameParts customer_name(Random& random) {
  NameParts name;
  const std::uint64_t kind = random.below(100);
  name.last = surname(random);
  if (kind < 40) {
    name.kind = NameParts::person;
    name.first = pick(random, kFirstNames);
  } else if (kind < 70) {
    name.kind = NameParts::trader;
    name.core = pick(random, kTrades);
    if (random.percent(40)) name.form = "e.K.";
  } else {
    name.kind = NameParts::company;
    name.core = pick(random, kBranches);
    if (random.percent(40)) name.core += std::string(" ") + pick(random, kRegions);
    name.form = pick(random, kCompanyForms);
  }
  return name;
}

std::string full_name(const NameParts& name) {
  switch (name.kind) {
    case NameParts::person:
      return name.first + " " + name.last;
    case NameParts::trader:
      return name.core + " " + name.last + (name.form.empty() ? "" : " " + name.form);
    case NameParts::company:
      break;
  }
  return name.last + " " + name.core + " " + name.form;
}

std::string name_key(const NameParts& name) {
  switch (name.kind) {
    case NameParts::person:
      return "p|" + name.first + "|" + name.last;
    case NameParts::trader:
      return "t|" + name.core + "|" + name.last;
    case NameParts::company:
      break;
  }
  return "c|" + name.last + "|" + name.core;
}

std::string spelt_out(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) == 0xC3 && i + 1 < text.size()) {
      const char* replacement = nullptr;
      switch (static_cast<unsigned char>(text[i + 1])) {
        case 0xA4:
          replacement = "ae";
          break;
        case 0xB6:
          replacement = "oe";
          break;
        case 0xBC:
          replacement = "ue";
          break;
        case 0x84:
          replacement = "Ae";
          break;
        case 0x96:
          replacement = "Oe";
          break;
        case 0x9C:
          replacement = "Ue";
          break;
        case 0x9F:
          replacement = "ss";
          break;
        default:
          break;
      }
      if (replacement != nullptr) {
        out += replacement;
        ++i;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::string upper_ascii(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

std::string lower_ascii(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::string bank_payer_name(const NameParts& name, Random& random) {
  const std::string full = full_name(name);
  NameParts bare = name;
  bare.form.clear();
  std::string without_form = full_name(bare);
  while (!without_form.empty() && without_form.back() == ' ') without_form.pop_back();
  const std::uint64_t variant = random.below(100);
  if (variant < 30) return full;
  if (variant < 50) return upper_ascii(spelt_out(full));
  if (variant < 62) return spelt_out(full);
  if (variant < 72) return name.form.empty() ? upper_ascii(spelt_out(full)) : without_form;
  if (variant < 77)
    return name.kind == NameParts::trader && name.form.empty() ? full + " e.K." : full;
  if (variant < 92) {
    if (name.kind != NameParts::person) return upper_ascii(spelt_out(without_form));
    return random.percent(50) ? upper_ascii(spelt_out(name.last + " " + name.first))
                              : name.last + ", " + name.first;
  }
  return lower_ascii(spelt_out(full));
}

std::string stranger_name(Random& random) {
  if (random.percent(40)) return pick(random, kInstitutions);
  const std::string name = std::string(pick(random, kFirstNames)) + " " + surname(random);
  return random.percent(50) ? upper_ascii(spelt_out(name)) : name;
}

std::string typed_number(std::string_view number, NumberForm form) {
  const SplitNumber parts = split(number);
  const bool lettered = !parts.letters.empty();
  switch (form) {
    case NumberForm::printed:
      return std::string(number);
    case NumberForm::keyword:
      return (lettered ? parts.letters + " " : "Re ") + joined(parts.groups, "-");
    case NumberForm::rg_nr:
      return "Rg.-Nr. " + joined(parts.groups, lettered ? "-" : "/");
    case NumberForm::compact:
      return "Rechnung " + joined(parts.groups, "");
    case NumberForm::lower_case:
      return lettered ? lower_ascii(std::string(number)) : "rechnung " + std::string(number);
    case NumberForm::zeros_dropped:
      break;
  }
  std::vector<std::string> groups = parts.groups;
  for (std::string& group : groups) {
    const std::size_t first = group.find_first_not_of('0');
    group = first == std::string::npos ? "0" : group.substr(first);
  }
  return (lettered ? parts.letters + " " : "Rg ") + joined(groups, "-");
}

std::string unrelated_remittance(Random& random, int booked, std::string& kind) {
  const std::string postcode = zero_padded(1000 + random.below(98000), 5);
  switch (random.below(12)) {
    case 0:
      kind = "membership_refund";
      return "Erstattung Beitrag 2025 Mitgl.-Nr. " + digits(random, 5);
    case 1:
      kind = "rent";
      return "Miete " + zero_padded(1 + random.below(3), 2) + "/2026 Whg. " +
             std::to_string(1 + random.below(12)) + " " + postcode + " " + pick(random, kCities);
    case 2:
      kind = "deposit";
      return "Rueckzahlung Kaution " + postcode + " " + pick(random, kCities);
    case 3:
      kind = "amount_and_date";
      return "Gutschrift " + german_amount(static_cast<std::int64_t>(100 + random.below(500000))) +
             " EUR vom " + german_date(booked - 1 - static_cast<int>(random.below(30)));
    case 4:
      kind = "interest";
      return "Habenzinsen 01.01.-31.03.2026";
    case 5:
      kind = "tax_refund";
      return "USt-Erstattung 2025 StNr " + digits(random, 3) + "/" + digits(random, 3) + "/" +
             digits(random, 5);
    case 6:
      kind = "payment_provider";
      return digits(random, 13) + " PP." + digits(random, 4) + ".PP . Ihr Einkauf bei " +
             pick(random, kShops);
    case 7:
      kind = "marketplace_payout";
      return "Auszahlung " + iso_date(booked - 1) + " Abrechnung " + digits(random, 10);
    case 8:
      kind = "retoure";
      return "Erstattung Retoure Bestell-Nr. 302-" + digits(random, 7) + "-" + digits(random, 7);
    case 9:
      kind = "foreign_invoice";  // another company's (or last year's) number, not in the book
      return "Rechnung RE-2025-" + zero_padded(random.below(1000000), 6) + " Fa. " +
             pick(random, kSurnames);
    case 10:
      kind = "iso_date";
      return "Zahlung vom " + iso_date(booked - static_cast<int>(random.below(40)));
    default:
      break;
  }
  kind = "empty";
  return "";
}

}  // namespace kontor::bench
