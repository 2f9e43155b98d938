// CamtDocument: walks a camt document once, front to back, and hands on its parts in order —
// the group header, each statement (report, notification) as it begins, each child element of
// a statement as one piece of text, and the statement's end — never holding more than one such
// piece in memory.
//
// It checks the frame of the document: one root (Document, or the message element itself), a
// camt namespace with a version, the message element matching it, at least one statement,
// tags that close in order, nothing but white space, comments and processing instructions
// around them, no DOCTYPE (a DTD could define entity bombs; camt never has one). The pieces it
// hands on are parsed by the caller (fragment.hpp). Errors start with "LINE:COLUMN: ".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "byte_window.hpp"
#include "camt_message.hpp"
#include "text_position.hpp"
#include "xml_tokens.hpp"

namespace kontor::plugins::camt {

enum class TextEncoding { utf8, latin1 };

struct CamtPart {
  enum class Kind {
    group_header,     // GrpHdr, whole
    statement_begin,  // the start tag of Stmt / Rpt / Ntfctn
    statement_child,  // one child element of the statement, whole
    statement_end,
    end_of_document,
  };
  Kind kind = Kind::end_of_document;
  std::string_view local_name;  // of the element
  std::string_view text;        // the element's bytes (group_header, statement_child); valid
                                // until the next call of next()
  std::uint64_t offset = 0;     // absolute offset of its '<'
  TextPosition position;        // of its '<'
};

// A problem with the frame that does not stop reading (bytes after the end of the document).
struct FrameWarning {
  std::int64_t line = 0;
  std::string code;
  std::string message;
};

class CamtDocument {
 public:
  explicit CamtDocument(ByteWindow& window) : window_(window), tokens_(window) {}

  // The next part; the message (message()) is known from the first statement_begin on.
  Result<CamtPart> next();

  const CamtMessage& message() const { return message_; }
  TextEncoding encoding() const { return encoding_; }
  // Warnings found since the last call.
  std::vector<FrameWarning> take_warnings() { return std::move(warnings_); }

  // Where `offset`, inside the part last handed on, is.
  TextPosition position_in_part(std::uint64_t offset) const {
    return position_after(part_position_, part_offset_, offset);
  }
  // Where `offset` is, counting on from `known` at `known_offset` (both inside the part last
  // handed on, known_offset <= offset).
  TextPosition position_after(const TextPosition& known, std::uint64_t known_offset,
                              std::uint64_t offset) const;

 private:
  enum class State { prolog, document, message, statement, after_message, epilogue, done };

  Result<CamtPart> read_prolog();
  Status open_root(const XmlToken& token);
  Status open_message(const XmlToken& token);
  Result<CamtPart> whole_element(const XmlToken& start, CamtPart::Kind kind);
  Status check_end_tag(const XmlToken& token, const std::string& expected);
  Status read_declaration(const XmlToken& token);
  Status epilogue_text(const XmlToken& token);
  // Moves the line counter to `offset` and lets the window drop what lies before it.
  void pass_to(std::uint64_t offset);
  TextPosition position_at(std::uint64_t offset) const;  // offset >= passed_
  Error error_at(std::uint64_t offset, const std::string& message) const;
  Error token_error(const Error& error) const;
  std::string_view text_of(const XmlToken& token) const;
  std::string local_name_of(const XmlToken& token) const;

  ByteWindow& window_;
  XmlTokenizer tokens_;
  State state_ = State::prolog;
  TextEncoding encoding_ = TextEncoding::utf8;
  CamtMessage message_;
  std::string root_tag_, root_start_tag_, message_tag_, statement_tag_;
  int statements_ = 0;
  bool trailing_bytes_warned_ = false;
  bool pending_end_ = false;  // of an empty <Stmt/>

  TextPosition position_;          // of passed_
  std::uint64_t passed_ = 0;       // what the line counter has passed
  std::uint64_t part_offset_ = 0;  // the part last handed on
  TextPosition part_position_;
  std::vector<FrameWarning> warnings_;
};

}  // namespace kontor::plugins::camt
