// Text from a file, made fit for a one-line message in a log, an error file or a JSON answer:
// whatever the file held, a message stays one line of valid UTF-8 of bounded length.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kontor::plugins::open_items {

// `text` with control characters escaped (a line break as \n, others as \x01) and bytes that
// are not well-formed UTF-8 escaped as \xC6; cut after about `max_bytes` bytes, between two
// characters, with "...".
std::string for_message(std::string_view text, std::size_t max_bytes = 300);

}  // namespace kontor::plugins::open_items
