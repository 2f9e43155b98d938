#include "bank_csv_file.hpp"

#include <algorithm>

#include "balance_chain.hpp"
#include "csv_records.hpp"
#include "entry_row.hpp"
#include "layout.hpp"
#include "statement_metadata.hpp"
#include "text_encoding.hpp"
#include "text_values.hpp"

namespace kontor::plugins::bank_csv {
namespace {

constexpr std::size_t kCancelCheckRows = 4096;

std::string stem_of(std::string_view file_name) {
  const std::size_t slash = file_name.find_last_of('/');
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  const std::size_t dot = file_name.rfind('.');
  if (dot != std::string_view::npos && dot > 0) file_name = file_name.substr(0, dot);
  return std::string(file_name);
}

sdk::Status refused(std::string_view file_name, std::int64_t line, const std::string& message) {
  return sdk::Status::failed(std::to_string(line > 0 ? line : 0) + ":0: " + for_message(file_name) +
                             ": " + message);
}

// The byte offset after the first `lines` line ends (LF, CRLF or CR).
std::size_t offset_after_lines(std::string_view text, std::int64_t lines) {
  std::size_t pos = 0;
  for (std::int64_t n = 0; n < lines; ++n) {
    while (pos < text.size() && text[pos] != '\n' && text[pos] != '\r') ++pos;
    if (pos >= text.size()) break;
    if (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') ++pos;
    ++pos;
  }
  return pos;
}

struct BadRow {
  std::int64_t line;
  std::string problems;
};

sdk::Status refuse_bad_rows(std::string_view file_name, const std::vector<BadRow>& bad) {
  std::string message = std::to_string(bad.size()) + (bad.size() == 1 ? " row" : " rows") +
                        " cannot be read; the file is refused whole";
  for (std::size_t i = 0; i < bad.size() && i < kMaxListedBadRows; ++i) {
    message += "\n" + std::to_string(bad[i].line) + ":0: " + bad[i].problems;
  }
  if (bad.size() > kMaxListedBadRows) {
    message += "\n... and " + std::to_string(bad.size() - kMaxListedBadRows) + " more";
  }
  return refused(file_name, bad.front().line, message);
}

void add(std::vector<FileWarning>& warnings, std::int64_t line, std::string code,
         std::string message) {
  warnings.push_back({line, std::move(code), std::move(message)});
}

// The statement's account: the rows' own, else the lines above the header, else the
// configuration's; every disagreement is a warning.
void settle_account(const std::vector<EntryRow>& rows, const StatementMetadata& metadata,
                    const ParserOptions& options, std::int64_t statement_line,
                    BankCsvStatement& out) {
  sdk::StatementInfo& info = out.info;
  for (const EntryRow& row : rows) {
    if (!row.account.empty()) {
      info.account = row.account;
      info.account_bic = row.account_bic;
      break;
    }
  }
  for (const EntryRow& row : rows) {
    if (!row.account.empty() && row.account != info.account) {
      add(out.warnings, row.entry.line, "account_mismatch",
          "this row names the account '" + for_message(row.account) + "', the statement is " +
              info.account);
    }
  }
  if (!metadata.account.empty()) {
    if (info.account.empty()) {
      info.account = metadata.account;
    } else if (metadata.account != info.account) {
      add(out.warnings, statement_line, "account_mismatch",
          "the lines above the header name the account " + metadata.account + ", the rows " +
              info.account);
    }
  }
  if (!options.account.empty()) {
    if (info.account.empty()) {
      info.account = options.account;
    } else if (options.account != info.account) {
      add(out.warnings, statement_line, "account_mismatch",
          "the file is of account " + info.account + ", not of the configured " +
              for_message(options.account));
    }
  }
  if (info.account.empty()) {
    add(out.warnings, statement_line, "missing_account",
        "the file does not name its account: configure account");
  }
}

}  // namespace

sdk::Status parse_bank_csv(std::string_view file_name, std::string_view bytes,
                           const ParserOptions& options, BankCsvStatement& out,
                           const std::function<bool()>& cancelled) {
  out = BankCsvStatement{};
  auto decoded = decode_text(bytes, options.encoding);
  if (!decoded) return refused(file_name, decoded.error().position, decoded.error().message);
  const std::string& text = decoded->text;

  const std::size_t start = offset_after_lines(text, options.skip_lines);
  const std::int64_t first_line = options.skip_lines + 1;
  auto detected = detect_layout(std::string_view(text).substr(start), first_line, options);
  if (!detected) return refused(file_name, detected.error().position, detected.error().message);
  const Layout& layout = *detected;
  const StatementMetadata metadata = read_metadata(layout.metadata);

  std::vector<EntryRow> rows;
  std::vector<BadRow> bad;
  std::size_t column_count = layout.column_count;
  CsvReader reader(std::string_view(text).substr(start + layout.data_offset), layout.delimiter,
                   layout.data_line);
  CsvRecord record;
  while (reader.next(record)) {
    if (cancelled && rows.size() % kCancelCheckRows == 0 && cancelled()) {
      return sdk::Status::cancelled();
    }
    if (!record.error.empty()) {
      bad.push_back({record.line, record.error});
      continue;
    }
    if (record.is_blank()) continue;
    if (column_count == 0) column_count = record.fields.size();
    EntryRow row = read_entry_row(record, layout, column_count, options.currency);
    if (!row.errors.empty()) {
      std::string problems;
      for (const std::string& error : row.errors) {
        problems += (problems.empty() ? "" : "; ") + error;
      }
      bad.push_back({record.line, std::move(problems)});
      continue;
    }
    if (bad.empty()) rows.push_back(std::move(row));
  }
  if (!bad.empty()) return refuse_bad_rows(file_name, bad);

  sdk::StatementInfo& info = out.info;
  info.kind = StatementKind::statement;
  info.id = stem_of(file_name);
  info.dialect = layout.dialect;
  info.line = layout.header_line > 0 ? layout.header_line : layout.data_line;
  info.currency = std::string(rows.empty() ? options.currency.code()
                                           : rows.front().entry.amount.currency().code());
  auto statement_currency = Currency::from_code(info.currency);
  const Currency currency = statement_currency ? *statement_currency : options.currency;

  for (const LayoutWarning& warning : layout.warnings) {
    add(out.warnings, warning.line, warning.code, warning.message);
  }
  for (std::int64_t line : decoded->replaced_lines) {
    if (line < first_line) continue;
    add(out.warnings, line, "undefined_byte",
        "a byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90 or 0x9D): read as U+FFFD");
  }
  settle_account(rows, metadata, options, info.line, out);
  for (const EntryRow& row : rows) {
    for (const RowWarning& warning : row.warnings) {
      add(out.warnings, row.entry.line, warning.code, warning.message);
    }
    if (row.entry.amount.currency() != currency) {
      add(out.warnings, row.entry.line, "currency_mismatch",
          "an entry in " + std::string(row.entry.amount.currency().code()) + " in a statement in " +
              info.currency + ": left out of its balances");
    }
  }
  StatementBalances balances = statement_balances(rows, currency, metadata, layout.notation);
  info.opening = balances.opening;
  info.closing = balances.closing;
  for (const LayoutWarning& warning : balances.warnings) {
    add(out.warnings, warning.line, warning.code, warning.message);
  }
  std::stable_sort(out.warnings.begin(), out.warnings.end(),
                   [](const FileWarning& a, const FileWarning& b) { return a.line < b.line; });

  out.entries.reserve(rows.size());
  for (EntryRow& row : rows) out.entries.push_back(std::move(row.entry));
  return sdk::Status::ok();
}

sdk::Status emit(const BankCsvStatement& statement, sdk::ParseSink& sink) {
  if (sdk::Status status = sink.statement(statement.info); !status) return status;
  std::size_t next_warning = 0;
  const auto warnings_through = [&](std::int64_t line) {
    while (next_warning < statement.warnings.size() &&
           statement.warnings[next_warning].line <= line) {
      const FileWarning& warning = statement.warnings[next_warning++];
      sink.warning(warning.line, warning.code, warning.message);
    }
  };
  for (const sdk::StatementEntry& entry : statement.entries) {
    warnings_through(entry.line);
    if (sdk::Status status = sink.entry(entry); !status) return status;
  }
  warnings_through(INT64_MAX);
  return sdk::Status::ok();
}

}  // namespace kontor::plugins::bank_csv
