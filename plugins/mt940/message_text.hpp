// Text from a bank file quoted in a message: messages must be valid UTF-8 whatever the file held,
// and a value cut at a byte count (the 6 bytes of a date) may end inside a character.
#pragma once

#include <string>
#include <string_view>

namespace kontor::plugins::mt940 {

// `text` in single quotes, every byte that is not part of well-formed UTF-8 as U+FFFD.
std::string quoted(std::string_view text);

// The character (all its bytes) that starts at text[at], or an empty view at the end.
std::string_view character_at(std::string_view text, std::size_t at);

}  // namespace kontor::plugins::mt940
