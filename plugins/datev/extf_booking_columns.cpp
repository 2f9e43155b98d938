#include "extf_booking_columns.hpp"

#include <string>
#include <vector>

namespace kontor::plugins::datev {
namespace {

// Version 13's 125 columns. Which are text (quoted) follows the field types of the reference's
// table and DATEV's sample records.
std::vector<ExtfColumn> make_columns() {
  std::vector<ExtfColumn> columns;
  auto text = [&](std::string heading) {
    columns.push_back({.heading = std::move(heading), .text = true});
  };
  auto plain = [&](std::string heading) {
    columns.push_back({.heading = std::move(heading), .text = false});
  };
  plain("Umsatz (ohne Soll/Haben-Kz)");  // 1
  text("Soll/Haben-Kennzeichen");
  text("WKZ Umsatz");
  plain("Kurs");
  plain("Basis-Umsatz");  // 5
  text("WKZ Basis-Umsatz");
  plain("Konto");
  plain("Gegenkonto (ohne BU-Schlüssel)");
  text("BU-Schlüssel");
  plain("Belegdatum");  // 10
  text("Belegfeld 1");
  text("Belegfeld 2");
  plain("Skonto");
  text("Buchungstext");
  plain("Postensperre");  // 15
  text("Diverse Adressnummer");
  plain("Geschäftspartnerbank");
  plain("Sachverhalt");
  plain("Zinssperre");
  text("Beleglink");              // 20
  for (int i = 1; i <= 8; ++i) {  // 21–36
    text("Beleginfo - Art " + std::to_string(i));
    text("Beleginfo - Inhalt " + std::to_string(i));
  }
  text("KOST1 - Kostenstelle");  // 37
  text("KOST2 - Kostenstelle");
  plain("Kost-Menge");
  text("EU-Land u. UStID (Bestimmung)");  // 40
  plain("EU-Steuersatz (Bestimmung)");
  text("Abw. Versteuerungsart");
  plain("Sachverhalt L+L");
  plain("Funktionsergänzung L+L");
  plain("BU 49 Hauptfunktionstyp");  // 45
  plain("BU 49 Hauptfunktionsnummer");
  plain("BU 49 Funktionsergänzung");
  for (int i = 1; i <= 20; ++i) {  // 48–87; DATEV really writes no blank before "- Inhalt"
    text("Zusatzinformation - Art " + std::to_string(i));
    text("Zusatzinformation- Inhalt " + std::to_string(i));
  }
  plain("Stück");  // 88
  plain("Gewicht");
  plain("Zahlweise");  // 90
  text("Forderungsart");
  plain("Veranlagungsjahr");
  plain("Zugeordnete Fälligkeit");
  plain("Skontotyp");
  text("Auftragsnummer");  // 95
  text("Buchungstyp");
  plain("USt-Schlüssel (Anzahlungen)");
  text("EU-Land (Anzahlungen)");
  plain("Sachverhalt L+L (Anzahlungen)");
  plain("EU-Steuersatz (Anzahlungen)");  // 100
  plain("Erlöskonto (Anzahlungen)");
  text("Herkunft-Kz");
  text("Buchungs GUID");
  plain("KOST-Datum");
  text("SEPA-Mandatsreferenz");  // 105
  plain("Skontosperre");
  text("Gesellschaftername");
  plain("Beteiligtennummer");
  text("Identifikationsnummer");
  text("Zeichnernummer");  // 110
  plain("Postensperre bis");
  text("Bezeichnung SoBil-Sachverhalt");
  plain("Kennzeichen SoBil-Buchung");
  plain("Festschreibung");
  plain("Leistungsdatum");  // 115
  plain("Datum Zuord. Steuerperiode");
  plain("Fälligkeit");
  text("Generalumkehr (GU)");
  plain("Steuersatz");
  text("Land");  // 120
  text("Abrechnungsreferenz");
  plain("BVV-Position");
  text("EU-Land u. UStID (Ursprung)");
  plain("EU-Steuersatz (Ursprung)");
  plain("Abw. Skontokonto");  // 125, new in version 13
  return columns;
}

const std::vector<ExtfColumn>& all_columns() {
  static const std::vector<ExtfColumn> columns = make_columns();
  return columns;
}

}  // namespace

int format_version(BookingFormat format) {
  return static_cast<int>(format);
}

int column_count(BookingFormat format) {
  return format == BookingFormat::v13 ? 125 : 124;
}

std::span<const ExtfColumn> booking_columns(BookingFormat format) {
  return std::span<const ExtfColumn>(all_columns()).first(column_count(format));
}

}  // namespace kontor::plugins::datev
