// kontorctl exports | export show|repeat|discard | bookings totals: the export to the
// bookkeeping over the admin API — the batches each target got, one batch with its bookings, a
// period exported again by the next export run, a batch that is not published dropped, and the
// debit and credit per account over all bookings.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace kontor::ctl {

// Registers the verbs; the returned function runs the one given (exit status), or returns -1
// when none of them was.
std::function<int()> add_export_commands(CLI::App& app, const std::string& config_path,
                                         const std::string& socket_path);

}  // namespace kontor::ctl
