// Texts from outside (an ERP's names, a bank's purposes) in the files an exporter writes: UTF-8
// as the formats promise, every byte that is not part of well-formed UTF-8 replaced by U+FFFD —
// so the file stays readable (hledger refuses a file with one invalid byte) and the replacement
// shows where the source was wrong.
#pragma once

#include <string>
#include <string_view>

namespace kontor::plugins {

// `text` with every byte outside a well-formed UTF-8 sequence (Unicode table 3-7: no overlong
// forms, no surrogates, nothing above U+10FFFF, nothing cut short) replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

}  // namespace kontor::plugins
