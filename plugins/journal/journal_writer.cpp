#include "journal_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "journal_text.hpp"

namespace kontor::plugins::journal {
namespace {

constexpr std::size_t kAmountColumn = 52;  // where amounts end, for a file that reads as a table

struct Posting {
  const std::string* account;  // the journal name, kept by BatchAccounts
  Money amount;                // signed: debit positive
  std::string vat_of;          // the line's account, on a VAT posting
};

// Names and payees of one batch.
class BatchAccounts {
 public:
  BatchAccounts(const sdk::ExportBatch& batch, const JournalLayout& layout) : layout_(layout) {
    debtors_.reserve(batch.debtors.size() + batch.bookings.size() / 8);
    customers_.reserve(batch.debtors.size());
    for (const Booking& booking : batch.bookings) {
      if (!booking.lines.empty()) debtors_.insert(booking.lines.front().account);
    }
    for (const sdk::ExportDebtor& debtor : batch.debtors) {
      debtors_.insert(debtor.account);
      std::vector<std::string>& names = customers_[debtor.account];
      std::string name = one_line(debtor.customer.name);
      if (std::find(names.begin(), names.end(), name) == names.end()) {
        names.push_back(std::move(name));
      }
    }
  }

  // The journal name of account `number`, remembered for the declarations. Each number is
  // named once per batch: a million postings ask for a few thousand names.
  const std::string& name(const std::string& number) {
    auto known = names_.find(number);
    if (known != names_.end()) return known->second;
    std::string name;
    if (auto named = layout_.chart.account_names.find(number);
        named != layout_.chart.account_names.end()) {
      name = named->second;
    } else if (debtors_.contains(number)) {
      name = layout_.debtor_root + ":" + number;
    } else {
      name = "Konten:" + number;
    }
    used_.try_emplace(name, number);
    return names_.emplace(number, std::move(name)).first->second;
  }

  // The payee of a debtor account, made safe for a description: the customer's name when the
  // account is one customer's, else "Debitor <number>". Worked out once per account.
  const std::string& payee(const std::string& debtor_account) {
    auto known = payees_.find(debtor_account);
    if (known != payees_.end()) return known->second;
    std::string payee = "Debitor " + debtor_account;
    auto found = customers_.find(debtor_account);
    if (found != customers_.end() && found->second.size() == 1 && !found->second.front().empty()) {
      payee = found->second.front();
    }
    return payees_.emplace(debtor_account, payee_text(payee)).first->second;
  }

  // Every account named so far with the customers behind it, by name.
  std::string declarations() const {
    std::string text;
    for (const auto& [name, number] : used_) {
      text += "account " + name + "\n";
      if (auto found = customers_.find(number); found != customers_.end()) {
        std::vector<std::string> names = found->second;
        std::sort(names.begin(), names.end());
        for (const std::string& customer : names) {
          if (!customer.empty()) text += "    ; " + customer + "\n";
        }
      }
    }
    return text;
  }

 private:
  const JournalLayout& layout_;
  std::unordered_set<std::string> debtors_;
  std::unordered_map<std::string, std::vector<std::string>> customers_;  // debtor → names
  std::map<std::string, std::string> used_;                              // journal name → number
  std::unordered_map<std::string, std::string> names_;                   // number → journal name
  std::unordered_map<std::string, std::string> payees_;  // debtor account → safe payee
};

std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

void append_posting(std::string& text, const Posting& posting) {
  const std::string amount = amount_text(posting.amount);
  const std::size_t used = 4 + display_width(*posting.account) + amount.size();
  text += "    ";
  text += *posting.account;
  text.append(used + 2 <= kAmountColumn ? kAmountColumn - used : 2, ' ');
  text += amount;
  if (!posting.vat_of.empty()) text += "  ; vat_of: " + posting.vat_of;
  text += '\n';
}

std::string format_line(std::string_view format, int minor_digits) {
  std::string number = "1000";
  if (minor_digits > 0) number += "." + std::string(static_cast<std::size_t>(minor_digits), '0');
  return fmt::format("commodity {}\n    format {} {}\n", format, number, format);
}

// The transaction line: date, cleared, (code), payee | note — the description never starts
// with '(' (made '['), '*' or '!' (dropped): hledger would take them for a code or a status.
std::string transaction_line(const Booking& booking, const std::string& safe_payee) {
  std::string line = booking.date.to_iso() + " *";
  const std::string code = code_text(booking.document_number);
  if (!code.empty()) line += " (" + code + ")";
  std::string description = safe_payee;
  const std::string note = note_text(booking.text);
  if (!note.empty()) description += " | " + note;
  while (!description.empty() && (description.front() == '*' || description.front() == '!')) {
    description.erase(0, 1);
  }
  if (!description.empty() && description.front() == '(') description.front() = '[';
  if (!description.empty()) line += " " + description;
  return line + "\n";
}

void append_tag(std::string& text, std::string_view key, std::string_view value) {
  const std::string safe = tag_value(value);
  if (safe.empty()) return;
  text += "    ; ";
  text += key;
  text += ": ";
  text += safe;
  text += '\n';
}

}  // namespace

Result<Money> vat_in_gross(const Money& gross, int percent) {
  const std::int64_t units = gross.minor_units();
  const std::int64_t magnitude = units < 0 ? -units : units;
  const std::int64_t divisor = 100 + percent;
  // magnitude × 2 × percent + divisor must stay within 64 bits.
  if (percent < 0 || percent > 100 ||
      magnitude > (std::numeric_limits<std::int64_t>::max() - divisor) / (2 * 100)) {
    return Error{"the VAT of " + gross.to_string() + " at " + std::to_string(percent) +
                 " % is out of range"};
  }
  const std::int64_t vat = (magnitude * 2 * percent + divisor) / (2 * divisor);  // half up
  return Money(units < 0 ? -vat : vat, gross.currency());
}

JournalWritten write_journal(const sdk::ExportBatch& batch, const JournalLayout& layout) {
  JournalWritten written;
  if (batch.bookings.empty()) {
    written.errors.push_back("batch " + batch.batch_id + " has no bookings");
    return written;
  }
  std::vector<const Booking*> ordered;
  ordered.reserve(batch.bookings.size());
  for (const Booking& booking : batch.bookings) ordered.push_back(&booking);
  std::stable_sort(ordered.begin(), ordered.end(), [](const Booking* a, const Booking* b) {
    return a->date != b->date ? a->date < b->date : a->id < b->id;
  });

  BatchAccounts accounts(batch, layout);
  std::map<std::string, int> currencies;  // code → minor digits
  std::string body;
  body.reserve(batch.bookings.size() * 320);
  std::vector<Posting> postings;
  for (const Booking* booking : ordered) {
    const auto which = [&] { return "booking " + std::to_string(booking->id); };
    if (kontor::Status balanced = check_balanced(*booking); !balanced) {
      written.errors.push_back(which() + ": " + balanced.error().message);
      continue;
    }
    postings.clear();
    bool line_ok = true;
    for (std::size_t index = 0; index < booking->lines.size(); ++index) {
      const BookingLine& line = booking->lines[index];
      const Money signed_amount =
          line.side == BookingSide::debit ? line.amount : line.amount.negated().value();
      const VatShare* vat = nullptr;
      if (!line.tax_key.empty()) {
        auto found = layout.chart.tax_keys.find(line.tax_key);
        if (found == layout.chart.tax_keys.end()) {
          written.errors.push_back(fmt::format(
              "{}, line {}: tax key '{}' on account {} has no VAT rate; name it in tax_keys",
              which(), index + 1, line.tax_key, line.account));
          line_ok = false;
          continue;
        }
        vat = &found->second;
      } else if (auto found = layout.chart.automatic_accounts.find(line.account);
                 found != layout.chart.automatic_accounts.end()) {
        vat = &found->second;
      }
      if (vat == nullptr || vat->percent == 0) {
        postings.push_back(
            {.account = &accounts.name(line.account), .amount = signed_amount, .vat_of = ""});
        continue;
      }
      Result<Money> tax = vat_in_gross(signed_amount, vat->percent);
      if (!tax) {
        written.errors.push_back(
            fmt::format("{}, line {}: {}", which(), index + 1, tax.error().message));
        line_ok = false;
        continue;
      }
      postings.push_back({.account = &accounts.name(line.account),
                          .amount = signed_amount.minus(*tax).value(),
                          .vat_of = ""});
      if (!tax->is_zero()) {
        postings.push_back(
            {.account = &accounts.name(vat->vat_account), .amount = *tax, .vat_of = line.account});
      }
    }
    if (!line_ok) continue;
    const Currency& currency = booking->lines.front().amount.currency();
    currencies.emplace(std::string(currency.code()), currency.minor_digits());

    body += '\n';
    body += transaction_line(*booking, accounts.payee(booking->lines.front().account));
    append_tag(body, "booking", std::to_string(booking->id));
    append_tag(body, "document", booking->document_number);
    if (booking->reverses) append_tag(body, "reverses", std::to_string(*booking->reverses));
    if (booking->facts != BookingFacts::none) append_tag(body, "facts", to_string(booking->facts));
    if (booking->due_date) append_tag(body, "due", booking->due_date->to_iso());
    for (const Posting& posting : postings) append_posting(body, posting);
    ++written.transactions;
  }
  if (!written.errors.empty()) return written;

  std::string& text = written.text;
  text.reserve(body.size() + 4096);
  text += "; Kontor export batch " + one_line(batch.batch_id) +
          fmt::format(": {} bookings", written.transactions);
  if (batch.period_from && batch.period_to) {
    text += ", " + batch.period_from->to_iso() + " to " + batch.period_to->to_iso();
  }
  text += "\n; written for hledger and ledger; every posting carries its amount\n\n";
  for (const auto& [code, digits] : currencies) text += format_line(code, digits);
  text += "\n" + accounts.declarations() + "\n";
  for (const char* tag : {"booking", "document", "reverses", "facts", "due", "vat_of"}) {
    text += fmt::format("tag {}\n", tag);
  }
  text += body;
  return written;
}

}  // namespace kontor::plugins::journal
