// kontorctl notices | notice | notice-retry | blocks | block | unblock | dunning preview |
// dunning run: the outbox of reminders, the blocks account managers set, and a dunning job's
// dry run and forced run, over the admin API.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace kontor::ctl {

// Registers the verbs; the returned function runs the one given (exit status), or returns -1
// when none of them was.
std::function<int()> add_dunning_commands(CLI::App& app, const std::string& config_path,
                                          const std::string& socket_path);

}  // namespace kontor::ctl
