// How sure the mt940 parser is that a document is an MT940/MT942 file, from its first bytes:
// the first tag line (after byte order mark, SOH, envelope blocks and bank preamble lines) is
// :20: and more statement tags follow — high; :20: alone — medium; a snippet starting with
// another tag — low; XML, CSV, anything else — 0.
#pragma once

#include <cstdint>
#include <span>

namespace kontor::plugins::mt940 {

int probe_mt940(std::span<const std::uint8_t> prefix);

}  // namespace kontor::plugins::mt940
