// kontorctl match --open-items FILE --statement FILE [--json] [--post-from N] [--timings]:
// offline, in an in-memory SQLite store, imports the open items and the bank statement with the
// installed parser plugins and the import rules kontord uses, runs the reconcile step, and
// prints what would be posted, what would go to review (with candidates) and what stays
// unmatched. Nothing is written anywhere. Exit 0 when both files were read, 1 with the file and
// the reason when one cannot be, 2 for usage.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace kontor::ctl {

std::function<int()> add_match_command(CLI::App& app);

}  // namespace kontor::ctl
