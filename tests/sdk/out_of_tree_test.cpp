// A plugin built outside the tree, against nothing but the installed SDK, loads and runs in
// kontord's real loader: the promise a third party relies on.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "config/kontor_config.hpp"
#include "host/instance_validation.hpp"
#include "host/plugin_catalog.hpp"
#include "host/plugin_instances.hpp"
#include "support/child_process.hpp"
#include "support/memory_instance_state.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Completed cmake(const TempDir& dir, std::vector<std::string> args) {
  ChildOptions options;
  options.argv = {KONTOR_CMAKE_COMMAND};
  options.argv.insert(options.argv.end(), args.begin(), args.end());
  options.output_dir = dir.path();
  return run_to_end(std::move(options));
}

struct Listed : sdk::DocumentList {
  std::vector<std::string> ids;
  sdk::Status add(const sdk::DocumentInfo& document) override {
    ids.push_back(document.id);
    return sdk::Status::ok();
  }
};

struct Content : sdk::ByteSink {
  std::string text;
  sdk::Status write(std::span<const std::uint8_t> chunk) override {
    text.append(reinterpret_cast<const char*>(chunk.data()), chunk.size());
    return sdk::Status::ok();
  }
};

TEST(PluginSdk, APluginBuiltOutOfTreeAgainstTheInstalledSdkLoadsAndRuns) {
  TempDir dir;
  const auto prefix = dir / "sdk";
  const auto build = dir / "hello";
  auto installed = cmake(
      dir, {"--install", binary_dir().string(), "--component", "sdk", "--prefix", prefix.string()});
  ASSERT_EQ(installed.status, 0) << installed.out << installed.err;
  ASSERT_TRUE(std::filesystem::exists(prefix / "include/kontor/plugin_abi.h"));
  ASSERT_TRUE(std::filesystem::exists(prefix / "lib/cmake/KontorSDK/KontorSDKConfig.cmake"));

  auto configured = cmake(
      dir, {"-S", (source_dir() / "examples/hello-plugin").string(), "-B", build.string(), "-G",
            "Ninja", "-DCMAKE_BUILD_TYPE=Debug", "-DCMAKE_PREFIX_PATH=" + prefix.string(),
            std::string("-DCMAKE_CXX_FLAGS=") + KONTOR_EXAMPLE_FLAGS,
            std::string("-DCMAKE_MODULE_LINKER_FLAGS=") + KONTOR_EXAMPLE_FLAGS});
  ASSERT_EQ(configured.status, 0) << configured.out << configured.err;
  auto built = cmake(dir, {"--build", build.string()});
  ASSERT_EQ(built.status, 0) << built.out << built.err;

  std::vector<std::string> errors;
  auto catalog = host::PluginCatalog::load(build, errors);
  ASSERT_THAT(errors, IsEmpty());
  const host::PluginLibrary* hello = catalog.find("hello");
  ASSERT_NE(hello, nullptr);
  EXPECT_EQ(hello->version, "1.0.0");
  EXPECT_EQ(hello->descriptor.roles, static_cast<std::uint32_t>(KONTOR_ROLE_SOURCE));

  // Configured like any instance, validated against the plugin's own schema.
  auto loaded = config::load_config_text(
      "company:\n  legal_name: X\n  address: {street: a, postcode: '1', city: b, country: DE}\n"
      "  timezone: UTC\ninstances:\n  greeter: {plugin: hello, greeting: Grüß Gott}\n",
      "k.yaml", {}, config::process_environment());
  ASSERT_THAT(loaded.errors, IsEmpty());
  host::validate_instances(*loaded.config, catalog, config::process_environment(), loaded.errors);
  ASSERT_THAT(loaded.errors, IsEmpty());

  MemoryInstanceState state;
  host::HostContext context;
  context.clock = system_clock();
  context.state = &state;
  host::BlockingPool pool(1);
  auto instances = host::PluginInstances::create(*loaded.config, catalog, context, pool);
  ASSERT_TRUE(instances.ok()) << instances.error().message;
  host::PluginInstance& greeter = *(*instances)->find("greeter");
  const std::atomic<bool> not_cancelled{false};

  Listed listed;
  ASSERT_TRUE(greeter.call(not_cancelled, [&](auto& p) { return p.list(listed); }).is_ok());
  EXPECT_THAT(listed.ids, ElementsAre("hello.txt"));
  Content content;
  ASSERT_TRUE(
      greeter.call(not_cancelled, [&](auto& p) { return p.fetch("hello.txt", content); }).is_ok());
  EXPECT_EQ(content.text, "Grüß Gott");
  ASSERT_TRUE(
      greeter
          .call(not_cancelled,
                [&](auto& p) { return p.ack("hello.txt", sdk::AckOutcome::kCommitted, ""); })
          .is_ok());
  Listed after;
  ASSERT_TRUE(greeter.call(not_cancelled, [&](auto& p) { return p.list(after); }).is_ok());
  EXPECT_THAT(after.ids, IsEmpty());  // its state says it was delivered
}

}  // namespace
}  // namespace kontor::testing
