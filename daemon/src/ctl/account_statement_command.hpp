// kontorctl statement CUSTOMER --period YYYY-MM: a customer's statement of account for one
// month on demand, over the admin API (GET /customers/{number}/statement) — its text, its JSON
// or its PDF letter into a file. Nothing is recorded or sent.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace kontor::ctl {

// Registers the verb; the returned function runs it (exit status), or returns -1 when it was
// not given.
std::function<int()> add_account_statement_command(CLI::App& app, const std::string& config_path,
                                                   const std::string& socket_path);

}  // namespace kontor::ctl
