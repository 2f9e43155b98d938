#include "xml_tokens.hpp"

#include <cstring>

namespace kontor::plugins::camt {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

Error broken(std::string message, std::uint64_t at) {
  return Error{std::move(message), static_cast<std::int64_t>(at)};
}

}  // namespace

std::uint64_t XmlTokenizer::find(std::string_view needle, std::uint64_t from) {
  while (true) {
    if (from < window_.end()) {
      const std::string_view held(window_.at(from), static_cast<std::size_t>(window_.end() - from));
      const std::size_t hit = needle.size() == 1 ? held.find(needle[0]) : held.find(needle);
      if (hit != std::string_view::npos) return from + hit;
      // A needle cut at the end of the window is found again after the next read.
      if (held.size() >= needle.size()) from = window_.end() - (needle.size() - 1);
    }
    if (!window_.ensure(window_.end() + 1)) return kNotFound;
  }
}

bool XmlTokenizer::starts_with(std::uint64_t at, std::string_view text) {
  return window_.ensure(at + text.size()) &&
         std::memcmp(window_.at(at), text.data(), text.size()) == 0;
}

std::string_view XmlTokenizer::tag_name(const XmlToken& token) const {
  std::uint64_t from = token.begin + (token.kind == XmlToken::Kind::end_tag ? 2 : 1);
  std::uint64_t to = from;
  while (to < token.end) {
    const char c = *window_.at(to);
    if (is_space(c) || c == '/' || c == '>') break;
    ++to;
  }
  return {window_.at(from), static_cast<std::size_t>(to - from)};
}

Result<XmlToken> XmlTokenizer::next() {
  const std::uint64_t begin = position_;
  if (!window_.ensure(begin + 1)) return XmlToken{XmlToken::Kind::end_of_document, begin, begin};

  if (*window_.at(begin) != '<') {
    std::uint64_t end = find("<", begin + 1);
    if (end == kNotFound) end = window_.end();
    position_ = end;
    return XmlToken{XmlToken::Kind::text, begin, end};
  }

  auto until = [&](XmlToken::Kind kind, std::uint64_t body, std::string_view terminator,
                   const char* what) -> Result<XmlToken> {
    const std::uint64_t at = find(terminator, body);
    if (at == kNotFound) return broken(std::string(what) + " is not closed", begin);
    position_ = at + terminator.size();
    return XmlToken{kind, begin, position_};
  };

  const char second = window_.ensure(begin + 2) ? *window_.at(begin + 1) : '\0';
  if (second == '?') {
    return until(XmlToken::Kind::processing_instruction, begin + 2, "?>",
                 "processing instruction <?");
  }
  if (second == '!') {
    if (starts_with(begin, "<!--")) {
      return until(XmlToken::Kind::comment, begin + 4, "-->", "comment <!--");
    }
    if (starts_with(begin, "<![CDATA[")) {
      return until(XmlToken::Kind::cdata, begin + 9, "]]>", "CDATA section");
    }
    if (starts_with(begin, "<!DOCTYPE")) {
      position_ = begin + 9;
      return XmlToken{XmlToken::Kind::doctype, begin, position_};
    }
    return broken("'<!' starts neither a comment nor a CDATA section", begin);
  }
  if (second == '/') {
    const std::uint64_t at = find(">", begin + 2);
    if (at == kNotFound) return broken("end tag '</' is not closed with '>'", begin);
    position_ = at + 1;
    XmlToken token{XmlToken::Kind::end_tag, begin, position_};
    if (tag_name(token).empty()) return broken("end tag without a name", begin);
    return token;
  }
  return tag(begin);
}

Result<XmlToken> XmlTokenizer::tag(std::uint64_t begin) {
  // '>' inside a quoted attribute value does not end the tag.
  char quote = 0;
  for (std::uint64_t at = begin + 1;; ++at) {
    if (!window_.ensure(at + 1)) {
      return broken(quote ? "attribute value of a tag is not closed" : "tag is not closed with '>'",
                    begin);
    }
    const char c = *window_.at(at);
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '<') {
      return broken("'<' inside a tag", begin);
    } else if (c == '>') {
      position_ = at + 1;
      const bool empty = *window_.at(at - 1) == '/' && at - 1 > begin;
      XmlToken token{empty ? XmlToken::Kind::empty_element : XmlToken::Kind::start_tag, begin,
                     position_};
      if (tag_name(token).empty()) return broken("'<' not followed by an element name", begin);
      return token;
    }
  }
}

}  // namespace kontor::plugins::camt
