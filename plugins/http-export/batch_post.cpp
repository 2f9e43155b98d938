#include "batch_post.hpp"

#include <algorithm>
#include <optional>
#include <thread>

#include "http_answer.hpp"

namespace kontor::plugins::http_export {
using sdk::Status;

namespace {

// What is kept of a response body: enough for a message, never a server's whole error page.
constexpr std::size_t kKeptBodyBytes = 4096;
constexpr std::chrono::milliseconds kWaitSlice{50};

// One attempt's answer, as a message says it.
struct Attempt {
  Status transport;  // not ok: no answer (connection, TLS, timeout)
  int code = 0;
  std::string body;
  std::optional<std::chrono::seconds> retry_after;
};

Attempt post_once(const sdk::Host& host, const sdk::TransferRequest& request) {
  Attempt attempt;
  sdk::TransferResponse response;
  attempt.transport = host.transfer(
      request,
      [&](std::span<const std::uint8_t> chunk) {
        const std::size_t room = kKeptBodyBytes - std::min(kKeptBodyBytes, attempt.body.size());
        attempt.body.append(reinterpret_cast<const char*>(chunk.data()),
                            std::min(room, chunk.size()));
        return Status::ok();
      },
      response);
  attempt.code = response.code;
  if (auto value = response.header("Retry-After"))
    attempt.retry_after = retry_after_seconds(*value);
  return attempt;
}

// False when the run was stopped while waiting.
bool wait_unless_cancelled(const sdk::Host& host, std::chrono::milliseconds wait) {
  const auto end = std::chrono::steady_clock::now() + wait;
  while (!host.cancelled()) {
    const auto left = end - std::chrono::steady_clock::now();
    if (left <= std::chrono::steady_clock::duration::zero()) return true;
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(left, kWaitSlice));
  }
  return false;
}

std::string answered(int code, const std::string& body) {
  const std::string excerpt = body_excerpt(body);
  return "answered " + std::to_string(code) + (excerpt.empty() ? "" : ": " + excerpt);
}

}  // namespace

Status post_batch(const sdk::Host& host, const HttpExportSettings& settings,
                  const sdk::HttpLogin& login, const BatchPost& post, bool& before) {
  sdk::TransferRequest request;
  request.url = settings.url;
  request.method = "POST";
  request.headers = {"Content-Type: application/json", "Accept: application/json",
                     "Idempotency-Key: " + post.key};
  request.body = post.body;
  request.ca_file = settings.ca_file;
  request.timeout = settings.timeout;
  // The secret is read for this publish only and never enters a message.
  if (Status ready = login.apply(host, request); !ready) return ready;

  const std::string what = "batch " + post.batch_id + ": POST " + sdk::shown_url(settings.url);
  std::string last;
  for (int attempt = 1; attempt <= settings.attempts; ++attempt) {
    if (host.cancelled()) return Status::cancelled();
    const Attempt answer = post_once(host, request);
    if (!answer.transport) {
      // Only a transport error that waiting can cure is tried again: an unverifiable
      // certificate stays unverifiable.
      if (answer.transport.code() != sdk::Code::kRetry) {
        return Status::from_code(static_cast<kontor_status>(answer.transport.code()),
                                 what + ": " + answer.transport.message());
      }
      last = answer.transport.message();
    } else {
      switch (verdict_of(answer.code)) {
        case Verdict::kPublished:
          before = false;
          return Status::ok();
        case Verdict::kPublishedBefore:
          before = true;
          return Status::ok();
        case Verdict::kRefused:
          return Status::failed(what + " " + answered(answer.code, answer.body) +
                                (answer.code == 401 || answer.code == 403
                                     ? " (the server refused the credentials)"
                                     : ""));
        case Verdict::kTryAgain:
          last = answered(answer.code, answer.body);
          break;
      }
    }
    if (attempt == settings.attempts) break;
    const auto wait =
        wait_before_next(attempt, settings.backoff, settings.max_wait, answer.retry_after);
    host.warn(what + " attempt " + std::to_string(attempt) + " of " +
              std::to_string(settings.attempts) + " " + last + "; again in " +
              shown_duration(wait) + (answer.retry_after ? " (Retry-After)" : ""));
    if (!wait_unless_cancelled(host, wait)) return Status::cancelled();
  }
  return Status::retry(what + " failed " + std::to_string(settings.attempts) +
                       " attempt(s), last " + last +
                       "; the batch stays staged and the next export run posts it again with "
                       "the same Idempotency-Key");
}

}  // namespace kontor::plugins::http_export
