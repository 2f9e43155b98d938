// XmlTokenizer: cuts the bytes of a ByteWindow into XML's lexical pieces — tags, text,
// comments, CDATA, processing instructions, declarations — without building a tree.
//
// It is the streaming half of the camt reader: it finds where each element of interest begins
// and ends, so that pugixml parses one element at a time instead of the whole file. It checks
// only what it needs to find those places (tags closed, quotes matched, comments ended); the
// content of an element is checked by pugixml when the element is parsed.
#pragma once

#include <cstdint>
#include <string_view>

#include "byte_window.hpp"
#include "kontor/result.hpp"

namespace kontor::plugins::camt {

struct XmlToken {
  enum class Kind {
    text,
    start_tag,      // <Name ...>
    end_tag,        // </Name>
    empty_element,  // <Name .../>
    comment,
    cdata,
    processing_instruction,  // <?...?>, the XML declaration included
    doctype,                 // <!DOCTYPE: refused by the caller, so no end is searched
    end_of_document,
  };
  Kind kind = Kind::end_of_document;
  std::uint64_t begin = 0;  // absolute offsets: [begin, end)
  std::uint64_t end = 0;
};

class XmlTokenizer {
 public:
  explicit XmlTokenizer(ByteWindow& window) : window_(window) {}

  // The next token. An error's position is the absolute offset where the broken token starts;
  // a failure of the window (read error, size limit) ends the document, see window.status().
  Result<XmlToken> next();

  // The qualified name of a tag token (start, end, empty), as written: "Ntry", "ns2:Ntry".
  // Valid until the window reads more.
  std::string_view tag_name(const XmlToken& token) const;

  std::uint64_t position() const { return position_; }

 private:
  // Offset of the first `needle` at or after `from`, reading on as needed; npos when the
  // document ends first.
  std::uint64_t find(std::string_view needle, std::uint64_t from);
  bool starts_with(std::uint64_t at, std::string_view text);
  Result<XmlToken> tag(std::uint64_t begin);

  ByteWindow& window_;
  std::uint64_t position_ = 0;
};

inline constexpr std::uint64_t kNotFound = ~std::uint64_t{0};

}  // namespace kontor::plugins::camt
