// kontorctl parse FILE [--format auto|camt|mt940|bank-csv] [--preset NAME] [--plugin-dir DIR]
// [--summary]: reads a bank file offline with the installed parser plugins and prints what they
// read as JSON (or, with --summary, one line per statement). Exit 0 when the file was read, 1
// with {"error": {"file", "line", "column", "message"}} when it cannot be, 2 for usage.
//
// Plugins are looked for in --plugin-dir, $KONTOR_PLUGIN_DIR, the build tree beside kontorctl
// (../plugins), then the installed plugin directory.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace kontor::ctl {

std::function<int()> add_parse_command(CLI::App& app);

}  // namespace kontor::ctl
