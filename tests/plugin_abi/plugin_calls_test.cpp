// A plugin that throws or fails fails only its own call, with the instance and plugin named; the
// instance, the pool and the daemon go on. Runs the real PluginInstances against fixtures.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/clock.hpp"
#include "host/instance_validation.hpp"
#include "host/plugin_instances.hpp"
#include "plugin_fixtures.hpp"

namespace kontor::host {
namespace {

using testing::fixture_dir;
using ::testing::IsEmpty;

struct NoDocuments : sdk::DocumentList {
  sdk::Status add(const sdk::DocumentInfo&) override { return sdk::Status::ok(); }
};

struct NoBytes : sdk::ByteSink {
  sdk::Status write(std::span<const std::uint8_t>) override { return sdk::Status::ok(); }
};

class PluginCallTest : public ::testing::Test {
 protected:
  void SetUp() override {
    context_.clock = fixed_clock(TimePoint(std::chrono::seconds(1'800'000'000)));
  }

  // The plugins of one fixture directory, with `instances` (YAML) created from them.
  Result<std::unique_ptr<PluginInstances>> create(const std::string& fixture,
                                                  const std::string& instances) {
    std::vector<std::string> load_errors;
    catalog_ = PluginCatalog::load(fixture_dir(fixture), load_errors);
    EXPECT_THAT(load_errors, IsEmpty());
    auto loaded = testing::load_test_config("instances:\n" + instances);
    EXPECT_TRUE(loaded.config.has_value());
    if (!loaded.config) return Error{"no configuration"};
    validate_instances(*loaded.config, catalog_, config::process_environment(), loaded.errors);
    for (const auto& error : loaded.errors) ADD_FAILURE() << config::to_string(error);
    return PluginInstances::create(*loaded.config, catalog_, context_, pool_);
  }

  // flaky-bank as instance 'hausbank'.
  std::unique_ptr<PluginInstances> bank() {
    auto instances = create("flaky-bank", "  hausbank: {plugin: flaky-bank, bank: Sparkasse}\n");
    EXPECT_TRUE(instances) << instances.error().message;
    return instances ? std::move(instances).value() : nullptr;
  }

  HostContext context_;
  BlockingPool pool_{2};
  PluginCatalog catalog_;
  std::atomic<bool> not_cancelled_{false};
};

TEST_F(PluginCallTest, ExceptionFromARawCreateIsCaughtAndNamed) {
  auto instances = create("throwing-create", "  vault: {plugin: throwing-create}\n");
  ASSERT_FALSE(instances);
  EXPECT_EQ(instances.error().message,
            "instance 'vault' (plugin throwing-create): create threw: the vault is locked");
}

TEST_F(PluginCallTest, ThrowingSdkConstructorIsAnInternalErrorNamingTheInstance) {
  auto instances = create("throwing-constructor", "  keys: {plugin: throwing-constructor}\n");
  ASSERT_FALSE(instances);
  EXPECT_EQ(instances.error().message,
            "instance 'keys' (plugin throwing-constructor): internal error: cannot open the key "
            "store");
}

TEST_F(PluginCallTest, CreateThatReturnsNoInstanceIsAnInternalError) {
  auto instances = create("no-instance", "  empty: {plugin: no-instance}\n");
  ASSERT_FALSE(instances);
  EXPECT_EQ(instances.error().message,
            "instance 'empty' (plugin no-instance): internal error: create returned OK but no "
            "instance");
}

TEST_F(PluginCallTest, ThrowingListFailsThatCallAndTheInstanceGoesOn) {
  auto instances = bank();
  ASSERT_NE(instances, nullptr);
  PluginInstance& hausbank = *instances->find("hausbank");
  NoDocuments documents;
  auto list = [&](const sdk::InstanceProxy& plugin) { return plugin.list(documents); };

  const sdk::Status failed = hausbank.call(not_cancelled_, list);
  EXPECT_EQ(failed.code(), sdk::Code::kInternal);
  EXPECT_EQ(failed.message(), "instance 'hausbank' (plugin flaky-bank): bank exploded");

  const sdk::Status acked = hausbank.call(not_cancelled_, [](const sdk::InstanceProxy& plugin) {
    return plugin.ack("statement.sta", sdk::AckOutcome::kCommitted, "");
  });
  EXPECT_TRUE(acked) << acked.message();

  // The same failure again, told the same way: nothing of the first one lingers.
  const sdk::Status again = hausbank.call(not_cancelled_, list);
  EXPECT_EQ(again.message(), failed.message());
}

TEST_F(PluginCallTest, ExceptionsFromRawCallsFailOnlyThoseCalls) {
  auto created = create("throwing-calls", "  raw: {plugin: throwing-calls}\n");
  ASSERT_TRUE(created) << created.error().message;
  PluginInstance& raw = *(*created)->find("raw");
  NoDocuments documents;
  NoBytes content;

  const sdk::Status listed = raw.call(
      not_cancelled_, [&](const sdk::InstanceProxy& plugin) { return plugin.list(documents); });
  EXPECT_EQ(listed.code(), sdk::Code::kInternal);
  EXPECT_EQ(listed.message(),
            "instance 'raw' (plugin throwing-calls): threw: bank exploded without a guard");

  const sdk::Status fetched = raw.call(not_cancelled_, [&](const sdk::InstanceProxy& plugin) {
    return plugin.fetch("statement.sta", content);
  });
  EXPECT_EQ(fetched.code(), sdk::Code::kInternal);
  EXPECT_EQ(fetched.message(),
            "instance 'raw' (plugin throwing-calls): threw something that is not a "
            "std::exception");

  const sdk::Status acked = raw.call(not_cancelled_, [](const sdk::InstanceProxy& plugin) {
    return plugin.ack("statement.sta", sdk::AckOutcome::kCommitted, "");
  });
  EXPECT_TRUE(acked) << acked.message();
}

TEST_F(PluginCallTest, RetryKeepsItsCodeForTheScheduler) {
  auto instances = bank();
  ASSERT_NE(instances, nullptr);
  NoBytes content;
  const sdk::Status status =
      instances->find("hausbank")->call(not_cancelled_, [&](const sdk::InstanceProxy& plugin) {
        return plugin.fetch("statement.sta", content);
      });
  EXPECT_EQ(status.code(), sdk::Code::kRetry);
  EXPECT_EQ(status.message(),
            "instance 'hausbank' (plugin flaky-bank): bank busy, try again in 5 minutes");
}

TEST_F(PluginCallTest, CancellationOfTheCallerReachesThePlugin) {
  auto instances = bank();
  ASSERT_NE(instances, nullptr);
  std::atomic<bool> cancelled{true};
  NoBytes content;
  const sdk::Status status =
      instances->find("hausbank")->call(cancelled, [&](const sdk::InstanceProxy& plugin) {
        return plugin.fetch("statement.sta", content);
      });
  EXPECT_EQ(status.code(), sdk::Code::kCancelled);
  EXPECT_EQ(status.message(), "instance 'hausbank' (plugin flaky-bank): cancelled");
}

}  // namespace
}  // namespace kontor::host
