// Probing: how sure the open-items parser is that it can read a document, from its first bytes.
#pragma once

#include <cstdint>
#include <span>

#include "parser_options.hpp"

namespace kontor::plugins::open_items {

// 0..100 for a document starting with `prefix` (a byte order mark and the encoding are taken
// into account):
// - 80 when its first line is a CSV header (in the configured delimiter) or its first line a
//   JSON object naming every required field (invoice_no, customer_no, customer_name, amount,
//   due_date, or their configured names);
// - 60 when the CSV header names invoice_no and amount, or the first object has invoice_no
//   (also when the prefix ends inside that object);
// - 0 otherwise: XML, MT940 (":20:"), a header of other names, binary data.
int probe_open_items(std::span<const std::uint8_t> prefix, const ParserOptions& options);

}  // namespace kontor::plugins::open_items
