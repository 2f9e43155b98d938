// Delivering the outbox (see the header).
#include "engine/outbox_delivery.hpp"

#include <fmt/format.h>

#include <map>
#include <mutex>

#include "host/plugin_instances.hpp"
#include "kontor/sdk/host_side.hpp"
#include "kontor/sdk/values.hpp"

namespace kontor::engine {
namespace {

struct Outcome {
  DeliveryState state = DeliveryState::delivered;
  std::string detail;
};

Outcome outcome_of(const sdk::Status& status) {
  switch (status.code()) {
    case sdk::Code::kOk:
      return {DeliveryState::delivered, ""};
    case sdk::Code::kRetry:
    case sdk::Code::kCancelled:
    case sdk::Code::kInternal:
      return {DeliveryState::retrying, status.message()};
    default:
      return {DeliveryState::parked, status.message()};
  }
}

sdk::NoticeMessage message_of(const store::StoredNotice& stored, const Customer& customer,
                              const Company& company) {
  sdk::NoticeMessage message;
  message.notice_number = stored.notice.number;
  message.kind = std::string(to_string(stored.notice.kind));
  message.recipient =
      sdk::Party{.name = customer.name, .address = customer.address, .email = customer.email};
  message.sender = sdk::Party{
      .name = company.legal_name, .address = company.address, .email = company.contact.email};
  message.language = stored.language;
  message.subject = stored.subject;
  message.text = stored.text;
  message.html = stored.html;
  message.pdf = stored.pdf;
  message.idempotency_key = stored.notice.idempotency_key;
  return message;
}

}  // namespace

std::map<std::string, std::string> notice_channels(const config::KontorConfig& config,
                                                   const config::JobSettings& job) {
  std::map<std::string, std::string> channels;
  for (const std::string& output : job.outputs) {
    const config::InstanceSettings* instance = config.instance(output);
    if (instance != nullptr && (instance->plugin == "email" || instance->plugin == "letter")) {
      channels.emplace(instance->plugin, output);
    }
  }
  return channels;
}

Result<OutboxCounts> deliver_outbox(store::Store& store, host::PluginInstances& plugins,
                                    const Company& company, const std::atomic<bool>& cancelled,
                                    const std::string& actor) {
  // One delivery pass at a time in this process: the jobs that fill the outbox (dunning,
  // statements, invoice delivery) may run side by side, and each delivers the whole outbox; two
  // passes over the same notices would send a notice twice.
  static std::mutex one_pass_at_a_time;
  const std::lock_guard<std::mutex> pass(one_pass_at_a_time);
  OutboxCounts counts;
  std::vector<std::string> waiting;
  if (Status read = store.read([&](store::Reader& reader) -> Status {
        Result<std::vector<std::string>> numbers = reader.notices_to_deliver();
        if (!numbers) return numbers.error();
        waiting = std::move(*numbers);
        return {};
      });
      !read) {
    return read.error();
  }
  // Channel instance -> notices in a row it left to retry. A channel that keeps saying RETRY
  // (its server is down or times out) is not asked again in this run: each attempt could take
  // its whole timeout, and the notices wait just as well for the next run.
  std::map<std::string, int> retries_in_a_row;
  std::map<std::string, std::int64_t> paused;  // channel -> notices not tried
  for (const std::string& number : waiting) {
    if (cancelled) break;
    std::optional<store::StoredNotice> stored;
    std::optional<Customer> customer;
    if (Status read = store.read([&](store::Reader& reader) -> Status {
          Result<std::optional<store::StoredNotice>> notice = reader.notice(number);
          if (!notice) return notice.error();
          stored = std::move(*notice);
          if (!stored) return {};
          Result<std::optional<Customer>> found = reader.customer(stored->notice.customer_number);
          if (!found) return found.error();
          customer = std::move(*found);
          return {};
        });
        !read) {
      return read.error();
    }
    if (!stored || !customer) continue;
    if (stored->notice.delivery_state != DeliveryState::pending &&
        stored->notice.delivery_state != DeliveryState::retrying) {
      continue;  // settled since the list was read
    }
    if (retries_in_a_row[stored->notice.channel] >= kRetriesBeforePause) {
      ++paused[stored->notice.channel];
      ++counts.waiting;
      continue;
    }
    Outcome outcome;
    host::PluginInstance* channel = plugins.find(stored->notice.channel);
    if (channel == nullptr || !channel->has_role(KONTOR_ROLE_CHANNEL)) {
      outcome = {DeliveryState::parked,
                 fmt::format("channel instance '{}' is not configured", stored->notice.channel)};
    } else {
      const sdk::NoticeMessage message = message_of(*stored, *customer, company);
      outcome = outcome_of(channel->call(
          cancelled, [&](const sdk::InstanceProxy& proxy) { return proxy.deliver(message); }));
    }
    if (Status marked = store.transact(actor, "delivery of notice " + number,
                                       [&](store::Transaction& tx) -> Status {
                                         auto written = tx.mark_notice_delivery(
                                             number, outcome.state, outcome.detail);
                                         return written ? Status{} : Status{written.error()};
                                       });
        !marked) {
      return marked.error();
    }
    retries_in_a_row[stored->notice.channel] =
        outcome.state == DeliveryState::retrying ? retries_in_a_row[stored->notice.channel] + 1 : 0;
    switch (outcome.state) {
      case DeliveryState::delivered:
        ++counts.delivered;
        break;
      case DeliveryState::retrying:
        ++counts.retrying;
        counts.problems.push_back(
            fmt::format("notice {} will be retried: {}", number, outcome.detail));
        break;
      default:
        ++counts.parked;
        counts.problems.push_back(fmt::format("notice {} is parked: {}", number, outcome.detail));
        break;
    }
  }
  for (const auto& [channel, count] : paused) {
    counts.problems.push_back(fmt::format(
        "channel '{}' left {} notices in a row to retry; its other {} notices wait for the next "
        "run",
        channel, kRetriesBeforePause, count));
  }
  return counts;
}

}  // namespace kontor::engine
