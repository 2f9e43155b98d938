#include "extf_debtor_columns.hpp"

#include <string>
#include <vector>

namespace kontor::plugins::datev {
namespace {

// Which are text (quoted) follows DATEV's version 5 sample record, where they disagree with the
// field types (Währungssteuerung is quoted there).
std::vector<ExtfColumn> make_columns() {
  std::vector<ExtfColumn> columns;
  auto text = [&](std::string heading) {
    columns.push_back({.heading = std::move(heading), .text = true});
  };
  auto plain = [&](std::string heading) {
    columns.push_back({.heading = std::move(heading), .text = false});
  };
  auto bank_block = [&](int n) {  // 11 fields
    std::string number = std::to_string(n);
    text("Bankleitzahl " + number);
    text("Bankbezeichnung " + number);
    text("Bank-Kontonummer " + number);
    text("Länderkennzeichen " + number);
    text("IBAN-Nr. " + number);
    text("Leerfeld");
    text("SWIFT-Code " + number);
    text("Abw. Kontoinhaber " + number);
    text("Kennz. Hauptbankverb. " + number);
    plain("Bankverb " + number + " Gültig von");
    plain("Bankverb " + number + " Gültig bis");
  };

  plain("Konto");  // 1
  for (const char* heading : {"Name (Adressattyp Unternehmen)",
                              "Unternehmensgegenstand",
                              "Name (Adressattyp natürl. Person)",
                              "Vorname (Adressattyp natürl. Person)",
                              "Name (Adressattyp keine Angabe)",
                              "Adressattyp",
                              "Kurzbezeichnung",
                              "EU-Land",
                              "EU-UStID",
                              "Anrede",
                              "Titel/Akad. Grad",
                              "Adelstitel",
                              "Namensvorsatz",
                              "Adressart",
                              "Straße",
                              "Postfach",
                              "Postleitzahl",
                              "Ort",
                              "Land",
                              "Versandzusatz",
                              "Adresszusatz",
                              "Abweichende Anrede",
                              "Abw. Zustellbezeichnung 1",
                              "Abw. Zustellbezeichnung 2"}) {
    text(heading);  // 2–25
  }
  plain("Kennz. Korrespondenzadresse");  // 26
  plain("Adresse Gültig von");
  plain("Adresse Gültig bis");
  for (const char* heading :
       {"Telefon", "Bemerkung (Telefon)", "Telefon GL", "Bemerkung (Telefon GL)", "E-Mail",
        "Bemerkung (E-Mail)", "Internet", "Bemerkung (Internet)", "Fax", "Bemerkung (Fax)",
        "Sonstige", "Bemerkung (Sonstige)"}) {
    text(heading);  // 29–40
  }
  for (int bank = 1; bank <= 5; ++bank) bank_block(bank);  // 41–95
  for (const char* heading :
       {"Leerfeld", "Briefanrede", "Grußformel", "Kunden-/Lief.-Nr.", "Steuernummer", "Sprache",
        "Ansprechpartner", "Vertreter", "Sachbearbeiter"}) {
    text(heading);  // 96–104
  }
  plain("Diverse-Konto");  // 105
  plain("Ausgabeziel");
  text("Währungssteuerung");
  for (const char* heading : {"Kreditlimit (Debitor)",
                              "Zahlungsbedingung",
                              "Fälligkeit in Tagen (Debitor)",
                              "Skonto in Prozent (Debitor)",
                              "Kreditoren-Ziel 1 Tg.",
                              "Kreditoren-Skonto 1 %",
                              "Kreditoren-Ziel 2 Tg.",
                              "Kreditoren-Skonto 2 %",
                              "Kreditoren-Ziel 3 Brutto Tg.",
                              "Kreditoren-Ziel 4 Tg.",
                              "Kreditoren-Skonto 4 %",
                              "Kreditoren-Ziel 5 Tg.",
                              "Kreditoren-Skonto 5 %",
                              "Mahnung",
                              "Kontoauszug",
                              "Mahntext 1",
                              "Mahntext 2",
                              "Mahntext 3",
                              "Kontoauszugstext",
                              "Mahnlimit Betrag",
                              "Mahnlimit %",
                              "Zinsberechnung",
                              "Mahnzinssatz 1",
                              "Mahnzinssatz 2",
                              "Mahnzinssatz 3"}) {
    plain(heading);  // 108–132
  }
  text("Lastschrift");  // 133
  text("Leerfeld");
  plain("Mandantenbank");
  text("Zahlungsträger");
  for (int i = 1; i <= 15; ++i) text("Indiv. Feld " + std::to_string(i));  // 137–151
  for (const char* heading : {"Abweichende Anrede", "Adressart", "Straße", "Postfach",
                              "Postleitzahl", "Ort", "Land", "Versandzusatz", "Adresszusatz",
                              "Abw. Zustellbezeichnung 1", "Abw. Zustellbezeichnung 2"}) {
    text(std::string(heading) + " (Rechnungsadresse)");  // 152–162
  }
  plain("Adresse Gültig von (Rechnungsadresse)");  // 163
  plain("Adresse Gültig bis (Rechnungsadresse)");
  for (int bank = 6; bank <= 10; ++bank) bank_block(bank);  // 165–219
  text("Nummer Fremdsystem");                               // 220
  plain("Insolvent");
  for (int i = 1; i <= 10; ++i) text("SEPA-Mandatsreferenz " + std::to_string(i));  // 222–231
  for (const char* heading :
       {"Verknüpftes OPOS-Konto", "Mahnsperre bis", "Lastschriftsperre bis", "Zahlungssperre bis",
        "Gebührenberechnung", "Mahngebühr 1", "Mahngebühr 2", "Mahngebühr 3",
        "Pauschalenberechnung", "Verzugspauschale 1", "Verzugspauschale 2", "Verzugspauschale 3"}) {
    plain(heading);  // 232–243
  }
  // 244–254 came with format version 5.
  text("Alternativer Suchname");
  plain("Status");
  plain("Anschrift manuell geändert (Korrespondenzadresse)");
  text("Anschrift individuell (Korrespondenzadresse)");
  plain("Anschrift manuell geändert (Rechnungsadresse)");
  text("Anschrift individuell (Rechnungsadresse)");
  for (const char* heading : {"Fristberechnung bei Debitor", "Mahnfrist 1", "Mahnfrist 2",
                              "Mahnfrist 3", "Letzte Frist"}) {
    plain(heading);  // 250–254
  }
  return columns;
}

}  // namespace

std::span<const ExtfColumn> debtor_columns() {
  static const std::vector<ExtfColumn> columns = make_columns();
  return columns;
}

namespace debtor_column {
int bank_block_start(int bank) {
  return bank <= 5 ? 41 + (bank - 1) * 11 : 165 + (bank - 6) * 11;
}
}  // namespace debtor_column

}  // namespace kontor::plugins::datev
