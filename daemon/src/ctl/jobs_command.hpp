// kontorctl status | jobs | runs JOB | run JOB: asks the running kontord over its admin socket.
// Tables for people, --json for scripts (the API's own JSON, unchanged).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace kontor::ctl {

// `socket_path`: --socket, or empty to take daemon.admin_socket from the configuration.
std::function<int()> add_jobs_commands(CLI::App& app, const std::string& config_path,
                                       const std::string& socket_path);

}  // namespace kontor::ctl
