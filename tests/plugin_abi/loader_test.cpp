// Every way a plugin file or directory can be unfit to load is refused at start-up with one
// clear message naming the file — each proven with a fixture library built by the test suite.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "host/plugin_catalog.hpp"
#include "host/plugin_library.hpp"
#include "kontor/plugin_abi.h"
#include "plugin_fixtures.hpp"

namespace kontor::host {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using testing::fixture_dir;
using testing::fixture_file;
using ::testing::IsEmpty;

// The ABI this kontord speaks, as its messages name it ("1.1").
std::string host_abi() {
  return std::to_string(KONTOR_ABI_MAJOR) + "." + std::to_string(KONTOR_ABI_MINOR);
}

// The one error a broken file gives.
std::string load_error(const fs::path& file) {
  auto plugin = load_plugin_library(file);
  if (plugin) return "loaded without error";
  return plugin.error().message;
}

TEST(PluginLoader, MissingFileIsNamed) {
  const fs::path file = fixture_dir("garbage") / "kontor-nowhere.so";
  EXPECT_EQ(load_error(file), file.string() + ": plugin file does not exist");
}

TEST(PluginLoader, SharedLibraryWithoutEntryPointIsNotAKontorPlugin) {
  const fs::path file = fixture_file("not-plugin");
  EXPECT_EQ(load_error(file),
            file.string() +
                ": not a Kontor plugin (no kontor_plugin_entry_v1 entry point; a plugin built for "
                "another ABI major version exports another name)");
}

TEST(PluginLoader, FileThatIsNotASharedLibraryCannotBeLoaded) {
  const fs::path file = fixture_file("garbage");
  EXPECT_EQ(load_error(file), file.string() + ": cannot load: invalid ELF header");
}

TEST(PluginLoader, MissingSymbolFailsAtLoadNotInTheMiddleOfAJob) {
  const fs::path file = fixture_file("unresolved-symbol");
  EXPECT_EQ(
      load_error(file),
      file.string() + ": cannot load: undefined symbol: kontor_fixture_function_nobody_defines");
}

TEST(PluginLoader, AbiMajorMismatchNamesBothVersions) {
  const fs::path file = fixture_file("abi-major");
  EXPECT_EQ(load_error(file), file.string() +
                                  ": built for plugin ABI 2.0, this kontord speaks ABI " +
                                  host_abi() + " (the major version must match)");
}

TEST(PluginLoader, NewerMinorNamesBothVersions) {
  const fs::path file = fixture_file("abi-minor");
  EXPECT_EQ(load_error(file), file.string() +
                                  ": built for plugin ABI 1.99, this kontord speaks ABI " +
                                  host_abi() + " (the plugin needs a newer kontord)");
}

TEST(PluginLoader, NullDescriptorMeansThePluginRefusedThisHost) {
  const fs::path file = fixture_file("null-descriptor");
  EXPECT_EQ(load_error(file), file.string() +
                                  ": the plugin refused this host (its entry point returned no "
                                  "descriptor for ABI " +
                                  host_abi() + ")");
}

TEST(PluginLoader, EntryPointExportedAsAFunctionIsRefusedNotCalled) {
  const fs::path file = fixture_file("entry-is-function");
  EXPECT_EQ(load_error(file),
            file.string() +
                ": not a Kontor plugin (kontor_plugin_entry_v1 is a function; ABI v1 exports a "
                "pointer variable holding the entry function's address, as KONTOR_PLUGIN does)");
}

TEST(PluginLoader, EntryPointHoldingNoFunctionIsRefused) {
  const fs::path file = fixture_file("null-entry");
  EXPECT_EQ(load_error(file),
            file.string() + ": not a Kontor plugin (kontor_plugin_entry_v1 holds no function)");
}

TEST(PluginLoader, RolesWithoutTheirFunctionsAreInconsistent) {
  const fs::path file = fixture_file("inconsistent-roles");
  EXPECT_EQ(load_error(file), file.string() +
                                  ": plugin 'inconsistent-roles' declares the parser role and its "
                                  "functions inconsistently");
}

TEST(PluginLoader, WellFormedFixtureLoads) {
  auto plugin = load_plugin_library(fixture_file("flaky-bank"));
  ASSERT_TRUE(plugin) << plugin.error().message;
  EXPECT_EQ(plugin->name, "flaky-bank");
  EXPECT_EQ(plugin->version, "0.0.1");
  EXPECT_EQ(plugin->descriptor.roles, static_cast<std::uint32_t>(KONTOR_ROLE_SOURCE));
}

TEST(PluginCatalog, TwoPluginsWithOneNameAreRefused) {
  std::vector<std::string> errors;
  const fs::path dir = fixture_dir("duplicate-name");
  const PluginCatalog catalog = PluginCatalog::load(dir, errors);
  EXPECT_THAT(errors, ElementsAre((dir / "kontor-twin-b.so").string() +
                                  ": plugin name 'twin' is already taken by " +
                                  (dir / "kontor-twin-a.so").string()));
  EXPECT_THAT(catalog.names(), ElementsAre("twin"));
}

TEST(PluginCatalog, EveryBrokenFileOfADirectoryIsReported) {
  std::vector<std::string> errors;
  const PluginCatalog catalog = PluginCatalog::load(fixture_dir("abi-major"), errors);
  EXPECT_THAT(errors, ElementsAre(load_error(fixture_file("abi-major"))));
  EXPECT_THAT(catalog.plugins(), IsEmpty());
}

TEST(PluginCatalog, MissingDirectoryIsNamed) {
  std::vector<std::string> errors;
  const fs::path dir = fixture_dir("no-such-case");
  PluginCatalog::load(dir, errors);
  EXPECT_THAT(errors, ElementsAre(dir.string() + ": plugin directory does not exist"));
}

// Whoever may write a plugin file or its directory can run code as kontord. The checks read the
// mode bits, so they hold for a test running as root too.
class WritablePluginTest : public ::testing::Test {
 protected:
  void SetUp() override { testing::copy_plugins({fixture_file("flaky-bank")}, dir_.path()); }
  fs::path file() const { return dir_ / "kontor-flaky-bank.so"; }
  testing::TempDir dir_;
};

TEST_F(WritablePluginTest, FileWritableByItsGroupIsRefused) {
  fs::permissions(file(), fs::perms(0775));
  EXPECT_EQ(load_error(file()),
            file().string() +
                ": refused: writable by its group (mode 0775); anyone who can write a plugin can "
                "run code as kontord — chmod go-w it");
}

TEST_F(WritablePluginTest, FileWritableByEveryoneIsRefused) {
  fs::permissions(file(), fs::perms(0757));
  EXPECT_EQ(load_error(file()),
            file().string() +
                ": refused: writable by everyone (mode 0757); anyone who can write a plugin can "
                "run code as kontord — chmod go-w it");
}

TEST_F(WritablePluginTest, DirectoryWritableByOthersIsRefusedBeforeAnyFileIsLoaded) {
  fs::permissions(dir_.path(), fs::perms(0707));
  std::vector<std::string> errors;
  const PluginCatalog catalog = PluginCatalog::load(dir_.path(), errors);
  EXPECT_THAT(errors, ElementsAre(dir_.path().string() +
                                  ": refused: writable by everyone (mode 0707); anyone who can "
                                  "write a plugin can run code as kontord — chmod go-w it"));
  EXPECT_THAT(catalog.plugins(), IsEmpty());
}

// A link's own mode bits are always 0777 and chmod changes its target, so judging a link by them
// gave advice that could never work; and what it points to is nowhere checked.
TEST_F(WritablePluginTest, SymbolicLinkIsRefusedAsALink) {
  const fs::path link = dir_ / "kontor-linked.so";
  fs::create_symlink(file(), link);
  EXPECT_EQ(load_error(link), link.string() +
                                  ": refused: a symbolic link (what it points to is not checked); "
                                  "put the real file or directory in its place");
}

TEST_F(WritablePluginTest, PrivateCopyLoads) {
  std::vector<std::string> errors;
  const PluginCatalog catalog = PluginCatalog::load(dir_.path(), errors);
  EXPECT_THAT(errors, IsEmpty());
  EXPECT_THAT(catalog.names(), ElementsAre("flaky-bank"));
}

}  // namespace
}  // namespace kontor::host
