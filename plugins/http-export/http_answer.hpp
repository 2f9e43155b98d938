// What an endpoint's answer to a batch's POST means for the batch, and how long to wait before
// asking again — pure functions, so the rules are tested without a server.
//
//   2xx                    published
//   409 Conflict           published before: the server has this Idempotency-Key (README.md)
//   408, 429, 5xx          try again: the server cannot take it now
//   any other (1xx, 3xx, 4xx)  refused: sending the same body again cannot help
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kontor::plugins::http_export {

enum class Verdict { kPublished, kPublishedBefore, kTryAgain, kRefused };

Verdict verdict_of(int http_status);

// A Retry-After of delta-seconds ("120"); nothing for an HTTP date or anything else, which then
// leaves the wait to the backoff.
std::optional<std::chrono::seconds> retry_after_seconds(std::string_view value);

// The wait after the `failed_attempts`-th failed attempt (1, 2, ...): `backoff` doubled for each
// attempt after the first, or the server's Retry-After when it gave one — either at most
// `max_wait`.
std::chrono::milliseconds wait_before_next(int failed_attempts, std::chrono::milliseconds backoff,
                                           std::chrono::milliseconds max_wait,
                                           std::optional<std::chrono::seconds> retry_after);

// At most 200 bytes of a response body for a message: control characters (line breaks) become
// blanks, and a cut says so with "…".
std::string body_excerpt(std::string_view body);

// "2s", "1500ms": a wait as the log shows it.
std::string shown_duration(std::chrono::milliseconds duration);

}  // namespace kontor::plugins::http_export
