// kontorctl review | unmatched | entry | allocate | undo: the payments the reconcile engine left
// for a person, and a person's decisions about them, over the admin API.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace kontor::ctl {

// Registers the verbs; the returned function runs the one given (exit status), or returns -1
// when none of them was.
std::function<int()> add_review_commands(CLI::App& app, const std::string& config_path,
                                         const std::string& socket_path);

}  // namespace kontor::ctl
