#include "http_answer.hpp"

#include <algorithm>

namespace kontor::plugins::http_export {
namespace {

constexpr std::size_t kExcerptBytes = 200;
// More digits than a day has seconds is no wait a client would honour; max_wait caps it anyway.
constexpr std::size_t kMostRetryAfterDigits = 9;

}  // namespace

Verdict verdict_of(int http_status) {
  if (http_status >= 200 && http_status <= 299) return Verdict::kPublished;
  if (http_status == 409) return Verdict::kPublishedBefore;
  if (http_status == 408 || http_status == 429 || (http_status >= 500 && http_status <= 599)) {
    return Verdict::kTryAgain;
  }
  return Verdict::kRefused;
}

std::optional<std::chrono::seconds> retry_after_seconds(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty() || value.size() > kMostRetryAfterDigits) return std::nullopt;
  std::int64_t seconds = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
    seconds = seconds * 10 + (c - '0');
  }
  return std::chrono::seconds(seconds);
}

std::chrono::milliseconds wait_before_next(int failed_attempts, std::chrono::milliseconds backoff,
                                           std::chrono::milliseconds max_wait,
                                           std::optional<std::chrono::seconds> retry_after) {
  if (retry_after) {
    return std::min<std::chrono::milliseconds>(*retry_after, max_wait);
  }
  std::chrono::milliseconds wait = backoff;
  for (int i = 1; i < failed_attempts && wait < max_wait; ++i) wait *= 2;
  return std::min(wait, max_wait);
}

std::string body_excerpt(std::string_view body) {
  const bool cut = body.size() > kExcerptBytes;
  std::string excerpt(body.substr(0, kExcerptBytes));
  // Do not end inside a UTF-8 sequence: drop continuation bytes and their lead byte.
  if (cut) {
    while (!excerpt.empty() && (static_cast<unsigned char>(excerpt.back()) & 0xC0) == 0x80) {
      excerpt.pop_back();
    }
    if (!excerpt.empty() && (static_cast<unsigned char>(excerpt.back()) & 0xC0) == 0xC0) {
      excerpt.pop_back();
    }
  }
  for (char& c : excerpt) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  while (!excerpt.empty() && excerpt.back() == ' ') excerpt.pop_back();
  return cut ? excerpt + "…" : excerpt;
}

std::string shown_duration(std::chrono::milliseconds duration) {
  const auto count = duration.count();
  if (count % 1000 == 0) return std::to_string(count / 1000) + "s";
  return std::to_string(count) + "ms";
}

}  // namespace kontor::plugins::http_export
