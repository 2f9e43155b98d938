// FieldReader: cuts the UTF-8 text of an MT940/MT942 file into its tagged fields (":61:..." with
// its continuation lines) and message ends, whatever framing the bank wrapped around them.
//
// What it takes care of, so that the statement builder sees only fields:
// - line ends CR LF, LF or CR, a missing final line end, blank lines (skipped everywhere);
// - the SWIFT envelope {1:...}{2:...}{3:{108:...}}{4: ... -}{5:...}, on one line or split over
//   several, and its Swedish 7-bit national variant "ä4:" ... "-å" (ISO 646-SE writes { and } as
//   ä and å); block 2 tells the message type (940, 942);
// - the "-" line (or "-}") that ends a message; a line that merely starts with "-" is data;
// - bank preambles before the first tag (ABNANL2A / 940 / ABNANL2A, ":940:", "0000 01INGB...");
//   they are not fields and are dropped;
// - a tag split from its line (Sparkasse: ":" alone, then "86:...");
// - lines inside :86: that look like tags but are no MT940 tag (":26:37 Folgenr.", ":12:11",
//   ":KO:NR:", ":08 Karten"): continuation lines of the :86:, the unknown ones recorded so that a
//   warning can name them. Outside :86: an unknown tag is a field of its own, marked unknown.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace kontor::plugins::mt940 {

struct SwallowedTag {
  std::int64_t line = 0;
  std::string_view tag;
};

struct Field {
  std::string_view tag;  // "20", "28C", "60F", "61", "86", "NS" ... as written
  bool known = true;     // one of MT940's or MT942's tags (or the German :NS:)
  std::int64_t line = 0;
  int message_type = 0;  // of the envelope around the field (940, 942), 0 without envelope
  std::vector<std::string_view> lines;  // the text after the tag, then each continuation line
  std::vector<std::int64_t> line_numbers;
  std::vector<SwallowedTag> swallowed;  // tag-like continuation lines of a :86:
};

class FieldReader {
 public:
  enum class Event { field, message_end, end };

  explicit FieldReader(std::string_view text) : text_(text) {}

  // The next field (then field() holds it until the next call), message end, or end of text.
  Event next();
  const Field& field() const { return field_; }
  // Physical lines read so far.
  std::int64_t lines_read() const { return line_number_; }

 private:
  struct Line {
    std::string_view text;
    std::int64_t number = 0;
    bool message_end = false;  // the line ended a message ("-", "-}" ...) before its text
    bool split_tag = false;    // the tag's colon stood alone on the line before
  };
  static constexpr std::size_t kNotSearched = static_cast<std::size_t>(-1);
  std::size_t next_at_or_after(std::size_t known, std::size_t from, char c) const;
  bool read_physical(std::string_view& line);
  bool next_line(Line& line);
  std::string_view strip_envelope(std::string_view text, bool& message_end);
  void start_field(std::string_view tag, bool known, std::string_view rest, std::int64_t number);

  std::string_view text_;
  std::size_t offset_ = 0;
  std::size_t next_lf_ = kNotSearched;  // where the next LF (CR) is, once searched for
  std::size_t next_cr_ = kNotSearched;
  std::int64_t line_number_ = 0;
  int header_depth_ = 0;  // inside an envelope block that continues on the next line
  int message_type_ = 0;

  Field field_;
  bool have_pending_ = false;  // a line read ahead that starts the next field
  Line pending_;
};

}  // namespace kontor::plugins::mt940
