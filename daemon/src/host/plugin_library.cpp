#include "host/plugin_library.hpp"

#include <dlfcn.h>
#include <fmt/format.h>
#include <link.h>
#include <sys/stat.h>

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <cstring>
#include <optional>

#include "kontor/sdk/views.hpp"
#include "kontor/version.hpp"

namespace kontor::host {
namespace {

bool valid_name(std::string_view name) {
  auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
  return !name.empty() && name.size() <= 63 && name[0] != '-' &&
         std::all_of(name.begin(), name.end(), ok);
}

std::string text_of(const char* text) {
  return text == nullptr ? std::string() : text;
}

// Why dlopen refused `path`, without the path it puts in front ("PATH: undefined symbol: x").
std::string load_failure(const std::filesystem::path& path, const std::error_code& error) {
  const char* reason = ::dlerror();
  if (reason == nullptr) return error.message();
  std::string text = reason;
  const std::string prefix = path.string() + ": ";
  if (text.starts_with(prefix)) text.erase(0, prefix.size());
  return text;
}

// The entry symbol must be the pointer variable ABI v1 defines. A function of that name (what
// a C author might write) would be read as an address and its machine code jumped to; a null
// pointer called. Either takes kontord down instead of refusing one file.
std::optional<std::string> entry_symbol_problem(const boost::dll::shared_library& library) {
  void* symbol = ::dlsym(library.native(), KONTOR_PLUGIN_ENTRY_NAME);
  Dl_info info{};
  void* found = nullptr;
  if (::dladdr1(symbol, &info, &found, RTLD_DL_SYMENT) != 0 && found != nullptr &&
      info.dli_sname != nullptr && std::strcmp(info.dli_sname, KONTOR_PLUGIN_ENTRY_NAME) == 0) {
    const auto type = ELF64_ST_TYPE(static_cast<const ElfW(Sym)*>(found)->st_info);
    if (type == STT_FUNC || type == STT_GNU_IFUNC) {
      return fmt::format(
          "{} is a function; ABI v1 exports a pointer variable holding the entry function's "
          "address, as KONTOR_PLUGIN does",
          KONTOR_PLUGIN_ENTRY_NAME);
    }
  }
  if (*static_cast<const kontor_plugin_entry_fn*>(symbol) == nullptr) {
    return fmt::format("{} holds no function", KONTOR_PLUGIN_ENTRY_NAME);
  }
  return std::nullopt;
}

}  // namespace

Result<void> check_not_writable_by_others(const std::filesystem::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    return Error{fmt::format("{}: {}", path.string(), std::strerror(errno))};
  }
  // A link's own mode is always 0777 and chmod changes its target, so judge the link itself.
  if (S_ISLNK(st.st_mode)) {
    return Error{fmt::format(
        "{}: refused: a symbolic link (what it points to is not checked); put the real file or "
        "directory in its place",
        path.string())};
  }
  if (st.st_mode & (S_IWGRP | S_IWOTH)) {
    return Error{fmt::format(
        "{}: refused: writable by {} (mode {:04o}); anyone who can write a plugin can run code "
        "as kontord — chmod go-w it",
        path.string(), (st.st_mode & S_IWOTH) ? "everyone" : "its group", st.st_mode & 07777)};
  }
  return {};
}

Result<PluginLibrary> load_plugin_library(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return Error{fmt::format("{}: plugin file does not exist", path.string())};
  }
  if (!std::filesystem::is_regular_file(path, error)) {
    return Error{fmt::format("{}: not a regular file", path.string())};
  }
  if (auto ok = check_not_writable_by_others(path); !ok) return ok.error();

  auto library = std::make_shared<boost::dll::shared_library>();
  std::error_code load_error;
  library->load(path, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local,
                load_error);
  if (load_error) {
    // Boost.DLL reports every failed dlopen as "Bad file descriptor"; dlerror's text names the
    // missing symbol or the reason ("invalid ELF header").
    return Error{fmt::format("{}: cannot load: {}", path.string(), load_failure(path, load_error))};
  }
  if (!library->has(KONTOR_PLUGIN_ENTRY_NAME)) {
    return Error{
        fmt::format("{}: not a Kontor plugin (no {} entry point; a plugin built for "
                    "another ABI major version exports another name)",
                    path.string(), KONTOR_PLUGIN_ENTRY_NAME)};
  }
  if (auto problem = entry_symbol_problem(*library)) {
    return Error{fmt::format("{}: not a Kontor plugin ({})", path.string(), *problem)};
  }
  // The SDK exports the entry as a BOOST_DLL_ALIAS: a pointer-sized variable holding the
  // function's address.
  auto& entry = library->get_alias<const kontor_plugin_descriptor*(const kontor_host_info*)>(
      KONTOR_PLUGIN_ENTRY_NAME);
  const std::string host_version = kontor::kVersion;
  const kontor_host_info info{sizeof(kontor_host_info), KONTOR_ABI_MAJOR, KONTOR_ABI_MINOR,
                              sdk::view(host_version)};
  const kontor_plugin_descriptor* descriptor = nullptr;
  try {
    descriptor = entry(&info);
  } catch (...) {
    return Error{fmt::format("{}: the entry point threw an exception", path.string())};
  }
  if (descriptor == nullptr) {
    return Error{
        fmt::format("{}: the plugin refused this host (its entry point returned no "
                    "descriptor for ABI {}.{})",
                    path.string(), KONTOR_ABI_MAJOR, KONTOR_ABI_MINOR)};
  }
  const std::uint32_t size = descriptor->struct_size;
  const std::size_t minimum = offsetof(kontor_plugin_descriptor, abi_minor) + sizeof(uint16_t);
  if (size < minimum) {
    return Error{fmt::format("{}: descriptor too small ({} bytes)", path.string(), size)};
  }
  if (descriptor->abi_major != KONTOR_ABI_MAJOR || descriptor->abi_minor > KONTOR_ABI_MINOR) {
    return Error{fmt::format(
        "{}: built for plugin ABI {}.{}, this kontord speaks ABI {}.{} ({})", path.string(),
        descriptor->abi_major, descriptor->abi_minor, KONTOR_ABI_MAJOR, KONTOR_ABI_MINOR,
        descriptor->abi_major != KONTOR_ABI_MAJOR ? "the major version must match"
                                                  : "the plugin needs a newer kontord")};
  }

  PluginLibrary plugin;
  plugin.path = path;
  plugin.handle = library;
  std::memcpy(&plugin.descriptor, descriptor,
              std::min<std::size_t>(size, sizeof(kontor_plugin_descriptor)));
  const kontor_plugin_descriptor& d = plugin.descriptor;
  plugin.name = text_of(d.name);
  plugin.version = text_of(d.version);
  plugin.summary = text_of(d.summary);
  plugin.build_info = text_of(d.build_info);
  if (!valid_name(plugin.name)) {
    return Error{fmt::format("{}: plugin name '{}' is not a name of a-z, 0-9 and '-'",
                             path.string(), plugin.name)};
  }
  if (d.create == nullptr || d.destroy == nullptr) {
    return Error{fmt::format("{}: plugin '{}' has no create/destroy", path.string(), plugin.name)};
  }
  const struct {
    std::uint32_t role;
    const void* table;
    const char* what;
  } roles[] = {{KONTOR_ROLE_SOURCE, d.source, "source"},
               {KONTOR_ROLE_PARSER, d.parser, "parser"},
               {KONTOR_ROLE_CHANNEL, d.channel, "channel"},
               {KONTOR_ROLE_EXPORTER, d.exporter, "exporter"}};
  for (const auto& role : roles) {
    if (((d.roles & role.role) != 0) != (role.table != nullptr)) {
      return Error{
          fmt::format("{}: plugin '{}' declares the {} role and its functions "
                      "inconsistently",
                      path.string(), plugin.name, role.what)};
    }
  }
  if (d.roles == 0) {
    return Error{fmt::format("{}: plugin '{}' plays no role", path.string(), plugin.name)};
  }
  // Schema fields are read with the sender's element size; it must hold at least ABI 1.0's.
  if (d.config_field_count > 0 &&
      (d.config_fields == nullptr || d.config_field_size < sizeof(kontor_config_field))) {
    return Error{fmt::format("{}: plugin '{}' declares {} configuration keys of {} bytes each; "
                             "ABI 1.0 needs at least {}",
                             path.string(), plugin.name, d.config_field_count,
                             d.config_field_size, sizeof(kontor_config_field))};
  }
  return plugin;
}

}  // namespace kontor::host
