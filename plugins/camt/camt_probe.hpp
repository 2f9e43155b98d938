// probe_camt: how sure the camt parser is that a document starting with `prefix` is one of its
// own — 95 for XML whose text names a camt.052/053/054 namespace, 60 for XML with a camt
// message element but no such namespace (read, so that the error says why it cannot be), 0 for
// anything else (other ISO 20022 messages such as pain.001 included).
#pragma once

#include <cstdint>
#include <span>

namespace kontor::plugins::camt {

int probe_camt(std::span<const std::uint8_t> prefix);

}  // namespace kontor::plugins::camt
