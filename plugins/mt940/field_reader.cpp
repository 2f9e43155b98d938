#include "field_reader.hpp"

#include <algorithm>
#include <cstring>

namespace kontor::plugins::mt940 {
namespace {

constexpr std::string_view kSwedishOpen = "\xC3\xA4";   // ä for {
constexpr std::string_view kSwedishClose = "\xC3\xA5";  // å for }

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

std::string_view trim_right(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The tags of MT940 and MT942 (any letter option), and the German FinTS :NS:.
bool is_known_tag(std::string_view tag) {
  if (tag.size() < 2) return false;
  if (tag[0] == 'N') return tag[1] == 'S';
  switch ((tag[0] - '0') * 10 + (tag[1] - '0')) {
    case 13:
    case 20:
    case 21:
    case 25:
    case 28:
    case 34:
    case 60:
    case 61:
    case 62:
    case 64:
    case 65:
    case 86:
    case 90:
      return true;
    default:
      return false;
  }
}

struct TagLine {
  bool is_tag = false;
  std::string_view tag;
  std::string_view rest;
};

// "20:..." (the leading colon already consumed): two digits or NS, an optional capital letter,
// a colon.
TagLine tag_body(std::string_view text) {
  TagLine result;
  if (text.size() < 3) return result;
  const bool digits = is_digit(text[0]) && is_digit(text[1]);
  const bool ns = text[0] == 'N' && text[1] == 'S';
  if (!digits && !ns) return result;
  std::size_t length = 2;
  if (is_upper(text[2])) ++length;
  if (text.size() <= length || text[length] != ':') return result;
  result.is_tag = true;
  result.tag = text.substr(0, length);
  result.rest = text.substr(length + 1);
  return result;
}

TagLine tag_line(std::string_view text) {
  if (text.empty() || text[0] != ':') return {};
  return tag_body(text.substr(1));
}

bool starts_with_open(std::string_view text, std::size_t& length) {
  if (text.starts_with("{")) {
    length = 1;
    return true;
  }
  if (text.starts_with(kSwedishOpen)) {
    length = kSwedishOpen.size();
    return true;
  }
  return false;
}

}  // namespace

std::size_t FieldReader::next_at_or_after(std::size_t known, std::size_t from, char c) const {
  if (known != kNotSearched && known >= from) return known;
  const void* found = std::memchr(text_.data() + from, c, text_.size() - from);
  return found == nullptr ? text_.size() : static_cast<const char*>(found) - text_.data();
}

bool FieldReader::read_physical(std::string_view& line) {
  if (offset_ >= text_.size()) return false;
  const std::size_t start = offset_;
  // The line ends at the next LF or CR, each found once by memchr and remembered.
  next_lf_ = next_at_or_after(next_lf_, start, '\n');
  next_cr_ = next_at_or_after(next_cr_, start, '\r');
  const std::size_t end = std::min(next_lf_, next_cr_);
  line = text_.substr(start, end - start);
  offset_ = end;
  if (offset_ < text_.size()) {
    if (text_[offset_] == '\r' && offset_ + 1 < text_.size() && text_[offset_ + 1] == '\n') {
      offset_ += 2;
    } else {
      offset_ += 1;
    }
  }
  ++line_number_;
  return true;
}

// Removes envelope blocks and the envelope's message end from the start of a line.
std::string_view FieldReader::strip_envelope(std::string_view text, bool& message_end) {
  while (true) {
    if (header_depth_ > 0) {
      std::size_t i = 0;
      while (i < text.size() && header_depth_ > 0) {
        if (text.substr(i).starts_with(kSwedishClose)) {
          --header_depth_;
          i += kSwedishClose.size();
        } else if (text.substr(i).starts_with(kSwedishOpen)) {
          ++header_depth_;
          i += kSwedishOpen.size();
        } else {
          header_depth_ += text[i] == '{' ? 1 : text[i] == '}' ? -1 : 0;
          ++i;
        }
      }
      text.remove_prefix(i);
      if (header_depth_ > 0) return {};
      continue;
    }
    std::size_t open = 0;
    if (starts_with_open(text, open) && text.size() >= open + 2 && is_digit(text[open]) &&
        text[open + 1] == ':') {
      const char block = text[open];
      text.remove_prefix(open + 2);
      if (block == '4') continue;  // the message text follows
      if (block == '2' && text.size() >= 4 && is_digit(text[1]) && is_digit(text[2]) &&
          is_digit(text[3])) {
        message_type_ = (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
      }
      header_depth_ = 1;
      continue;
    }
    if (text.starts_with("-}")) {
      message_end = true;
      message_type_ = 0;
      text.remove_prefix(2);
      continue;
    }
    if (text.starts_with("-") && text.substr(1).starts_with(kSwedishClose)) {
      message_end = true;
      message_type_ = 0;
      text.remove_prefix(1 + kSwedishClose.size());
      continue;
    }
    return text;
  }
}

// The next line that is not blank, with the envelope removed. A line that is only ":" joins the
// tag on the next line (Sparkasse writes ":" and "86:..." on two lines).
bool FieldReader::next_line(Line& line) {
  std::string_view physical;
  while (read_physical(physical)) {
    line = Line{};
    line.number = line_number_;
    line.text = strip_envelope(physical, line.message_end);
    const std::string_view trimmed = trim_right(line.text);
    if (trimmed == "-") {
      line.message_end = true;
      line.text = {};
      message_type_ = 0;
    }
    if (trimmed == ":") {
      const std::size_t offset = offset_;
      const std::int64_t number = line_number_;
      std::string_view following;
      if (read_physical(following) && tag_body(following).is_tag &&
          is_known_tag(tag_body(following).tag)) {
        line.text = following;
        line.number = line_number_;
        line.split_tag = true;
        return true;
      }
      offset_ = offset;
      line_number_ = number;
    }
    if (line.message_end || !trimmed.empty()) return true;
  }
  return false;
}

void FieldReader::start_field(std::string_view tag, bool known, std::string_view rest,
                              std::int64_t number) {
  field_.tag = tag;
  field_.known = known;
  field_.line = number;
  field_.message_type = message_type_;
  field_.lines.clear();
  field_.line_numbers.clear();
  field_.swallowed.clear();
  field_.lines.push_back(rest);
  field_.line_numbers.push_back(number);
}

FieldReader::Event FieldReader::next() {
  Line line;
  // Find the line that starts a field, skipping preambles and stray text between messages.
  while (true) {
    if (have_pending_) {
      line = pending_;
      have_pending_ = false;
    } else if (!next_line(line)) {
      return Event::end;
    }
    if (line.message_end) {
      line.message_end = false;
      if (!trim_right(line.text).empty()) {
        pending_ = line;
        have_pending_ = true;
      }
      return Event::message_end;
    }
    const TagLine tag = line.split_tag ? tag_body(line.text) : tag_line(line.text);
    if (tag.is_tag) {
      start_field(tag.tag, is_known_tag(tag.tag), tag.rest, line.number);
      break;
    }
  }

  const bool details = field_.tag == "86";
  while (next_line(line)) {
    if (line.message_end) {
      pending_ = line;
      have_pending_ = true;
      break;
    }
    const TagLine tag = line.split_tag ? tag_body(line.text) : tag_line(line.text);
    if (tag.is_tag && (is_known_tag(tag.tag) || !details)) {
      pending_ = line;
      have_pending_ = true;
      break;
    }
    if (tag.is_tag) field_.swallowed.push_back(SwallowedTag{.line = line.number, .tag = tag.tag});
    field_.lines.push_back(line.text);
    field_.line_numbers.push_back(line.number);
  }
  return Event::field;
}

}  // namespace kontor::plugins::mt940
