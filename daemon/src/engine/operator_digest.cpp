// The operator's daily digest (see the header).
#include "engine/operator_digest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "store/event_payload.hpp"
#include "store/store.hpp"

namespace kontor::engine {
namespace {

// How many runs of one job are looked at: a job every five minutes runs 288 times a day, and a
// digest that was not sent for a few days covers them all.
constexpr std::int64_t kRunsPerJob = 2000;
// Refused files looked at for one period: more are counted as "at least".
constexpr std::int64_t kRefusedFiles = 5000;

bool is_failure(JobRunOutcome outcome) {
  return outcome == JobRunOutcome::failed || outcome == JobRunOutcome::timed_out ||
         outcome == JobRunOutcome::missed;
}

DigestRun digest_run(const store::JobRun& run) {
  return DigestRun{.job = run.job,
                   .outcome = std::string(to_string(run.outcome)),
                   .ended_at = run.ended_at ? format_instant(*run.ended_at) : std::string(),
                   .attempt = run.attempt,
                   .error = run.error};
}

// Length of the UTF-8 sequence starting at `text[at]`, or 0 when it is not a valid one.
std::size_t utf8_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  std::size_t length = 0;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF)
    length = 2;
  else if (lead >= 0xE0 && lead <= 0xEF)
    length = 3;
  else if (lead >= 0xF0 && lead <= 0xF4)
    length = 4;
  else
    return 0;
  if (at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
  }
  // Overlong forms, surrogates and code points beyond U+10FFFF.
  if (lead == 0xE0 && byte(at + 1) < 0xA0) return 0;
  if (lead == 0xED && byte(at + 1) > 0x9F) return 0;
  if (lead == 0xF0 && byte(at + 1) < 0x90) return 0;
  if (lead == 0xF4 && byte(at + 1) > 0x8F) return 0;
  return length;
}

// "… and 12 more: kontorctl files"
std::string more_line(std::int64_t more, std::string_view command) {
  return fmt::format("  ... and {} more: {}\n", more, command);
}

void add_section(std::string& text, std::string_view title, std::int64_t count) {
  text += fmt::format("\n{} ({})\n", title, count);
}

}  // namespace

std::int64_t DigestFacts::attention() const {
  std::set<std::string> failing;
  for (const DigestRun& run : still_failing) failing.insert(run.job);
  // A job still failing is one thing to look at, however often it failed; the failures of a job
  // that has recovered since count one by one.
  const auto recovered =
      std::count_if(failed_runs.begin(), failed_runs.end(),
                    [&](const DigestRun& run) { return !failing.contains(run.job); });
  return static_cast<std::int64_t>(failing.size()) + recovered + quarantined_total + parked_total +
         review + static_cast<std::int64_t>(unpublished_exports.size());
}

std::string one_line(std::string_view text, std::size_t limit) {
  std::string out;
  bool space = false;
  for (std::size_t at = 0; at < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[at]);
    const std::size_t length = utf8_length(text, at);
    std::string_view piece;
    if (length == 0) {
      piece = "?";  // not UTF-8: the mail's text is
      at += 1;
    } else if (c < 0x20 || c == 0x7F || c == ' ') {
      space = !out.empty();
      at += 1;
      continue;
    } else {
      piece = text.substr(at, length);
      at += length;
    }
    const std::size_t needed = piece.size() + (space ? 1 : 0);
    if (out.size() + needed > limit) {
      // Cut at a whole character, leaving room for the ellipsis.
      while (out.size() + 3 > limit && !out.empty()) {
        std::size_t back = out.size() - 1;
        while (back > 0 && (static_cast<unsigned char>(out[back]) & 0xC0) == 0x80) --back;
        out.erase(back);
      }
      return out + "...";
    }
    if (space) out += ' ';
    space = false;
    out += piece;
  }
  return out;
}

Result<DigestFacts> gather_digest_facts(store::Reader& reader, const DigestQuery& query) {
  DigestFacts facts;
  facts.since = query.since;
  facts.until = query.until;
  for (const std::string& job : query.jobs) {
    Result<std::vector<store::JobRun>> runs = reader.job_runs(job, kRunsPerJob);
    if (!runs) return runs.error();
    // The newest run that ended tells whether the job is failing now (a run going on is not
    // an answer yet).
    const auto latest = std::find_if(runs->begin(), runs->end(), [](const store::JobRun& run) {
      return run.outcome != JobRunOutcome::running;
    });
    if (latest != runs->end() && is_failure(latest->outcome)) {
      facts.still_failing.push_back(digest_run(*latest));
    }
    for (const store::JobRun& run : *runs) {
      if (!run.ended_at || !is_failure(run.outcome)) continue;
      if (*run.ended_at <= query.since || *run.ended_at > query.until) continue;
      facts.failed_runs.push_back(digest_run(run));
    }
  }
  std::sort(facts.failed_runs.begin(), facts.failed_runs.end(),
            [](const DigestRun& a, const DigestRun& b) {
              return std::tie(b.ended_at, a.job) < std::tie(a.ended_at, b.job);
            });

  Result<std::vector<store::RefusedFile>> refused = reader.refused_files(kRefusedFiles);
  if (!refused) return refused.error();
  // refused_at is the store's UTC text; both ends in that form compare as the instants do.
  const std::string since = store::utc_timestamp(query.since);
  const std::string until = store::utc_timestamp(query.until);
  for (const store::RefusedFile& file : *refused) {
    if (file.refused_at <= since || file.refused_at > until) continue;
    ++facts.quarantined_total;
    if (static_cast<std::int64_t>(facts.quarantined.size()) < query.list_limit) {
      facts.quarantined.push_back(DigestFile{.source = file.file.source,
                                             .name = file.file.name,
                                             .refused_at = file.refused_at,
                                             .reason = file.reason});
    }
  }

  Result<std::map<std::string, std::int64_t>> notices = reader.notice_counts();
  if (!notices) return notices.error();
  const auto count_of = [](const std::map<std::string, std::int64_t>& counts,
                           const std::string& key) {
    const auto found = counts.find(key);
    return found == counts.end() ? std::int64_t{0} : found->second;
  };
  facts.parked_total = count_of(*notices, std::string(to_string(DeliveryState::parked)));
  facts.retrying = count_of(*notices, std::string(to_string(DeliveryState::retrying)));
  if (facts.parked_total > 0) {
    store::NoticeQuery parked;
    parked.state = DeliveryState::parked;
    parked.limit = query.list_limit;
    Result<std::vector<store::StoredNotice>> listed = reader.notices(parked);
    if (!listed) return listed.error();
    for (const store::StoredNotice& stored : *listed) {
      facts.parked.push_back(DigestNotice{.number = stored.notice.number,
                                          .kind = std::string(to_string(stored.notice.kind)),
                                          .customer = stored.notice.customer_number,
                                          .channel = stored.notice.channel,
                                          .reason = stored.notice.delivery_detail});
    }
  }

  Result<std::map<std::string, std::int64_t>> decisions = reader.reconciliation_counts();
  if (!decisions) return decisions.error();
  facts.review = count_of(*decisions, std::string(to_string(store::ReconciliationState::review)));
  facts.unmatched =
      count_of(*decisions, std::string(to_string(store::ReconciliationState::unmatched)));

  for (const std::string& target : query.export_targets) {
    Result<std::vector<store::ExportBatchRecord>> batches =
        reader.unfinished_export_batches(target);
    if (!batches) return batches.error();
    for (const store::ExportBatchRecord& batch : *batches) {
      facts.unpublished_exports.push_back(DigestBatch{.id = batch.id,
                                                      .state = std::string(to_string(batch.state)),
                                                      .recorded_at = batch.recorded_at,
                                                      .detail = batch.detail});
    }
  }
  return facts;
}

DigestMail compose_digest(const DigestFacts& facts, std::int64_t list_limit) {
  const std::int64_t attention = facts.attention();
  DigestMail mail;
  const std::string company = one_line(facts.company, 80);
  mail.subject = attention == 0 ? fmt::format("Kontor digest for {}, {}: all well", company,
                                              facts.day.to_iso())
                                : fmt::format("Kontor digest for {}, {}: {} to look at", company,
                                              facts.day.to_iso(), attention);
  std::string& text = mail.text;
  text = fmt::format("Kontor digest for {}, {}\nCovers {} to {} (UTC).\n", company,
                     facts.day.to_iso(), format_instant(facts.since), format_instant(facts.until));
  if (attention == 0) {
    text +=
        "\nNothing needs attention: every job's last run succeeded, no file was put in "
        "quarantine, no notice is parked, no payment waits for review and every export "
        "batch is published.\n";
  } else {
    text += fmt::format("\n{} to look at.\n", attention);
  }

  if (!facts.still_failing.empty()) {
    add_section(text, "Jobs whose last run did not succeed",
                static_cast<std::int64_t>(facts.still_failing.size()));
    for (const DigestRun& run : facts.still_failing) {
      text += fmt::format("  {}: {} at {}: {}\n", run.job, run.outcome, run.ended_at,
                          one_line(run.error));
    }
    text += "  See: kontorctl runs JOB\n";
  }
  if (!facts.failed_runs.empty()) {
    add_section(text, "Runs that failed in this period",
                static_cast<std::int64_t>(facts.failed_runs.size()));
    std::int64_t listed = 0;
    for (const DigestRun& run : facts.failed_runs) {
      if (listed++ == list_limit) break;
      text += fmt::format("  {}  {} {}{}: {}\n", run.ended_at, run.job, run.outcome,
                          run.attempt > 0 ? fmt::format(" (retry {})", run.attempt) : "",
                          one_line(run.error));
    }
    const auto total = static_cast<std::int64_t>(facts.failed_runs.size());
    if (total > list_limit) text += more_line(total - list_limit, "kontorctl runs JOB");
  }
  if (facts.quarantined_total > 0) {
    add_section(text, "Files put in quarantine", facts.quarantined_total);
    for (const DigestFile& file : facts.quarantined) {
      text += fmt::format("  {}  {}: {}: {}\n", file.refused_at, one_line(file.source, 60),
                          one_line(file.name, 120), one_line(file.reason));
    }
    const auto listed = static_cast<std::int64_t>(facts.quarantined.size());
    if (facts.quarantined_total > listed) {
      text += more_line(facts.quarantined_total - listed, "kontorctl files");
    }
    text += "  A file fixed at its source is imported when it arrives again.\n";
  }
  if (facts.parked_total > 0) {
    add_section(text, "Notices parked (not delivered)", facts.parked_total);
    for (const DigestNotice& notice : facts.parked) {
      text += fmt::format("  {} {} to {} via {}: {}\n", notice.kind, one_line(notice.number, 60),
                          one_line(notice.customer, 60), one_line(notice.channel, 60),
                          one_line(notice.reason));
    }
    const auto listed = static_cast<std::int64_t>(facts.parked.size());
    if (facts.parked_total > listed) {
      text += more_line(facts.parked_total - listed, "kontorctl notices --state parked");
    }
    text += "  After fixing the cause: kontorctl notice-retry NUMBER\n";
  }
  if (facts.review > 0) {
    add_section(text, "Payments waiting for review", facts.review);
    text += "  See: kontorctl review\n";
  }
  if (!facts.unpublished_exports.empty()) {
    add_section(text, "Export batches not published",
                static_cast<std::int64_t>(facts.unpublished_exports.size()));
    for (const DigestBatch& batch : facts.unpublished_exports) {
      text += fmt::format("  {} {} since {}{}\n", batch.id, batch.state, batch.recorded_at,
                          batch.detail.empty() ? "" : ": " + one_line(batch.detail));
    }
    text += "  See: kontorctl export BATCH\n";
  }
  if (facts.retrying > 0 || facts.unmatched > 0) {
    text += "\nFor information\n";
    if (facts.retrying > 0) {
      text += fmt::format("  {} notices wait for another delivery try.\n", facts.retrying);
    }
    if (facts.unmatched > 0) {
      text += fmt::format(
          "  {} payments point to no open item; each run looks at them again (kontorctl "
          "unmatched).\n",
          facts.unmatched);
    }
  }
  text +=
      "\n-- \nSent by kontord's digest job. A digest that does not arrive means kontord is "
      "not running its jobs.\n";
  return mail;
}

}  // namespace kontor::engine
