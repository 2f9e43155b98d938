// kontorctl write-off ITEM --reason TEXT [--doubtful] [--amount A] [--on DAY] and
// kontorctl write-offs [--from DAY] [--to DAY] [--json]: the account manager's write-offs through
// kontord's admin API (service/write_off_routes.cpp).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace kontor::ctl {

// Registers the verbs; the returned function runs the one given (exit status), or returns -1
// when none was.
std::function<int()> add_write_off_commands(CLI::App& app, const std::string& config_path,
                                            const std::string& socket_path);

}  // namespace kontor::ctl
