// What every source plugin needs before it offers a file: is it still being written? A bank's
// client or an ERP writes a statement in pieces; a source offers a file only once its size and
// modification time have stayed the same for `settle` — since it was first seen like that, or
// since it was last written, whichever says so first.
//
// The sightings survive between listings in the instance's state (Host::state/put_state): give
// SettleWatch what the last listing remembered, call settled() for every file of this listing,
// and put remember() back. Files no longer listed are forgotten.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace kontor::sdk {

class SettleWatch {
 public:
  // `remembered`: the text remember() gave last time (empty at first); instants in µs.
  SettleWatch(std::string_view remembered, std::int64_t now_us, std::int64_t settle_us);

  // Records `name` (no tab or line break) as seen now; true when it has settled. `mtime_us` 0
  // means the server did not say when it was written.
  bool settled(const std::string& name, std::int64_t size, std::int64_t mtime_us);

  // How long until the first file seen but not settled will have settled; 0 when none waits.
  std::int64_t next_settled_in_us() const { return next_settled_in_us_; }

  // The sightings of this listing, for put_state.
  std::string remember() const;

 private:
  struct Sighting {
    std::int64_t size = -1;
    std::int64_t mtime_us = 0;
    std::int64_t first_seen_us = 0;
  };
  std::map<std::string, Sighting> before_;
  std::map<std::string, Sighting> now_seen_;
  std::int64_t now_us_;
  std::int64_t settle_us_;
  std::int64_t next_settled_in_us_ = 0;
};

// "2026-11-28T10-15-00Z_": the prefix a source puts before a file's name when it moves it to
// processed/ or quarantine/, so that a daily "statement.xml" never meets yesterday's.
std::string moved_name_prefix(std::int64_t now_us);

// The instant (µs, whole seconds) that moved_name_prefix put before `name`; none when `name` does
// not start with such a prefix, e.g. a file someone else put into processed/. What a source
// reads to keep processed/ to its `keep_processed_days`.
std::optional<std::int64_t> moved_at_us(std::string_view name);

}  // namespace kontor::sdk
