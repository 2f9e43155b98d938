// Delivering the outbox: every notice waiting for delivery (pending, or retrying after a
// temporary failure) is handed, with its stored rendering, to its channel instance, then marked
// in a transaction of its own — delivered, retrying (the channel said RETRY) or parked with the
// channel's reason (a permanent failure an operator must look at). A crash between delivery
// and mark repeats that one notice; the idempotency key lets the channel recognise it.
//
// When one channel instance has left kRetriesBeforePause notices in a row to retry, its server
// is taken to be down: its remaining notices are not tried in this run (each try could last the
// channel's whole timeout) and stay waiting, untouched, for the next.
//
// Jobs that run side by side deliver one after the other (one pass at a time per process), so
// no notice is handed to its channel by two passes.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "config/kontor_config.hpp"
#include "kontor/model/company.hpp"
#include "kontor/result.hpp"
#include "store/store.hpp"

namespace kontor::host {
class PluginInstances;
}

namespace kontor::engine {

inline constexpr int kRetriesBeforePause = 3;

struct OutboxCounts {
  std::int64_t delivered = 0;
  std::int64_t retrying = 0;
  std::int64_t parked = 0;
  std::int64_t waiting = 0;           // not tried: their channel kept failing in this run
  std::vector<std::string> problems;  // one line per retrying or parked notice
};

// The job's channel instances by plugin — "email" → instance name, "letter" → instance name —
// from its `outputs` (other outputs are not channels).
std::map<std::string, std::string> notice_channels(const config::KontorConfig& config,
                                                   const config::JobSettings& job);

Result<OutboxCounts> deliver_outbox(store::Store& store, host::PluginInstances& plugins,
                                    const Company& company, const std::atomic<bool>& cancelled,
                                    const std::string& actor);

}  // namespace kontor::engine
