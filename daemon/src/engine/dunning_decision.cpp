// One dunning decision (see the header).
#include "engine/dunning_decision.hpp"

#include <fmt/format.h>

#include "config/company_section.hpp"
#include "engine/dunning_book.hpp"
#include "engine/outbox_delivery.hpp"

namespace kontor::engine {

std::string force_key(const std::string& job) {
  return "force:" + job;
}

Result<DunningSetup> dunning_setup(const config::KontorConfig& config,
                                   const config::JobSettings& job, TimePoint now) {
  DunningSetup setup;
  Result<DunningSettings> settings = dunning_settings_of(config.root.find("dunning"));
  if (!settings) return Error{"dunning: " + settings.error().message};
  setup.settings = std::move(*settings);
  if (setup.settings.policy.levels.empty()) {
    return Error{"dunning: the configuration has no `dunning:` section with levels"};
  }
  const config::ConfigNode* company = config.root.find("company");
  if (company == nullptr) return Error{"dunning: the configuration has no `company:` section"};
  setup.company = config::company_of(*company);
  Result<Date> today =
      local_date(now, setup.company.timezone.empty() ? job.timezone : setup.company.timezone);
  if (!today) return today.error();
  setup.today = *today;
  setup.channels = notice_channels(config, job);
  if (setup.channels.empty()) {
    return Error{fmt::format(
        "dunning job '{}' has no channel in `outputs` (an instance of plugin email or letter)",
        job.name)};
  }
  Result<render::NoticeRenderer> renderer = render::NoticeRenderer::load(
      setup.settings.template_dir, setup.settings.policy.default_language);
  if (!renderer) return Error{"dunning templates: " + renderer.error().message};
  for (const dunning::DunningLevel& level : setup.settings.policy.levels) {
    if (Status found = renderer->check(level.template_name); !found) {
      return Error{fmt::format("dunning level '{}': {}", level.name, found.error().message)};
    }
  }
  setup.renderer = std::move(*renderer);
  setup.collection_dir = setup.settings.collection_dir.empty()
                             ? std::filesystem::path(config.daemon.state_dir) / "collection"
                             : setup.settings.collection_dir;
  return setup;
}

Result<DunningDecision> decide_dunning(const config::KontorConfig& config,
                                       const DunningSetup& setup, store::Reader& reader,
                                       TimePoint now, const std::string& run_key) {
  DunningDecision decision;
  Result<BankFreshness> freshness =
      check_bank_freshness(config, setup.company, setup.settings, reader, now, setup.today);
  if (!freshness) return freshness.error();
  decision.freshness = std::move(*freshness);
  Result<dunning::DunningBook> book = load_dunning_book(reader, setup.settings.policy, setup.today);
  if (!book) return book.error();
  decision.book = std::move(*book);
  const dunning::DunningContext context{
      .policy = setup.settings.policy,
      .calendar = setup.settings.calendar,
      .base_rates = setup.settings.base_rates ? &*setup.settings.base_rates : nullptr,
      .today = setup.today,
      .email_channel = setup.channels.count("email") > 0,
      .letter_channel = setup.channels.count("letter") > 0};
  Result<dunning::DunningPlan> plan = dunning::decide(decision.book, context);
  if (!plan) return plan.error();
  decision.plan = std::move(*plan);
  const DraftInputs inputs{.settings = setup.settings,
                           .company = setup.company,
                           .renderer = *setup.renderer,
                           .channels = setup.channels,
                           .today = setup.today,
                           .run_key = run_key};
  Result<std::vector<NoticeDraft>> drafts =
      draft_notices(decision.plan, decision.book, inputs, reader);
  if (!drafts) return drafts.error();
  decision.drafts = std::move(*drafts);
  return decision;
}

}  // namespace kontor::engine
