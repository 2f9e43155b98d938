#include "part_context.hpp"

#include "clean_text.hpp"
#include "warning_codes.hpp"
#include "xml_fragment.hpp"

namespace kontor::plugins::camt {

TextPosition PartContext::position_of(pugi::xml_node node) {
  const std::ptrdiff_t name_offset = node ? node.offset_debug() : -1;
  // offset_debug() points at the element's name; its '<' is one before.
  const std::uint64_t offset =
      part_offset_ +
      (name_offset > 0 ? fragment_.original_offset(static_cast<std::size_t>(name_offset - 1)) : 0);
  if (known_ && offset >= known_offset_) {
    known_position_ = document_.position_after(known_position_, known_offset_, offset);
  } else {
    known_position_ = document_.position_in_part(offset);
  }
  known_offset_ = offset;
  known_ = true;
  return known_position_;
}

std::string PartContext::text(pugi::xml_node node) {
  CleanText clean = clean_text(raw_text(node));
  if (clean.dropped_control && !control_reported_) {
    control_reported_ = true;
    warn(node, warning::kControlCharacter,
         "control characters in the text of <" + shown(local_name(node)) + "> are dropped");
  }
  if (clean.replaced_invalid && !invalid_reported_) {
    invalid_reported_ = true;
    warn(node, warning::kInvalidEncoding,
         "bytes that are not UTF-8 in <" + shown(local_name(node)) + "> are replaced by U+FFFD");
  }
  return std::move(clean.text);
}

}  // namespace kontor::plugins::camt
