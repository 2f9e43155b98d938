// Every plugin this tree builds, through the real loader (Kea's libloadtests): it loads without
// a complaint, describes itself sanely, and folder-source makes and drops a real instance.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <boost/dll/library_info.hpp>
#include <map>

#include "common/clock.hpp"
#include "host/instance_validation.hpp"
#include "host/plugin_instances.hpp"
#include "kontor/sdk/views.hpp"
#include "plugin_fixtures.hpp"
#include "support/memory_instance_state.hpp"

namespace kontor::host {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

PluginCatalog load_real_plugins() {
  std::vector<std::string> errors;
  PluginCatalog catalog = PluginCatalog::load(testing::real_plugin_dir(), errors);
  EXPECT_THAT(errors, IsEmpty());
  return catalog;
}

// Non-empty and only of `allowed` (std::regex would do, at the cost of a slow build and
// GCC 12's false warnings in every CI log).
bool made_of(const std::string& text, std::string_view allowed) {
  return !text.empty() && text.find_first_not_of(allowed) == std::string::npos;
}

std::string text_of(const char* text) {
  return text == nullptr ? std::string("(null)") : std::string(text);
}

TEST(RealPlugins, EveryPluginLoadsAndDescribesItselfSanely) {
  const PluginCatalog catalog = load_real_plugins();
  EXPECT_THAT(catalog.names(), Contains("folder-source"));
  for (const PluginLibrary& plugin : catalog.plugins()) {
    SCOPED_TRACE(plugin.path.string());
    const kontor_plugin_descriptor& d = plugin.descriptor;
    EXPECT_TRUE(made_of(plugin.name, "abcdefghijklmnopqrstuvwxyz0123456789-") &&
                plugin.name.front() != '-');
    EXPECT_EQ(plugin.path.filename().string(), "kontor-" + plugin.name + ".so");
    EXPECT_EQ(d.struct_size, sizeof(kontor_plugin_descriptor));
    EXPECT_EQ(d.abi_major, KONTOR_ABI_MAJOR);
    EXPECT_EQ(d.abi_minor, KONTOR_ABI_MINOR);
    EXPECT_FALSE(plugin.version.empty());
    EXPECT_FALSE(plugin.summary.empty());
    EXPECT_FALSE(plugin.build_info.empty());
    EXPECT_NE(d.roles, 0u);
    EXPECT_EQ(d.roles & ~0xFu, 0u) << "a role this ABI does not know";
    EXPECT_EQ((d.roles & KONTOR_ROLE_SOURCE) != 0, d.source != nullptr);
    EXPECT_EQ((d.roles & KONTOR_ROLE_PARSER) != 0, d.parser != nullptr);
    EXPECT_EQ((d.roles & KONTOR_ROLE_CHANNEL) != 0, d.channel != nullptr);
    EXPECT_EQ((d.roles & KONTOR_ROLE_EXPORTER) != 0, d.exporter != nullptr);
    if (d.source) {
      EXPECT_GE(d.source->struct_size, sizeof(kontor_source_api));
      EXPECT_TRUE(d.source->list && d.source->fetch && d.source->ack);
    }
    if (d.parser) {
      EXPECT_GE(d.parser->struct_size, sizeof(kontor_parser_api));
      EXPECT_TRUE(d.parser->probe && d.parser->parse);
    }
    if (d.channel) {
      EXPECT_GE(d.channel->struct_size, sizeof(kontor_channel_api));
      EXPECT_TRUE(d.channel->deliver);
    }
    if (d.exporter) {
      EXPECT_GE(d.exporter->struct_size, sizeof(kontor_exporter_api));
      EXPECT_TRUE(d.exporter->stage && d.exporter->publish && d.exporter->discard);
    }
    ASSERT_EQ(d.config_field_size, sizeof(kontor_config_field));
    ASSERT_TRUE(d.config_field_count == 0 || d.config_fields != nullptr);
    std::vector<std::string> keys;
    for (std::uint32_t i = 0; i < d.config_field_count; ++i) {
      const kontor_config_field& field = *sdk::element(d.config_fields, d.config_field_size, i);
      const std::string key = text_of(field.key);
      SCOPED_TRACE(key);
      EXPECT_EQ(field.struct_size, sizeof(kontor_config_field));
      EXPECT_TRUE(made_of(key, "abcdefghijklmnopqrstuvwxyz0123456789_") && key.front() >= 'a' &&
                  key.front() <= 'z');
      EXPECT_THAT(keys, ::testing::Not(Contains(key))) << "declared twice";
      keys.push_back(key);
      EXPECT_NE(key, "plugin") << "'plugin' names the plugin of an instance";
      EXPECT_GE(field.type, KONTOR_CONFIG_STRING);
      EXPECT_LE(field.type, KONTOR_CONFIG_SECRET);
      EXPECT_FALSE(text_of(field.description).empty());
      EXPECT_FALSE(field.required && field.default_value) << "required with a default";
    }
  }
}

// Anything else a plugin exports would be bound to whatever copy kontord or another library
// exports first (the SDK's code, libstdc++'s template instances).
TEST(RealPlugins, EveryPluginExportsItsEntryPointAndNothingElse) {
  const PluginCatalog catalog = load_real_plugins();
  for (const PluginLibrary& plugin : catalog.plugins()) {
    boost::dll::library_info library(plugin.path);
    EXPECT_THAT(library.symbols(), ElementsAre(KONTOR_PLUGIN_ENTRY_NAME)) << plugin.path;
  }
}

TEST(RealPlugins, EveryPluginSchemaBecomesAConfigurationSchema) {
  const PluginCatalog catalog = load_real_plugins();
  for (const PluginLibrary& plugin : catalog.plugins()) {
    const config::ValueSpec schema = schema_of(plugin);
    EXPECT_EQ(schema.fields.size(), plugin.descriptor.config_field_count) << plugin.name;
  }
}

TEST(RealPlugins, FolderSourceInstanceListsASettledFileAndIsDestroyed) {
  const PluginCatalog catalog = load_real_plugins();
  testing::TempDir drop;
  const auto statement = drop.write("statement.sta", ":20:STARTUMS\n");
  const timespec long_ago[2] = {{1'700'000'000, 0}, {1'700'000'000, 0}};  // settled long ago
  ASSERT_EQ(::utimensat(AT_FDCWD, statement.c_str(), long_ago, 0), 0);
  auto loaded = testing::load_test_config(
      "instances:\n  erp-drop: {plugin: folder-source, path: " + drop.path().string() + "}\n");
  ASSERT_TRUE(loaded.config);
  validate_instances(*loaded.config, catalog, config::process_environment(), loaded.errors);
  ASSERT_THAT(loaded.errors, IsEmpty());

  testing::MemoryInstanceState state;
  HostContext context;
  context.state = &state;
  context.clock = fixed_clock(TimePoint(std::chrono::seconds(1'800'000'000)));
  BlockingPool pool(1);
  auto created = PluginInstances::create(*loaded.config, catalog, context, pool);
  ASSERT_TRUE(created) << created.error().message;
  std::unique_ptr<PluginInstances> instances = std::move(created).value();
  ASSERT_EQ(instances->size(), 1u);
  PluginInstance* instance = instances->find("erp-drop");
  ASSERT_NE(instance, nullptr);
  EXPECT_TRUE(instance->has_role(KONTOR_ROLE_SOURCE));

  struct Listed : sdk::DocumentList {
    std::vector<std::string> ids;
    sdk::Status add(const sdk::DocumentInfo& document) override {
      ids.push_back(document.id);
      return sdk::Status::ok();
    }
  } listed;
  std::atomic<bool> cancelled{false};
  const sdk::Status status = instance->call(
      cancelled, [&](const sdk::InstanceProxy& plugin) { return plugin.list(listed); });
  EXPECT_TRUE(status) << status.message();
  EXPECT_THAT(listed.ids, ElementsAre("statement.sta"));
  instances.reset();  // destroy() runs on the pool, which is still there
}

}  // namespace
}  // namespace kontor::host
