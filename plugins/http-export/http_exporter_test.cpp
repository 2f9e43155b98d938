// http-export against a real HTTPS endpoint the test starts on loopback
// (tests/support/export_receiver.py with a certificate from a throwaway CA), through kontord's own
// transfer service behind the SDK's fake host. Waits are milliseconds and the per-attempt timeout
// one second; no test asserts on how long anything took.
#include "http_exporter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>

#include "host/transfer_service.hpp"
#include "kontor/testing/fake_host.hpp"
#include "log/logging.hpp"
#include "support/export_receiver.hpp"
#include "support/temp_dir.hpp"

extern "C" const kontor_plugin_descriptor* kontor_plugin_entry_impl_v1(
    const kontor_host_info* host) noexcept;

namespace kontor::plugins::http_export {
namespace {

namespace fs = std::filesystem;
using kontor::testing::ExportReceiver;
using kontor::testing::ExportReceiverOptions;
using kontor::testing::ReceivedPost;
using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;
using ::testing::StartsWith;

constexpr const char* kToken = "s3cret-t0ken-4711";
constexpr const char* kBatch = "erp-out-000001";

Date day(int year, int month, int day) {
  return Date::from_ymd(year, month, day).value();
}

BookingLine line(std::string account, BookingSide side, std::int64_t cents) {
  return BookingLine{.account = std::move(account),
                     .side = side,
                     .amount = Money(cents, Currency::eur()),
                     .tax_key = ""};
}

// Two bookings of debtor 10001: an invoice of 119,00 and its payment.
sdk::ExportBatch example_batch(std::string id = kBatch) {
  sdk::ExportBatch batch;
  batch.batch_id = std::move(id);
  batch.period_from = day(2026, 11, 1);
  batch.period_to = day(2026, 11, 30);
  batch.bookings = {Booking{.id = 7,
                            .date = day(2026, 11, 3),
                            .document_number = "RE-2026-0001",
                            .text = "Rechnung RE-2026-0001",
                            .lines = {line("10001", BookingSide::debit, 11900),
                                      line("8400", BookingSide::credit, 11900)},
                            .exported_in = "",
                            .reverses = std::nullopt,
                            .facts = BookingFacts::none,
                            .due_date = day(2026, 11, 17)},
                    Booking{.id = 8,
                            .date = day(2026, 11, 10),
                            .document_number = "RE-2026-0001",
                            .text = "Zahlung RE-2026-0001",
                            .lines = {line("10001", BookingSide::credit, 11900),
                                      line("1200", BookingSide::debit, 11900)},
                            .exported_in = "",
                            .reverses = std::nullopt,
                            .facts = BookingFacts::none,
                            .due_date = std::nullopt}};
  return batch;
}

std::vector<std::string> keys_of(const std::vector<ReceivedPost>& posts) {
  std::vector<std::string> keys;
  for (const ReceivedPost& post : posts) keys.push_back(post.header("idempotency-key"));
  return keys;
}

std::vector<std::string> bodies_of(const std::vector<ReceivedPost>& posts) {
  std::vector<std::string> bodies;
  for (const ReceivedPost& post : posts) bodies.push_back(post.body);
  return bodies;
}

// Each test starts its endpoint with the answers it needs; by default it wants kToken.
class HttpExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    instance_.name = "erp";
    instance_.plugin = "http-export";
    instance_.context = &context_;
    instance_.log = log::get("plugin:erp");
    instance_.cancelled = &cancelled_;
    host_.transfer_handler = [this](const kontor_transfer_request& request,
                                    const kontor_bytes_sink* sink, kontor_transfer_result* result) {
      return transfer_.perform(instance_, request, *sink, *result);
    };
    host_.set("staging", staging().string());
    host_.set("key_prefix", "acme-test");
    host_.set("timeout", "1s");
    host_.set("backoff", "10ms");
    host_.set("max_wait", "50ms");
    host_.set_secret("bearer_token", kToken);
  }

  // Starts the endpoint and points the configuration at https://.../batches.
  void start(ExportReceiverOptions options) {
    receiver_ = std::make_unique<ExportReceiver>(std::move(options));
    ASSERT_THAT(receiver_->error(), IsEmpty());
    host_.set("url", receiver_->url("batches"));
    host_.set("ca_file", receiver_->ca_file().string());
  }
  void start() {
    ExportReceiverOptions options;
    options.bearer_token = kToken;
    start(std::move(options));
  }

  fs::path staging() const { return dir_ / "staging"; }

  std::unique_ptr<testing::FakeInstance> create() {
    auto instance = host_.create();
    EXPECT_TRUE(instance.ok()) << (instance.ok() ? "" : instance.error().message);
    return instance.ok() ? std::move(instance).value() : nullptr;
  }

  std::string all_log_lines() const {
    std::string text;
    for (const std::string& line : host_.log_lines()) text += line + "\n";
    return text;
  }

  testing::TempDir dir_;
  std::unique_ptr<ExportReceiver> receiver_;
  host::TransferService transfer_;
  host::HostContext context_;
  host::HostInstance instance_;
  std::atomic<bool> cancelled_{false};
  testing::FakeHost host_{&kontor_plugin_entry_impl_v1};
};

TEST_F(HttpExportTest, ABatchIsPostedOnceAsJsonWithItsIdempotencyKeyAndToken) {
  start();
  auto exporter = create();
  ASSERT_NE(exporter, nullptr);
  ASSERT_TRUE(exporter->proxy().stage(example_batch()).is_ok());
  EXPECT_THAT(receiver_->posts(), IsEmpty());  // staging sends nothing
  const sdk::Status published = exporter->proxy().publish(kBatch);
  ASSERT_TRUE(published.is_ok()) << published.message();

  const std::vector<ReceivedPost> posts = receiver_->posts();
  ASSERT_THAT(posts, SizeIs(1));
  EXPECT_EQ(posts[0].path, "/batches");
  EXPECT_EQ(posts[0].header("idempotency-key"), "acme-test-erp-out-000001");
  EXPECT_EQ(posts[0].header("authorization"), std::string("Bearer ") + kToken);
  EXPECT_EQ(posts[0].header("content-type"), "application/json");
  EXPECT_EQ(posts[0].status, 201);

  const nlohmann::json body = nlohmann::json::parse(posts[0].body);
  EXPECT_EQ(body["format"], "kontor-export-batch");
  EXPECT_EQ(body["batch"], kBatch);
  ASSERT_EQ(body["bookings"].size(), 2U);
  EXPECT_EQ(body["bookings"][0]["id"], 7);
  EXPECT_EQ(body["bookings"][1]["id"], 8);
  // Amounts travel as decimal strings, never as binary floating point.
  EXPECT_EQ(body["bookings"][0]["lines"][0]["amount"], "119.00");
  EXPECT_EQ(host_.metrics().at("http_batches_published"), 1);
  // What was sent stays as the record, beside the receipt.
  EXPECT_TRUE(fs::exists(staging() / "erp-out-000001.json"));
}

TEST_F(HttpExportTest, PublishRepeatedAfterSuccessSendsNothingAgainEvenInANewProcess) {
  start();
  {
    auto exporter = create();
    ASSERT_NE(exporter, nullptr);
    ASSERT_TRUE(exporter->proxy().stage(example_batch()).is_ok());
    ASSERT_TRUE(exporter->proxy().publish(kBatch).is_ok());
    EXPECT_TRUE(exporter->proxy().publish(kBatch).is_ok());
  }
  auto restarted = create();
  ASSERT_NE(restarted, nullptr);
  EXPECT_TRUE(restarted->proxy().publish(kBatch).is_ok());
  EXPECT_THAT(receiver_->posts(), SizeIs(1));
  EXPECT_THAT(all_log_lines(), HasSubstr("nothing is sent again"));
}

TEST_F(HttpExportTest, TwoBusyAnswersThenSuccessPublishInOneCallWithOneKey) {
  ExportReceiverOptions options;
  options.bearer_token = kToken;
  options.fail_first = 2;
  start(std::move(options));
  auto exporter = create();
  ASSERT_NE(exporter, nullptr);
  ASSERT_TRUE(exporter->proxy().stage(example_batch()).is_ok());
  const sdk::Status published = exporter->proxy().publish(kBatch);
  ASSERT_TRUE(published.is_ok()) << published.message();

  const std::vector<ReceivedPost> posts = receiver_->posts();
  ASSERT_THAT(posts, SizeIs(3));
  EXPECT_THAT(keys_of(posts), Each(std::string("acme-test-erp-out-000001")));
  EXPECT_THAT(bodies_of(posts), Each(posts[0].body));
  EXPECT_EQ(posts[0].status, 503);
  EXPECT_EQ(posts[2].status, 201);
  EXPECT_THAT(all_log_lines(), HasSubstr("attempt 2 of 3 answered 503"));
}

TEST_F(HttpExportTest, AServerBusyThroughEveryAttemptLeavesTheBatchStagedForTheNextRun) {
  ExportReceiverOptions options;
  options.bearer_token = kToken;
  options.fail_first = 3;
  start(std::move(options));
  auto exporter = create();
  ASSERT_NE(exporter, nullptr);
  ASSERT_TRUE(exporter->proxy().stage(example_batch()).is_ok());

  const sdk::Status busy = exporter->proxy().publish(kBatch);
  EXPECT_EQ(busy.code(), sdk::Code::kRetry);
  EXPECT_THAT(busy.message(), HasSubstr("answered 503"));
  EXPECT_THAT(receiver_->posts(), SizeIs(3));
  EXPECT_TRUE(fs::exists(staging() / ".kontor-staging" / kBatch / "erp-out-000001.json"));
  EXPECT_EQ(host_.metrics().count("http_batches_published"), 0U);

  // The next export run, in a new process: the same key and body, and now the server takes it.
  exporter.reset();
  auto next_run = create();
  ASSERT_NE(next_run, nullptr);
  const sdk::Status published = next_run->proxy().publish(kBatch);
  ASSERT_TRUE(published.is_ok()) << published.message();
  const std::vector<ReceivedPost> posts = receiver_->posts();
  ASSERT_THAT(posts, SizeIs(4));
  EXPECT_THAT(keys_of(posts), Each(std::string("acme-test-erp-out-000001")));
  EXPECT_THAT(bodies_of(posts), Each(posts[0].body));
  EXPECT_THAT(receiver_->accepted(), SizeIs(1));
}

TEST_F(HttpExportTest, RetryAfterIsHonouredButNoLongerThanMaxWait) {
  ExportReceiverOptions options;
  options.bearer_token = kToken;
  options.fail_first = 1;
  options.retry_after = "3600";
  start(std::move(options));
  auto exporter = create();
  ASSERT_NE(exporter, nullptr);
  ASSERT_TRUE(exporter->proxy().stage(example_batch()).is_ok());
  ASSERT_TRUE(exporter->proxy().publish(kBatch).is_ok());
  EXPECT_THAT(all_log_lines(), HasSubstr("again in 50ms (Retry-After)"));
}

TEST_F(HttpExportTest, AStalledServerTimesOutAndTheKeptBatchIsNotBookedTwice) {
  ExportReceiverOptions options;
  options.bearer_token = kToken;
  options.stall_first = 1;  // takes the batch, answers after 5 s; the client waits 1 s
  start(std::move(options));
  host_.set("attempts", "1");
  auto exporter = create();
  ASSERT_NE(exporter, nullptr);
  ASSERT_TRUE(exporter->proxy().stage(example_batch()).is_ok());

  const sdk::Status timed_out = exporter->proxy().publish(kBatch);
  EXPECT_EQ(timed_out.code(), sdk::Code::kRetry) << timed_out.message();
  EXPECT_TRUE(fs::exists(staging() / ".kontor-staging" / kBatch));

  // The server kept the first POST: the same key now answers 409, which counts as published.
  const sdk::Status published = exporter->proxy().publish(kBatch);
  ASSERT_TRUE(published.is_ok()) << published.message();
  const std::vector<ReceivedPost> posts = receiver_->posts();
  ASSERT_THAT(posts, SizeIs(2));
  EXPECT_EQ(posts[1].status, 409);
  EXPECT_THAT(keys_of(posts), Each(std::string("acme-test-erp-out-000001")));
  EXPECT_THAT(receiver_->accepted(), SizeIs(1));
  EXPECT_THAT(all_log_lines(), HasSubstr("had it before (409"));
}

TEST_F(HttpExportTest, ABadRequestFailsNamingTheStatusAndTheServersReason) {
  ExportReceiverOptions options;
  options.bearer_token = kToken;
  options.status = 400;
  start(std::move(options));
  auto exporter = create();
  ASSERT_NE(exporter, nullptr);
  ASSERT_TRUE(exporter->proxy().stage(example_batch()).is_ok());
  const sdk::Status refused = exporter->proxy().publish(kBatch);
  EXPECT_EQ(refused.code(), sdk::Code::kFailed);
  EXPECT_THAT(refused.message(), HasSubstr("answered 400"));
  EXPECT_THAT(refused.message(), HasSubstr("refused as asked"));
  EXPECT_THAT(receiver_->posts(), SizeIs(1));  // a refusal is not tried again
}

// kontord's transfer service follows no redirect on a POST: a 307 would send the batch again to
// another address, a 303 would turn it into a GET whose answer would pass for the POST's.
TEST_F(HttpExportTest, ARedirectIsNotFollowedAndFailsNamingTheStatus) {
  for (int redirect : {307, 303}) {
    ExportReceiverOptions options;
    options.bearer_token = kToken;
    options.redirect = redirect;
    start(std::move(options));
    auto exporter = create();
    ASSERT_NE(exporter, nullptr);
    ASSERT_TRUE(exporter->proxy().stage(example_batch()).is_ok());
    const sdk::Status refused = exporter->proxy().publish(kBatch);
    EXPECT_EQ(refused.code(), sdk::Code::kFailed) << redirect;
    EXPECT_THAT(refused.message(), HasSubstr("answered " + std::to_string(redirect)));
    const std::vector<ReceivedPost> posts = receiver_->posts();
    ASSERT_THAT(posts, SizeIs(1)) << "one POST and nothing after it, for " << redirect;
    EXPECT_EQ(posts[0].path, "/batches");
    ASSERT_TRUE(exporter->proxy().discard(kBatch).is_ok());
  }
}

// As after a crash between the POST and the receipt: a second staging folder that knows nothing
// of the first publication posts the same batch with the same key.
TEST_F(HttpExportTest, AServerThatKnowsTheKeyCountsAsPublished) {
  for (int repeat_status : {409, 200}) {
    SCOPED_TRACE(repeat_status);
    ExportReceiverOptions options;
    options.bearer_token = kToken;
    options.repeat_status = repeat_status;
    start(std::move(options));
    for (const char* folder : {"first", "second"}) {
      host_.set("staging", (dir_ / std::to_string(repeat_status) / folder).string());
      auto exporter = create();
      ASSERT_NE(exporter, nullptr);
      ASSERT_TRUE(exporter->proxy().stage(example_batch()).is_ok());
      const sdk::Status published = exporter->proxy().publish(kBatch);
      EXPECT_TRUE(published.is_ok()) << published.message();
    }
    const std::vector<ReceivedPost> posts = receiver_->posts();
    ASSERT_THAT(posts, SizeIs(2));
    EXPECT_EQ(posts[1].status, repeat_status);
    EXPECT_THAT(receiver_->accepted(), SizeIs(1));
  }
}

TEST_F(HttpExportTest, WithoutKeyPrefixTheKeyStartsWithARandomPrefixKeptInTheState) {
  start();
  host_.set("key_prefix", "");
  auto exporter = create();
  ASSERT_NE(exporter, nullptr);
  ASSERT_TRUE(exporter->proxy().stage(example_batch("erp-out-000001")).is_ok());
  ASSERT_TRUE(exporter->proxy().stage(example_batch("erp-out-000002")).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("erp-out-000001").is_ok());
  ASSERT_TRUE(exporter->proxy().publish("erp-out-000002").is_ok());
  const std::string prefix = host_.state()["key_prefix"];
  EXPECT_THAT(prefix, StartsWith("kontor-"));
  EXPECT_EQ(prefix.size(), 7U + 16U);
  EXPECT_THAT(keys_of(receiver_->posts()),
              ElementsAre(prefix + "-erp-out-000001", prefix + "-erp-out-000002"));
}

TEST_F(HttpExportTest, SecretsNeverAppearInLogsOrMessages) {
  ExportReceiverOptions options;
  options.bearer_token = kToken;
  options.fail_first = 5;
  start(std::move(options));
  auto exporter = create();
  ASSERT_NE(exporter, nullptr);
  ASSERT_TRUE(exporter->proxy().stage(example_batch()).is_ok());
  const sdk::Status busy = exporter->proxy().publish(kBatch);
  EXPECT_EQ(busy.code(), sdk::Code::kRetry);
  EXPECT_THAT(busy.message(), Not(HasSubstr(kToken)));
  EXPECT_THAT(host_.log_lines(), Not(IsEmpty()));
  EXPECT_THAT(all_log_lines(), Not(HasSubstr(kToken)));
}

TEST_F(HttpExportTest, BasicAuthenticationSendsThePasswordOnlyToTheServer) {
  ExportReceiverOptions options;
  options.username = "kontor";
  options.password = "pa55-w0rd-0815";
  start(std::move(options));
  testing::FakeHost basic{&kontor_plugin_entry_impl_v1};
  basic.transfer_handler = host_.transfer_handler;
  basic.set("url", receiver_->url("batches"));
  basic.set("ca_file", receiver_->ca_file().string());
  basic.set("staging", staging().string());
  basic.set("key_prefix", "acme-test");
  basic.set("username", "kontor");
  basic.set_secret("password", "pa55-w0rd-0815");
  auto created = basic.create();
  ASSERT_TRUE(created.ok()) << created.error().message;
  auto exporter = std::move(created).value();
  ASSERT_TRUE(exporter->proxy().stage(example_batch()).is_ok());
  const sdk::Status published = exporter->proxy().publish(kBatch);
  ASSERT_TRUE(published.is_ok()) << published.message();
  EXPECT_THAT(receiver_->accepted(), SizeIs(1));
  std::string text;
  for (const std::string& line : basic.log_lines()) text += line + "\n";
  EXPECT_THAT(text, Not(HasSubstr("pa55-w0rd-0815")));
}

TEST_F(HttpExportTest, RefusedCredentialsFailWithoutTryingAgain) {
  ExportReceiverOptions options;
  options.bearer_token = "another-token";
  start(std::move(options));
  auto exporter = create();
  ASSERT_NE(exporter, nullptr);
  ASSERT_TRUE(exporter->proxy().stage(example_batch()).is_ok());
  const sdk::Status refused = exporter->proxy().publish(kBatch);
  EXPECT_EQ(refused.code(), sdk::Code::kFailed);
  EXPECT_THAT(refused.message(), HasSubstr("401"));
  EXPECT_THAT(refused.message(), HasSubstr("refused the credentials"));
  EXPECT_THAT(refused.message(), Not(HasSubstr(kToken)));
  EXPECT_THAT(receiver_->posts(), SizeIs(1));
}

TEST_F(HttpExportTest, PlainHttpIsRefusedUnlessAllowed) {
  ExportReceiverOptions options;
  options.tls = false;
  options.bearer_token = kToken;
  receiver_ = std::make_unique<ExportReceiver>(std::move(options));
  ASSERT_THAT(receiver_->error(), IsEmpty());
  host_.set("url", receiver_->url("batches"));
  auto refused = host_.create();
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("allow_http"));

  host_.set("allow_http", "true");
  auto exporter = create();
  ASSERT_NE(exporter, nullptr);
  ASSERT_TRUE(exporter->proxy().stage(example_batch()).is_ok());
  const sdk::Status published = exporter->proxy().publish(kBatch);
  ASSERT_TRUE(published.is_ok()) << published.message();
  EXPECT_THAT(receiver_->accepted(), SizeIs(1));
}

TEST_F(HttpExportTest, AnUnreachableServerIsRetry) {
  start();
  host_.set("url", "https://127.0.0.1:1/batches");  // nothing listens on port 1
  host_.set("attempts", "2");
  auto exporter = create();
  ASSERT_NE(exporter, nullptr);
  ASSERT_TRUE(exporter->proxy().stage(example_batch()).is_ok());
  const sdk::Status unreachable = exporter->proxy().publish(kBatch);
  EXPECT_EQ(unreachable.code(), sdk::Code::kRetry) << unreachable.message();
  EXPECT_THAT(unreachable.message(), HasSubstr("failed 2 attempt(s)"));
}

TEST_F(HttpExportTest, ACancelledRunStopsWithoutPosting) {
  start();
  auto exporter = create();
  ASSERT_NE(exporter, nullptr);
  ASSERT_TRUE(exporter->proxy().stage(example_batch()).is_ok());
  host_.cancelled = true;
  EXPECT_EQ(exporter->proxy().publish(kBatch).code(), sdk::Code::kCancelled);
  EXPECT_THAT(receiver_->posts(), IsEmpty());
}

TEST_F(HttpExportTest, APublishedBatchCannotBeDiscardedOrStagedAgain) {
  start();
  auto exporter = create();
  ASSERT_NE(exporter, nullptr);
  ASSERT_TRUE(exporter->proxy().stage(example_batch()).is_ok());
  ASSERT_TRUE(exporter->proxy().publish(kBatch).is_ok());
  const sdk::Status discarded = exporter->proxy().discard(kBatch);
  EXPECT_EQ(discarded.code(), sdk::Code::kFailed);
  EXPECT_THAT(discarded.message(), HasSubstr("cannot be discarded"));
  EXPECT_EQ(exporter->proxy().stage(example_batch()).code(), sdk::Code::kFailed);
}

TEST_F(HttpExportTest, ADiscardedBatchIsNeverSent) {
  start();
  auto exporter = create();
  ASSERT_NE(exporter, nullptr);
  ASSERT_TRUE(exporter->proxy().stage(example_batch()).is_ok());
  ASSERT_TRUE(exporter->proxy().discard(kBatch).is_ok());
  EXPECT_TRUE(exporter->proxy().discard(kBatch).is_ok());  // repeated: nothing left to drop
  EXPECT_EQ(exporter->proxy().publish(kBatch).code(), sdk::Code::kFailed);
  EXPECT_THAT(receiver_->posts(), IsEmpty());
}

TEST_F(HttpExportTest, ConfigurationProblemsAreRefusedWhenTheInstanceIsMade) {
  start();
  host_.set("staging", "relative/staging");
  host_.set("key_prefix", "acme prod");
  auto refused = host_.create();
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("staging must be an absolute path"));
  EXPECT_THAT(refused.error().message, HasSubstr("key_prefix"));

  host_.set("staging", staging().string());
  host_.set("key_prefix", "acme-test");
  host_.set("url", "ftp://example.com/batches");
  EXPECT_FALSE(host_.create().ok());
}

}  // namespace
}  // namespace kontor::plugins::http_export
