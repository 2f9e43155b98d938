// kontorctl's reports for the account manager, over the admin API (GET /reports/...):
//   aging [--as-of YYYY-MM-DD] [--customer K] [--json]
//   open-items (--year YYYY | --as-of YYYY-MM-DD) [--csv | --json]
//   activity --month YYYY-MM [--json]
//   dso (--month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD) [--json]
// Tables for people, the API's JSON (or the list's CSV) for programs. Nothing is changed.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace kontor::ctl {

// Registers the verbs; the returned function runs the one given (exit status), or returns -1
// when none was.
std::function<int()> add_report_commands(CLI::App& app, const std::string& config_path,
                                         const std::string& socket_path);

}  // namespace kontor::ctl
