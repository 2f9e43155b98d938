// Logging for kontord and kontorctl, on spdlog.
//
// Under journald (stderr is the stream named by $JOURNAL_STREAM) every record is one line with a
// "<N>" syslog priority prefix and no timestamp: journald adds its own and maps the priority.
// Anywhere else a record reads "2026-11-28 10:43:18.123 info  [config] message".
// Components are named loggers ("config", "plugin", "job") sharing the one sink.
#pragma once

#include <spdlog/logger.h>

#include <memory>
#include <string>
#include <string_view>

namespace kontor::log {

// True when fd 2 is the journal stream systemd passed in $JOURNAL_STREAM.
bool stderr_is_journal();

// Installs the sink and level for all components. Call once at start; again to change level.
void setup(std::string_view level, bool journal);
void set_level(std::string_view level);

// The logger of one component, created on first use.
std::shared_ptr<spdlog::logger> get(const std::string& component);

}  // namespace kontor::log
