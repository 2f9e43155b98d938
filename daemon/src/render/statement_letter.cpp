#include "render/statement_letter.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>

namespace kontor::render {
namespace {

struct StatementLabels {
  const char* number;
  const char* period;
  // The summary.
  const char* opening_on;  // "... {}": the day before the period
  const char* invoices;
  const char* credit_notes;
  const char* fees;
  const char* interest;
  const char* payments;
  const char* adjustments;
  const char* closing_on;  // "... {}": the period's last day
  const char* since;       // "... {}": paid or credited from the period's end to as_of
  const char* due_on;      // "... {}": what is still owed on the statement's day
  // The movements.
  const char* date;
  const char* document;
  const char* transaction;
  const char* debit;
  const char* credit;
  const char* balance;
  const char* opening;
  const char* closing;
  const char* no_movements;
  // The open items.
  const char* open_items_on;
  const char* issued;
  const char* due;
  const char* amount;
  const char* open;
  const char* days_overdue;
  // The aging.
  const char* aging_on;
  const char* not_due;
  const char* days_1_30;
  const char* days_31_60;
  const char* days_61_90;
  const char* over_90;
  const char* credits;
  const char* total;
};

constexpr StatementLabels kGerman = {
    .number = "Kontoauszug-Nr.",
    .period = "Zeitraum",
    .opening_on = "Anfangssaldo am {}",
    .invoices = "Rechnungen",
    .credit_notes = "Gutschriften und Stornos",
    .fees = "Mahngebühren",
    .interest = "Verzugszinsen",
    .payments = "Zahlungen",
    .adjustments = "Sonstige Buchungen",
    .closing_on = "Endsaldo am {}",
    .since = "Eingänge bis {}",
    .due_on = "Noch offen am {}",
    .date = "Datum",
    .document = "Beleg",
    .transaction = "Vorgang",
    .debit = "Soll",
    .credit = "Haben",
    .balance = "Saldo",
    .opening = "Anfangssaldo",
    .closing = "Endsaldo",
    .no_movements = "Keine Buchungen im Zeitraum",
    .open_items_on = "Offene Posten am {}",
    .issued = "Datum",
    .due = "Fällig",
    .amount = "Betrag",
    .open = "Offen",
    .days_overdue = "Tage überfällig",
    .aging_on = "Fälligkeitsstruktur am {}",
    .not_due = "nicht fällig",
    .days_1_30 = "1–30 Tage",
    .days_31_60 = "31–60 Tage",
    .days_61_90 = "61–90 Tage",
    .over_90 = "über 90 Tage",
    .credits = "Guthaben",
    .total = "Summe",
};

constexpr StatementLabels kEnglish = {
    .number = "Statement no.",
    .period = "Period",
    .opening_on = "Opening balance on {}",
    .invoices = "Invoices",
    .credit_notes = "Credit notes and cancellations",
    .fees = "Dunning fees",
    .interest = "Default interest",
    .payments = "Payments",
    .adjustments = "Adjustments",
    .closing_on = "Closing balance on {}",
    .since = "Received to {}",
    .due_on = "Still open on {}",
    .date = "Date",
    .document = "Document",
    .transaction = "Transaction",
    .debit = "Debit",
    .credit = "Credit",
    .balance = "Balance",
    .opening = "Opening balance",
    .closing = "Closing balance",
    .no_movements = "No transactions in this period",
    .open_items_on = "Open items on {}",
    .issued = "Date",
    .due = "Due",
    .amount = "Amount",
    .open = "Open",
    .days_overdue = "Days overdue",
    .aging_on = "Aging on {}",
    .not_due = "Not due",
    .days_1_30 = "1–30 days",
    .days_31_60 = "31–60 days",
    .days_61_90 = "61–90 days",
    .over_90 = "Over 90 days",
    .credits = "Credits",
    .total = "Total",
};

struct KindName {
  std::string_view kind;  // MovementView::kind
  const char* german;
  const char* english;
};

constexpr std::array<KindName, 11> kKindNames = {{
    {.kind = "invoice", .german = "Rechnung", .english = "Invoice"},
    {.kind = "credit_note", .german = "Gutschrift", .english = "Credit note"},
    {.kind = "cancellation", .german = "Storno", .english = "Cancellation"},
    {.kind = "fee", .german = "Mahngebühr", .english = "Dunning fee"},
    {.kind = "interest", .german = "Verzugszinsen", .english = "Default interest"},
    {.kind = "payment", .german = "Zahlung", .english = "Payment"},
    {.kind = "discount", .german = "Skonto", .english = "Discount"},
    {.kind = "bank_charges", .german = "Bankgebühren", .english = "Bank charges"},
    {.kind = "reversal", .german = "Rückbuchung", .english = "Reversal"},
    {.kind = "settled_externally", .german = "Ausgeglichen (ERP)", .english = "Settled (ERP)"},
    {.kind = "write_off", .german = "Ausgebucht", .english = "Written off"},
}};

// The tables' column widths in mm, 165 in all. An English date ("30 September 2026") needs
// more room than a German one ("30.09.2026"); "über 90 Tage" is the aging's widest header.
constexpr std::array<double, 6> kMovementsGerman = {21, 27, 51, 22, 22, 22};
constexpr std::array<double, 6> kMovementsEnglish = {30, 27, 42, 22, 22, 22};
constexpr std::array<double, 6> kOpenItemsGerman = {33, 21, 21, 30, 28, 32};
constexpr std::array<double, 6> kOpenItemsEnglish = {29, 30, 30, 24, 24, 28};
constexpr std::array<double, 7> kAging = {23, 23, 23, 23, 27, 23, 23};

// The first `text_columns` columns hold text, the others amounts and counts: right-aligned.
template <std::size_t N>
std::vector<LetterColumn> columns(const std::array<double, N>& widths, std::size_t text_columns) {
  std::vector<LetterColumn> out;
  for (std::size_t i = 0; i < N; ++i) {
    out.push_back({.width_mm = widths[i], .right_aligned = i >= text_columns});
  }
  return out;
}

class StatementWriter {
 public:
  StatementWriter(const StatementView& statement, LocalStyle style)
      : statement_(statement),
        style_(style),
        labels_(style == LocalStyle::german ? kGerman : kEnglish) {}

  StatementLetter write() const {
    return {.number_label = labels_.number,
            .period_label = labels_.period,
            .period =
                fmt::format("{} – {}", date(statement_.period_start), date(statement_.period_end)),
            .summary = summary(),
            .movements = movements(),
            .open_items = open_items(),
            .aging = aging()};
  }

 private:
  std::string amount(const Money& money) const { return format_amount(money, style_); }
  std::string date(const Date& day) const { return format_date(day, style_); }

  bool german() const { return style_ == LocalStyle::german; }

  // The day whose closing balance the period opens with.
  Date opening_day() const {
    const Result<Date> before = statement_.period_start.add_days(-1);
    return before ? *before : statement_.period_start;
  }

  std::vector<LetterTotal> summary() const {
    const StatementView& s = statement_;
    std::vector<LetterTotal> lines;
    lines.push_back({.label = fmt::format(fmt::runtime(labels_.opening_on), date(opening_day())),
                     .value = amount(s.opening),
                     .bold = false});
    for (const auto& [label, figure] :
         {std::pair{labels_.invoices, &s.invoices},
          std::pair{labels_.credit_notes, &s.credit_notes}, std::pair{labels_.fees, &s.fees},
          std::pair{labels_.interest, &s.interest}, std::pair{labels_.payments, &s.payments},
          std::pair{labels_.adjustments, &s.adjustments}}) {
      if (!figure->is_zero()) {
        lines.push_back({.label = label, .value = amount(*figure), .bold = false});
      }
    }
    lines.push_back({.label = fmt::format(fmt::runtime(labels_.closing_on), date(s.period_end)),
                     .value = amount(s.closing),
                     .bold = true});
    // Paid since the period ended: the letter asks only for what is still open.
    if (!s.since.is_zero()) {
      lines.push_back({.label = fmt::format(fmt::runtime(labels_.since), date(s.as_of)),
                       .value = amount(s.since),
                       .bold = false});
      lines.push_back({.label = fmt::format(fmt::runtime(labels_.due_on), date(s.as_of)),
                       .value = amount(s.due),
                       .bold = true});
    }
    return lines;
  }

  std::string transaction(const MovementView& movement) const {
    // A kind newer than these words still gets a neutral word rather than an internal name.
    std::string name = german() ? "Buchung" : "Entry";
    for (const KindName& known : kKindNames) {
      if (known.kind == movement.kind) {
        name = german() ? known.german : known.english;
      }
    }
    if (movement.detail.empty()) return name;
    return fmt::format("{} – {}", name, movement.detail);
  }

  // A debit is what raises the balance; a credit, what lowers it, shown without its sign.
  LetterRow movement_row(const MovementView& movement) const {
    std::string debit, credit;
    if (movement.amount.is_negative()) {
      const Result<Money> lowered = movement.amount.negated();
      credit = amount(lowered ? *lowered : movement.amount);
    } else {
      debit = amount(movement.amount);
    }
    return {date(movement.date),     movement.document, transaction(movement), debit, credit,
            amount(movement.balance)};
  }

  LetterTable movements() const {
    LetterTable table{.columns = columns(german() ? kMovementsGerman : kMovementsEnglish, 3),
                      .header = {labels_.date, labels_.document, labels_.transaction, labels_.debit,
                                 labels_.credit, labels_.balance},
                      .rows = {}};
    table.rows.push_back(
        {date(opening_day()), "", labels_.opening, "", "", amount(statement_.opening)});
    for (const MovementView& movement : statement_.movements) {
      table.rows.push_back(movement_row(movement));
    }
    if (statement_.movements.empty()) {
      table.rows.push_back({"", "", labels_.no_movements, "", "", ""});
    }
    table.rows.push_back(
        {date(statement_.period_end), "", labels_.closing, "", "", amount(statement_.closing)});
    return table;
  }

  std::optional<HeadedTable> open_items() const {
    if (statement_.open_items.empty()) return std::nullopt;
    LetterTable table{.columns = columns(german() ? kOpenItemsGerman : kOpenItemsEnglish, 3),
                      .header = {labels_.document, labels_.issued, labels_.due, labels_.amount,
                                 labels_.open, labels_.days_overdue},
                      .rows = {}};
    for (const StatementItemView& item : statement_.open_items) {
      table.rows.push_back({item.number, item.issue_date ? date(*item.issue_date) : "",
                            date(item.due_date), amount(item.gross), amount(item.open),
                            item.days_overdue > 0 ? std::to_string(item.days_overdue) : ""});
    }
    return HeadedTable{
        .heading = fmt::format(fmt::runtime(labels_.open_items_on), date(statement_.period_end)),
        .table = std::move(table)};
  }

  HeadedTable aging() const {
    const AgingView& a = statement_.aging;
    LetterTable table{
        .columns = columns(kAging, 0),
        .header = {labels_.not_due, labels_.days_1_30, labels_.days_31_60, labels_.days_61_90,
                   labels_.over_90, labels_.credits, labels_.total},
        .rows = {{amount(a.not_due), amount(a.days_1_30), amount(a.days_31_60),
                  amount(a.days_61_90), amount(a.over_90), amount(a.credits), amount(a.total)}}};
    return {.heading = fmt::format(fmt::runtime(labels_.aging_on), date(statement_.period_end)),
            .table = std::move(table)};
  }

  const StatementView& statement_;
  LocalStyle style_;
  const StatementLabels& labels_;
};

}  // namespace

StatementLetter statement_letter(const StatementView& statement, LocalStyle style) {
  return StatementWriter(statement, style).write();
}

}  // namespace kontor::render
