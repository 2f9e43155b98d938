// kontorctl statements | files --quarantined: what came in from the banks, over the admin API.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace kontor::ctl {

// Registers the verbs; the returned function runs the one given (exit status), or returns -1
// when none of them was.
std::function<int()> add_statements_commands(CLI::App& app, const std::string& config_path,
                                             const std::string& socket_path);

}  // namespace kontor::ctl
