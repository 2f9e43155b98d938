// From the dunning plan to the outbox: each planned notice gets its number (and with it its RF
// reference and idempotency key), the fee and interest items it charges, its rendering, and
// the dunning records of its invoices — everything `record_notices` then writes in the one
// transaction of the run.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "dunning/dunning_decider.hpp"
#include "engine/dunning_settings.hpp"
#include "kontor/model/company.hpp"
#include "kontor/result.hpp"
#include "render/notice_renderer.hpp"
#include "store/store.hpp"

namespace kontor::engine {

struct NoticeDraft {
  store::StoredNotice stored;
  std::vector<OpenItem> charge_items;       // fee and interest items, open
  std::vector<store::ItemDunning> records;  // the invoices' dunning records after the notice
};

struct DraftInputs {
  const DunningSettings& settings;
  const Company& company;
  const render::NoticeRenderer& renderer;
  // The job's channel instances by kind: "email" → instance name, "letter" → instance name.
  std::map<std::string, std::string> channels;
  Date today;
  std::string run_key;
};

Result<std::vector<NoticeDraft>> draft_notices(const dunning::DunningPlan& plan,
                                               const dunning::DunningBook& book,
                                               const DraftInputs& inputs, store::Reader& reader);

// Writes the drafts and hand-overs: charge items, notices, dunning records.
Status record_notices(store::Transaction& tx, const std::vector<NoticeDraft>& drafts,
                      const std::vector<dunning::Handover>& handovers, const std::string& run_key);

}  // namespace kontor::engine
