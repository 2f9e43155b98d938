#include "camt_document.hpp"

#include <optional>

#include "clean_text.hpp"
#include "warning_codes.hpp"

namespace kontor::plugins::camt {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool all_space(std::string_view text) {
  for (char c : text) {
    if (!is_space(c)) return false;
  }
  return true;
}

std::string_view local_part(std::string_view qualified) {
  const std::size_t colon = qualified.find(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

std::string_view prefix_part(std::string_view qualified) {
  const std::size_t colon = qualified.find(':');
  return colon == std::string_view::npos ? std::string_view() : qualified.substr(0, colon);
}

// The value of attribute `name` in the start tag `tag` ("<Document xmlns='...'>"), as written.
std::optional<std::string_view> attribute(std::string_view tag, std::string_view name) {
  std::size_t at = 1;
  while (at < tag.size() && !is_space(tag[at]) && tag[at] != '>' && tag[at] != '/') ++at;
  while (at < tag.size()) {
    while (at < tag.size() && is_space(tag[at])) ++at;
    const std::size_t name_begin = at;
    while (at < tag.size() && tag[at] != '=' && !is_space(tag[at]) && tag[at] != '>') ++at;
    const std::string_view attribute_name = tag.substr(name_begin, at - name_begin);
    while (at < tag.size() && is_space(tag[at])) ++at;
    if (at >= tag.size() || tag[at] != '=') return std::nullopt;
    ++at;
    while (at < tag.size() && is_space(tag[at])) ++at;
    if (at >= tag.size() || (tag[at] != '"' && tag[at] != '\'')) return std::nullopt;
    const char quote = tag[at++];
    const std::size_t value_end = tag.find(quote, at);
    if (value_end == std::string_view::npos) return std::nullopt;
    if (attribute_name == name) return tag.substr(at, value_end - at);
    at = value_end + 1;
  }
  return std::nullopt;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_control_junk(std::string_view text) {
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (!(byte < 0x20 || byte == 0x7F)) return false;
  }
  return true;
}

}  // namespace

void CamtDocument::pass_to(std::uint64_t offset) {
  if (offset <= passed_) return;
  position_.advance(window_.at(passed_), static_cast<std::size_t>(offset - passed_));
  passed_ = offset;
  window_.release_before(offset);
}

TextPosition CamtDocument::position_at(std::uint64_t offset) const {
  return position_after(position_, passed_, offset);
}

Error CamtDocument::error_at(std::uint64_t offset, const std::string& message) const {
  return Error{position_at(offset).text() + ": " + message};
}

TextPosition CamtDocument::position_after(const TextPosition& known, std::uint64_t known_offset,
                                          std::uint64_t offset) const {
  TextPosition at = known;
  if (offset > known_offset && known_offset >= window_.begin() && offset <= window_.end()) {
    at.advance(window_.at(known_offset), static_cast<std::size_t>(offset - known_offset));
  }
  return at;
}

Error CamtDocument::token_error(const Error& error) const {
  // A token cut off by a refused size or a failed read is that failure, not broken XML.
  if (!window_.status()) return Error{window_.status().message()};
  return error_at(static_cast<std::uint64_t>(error.position), error.message);
}

std::string_view CamtDocument::text_of(const XmlToken& token) const {
  return {window_.at(token.begin), static_cast<std::size_t>(token.end - token.begin)};
}

std::string CamtDocument::local_name_of(const XmlToken& token) const {
  return std::string(local_part(tokens_.tag_name(token)));
}

Status CamtDocument::read_declaration(const XmlToken& token) {
  const std::string_view declaration = text_of(token);
  const std::optional<std::string_view> encoding = attribute(declaration, "encoding");
  if (!encoding) return {};
  const std::string name = lower(*encoding);
  if (name == "utf-8" || name == "utf8" || name == "us-ascii" || name == "ascii") return {};
  if (name == "iso-8859-1" || name == "iso_8859-1" || name == "latin1" || name == "l1") {
    encoding_ = TextEncoding::latin1;
    position_ = TextPosition(false);
    return {};
  }
  return error_at(token.begin, "encoding " + quoted(*encoding) +
                                   " is not supported: camt files are UTF-8 (ISO-8859-1 is "
                                   "read as well)");
}

Status CamtDocument::check_end_tag(const XmlToken& token, const std::string& expected) {
  const std::string_view name = tokens_.tag_name(token);
  if (name == expected) return {};
  return error_at(token.begin,
                  "</" + shown(name) + "> where </" + shown(expected) + "> was expected");
}

Status CamtDocument::open_message(const XmlToken& token) {
  const std::string_view tag = text_of(token);
  const std::string qualified(tokens_.tag_name(token));
  const std::string local(local_part(qualified));
  const std::optional<int> number = message_number_of_element(local);
  if (!number) {
    return error_at(token.begin, "<" + shown(local) +
                                     "> is not a camt message element (BkToCstmrAcctRpt, "
                                     "BkToCstmrStmt or BkToCstmrDbtCdtNtfctn)");
  }
  const std::string_view prefix = prefix_part(qualified);
  const std::string declaration = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  std::optional<std::string_view> uri = attribute(tag, declaration);
  if (!uri) uri = attribute(root_start_tag_, declaration);
  if (!uri) {
    return error_at(token.begin, "no camt namespace: <" + shown(qualified) + "> has no " +
                                     shown(declaration) + ", so its version is unknown (expected " +
                                     shown(declaration) + "=\"" + std::string(kNamespacePrefix) +
                                     message_name(*number) + ".001.nn\")");
  }
  Result<CamtMessage> message = message_of_namespace(*uri);
  if (!message) return error_at(token.begin, message.error().message);
  if (message->number != *number) {
    return error_at(token.begin, "<" + local + "> is a " + message_name(*number) +
                                     " message, but its namespace says " + message->dialect);
  }
  message_ = std::move(message).value();
  message_tag_ = qualified;
  state_ = State::message;
  return {};
}

Status CamtDocument::open_root(const XmlToken& token) {
  root_tag_ = std::string(tokens_.tag_name(token));
  root_start_tag_ = std::string(text_of(token));
  const std::string local(local_part(root_tag_));
  if (local == "Document") {
    state_ = State::document;
    return {};
  }
  if (message_number_of_element(local)) return open_message(token);
  return error_at(token.begin, "not a camt document: the root element is <" + shown(root_tag_) +
                                   ">, not <Document>");
}

Result<CamtPart> CamtDocument::whole_element(const XmlToken& start, CamtPart::Kind kind) {
  pass_to(start.begin);
  part_offset_ = start.begin;
  part_position_ = position_;
  const std::string local = local_name_of(start);
  std::uint64_t end = start.end;
  if (start.kind == XmlToken::Kind::start_tag) {
    int depth = 1;
    while (depth > 0) {
      Result<XmlToken> token = tokens_.next();
      if (!token) return token_error(token.error());
      switch (token->kind) {
        case XmlToken::Kind::start_tag:
          ++depth;
          break;
        case XmlToken::Kind::end_tag:
          --depth;
          break;
        case XmlToken::Kind::doctype:
          return error_at(token->begin, "<!DOCTYPE inside an element");
        case XmlToken::Kind::end_of_document:
          if (!window_.status()) return Error{window_.status().message()};
          return error_at(start.begin, "<" + shown(local) +
                                           "> is not closed: the document ends inside it "
                                           "(truncated?)");
        default:
          break;
      }
      end = token->end;
    }
  }
  CamtPart part;
  part.kind = kind;
  part.offset = start.begin;
  part.position = part_position_;
  part.text =
      std::string_view(window_.at(start.begin), static_cast<std::size_t>(end - start.begin));
  part.local_name = local_part(tokens_.tag_name(start));
  return part;
}

Status CamtDocument::epilogue_text(const XmlToken& token) {
  const std::string_view text = text_of(token);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const std::uint64_t at = token.begin + first;
  if (!is_control_junk(text.substr(first))) {
    return error_at(at, "text after the end of the camt document");
  }
  if (!trailing_bytes_warned_) {
    trailing_bytes_warned_ = true;
    warnings_.push_back(FrameWarning{position_at(at).line(), std::string(warning::kTrailingData),
                                     "control bytes after the end of the document are ignored"});
  }
  return {};
}

Result<CamtPart> CamtDocument::next() {
  pass_to(tokens_.position());
  if (pending_end_) {
    pending_end_ = false;
    CamtPart part;
    part.kind = CamtPart::Kind::statement_end;
    part.local_name = message_.record;
    return part;
  }
  while (true) {
    Result<XmlToken> next_token = tokens_.next();
    if (!next_token) return token_error(next_token.error());
    const XmlToken token = *next_token;
    using Kind = XmlToken::Kind;

    if (token.kind == Kind::end_of_document) {
      if (!window_.status()) return Error{window_.status().message()};
      switch (state_) {
        case State::prolog:
          return Error{token.begin == 0 ? std::string("empty document: not a camt file")
                                        : error_at(token.begin, "no root element").message};
        case State::epilogue:
        case State::done:
          state_ = State::done;
          return CamtPart{};
        default:
          return error_at(token.begin,
                          "the document ends before its elements are closed (truncated?)");
      }
    }
    if (token.kind == Kind::doctype) {
      return error_at(token.begin,
                      "<!DOCTYPE refused: camt files have none, and a DTD can define entities "
                      "that expand without bound");
    }
    if (token.kind == Kind::comment) continue;
    if (token.kind == Kind::processing_instruction) {
      const bool declaration = state_ == State::prolog && token.begin <= 3 &&
                               text_of(token).starts_with("<?xml") && text_of(token).size() > 5 &&
                               is_space(text_of(token)[5]);
      if (declaration) {
        if (Status read = read_declaration(token); !read) return read.error();
      }
      continue;
    }

    switch (state_) {
      case State::prolog:
        if (token.kind == Kind::text) {
          std::string_view text = text_of(token);
          if (token.begin == 0 && (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))) {
            return Error{"1:1: UTF-16 is not supported: camt files are UTF-8"};
          }
          if (token.begin == 0 && text.starts_with("\xEF\xBB\xBF")) {
            text.remove_prefix(3);
            pass_to(3);
            position_ = TextPosition(encoding_ == TextEncoding::utf8);
          }
          if (!all_space(text)) {
            return error_at(token.begin, "not XML: text before the first element");
          }
          continue;
        }
        if (token.kind == Kind::start_tag || token.kind == Kind::empty_element) {
          if (Status opened = open_root(token); !opened) return opened.error();
          if (token.kind == Kind::empty_element) {
            return error_at(token.begin,
                            "<" + shown(root_tag_) + "/> is empty: no camt message in it");
          }
          continue;
        }
        return error_at(token.begin, "not XML: no element before this");

      case State::document:
        if (token.kind == Kind::start_tag || token.kind == Kind::empty_element) {
          if (Status opened = open_message(token); !opened) return opened.error();
          if (token.kind == Kind::empty_element) {
            return error_at(token.begin, "<" + shown(message_tag_) + "/> holds no " +
                                             std::string(message_.record) + ": nothing to read");
          }
          continue;
        }
        if (token.kind == Kind::end_tag) {
          return error_at(token.begin, "<" + shown(root_tag_) + "> holds no camt message element");
        }
        continue;

      case State::message:
        if (token.kind == Kind::start_tag || token.kind == Kind::empty_element) {
          const std::string local = local_name_of(token);
          if (local == "GrpHdr") return whole_element(token, CamtPart::Kind::group_header);
          if (local == message_.record) {
            ++statements_;
            pass_to(token.begin);
            statement_tag_ = std::string(tokens_.tag_name(token));
            CamtPart part;
            part.kind = CamtPart::Kind::statement_begin;
            part.offset = token.begin;
            part.position = position_;
            part.local_name = message_.record;
            // <Stmt/> begins and ends at once: its end comes with the next call.
            state_ = token.kind == Kind::empty_element ? State::message : State::statement;
            if (token.kind == Kind::empty_element) pending_end_ = true;
            return part;
          }
          // Anything else the message holds (SplmtryData) is passed over whole.
          if (Result<CamtPart> skipped = whole_element(token, CamtPart::Kind::group_header);
              !skipped) {
            return skipped.error();
          }
          continue;
        }
        if (token.kind == Kind::end_tag) {
          if (Status closed = check_end_tag(token, message_tag_); !closed) return closed.error();
          if (statements_ == 0) {
            return error_at(token.begin, "<" + shown(message_tag_) + "> holds no " +
                                             std::string(message_.record) + ": nothing to read");
          }
          state_ = local_part(root_tag_) == "Document" ? State::after_message : State::epilogue;
        }
        continue;

      case State::statement:
        if (token.kind == Kind::start_tag || token.kind == Kind::empty_element) {
          return whole_element(token, CamtPart::Kind::statement_child);
        }
        if (token.kind == Kind::end_tag) {
          if (Status closed = check_end_tag(token, statement_tag_); !closed) return closed.error();
          state_ = State::message;
          CamtPart part;
          part.kind = CamtPart::Kind::statement_end;
          part.offset = token.begin;
          part.local_name = message_.record;
          return part;
        }
        continue;

      case State::after_message:
        if (token.kind == Kind::end_tag) {
          if (Status closed = check_end_tag(token, root_tag_); !closed) return closed.error();
          state_ = State::epilogue;
          continue;
        }
        if (token.kind == Kind::text) continue;
        return error_at(token.begin, "<" + shown(root_tag_) + "> holds more than one camt message");

      case State::epilogue:
        if (token.kind == Kind::text) {
          if (Status text = epilogue_text(token); !text) return text.error();
          continue;
        }
        return error_at(token.begin, "content after the end of the camt document");

      case State::done:
        return CamtPart{};
    }
  }
}

}  // namespace kontor::plugins::camt
