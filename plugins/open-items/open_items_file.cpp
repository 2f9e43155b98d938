#include "open_items_file.hpp"

#include <algorithm>
#include <utility>

#include "ascii_text.hpp"
#include "csv_rows.hpp"
#include "json_lines_rows.hpp"
#include "message_text.hpp"
#include "open_item_row.hpp"
#include "open_items_assembly.hpp"
#include "text_encoding.hpp"

namespace kontor::plugins::open_items {
namespace {

// How often a long file asks whether the run was cancelled.
constexpr std::int64_t kRowsBetweenCancelChecks = 4096;

// Interprets the rows the file reader finds and assembles them; collects every bad row.
class Collector final : public RowConsumer {
 public:
  Collector(const ParserOptions& options, const std::function<bool()>& cancelled)
      : options_(options), cancelled_(cancelled) {}

  bool row(const RowText& text) override {
    ++rows_;
    if (cancelled_ && rows_ % kRowsBetweenCancelChecks == 0 && cancelled_()) {
      was_cancelled_ = true;
      return false;
    }
    Result<OpenItemRow> row = read_row(text, options_);
    if (!row) {
      bad_rows_.push_back({text.line, row.error().message});
      return true;
    }
    if (Status added = assembly_.add(std::move(row).value()); !added) {
      bad_rows_.push_back({text.line, added.error().message});
    }
    return true;
  }
  void bad_row(std::int64_t line, std::string reason) override {
    ++rows_;
    bad_rows_.push_back({line, std::move(reason)});
  }
  void warning(std::int64_t line, std::string code, std::string message) override {
    warnings_.push_back({line, std::move(code), std::move(message)});
  }

  bool was_cancelled() const { return was_cancelled_; }

  // The file, or its bad rows.
  std::vector<BadRow> finish(OpenItemsFile& file) {
    assembly_.finish(bad_rows_);
    if (!bad_rows_.empty()) return std::move(bad_rows_);
    file = assembly_.take();
    file.rows = rows_;
    warnings_.insert(warnings_.end(), std::make_move_iterator(file.warnings.begin()),
                     std::make_move_iterator(file.warnings.end()));
    file.warnings = std::move(warnings_);
    return {};
  }

 private:
  const ParserOptions& options_;
  const std::function<bool()>& cancelled_;
  OpenItemsAssembly assembly_;
  std::vector<BadRow> bad_rows_;
  std::vector<ParseWarning> warnings_;
  std::int64_t rows_ = 0;
  bool was_cancelled_ = false;
};

InputFormat detect_format(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{' ? InputFormat::json_lines
                                                               : InputFormat::csv;
}

}  // namespace

sdk::Status parse_open_items(std::string_view name, std::string_view content,
                             const ParserOptions& options, OpenItemsFile& file,
                             const std::function<bool()>& cancelled) {
  file = OpenItemsFile{};
  const std::string file_name = for_message(name, 200);
  std::string_view text = content;
  if (const std::size_t bom = utf8_bom_length(text); bom > 0) {
    if (options.encoding == TextEncoding::windows1252) {
      return sdk::Status::failed(file_name +
                                 ": starts with a UTF-8 byte order mark, but the configured "
                                 "encoding is windows-1252 (configure encoding: utf-8)");
    }
    text.remove_prefix(bom);
  }
  const InputFormat format =
      options.format == InputFormat::automatic ? detect_format(text) : options.format;

  Collector collector(options, cancelled);
  const Status read = format == InputFormat::json_lines
                          ? read_json_lines_rows(text, options, collector)
                          : read_csv_rows(text, options, collector);
  if (collector.was_cancelled()) return sdk::Status::cancelled();
  if (!read) return sdk::Status::failed(file_name + ": " + for_message(read.error().message, 2000));
  std::vector<BadRow> bad_rows = collector.finish(file);
  if (!bad_rows.empty()) return sdk::Status::failed(describe_bad_rows(name, std::move(bad_rows)));
  return sdk::Status::ok();
}

sdk::Status emit(const OpenItemsFile& file, sdk::ParseSink& sink) {
  for (const ParseWarning& warning : file.warnings) {
    sink.warning(warning.line, warning.code, warning.message);
  }
  std::vector<bool> customer_sent(file.customers.size(), false);
  for (std::size_t i = 0; i < file.items.size(); ++i) {
    const std::uint32_t customer = file.customer_of_item[i];
    if (!customer_sent[customer]) {
      if (sdk::Status sent = sink.customer(file.customers[customer]); !sent) return sent;
      customer_sent[customer] = true;
    }
    if (sdk::Status sent = sink.open_item(file.items[i]); !sent) return sent;
  }
  return sdk::Status::ok();
}

std::string describe_bad_rows(std::string_view name, std::vector<BadRow> bad_rows,
                              std::size_t max_listed) {
  std::stable_sort(bad_rows.begin(), bad_rows.end(),
                   [](const BadRow& a, const BadRow& b) { return a.line < b.line; });
  std::vector<BadRow> by_line;
  for (BadRow& bad : bad_rows) {
    if (!by_line.empty() && by_line.back().line == bad.line) {
      by_line.back().reason += "; " + bad.reason;
    } else {
      by_line.push_back(std::move(bad));
    }
  }
  const std::size_t count = by_line.size();
  std::string message = std::to_string(count) + (count == 1 ? " bad row in " : " bad rows in ") +
                        for_message(name, 200);
  for (std::size_t i = 0; i < count && i < max_listed; ++i) {
    message +=
        "\nline " + std::to_string(by_line[i].line) + ": " + for_message(by_line[i].reason, 1000);
  }
  if (count > max_listed) message += "\n... and " + std::to_string(count - max_listed) + " more";
  return message;
}

}  // namespace kontor::plugins::open_items
