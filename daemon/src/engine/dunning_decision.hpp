// One dunning decision, shared by the engine's run and the admin API's dry run: read the
// settings, check that the bank data is fresh, load the book, decide, and draft the notices
// with their rendering — all from one consistent view of the store, nothing written.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "config/kontor_config.hpp"
#include "engine/bank_freshness.hpp"
#include "engine/dunning_notices.hpp"
#include "engine/dunning_settings.hpp"
#include "render/notice_renderer.hpp"

namespace kontor::engine {

// What a run of one dunning job works with.
struct DunningSetup {
  DunningSettings settings;
  Company company;
  Date today;
  std::map<std::string, std::string> channels;  // "email"/"letter" → the job's output instance
  std::optional<render::NoticeRenderer> renderer;
  std::filesystem::path collection_dir;
};

Result<DunningSetup> dunning_setup(const config::KontorConfig& config,
                                   const config::JobSettings& job, TimePoint now);

struct DunningDecision {
  BankFreshness freshness;
  dunning::DunningBook book;
  dunning::DunningPlan plan;
  std::vector<NoticeDraft> drafts;
};

// Decides even when the bank data is stale (the caller refuses or overrides).
Result<DunningDecision> decide_dunning(const config::KontorConfig& config,
                                       const DunningSetup& setup, store::Reader& reader,
                                       TimePoint now, const std::string& run_key);

// The key under which a forced run is requested (plugin state of instance "dunning").
std::string force_key(const std::string& job);

}  // namespace kontor::engine
