// An export batch as one JSON document — the body json-export writes to a file and http-export
// posts to an endpoint, so that a consumer reads the same fields from either (README.md).
//
//   {"format": "kontor-export-batch", "version": 1, "batch": "json-out-000001",
//    "period": {"from": "2026-11-01", "to": "2026-11-30"},          // null when none
//    "bookings": [{"id": 7, "date": "2026-11-03", "document": "RE-2026-0001",
//                  "text": "Zahlung RE-2026-0001", "reverses": null,   // or the reversed id
//                  "facts": "none", "due_date": null,                 // dunning_fee/_interest
//                  "lines": [{"account": "10001", "side": "credit", "amount": "119.00",
//                             "currency": "EUR", "tax_key": ""}, ...]}, ...],
//    "debtors": [{"account": "10001", "number": "K-10001", "name": "…", "kind": "b2b",
//                 "email": "…", "street": "…", "postcode": "…", "city": "…",
//                 "country": "DE"}, ...]}
//
// Amounts are decimal strings with every minor digit ("119.00", "-5.00" never occurs: a line's
// side says debit or credit and its amount is positive), never JSON numbers: a reader that
// parses numbers as binary floating point would lose cents. Field order is fixed. The text is
// UTF-8; control characters in texts are escaped by the JSON writer, never dropped.
#pragma once

#include <string>

#include "kontor/sdk/values.hpp"

namespace kontor::plugins {

inline constexpr int kBatchJsonVersion = 1;

// The document above, with a final newline. `indent` < 0 writes it on one line.
std::string batch_json(const sdk::ExportBatch& batch, int indent = -1);

}  // namespace kontor::plugins
