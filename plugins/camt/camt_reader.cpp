#include "camt_reader.hpp"

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "byte_window.hpp"
#include "camt_document.hpp"
#include "clean_text.hpp"
#include "entry_reader.hpp"
#include "part_context.hpp"
#include "statement_checks.hpp"
#include "statement_header.hpp"
#include "warning_codes.hpp"
#include "xml_fragment.hpp"

namespace kontor::plugins::camt {
namespace {

// Warnings belong to the statement they concern: those found before a statement is handed on
// (in its header, or in its first entry) wait for it; the rest go on at once.
class StatementWarnings final : public WarningSink {
 public:
  explicit StatementWarnings(sdk::ParseSink& sink) : sink_(sink) {}

  void warning(std::int64_t line, std::string_view code, std::string message) override {
    if (holding_) {
      held_.emplace_back(line, std::string(code), std::move(message));
    } else {
      sink_.warning(line, code, message);
    }
  }
  void hold() { holding_ = true; }
  void release() {
    holding_ = false;
    for (const auto& [line, code, message] : held_) sink_.warning(line, code, message);
    held_.clear();
  }

 private:
  sdk::ParseSink& sink_;
  bool holding_ = false;
  std::vector<std::tuple<std::int64_t, std::string, std::string>> held_;
};

bool is_header_element(std::string_view name) {
  return name == "Id" || name == "ElctrncSeqNb" || name == "LglSeqNb" || name == "CreDtTm" ||
         name == "FrToDt" || name == "Acct" || name == "Bal" || name == "TxsSummry";
}

class CamtReader {
 public:
  CamtReader(sdk::DocumentReader& document, const CamtOptions& options, sdk::ParseSink& sink,
             CamtCounts& counts, const std::function<bool()>& cancelled)
      : window_(document, options.max_file_size, options.read_size),
        document_(window_),
        sink_(sink),
        warnings_(sink),
        counts_(counts),
        cancelled_(cancelled) {}

  sdk::Status run();

 private:
  // One statement of the document, from its start tag to its end tag.
  struct Statement {
    StatementHeader header;
    TextPosition position;
    StatementTally tally;
    std::optional<sdk::StatementInfo> info;  // once handed on
    bool control_reported = false;
  };

  sdk::Status failed(const Error& error) { return sdk::Status::failed(error.message); }
  Result<pugi::xml_node> parse(const CamtPart& part);
  sdk::Status statement_child(const CamtPart& part);
  sdk::Status hand_on_statement(std::optional<Currency> entry_currency);
  sdk::Status entry(pugi::xml_node ntry, PartContext& context);
  sdk::Status end_statement();

  ByteWindow window_;
  CamtDocument document_;
  std::optional<XmlFragment> fragment_;
  sdk::ParseSink& sink_;
  StatementWarnings warnings_;
  CamtCounts& counts_;
  const std::function<bool()>& cancelled_;
  GroupHeader group_;
  std::optional<Statement> statement_;
};

Result<pugi::xml_node> CamtReader::parse(const CamtPart& part) {
  if (!fragment_) fragment_.emplace(document_.encoding());
  Result<pugi::xml_node> root = fragment_->parse(part.text);
  if (!root) {
    const TextPosition at =
        document_.position_in_part(part.offset + static_cast<std::uint64_t>(root.error().position));
    return Error{at.text() + ": XML error in <" + shown(part.local_name) +
                 ">: " + root.error().message};
  }
  const std::size_t control = fragment_->first_control_character();
  if (control != std::string::npos && !(statement_ && statement_->control_reported)) {
    if (statement_) statement_->control_reported = true;
    const TextPosition at = document_.position_in_part(part.offset + control);
    warnings_.warning(at.line(), warning::kControlCharacter,
                      "control characters, which XML does not allow, are read as blanks");
  }
  return root;
}

sdk::Status CamtReader::hand_on_statement(std::optional<Currency> entry_currency) {
  Statement& s = *statement_;
  if (!s.header.has_account()) {
    return sdk::Status::failed(s.position.text() + ": <" + std::string(document_.message().record) +
                               "> names no account (Acct): whose statement it is is unknown");
  }
  s.info = s.header.info(entry_currency, warnings_);
  sdk::Status handed = sink_.statement(*s.info);
  ++counts_.statements;
  warnings_.release();
  return handed;
}

sdk::Status CamtReader::entry(pugi::xml_node ntry, PartContext& context) {
  Result<EntryReading> read = read_entry(ntry, statement_->header.facts(), context);
  if (!read) return failed(read.error());
  if (!statement_->info) {
    if (sdk::Status handed = hand_on_statement(read->entry.amount.currency()); !handed) {
      return handed;
    }
  }
  statement_->tally.add(read->entry);
  if (sdk::Status handed = sink_.entry(read->entry); !handed) return handed;
  ++counts_.entries;
  for (const sdk::EntryDetail& detail : read->details) {
    if (sdk::Status handed = sink_.detail(detail); !handed) return handed;
    ++counts_.details;
  }
  if (cancelled_ && counts_.entries % 1024 == 0 && cancelled_()) return sdk::Status::cancelled();
  return sdk::Status::ok();
}

sdk::Status CamtReader::statement_child(const CamtPart& part) {
  Result<pugi::xml_node> root = parse(part);
  if (!root) return failed(root.error());
  PartContext context(document_, part, *fragment_, warnings_);
  if (part.local_name == "Ntry") return entry(*root, context);
  if (statement_->info) {
    if (is_header_element(part.local_name)) {
      context.warn(*root, warning::kMisplacedElement,
                   "<" + std::string(part.local_name) + "> after the entries is ignored");
    }
    return sdk::Status::ok();
  }
  if (Status read = statement_->header.read(*root, context); !read) return failed(read.error());
  return sdk::Status::ok();
}

sdk::Status CamtReader::end_statement() {
  if (!statement_->info) {
    if (sdk::Status handed = hand_on_statement(std::nullopt); !handed) return handed;
  }
  check_statement(*statement_->info, statement_->header.summary(), statement_->tally, warnings_);
  statement_.reset();
  return sdk::Status::ok();
}

sdk::Status CamtReader::run() {
  while (true) {
    Result<CamtPart> next = document_.next();
    for (const FrameWarning& w : document_.take_warnings()) {
      warnings_.warning(w.line, w.code, w.message);
    }
    if (!next) return failed(next.error());
    const CamtPart& part = *next;
    switch (part.kind) {
      case CamtPart::Kind::group_header: {
        Result<pugi::xml_node> root = parse(part);
        if (!root) return failed(root.error());
        PartContext context(document_, part, *fragment_, warnings_);
        group_ = read_group_header(*root, context);
        break;
      }
      case CamtPart::Kind::statement_begin:
        warnings_.hold();
        statement_.emplace(
            Statement{StatementHeader(document_.message(), group_, part.position.line()),
                      part.position, StatementTally(), std::nullopt, false});
        break;
      case CamtPart::Kind::statement_child:
        if (sdk::Status read = statement_child(part); !read) return read;
        break;
      case CamtPart::Kind::statement_end:
        if (sdk::Status ended = end_statement(); !ended) return ended;
        break;
      case CamtPart::Kind::end_of_document:
        return sdk::Status::ok();
    }
  }
}

}  // namespace

sdk::Status read_camt(sdk::DocumentReader& document, const CamtOptions& options,
                      sdk::ParseSink& sink, CamtCounts& counts,
                      const std::function<bool()>& cancelled) {
  CamtReader reader(document, options, sink, counts, cancelled);
  return reader.run();
}

}  // namespace kontor::plugins::camt
