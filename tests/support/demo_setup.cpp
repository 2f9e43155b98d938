#include "support/demo_setup.hpp"

#include <sstream>
#include <utility>

#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace fs = std::filesystem;

void drop_demo_files(const fs::path& state) {
  fs::create_directories(state / "inbox/erp");
  fs::create_directories(state / "inbox/bank");
  for (const auto& [file, folder] :
       {std::pair{"erp/2026-11-27_offene-posten.csv", "erp"},
        std::pair{"bank/2026-11-26_MT940_Sparkasse-KoelnBonn.sta", "bank"},
        std::pair{"bank/2026-11-27_camt053_DE02370502990000684712.xml", "bank"}}) {
    const fs::path from = source_dir() / "config/demo-data" / file;
    fs::copy_file(from, state / "inbox" / folder / from.filename());
  }
}

std::string demo_yaml(const fs::path& state, const fs::path& socket) {
  std::istringstream lines(read_file(source_dir() / "config/demo.yaml"));
  std::string yaml;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("schedule:") != std::string::npos) continue;
    for (const auto& [variable, value] :
         {std::pair{std::string("${KONTOR_DEMO_STATE}"), state.string()},
          std::pair{std::string("${KONTOR_PLUGIN_DIR}"), (binary_dir() / "plugins").string()}}) {
      for (auto at = line.find(variable); at != std::string::npos; at = line.find(variable)) {
        line.replace(at, variable.size(), value);
      }
    }
    yaml += line + "\n";
    if (line == "daemon:") yaml += "  admin_socket: " + socket.string() + "\n";
  }
  return yaml;
}

}  // namespace kontor::testing
