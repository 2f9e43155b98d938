// kontorctl notes | note add | note resolve: calls and complaints about a customer or one of its
// items. An open complaint blocks reminders for what it is about until it is resolved.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace kontor::ctl {

// Adds the verbs to `app`; the returned function runs whichever was chosen (0 when none).
std::function<int()> add_notes_commands(CLI::App& app, const std::string& config_path);

}  // namespace kontor::ctl
