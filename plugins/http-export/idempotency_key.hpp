// The Idempotency-Key a batch is POSTed with: "<prefix>-<batch>", where <batch> is the batch id
// as it stands in file names (batch_file_name.hpp: itself when it is plain, else made plain with a
// SHA-256 suffix, so two batches never share a key) and <prefix> tells installations and
// instances apart — batch ids count per export target ("datev-out-000001"), so two Kontors, or a
// store made anew, would repeat them, and a server that already has a key answers that it has
// the batch. The key is fixed when the batch is staged and kept beside its body, so every retry
// and every process after a crash sends the same one.
#pragma once

#include <string>
#include <string_view>

#include "kontor/result.hpp"
#include "kontor/sdk/host.hpp"

namespace kontor::plugins::http_export {

// Why `prefix` cannot start keys (empty, longer than 64, other than A–Z a–z 0–9 . _ : -), or "".
std::string key_prefix_problem(std::string_view prefix);

// "<prefix>-<batch>".
std::string idempotency_key(std::string_view prefix, std::string_view batch_id);

// The prefix of an instance without key_prefix: "kontor-" and 16 random hex digits, made on
// first use and kept in the instance's state ("key_prefix"), which lives in the store and so
// survives restarts; a store made anew makes a new one, as it restarts the batch ids.
Result<std::string> instance_key_prefix(const sdk::Host& host);

}  // namespace kontor::plugins::http_export
