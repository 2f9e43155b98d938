// One publish's POSTs of a staged batch: the body with its Idempotency-Key, through the host's
// transfer service (one TLS and timeout policy; the plugin links no HTTP library), tried up to
// `attempts` times with a growing wait between (http_answer.hpp). Every attempt carries the same
// key and body, so an endpoint that took an earlier one (its answer lost to a timeout) knows it.
//
// Waiting between attempts is a plain sleep in short slices that watches host.cancelled(): the
// host runs one call per instance on a blocking thread (DESIGN.md §5), and a run that is stopped
// must not wait out the backoff.
#pragma once

#include <string>

#include "http_export_settings.hpp"
#include "kontor/sdk/host.hpp"
#include "kontor/sdk/http_login.hpp"
#include "kontor/sdk/status.hpp"

namespace kontor::plugins::http_export {

struct BatchPost {
  std::string batch_id;
  std::string body;  // the batch's JSON document
  std::string key;   // its Idempotency-Key
};

// ok: the endpoint has the batch — `before` true when it said so with 409 (a key it knew).
// retry: it could not take it in any attempt (408, 429, 5xx, no connection, timeout); the last
// answer is in the message. failed: it refused the batch (any other status: code and the start of
// its answer), or the transfer cannot work (certificate, malformed URL, a secret the host cannot
// read). cancelled: the run was stopped.
sdk::Status post_batch(const sdk::Host& host, const HttpExportSettings& settings,
                       const sdk::HttpLogin& login, const BatchPost& post, bool& before);

}  // namespace kontor::plugins::http_export
