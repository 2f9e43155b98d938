// The rules of an endpoint's answer and of the idempotency key, without a server.
#include "http_answer.hpp"

#include <gtest/gtest.h>

#include "idempotency_key.hpp"

namespace kontor::plugins::http_export {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(HttpAnswerTest, SuccessPublishesAndConflictMeansTheServerHadTheBatch) {
  EXPECT_EQ(verdict_of(200), Verdict::kPublished);
  EXPECT_EQ(verdict_of(201), Verdict::kPublished);
  EXPECT_EQ(verdict_of(204), Verdict::kPublished);
  EXPECT_EQ(verdict_of(409), Verdict::kPublishedBefore);
}

TEST(HttpAnswerTest, BusyOrBrokenServersAreTriedAgain) {
  for (int code : {408, 429, 500, 502, 503, 504, 599}) {
    EXPECT_EQ(verdict_of(code), Verdict::kTryAgain) << code;
  }
}

TEST(HttpAnswerTest, OtherAnswersRefuseTheBatch) {
  for (int code : {100, 301, 302, 307, 400, 401, 403, 404, 413, 422}) {
    EXPECT_EQ(verdict_of(code), Verdict::kRefused) << code;
  }
}

TEST(HttpAnswerTest, RetryAfterIsReadInSecondsOnly) {
  EXPECT_EQ(retry_after_seconds("120"), seconds(120));
  EXPECT_EQ(retry_after_seconds(" 0 "), seconds(0));
  EXPECT_EQ(retry_after_seconds("Wed, 21 Oct 2026 07:28:00 GMT"), std::nullopt);
  EXPECT_EQ(retry_after_seconds("-5"), std::nullopt);
  EXPECT_EQ(retry_after_seconds(""), std::nullopt);
  EXPECT_EQ(retry_after_seconds("99999999999999999999"), std::nullopt);
}

TEST(HttpAnswerTest, BackoffDoublesUpToTheLongestWait) {
  const milliseconds backoff(2000), max_wait(60000);
  EXPECT_EQ(wait_before_next(1, backoff, max_wait, std::nullopt), milliseconds(2000));
  EXPECT_EQ(wait_before_next(2, backoff, max_wait, std::nullopt), milliseconds(4000));
  EXPECT_EQ(wait_before_next(3, backoff, max_wait, std::nullopt), milliseconds(8000));
  EXPECT_EQ(wait_before_next(9, backoff, max_wait, std::nullopt), max_wait);
}

TEST(HttpAnswerTest, RetryAfterReplacesTheBackoffButIsCapped) {
  EXPECT_EQ(wait_before_next(1, milliseconds(2000), milliseconds(60000), seconds(10)),
            milliseconds(10000));
  EXPECT_EQ(wait_before_next(1, milliseconds(2000), milliseconds(60000), seconds(3600)),
            milliseconds(60000));
}

TEST(HttpAnswerTest, AnExcerptIsOneShortLine) {
  EXPECT_EQ(body_excerpt("{\"error\":\n\"no\"}\n"), "{\"error\": \"no\"}");
  const std::string excerpt = body_excerpt(std::string(500, 'x'));
  EXPECT_EQ(excerpt, std::string(200, 'x') + "…");
  // A cut never splits a UTF-8 character.
  EXPECT_EQ(body_excerpt(std::string(199, 'x') + "äöü"), std::string(199, 'x') + "…");
}

TEST(IdempotencyKeyTest, PrefixAndBatchIdMakeTheKey) {
  EXPECT_EQ(idempotency_key("acme-prod", "erp-out-000001"), "acme-prod-erp-out-000001");
  // A batch id that is not plain is made plain, with a digest so that two never meet.
  const std::string odd = idempotency_key("acme", "erp out/1");
  const std::string other = idempotency_key("acme", "erp_out_1");
  EXPECT_NE(odd, other);
  EXPECT_EQ(odd.find_first_of(" /"), std::string::npos);
}

TEST(IdempotencyKeyTest, APrefixHoldsOnlyHeaderSafeCharacters) {
  EXPECT_EQ(key_prefix_problem("acme.prod:eu_1-a"), "");
  EXPECT_NE(key_prefix_problem(""), "");
  EXPECT_NE(key_prefix_problem("acme prod"), "");
  EXPECT_NE(key_prefix_problem("acme\r\nX-Evil: 1"), "");
  EXPECT_NE(key_prefix_problem(std::string(65, 'a')), "");
}

}  // namespace
}  // namespace kontor::plugins::http_export
