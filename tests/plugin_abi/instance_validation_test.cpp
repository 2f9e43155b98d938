// An instance's section is checked against its plugin's declared schema, and a job's inputs
// against the roles of the instances they name — with FILE:LINE:COLUMN, before any plugin code
// runs. The plugin directory holds the real folder-source and the fixture parser
// throwing-constructor (whose code must never run here).
#include "host/instance_validation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugin_fixtures.hpp"

namespace kontor::host {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class InstanceValidationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::copy_plugins({testing::real_plugin_dir() / "kontor-folder-source.so",
                           testing::fixture_file("throwing-constructor")},
                          plugins_.path());
    std::vector<std::string> load_errors;
    catalog_ = PluginCatalog::load(plugins_.path(), load_errors);
    ASSERT_THAT(load_errors, IsEmpty());
  }

  // Every error of `text` (after the four lines of the company section), as FILE:LINE:COLUMN.
  std::vector<std::string> errors_of(const std::string& text) {
    auto loaded = testing::load_test_config(text);
    std::vector<std::string> lines;
    for (const auto& error : loaded.errors) lines.push_back(config::to_string(error));
    if (!lines.empty() || !loaded.config) return lines;
    config::ConfigErrors errors;
    validate_instances(*loaded.config, catalog_, config::process_environment(), errors);
    for (const auto& error : errors) lines.push_back(config::to_string(error));
    return lines;
  }

  testing::TempDir plugins_;
  PluginCatalog catalog_;
};

TEST_F(InstanceValidationTest, ValidSectionsPass) {
  EXPECT_THAT(errors_of("instances:\n"
                        "  drop: {plugin: folder-source, path: /srv/drop, settle: 30s}\n"
                        "  keys: {plugin: throwing-constructor}\n"),
              IsEmpty());
}

TEST_F(InstanceValidationTest, UnknownPluginSuggestsTheNearestName) {
  EXPECT_THAT(
      errors_of("instances:\n"
                "  drop:\n"
                "    plugin: folder-sorce\n"
                "    path: /srv/drop\n"),
      ElementsAre("k.yaml:7:13: 'instances.drop.plugin': no plugin named 'folder-sorce' in " +
                  plugins_.path().string() + " (did you mean 'folder-source'?)"));
}

TEST_F(InstanceValidationTest, PluginKeyOfTheWrongTypeIsPlaced) {
  EXPECT_THAT(errors_of("instances:\n"
                        "  drop:\n"
                        "    plugin: folder-source\n"
                        "    path: /srv/drop\n"
                        "    settle: soon\n"),
              ElementsAre("k.yaml:9:13: 'instances.drop.settle': expected a duration such as 90s, "
                          "5m, 2h, 1d or 1h30m, found 'soon'"));
}

TEST_F(InstanceValidationTest, UnknownPluginKeyIsPlaced) {
  EXPECT_THAT(errors_of("instances:\n"
                        "  drop:\n"
                        "    plugin: folder-source\n"
                        "    path: /srv/drop\n"
                        "    recursive: true\n"),
              ElementsAre("k.yaml:9:5: unknown key 'recursive' in 'instances.drop'"));
}

TEST_F(InstanceValidationTest, JobInputThatIsNotASourceIsPlaced) {
  EXPECT_THAT(errors_of("instances:\n"
                        "  drop: {plugin: folder-source, path: /srv/drop}\n"
                        "  keys: {plugin: throwing-constructor}\n"
                        "jobs:\n"
                        "  import:\n"
                        "    engine: import_statements\n"
                        "    inputs: [drop, keys]\n"
                        "    parsers: [keys]\n"),
              ElementsAre("k.yaml:11:20: 'jobs.import.inputs[1]': instance 'keys' (plugin "
                          "throwing-constructor) is not a source"));
}

}  // namespace
}  // namespace kontor::host
