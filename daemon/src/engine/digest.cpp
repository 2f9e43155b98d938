// The operator's daily digest (see the header).
#include "engine/digest.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "config/company_section.hpp"
#include "config/scalar_syntax.hpp"
#include "config/schema.hpp"
#include "engine/onboarding_checks.hpp"
#include "engine/operator_digest.hpp"
#include "engine/outbox_delivery.hpp"
#include "engine/services.hpp"
#include "host/plugin_instances.hpp"
#include "kontor/sdk/host_side.hpp"
#include "store/store.hpp"

namespace kontor::engine {
namespace {

// The digest's records in the store's per-instance state, under this name and the job's.
constexpr const char* kStateOwner = "digest";

struct DigestSettings {
  std::string to;
  std::string to_name;
  bool send_when_quiet = true;
  std::int64_t list_limit = 20;
};

DigestSettings settings_of(const config::ConfigNode& with) {
  DigestSettings settings;
  if (const config::ConfigNode* to = with.find("to")) settings.to = to->text();
  if (const config::ConfigNode* name = with.find("to_name")) settings.to_name = name->text();
  if (const config::ConfigNode* quiet = with.find("send_when_quiet")) {
    settings.send_when_quiet = config::parse_bool(quiet->text()).value_or(true);
  }
  if (const config::ConfigNode* limit = with.find("list_limit")) {
    settings.list_limit = config::parse_int(limit->text()).value_or(20);
  }
  return settings;
}

// A digest composed and not yet known to be delivered: kept so that a repeat of the same run
// (after a crash, or a retry of a channel that said RETRY) sends the same mail again.
struct PendingDigest {
  std::string run_key;
  TimePoint since{}, until{};
  DigestMail mail;
};

// Stored as five parts: run key, start and end of the period, subject, text (the first four are
// one line each: run keys and instants have no line breaks, and the subject is made one line).
std::string encode(const PendingDigest& pending) {
  return fmt::format("{}\n{}\n{}\n{}\n{}", pending.run_key, format_instant(pending.since),
                     format_instant(pending.until), pending.mail.subject, pending.mail.text);
}

std::optional<PendingDigest> decode(const std::string& stored) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (int part = 0; part < 4; ++part) {
    const auto end = stored.find('\n', start);
    if (end == std::string::npos) return std::nullopt;
    lines.push_back(stored.substr(start, end - start));
    start = end + 1;
  }
  Result<TimePoint> since = parse_instant(lines[1], "UTC");
  Result<TimePoint> until = parse_instant(lines[2], "UTC");
  if (!since || !until) return std::nullopt;
  return PendingDigest{.run_key = lines[0],
                       .since = *since,
                       .until = *until,
                       .mail = {.subject = lines[3], .text = stored.substr(start)}};
}

std::string pending_key(const std::string& job) {
  return job + ":pending";
}
std::string covered_key(const std::string& job) {
  return job + ":covered_until";
}
std::string sent_key(const std::string& job) {
  return job + ":sent_run";
}

class Digest final : public Engine {
 public:
  Status run(JobContext& context) override {
    const DigestSettings settings = settings_of(context.job.with);
    const std::string& job = context.job.name;
    const std::string actor = "engine:" + job;
    const std::map<std::string, std::string> channels =
        notice_channels(context.config, context.job);
    const auto email = channels.find("email");
    if (email == channels.end()) {
      context.report.retry_is_futile = true;
      return Error{"digest: the job needs an instance of the email plugin in its outputs"};
    }
    const config::ConfigNode* company_node = context.config.root.find("company");
    const Company company = company_node != nullptr ? config::company_of(*company_node) : Company{};
    const TimePoint now = context.clock.now();
    Result<Date> today = local_date(now, company.timezone.empty() ? "UTC" : company.timezone);
    if (!today) return today.error();

    DigestQuery query{.jobs = {},
                      .export_targets = {},
                      .since = now - std::chrono::hours(24),
                      .until = now,
                      .list_limit = settings.list_limit};
    for (const config::JobSettings& configured : context.config.jobs) {
      if (!configured.enabled) continue;
      query.jobs.push_back(configured.name);
      if (configured.engine == "export") {
        query.export_targets.insert(query.export_targets.end(), configured.outputs.begin(),
                                    configured.outputs.end());
      }
    }

    std::optional<PendingDigest> pending;
    bool sent_before = false;
    DigestFacts facts;
    if (Status read = context.services.store->read([&](store::Reader& reader) -> Status {
          Result<std::optional<std::string>> sent = reader.state_get(kStateOwner, sent_key(job));
          if (!sent) return sent.error();
          // This run's digest went out; the run is repeated (kontord stopped before it ended).
          sent_before = *sent && **sent == context.run_key;
          if (sent_before) return {};
          Result<std::optional<std::string>> stored =
              reader.state_get(kStateOwner, pending_key(job));
          if (!stored) return stored.error();
          if (*stored) {
            pending = decode(**stored);
            // A digest another run composed and never delivered: its period is still open, so
            // this run's digest covers it too.
            if (pending && pending->run_key != context.run_key) {
              if (pending->since <= now) query.since = pending->since;
              pending.reset();
            }
          }
          if (pending) return {};
          Result<std::optional<std::string>> covered =
              reader.state_get(kStateOwner, covered_key(job));
          if (!covered) return covered.error();
          if (*covered) {
            Result<TimePoint> since = parse_instant(**covered, "UTC");
            if (since && *since <= now) query.since = *since;
          }
          Result<DigestFacts> gathered = gather_digest_facts(reader, query);
          if (!gathered) return gathered.error();
          facts = std::move(*gathered);
          return {};
        });
        !read) {
      return read;
    }

    RunReport& report = context.report;
    if (sent_before) {
      report.counts["digests_sent"] = 0;
      report.facts.push_back("the digest of this run was sent before");
      return {};
    }
    if (!pending) {
      facts.company = company.legal_name;
      facts.day = *today;
      report.counts = {
          {"failed_runs", static_cast<std::int64_t>(facts.failed_runs.size())},
          {"jobs_failing", static_cast<std::int64_t>(facts.still_failing.size())},
          {"files_quarantined", facts.quarantined_total},
          {"notices_parked", facts.parked_total},
          {"payments_in_review", facts.review},
          {"exports_unpublished", static_cast<std::int64_t>(facts.unpublished_exports.size())}};
      if (facts.attention() == 0 && !settings.send_when_quiet) {
        report.counts["digests_sent"] = 0;
        report.facts.push_back("nothing needs attention; no digest sent (send_when_quiet: false)");
        return context.services.store->transact(
            actor, "digest " + context.run_key, [&](store::Transaction& tx) -> Status {
              auto marked = tx.state_put(kStateOwner, covered_key(job), format_instant(now));
              return marked ? Status{} : Status{marked.error()};
            });
      }
      pending = PendingDigest{.run_key = context.run_key,
                              .since = query.since,
                              .until = now,
                              .mail = compose_digest(facts, settings.list_limit)};
      // Recorded before delivery: a crash from here on repeats this mail, not a new one.
      if (Status recorded = context.services.store->transact(
              actor, "digest " + context.run_key,
              [&](store::Transaction& tx) -> Status {
                auto stored = tx.state_put(kStateOwner, pending_key(job), encode(*pending));
                return stored ? Status{} : Status{stored.error()};
              });
          !recorded) {
        return recorded;
      }
    }

    host::PluginInstance* channel = context.services.plugins->find(email->second);
    if (channel == nullptr || !channel->has_role(KONTOR_ROLE_CHANNEL)) {
      report.retry_is_futile = true;
      return Error{fmt::format("digest: channel instance '{}' is not loaded", email->second)};
    }
    sdk::NoticeMessage message;
    message.notice_number = "digest-" + today->to_iso();
    message.kind = "digest";
    message.recipient = sdk::Party{.name = settings.to_name, .address = {}, .email = settings.to};
    message.sender = sdk::Party{
        .name = company.legal_name, .address = company.address, .email = company.contact.email};
    message.language = "en";
    message.subject = pending->mail.subject;
    message.text = pending->mail.text;
    message.idempotency_key = "kontor-digest-" + pending->run_key;
    const sdk::Status delivered = channel->call(
        context.cancelled, [&](const sdk::InstanceProxy& proxy) { return proxy.deliver(message); });
    if (!delivered) {
      // The period stays open: the next digest covers it. Only RETRY is worth a retry.
      report.retry_is_futile = delivered.code() != sdk::Code::kRetry &&
                               delivered.code() != sdk::Code::kCancelled &&
                               delivered.code() != sdk::Code::kInternal;
      return Error{fmt::format("digest to {} not delivered: {}", settings.to, delivered.message())};
    }
    if (Status marked = context.services.store->transact(
            actor, "digest " + context.run_key + " delivered",
            [&](store::Transaction& tx) -> Status {
              auto covered =
                  tx.state_put(kStateOwner, covered_key(job), format_instant(pending->until));
              if (!covered) return covered.error();
              auto sent = tx.state_put(kStateOwner, sent_key(job), pending->run_key);
              if (!sent) return sent.error();
              auto erased = tx.state_erase(kStateOwner, pending_key(job));
              return erased ? Status{} : Status{erased.error()};
            });
        !marked) {
      return marked;
    }
    report.counts["digests_sent"] = 1;
    report.facts.push_back(
        fmt::format("digest sent to {}: {}", settings.to, pending->mail.subject));
    context.log.info("digest sent to {}: {}", settings.to, pending->mail.subject);
    return {};
  }
};

std::string email_check(const config::ConfigNode& node) {
  if (!plausible_email(node.text())) {
    return fmt::format("'{}' is not an e-mail address", one_line(node.text(), 80));
  }
  return {};
}

std::string name_check(const config::ConfigNode& node) {
  if (one_line(node.text()) != node.text()) {
    return "must be one line of printable text";
  }
  return {};
}

}  // namespace

EngineRegistration digest_engine() {
  using namespace config;
  EngineRegistration registration;
  registration.declaration.id = "digest";
  registration.declaration.summary =
      "E-mails the operator what needs attention since the last digest: failed runs, quarantined "
      "files, parked notices, the review queue and unpublished exports.";
  registration.declaration.needs_inputs = false;
  registration.declaration.with = section({
      required("to", with_check(string_value(), email_check, "an e-mail address"),
               "The operator's e-mail address."),
      defaulted("to_name", with_check(string_value(), name_check, "one line of text"),
                "Kontor operator", "The name the digest is addressed to."),
      defaulted("send_when_quiet", bool_value(), "true",
                "Send the digest also when nothing needs attention: one that stops arriving tells "
                "the operator that kontord is not running its jobs."),
      defaulted("list_limit", int_value(1, 500), "20",
                "Lines per section; the rest is counted, with the kontorctl command that lists "
                "them."),
  });
  registration.create = [] { return std::make_unique<Digest>(); };
  return registration;
}

}  // namespace kontor::engine
