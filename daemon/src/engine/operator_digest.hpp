// The operator's daily digest: what needs a person's eye, gathered from the store and written
// as one plain-text e-mail — runs that failed since the last digest (and jobs still failing),
// files the imports put in quarantine, notices parked with their reason, the review queue, and
// export batches that are not published.
//
// Gathering reads only; composing is pure, so what the mail says is tested without a mail
// server. Everything that comes from outside (an error text, a file name, a channel's answer) is
// put on one line, without control characters, and cut to a readable length.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "kontor/result.hpp"

namespace kontor::store {
class Reader;
}

namespace kontor::engine {

struct DigestRun {
  std::string job;
  std::string outcome;   // failed, timed_out, missed
  std::string ended_at;  // UTC
  int attempt = 0;
  std::string error;
};

struct DigestFile {
  std::string source;  // the source instance
  std::string name;
  std::string refused_at;  // UTC
  std::string reason;
};

struct DigestNotice {
  std::string number;
  std::string kind;
  std::string customer;
  std::string channel;
  std::string reason;
};

struct DigestBatch {
  std::string id;
  std::string state;  // recorded, staged
  std::string recorded_at;
  std::string detail;
};

// What the store says about one digest period (since, until]: what happened at the instant one
// digest was composed belongs to that digest, not to the next.
struct DigestFacts {
  std::string company;
  Date day;  // the company's day the digest is for
  TimePoint since{}, until{};
  std::vector<DigestRun> failed_runs;    // ended in the period, newest first
  std::vector<DigestRun> still_failing;  // jobs whose latest run did not succeed
  std::vector<DigestFile> quarantined;   // refused in the period, newest first
  std::int64_t quarantined_total = 0;    // refused in the period (listed or not)
  std::vector<DigestNotice> parked;      // parked now (at most the listing limit)
  std::int64_t parked_total = 0;
  std::int64_t retrying = 0;                     // notices waiting for another delivery try
  std::int64_t review = 0;                       // payments waiting for a person
  std::int64_t unmatched = 0;                    // payments nothing pointed to an item for
  std::vector<DigestBatch> unpublished_exports;  // recorded or staged, not published

  // What needs attention: each job still failing, each failed run of a job that has recovered
  // since, quarantined files, parked notices, payments in review and unpublished export
  // batches. Retrying notices and unmatched payments are told but do not count (they resolve
  // themselves or wait for new data).
  std::int64_t attention() const;
};

struct DigestQuery {
  std::vector<std::string> jobs;            // the configured jobs whose runs count
  std::vector<std::string> export_targets;  // exporter instances named by export jobs
  TimePoint since{}, until{};
  std::int64_t list_limit = 20;  // lines per section; the rest is counted
};

Result<DigestFacts> gather_digest_facts(store::Reader& reader, const DigestQuery& query);

struct DigestMail {
  std::string subject;
  std::string text;
};

// "Kontor digest for Muster GmbH, 2026-11-29: 3 to look at" and a text with one section per
// kind of problem, each line at most `list_limit` per section, "... and N more" with the
// kontorctl command that lists them all.
DigestMail compose_digest(const DigestFacts& facts, std::int64_t list_limit);

// One line of at most `limit` bytes (valid UTF-8 kept whole): control characters and line
// breaks become spaces, runs of spaces one, an over-long text ends in "...".
std::string one_line(std::string_view text, std::size_t limit = 240);

}  // namespace kontor::engine
