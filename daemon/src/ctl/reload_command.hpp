// kontorctl reload: the unit's ExecReload. systemd 252 (Debian 12) has no Type=notify-reload, and
// `kill -HUP $MAINPID` returns before kontord has answered, so `systemctl reload` could neither
// wait nor fail. This verb
//   1. validates the configuration with the daemon's own loader (plugins and schemas included)
//      and, on any error, prints them and exits 78 without disturbing kontord;
//   2. sends SIGHUP to kontord (--pid, default $MAINPID, which systemd sets for ExecReload);
//   3. under systemd, waits for kontord's answer: the unit's StatusText (sd_notify STATUS=) on
//      the system bus goes to "reloading ..." and then to "ready (reloaded): ..." (exit 0) or
//      "reload rejected ..." (exit 1), or --timeout passes (exit 1).
// Outside systemd there is nobody to ask: it says so after step 2 and exits 0.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace kontor::ctl {

std::function<int()> add_reload_command(CLI::App& app, const std::string& config_path);

}  // namespace kontor::ctl
