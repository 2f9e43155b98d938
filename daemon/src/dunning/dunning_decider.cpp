// The dunning decision (see the header for the rules).
#include "dunning/dunning_decider.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kontor::dunning {
namespace {

Date plus_days(const Date& day, std::int64_t days) {
  Result<Date> moved = day.add_days(days);
  return moved ? *moved : day;  // only at the end of year 9999
}

// Sums of amounts in the policy's currency, failing instead of wrapping.
class Sum {
 public:
  bool add(std::int64_t minor) { return !__builtin_add_overflow(total_, minor, &total_); }
  std::int64_t minor() const { return total_; }

 private:
  std::int64_t total_ = 0;
};

// Whether the invoice reaches the next level today (level = its current level).
bool reaches_next_level(const OpenItem& invoice, const ItemHistory& history,
                        const DunningContext& context) {
  const DunningPolicy& policy = context.policy;
  if (history.level >= static_cast<int>(policy.levels.size())) return false;
  const DunningLevel& next = policy.levels[static_cast<std::size_t>(history.level)];
  const std::int64_t overdue = days_between(invoice.due_date, context.today);
  if (overdue < std::max<std::int64_t>(1, policy.grace_days + next.days_after_due)) return false;
  if (history.level > 0) {
    if (!history.last_reminded_on) return true;
    if (days_between(*history.last_reminded_on, context.today) < next.days_after_previous) {
      return false;
    }
  }
  return true;
}

// The channel kind a notice of `level` takes for this customer, or an empty optional with the
// reason in `why`.
std::optional<NoticeChannel> channel_for(const CustomerBook& account, const DunningLevel& level,
                                         const DunningContext& context, std::string& why) {
  const bool email = account.has_email && context.email_channel;
  // A letter without street, postcode or city comes back: no better than none.
  const bool letter = context.letter_channel && account.has_postal_address;
  NoticeChannel wanted = NoticeChannel::email;
  switch (level.channel) {
    case ChannelChoice::email:
      wanted = NoticeChannel::email;
      break;
    case ChannelChoice::letter:
      wanted = NoticeChannel::letter;
      break;
    case ChannelChoice::preferred:
      if (account.customer.preferred_delivery == Delivery::letter) {
        wanted = NoticeChannel::letter;
      } else if (account.customer.preferred_delivery == Delivery::email) {
        wanted = NoticeChannel::email;
      } else {
        wanted = account.has_email ? NoticeChannel::email : NoticeChannel::letter;
      }
      break;
  }
  if (wanted == NoticeChannel::email && email) return NoticeChannel::email;
  if (wanted == NoticeChannel::letter && letter) return NoticeChannel::letter;
  // The other way is better than no reminder at all.
  if (email) return NoticeChannel::email;
  if (letter) return NoticeChannel::letter;
  const std::string no_letter = !context.letter_channel
                                    ? "no letter channel is configured"
                                    : "the postal address lacks street, postcode or city";
  why = account.has_email ? "no e-mail channel is configured and " + no_letter
                          : "the customer has no e-mail address and " + no_letter;
  return std::nullopt;
}

class CustomerDecision {
 public:
  CustomerDecision(const CustomerBook& account, const DunningContext& context, DunningPlan& plan)
      : account_(account), context_(context), policy_(context.policy), plan_(plan) {}

  Status run() {
    collect_overdue();
    if (overdue_.empty()) return {};
    plan_.items_overdue += static_cast<std::int64_t>(overdue_.size());
    if (!account_.customer_holds.empty()) {
      std::string reasons;
      for (const std::string& reason : account_.customer_holds) {
        reasons += (reasons.empty() ? "" : "; ") + reason;
      }
      skip("", reasons);
      return {};
    }
    std::vector<const OpenItem*> listed;
    std::vector<const OpenItem*> advancing;
    for (const OpenItem* invoice : overdue_) {
      if (auto held = account_.item_holds.find(invoice->number);
          held != account_.item_holds.end()) {
        skip(invoice->number, held->second);
        continue;
      }
      const ItemHistory& history = history_of(invoice->number);
      if (history.level >= handed_over_level(policy_)) continue;  // with the agency
      if (history.level == static_cast<int>(policy_.levels.size())) {
        if (history.last_reminded_on && days_between(*history.last_reminded_on, context_.today) >=
                                            policy_.collection_after_days) {
          ItemHistory handed = history;
          handed.level = handed_over_level(policy_);
          plan_.handovers.push_back(Handover{.customer_number = account_.customer.number,
                                             .item_number = invoice->number,
                                             .default_since = default_since(*invoice, history),
                                             .history = handed});
          continue;
        }
      }
      listed.push_back(invoice);
      if (reaches_next_level(*invoice, history, context_)) advancing.push_back(invoice);
    }
    if (advancing.empty()) return {};
    return plan_notice(listed, advancing);
  }

 private:
  void collect_overdue() {
    for (const OpenItem& item : account_.items) {
      if (item.type != OpenItemType::invoice || !item.open.is_positive() ||
          item.settled_externally) {
        continue;
      }
      if (days_between(item.due_date, context_.today) <= policy_.grace_days) continue;
      if (item.open.currency() != policy_.currency) {
        skip(item.number, fmt::format("in {}; reminders charge in {} only",
                                      item.open.currency().code(), policy_.currency.code()));
        continue;
      }
      overdue_.push_back(&item);
    }
    std::sort(overdue_.begin(), overdue_.end(), [](const OpenItem* a, const OpenItem* b) {
      return std::tie(a->due_date, a->number) < std::tie(b->due_date, b->number);
    });
  }

  const ItemHistory& history_of(const std::string& number) const {
    static const ItemHistory kNever;
    auto found = account_.history.find(number);
    return found == account_.history.end() ? kNever : found->second;
  }

  void skip(std::string item, std::string reason) {
    plan_.skipped.push_back(SkippedCustomer{.customer_number = account_.customer.number,
                                            .item_number = std::move(item),
                                            .reason = std::move(reason)});
  }

  DefaultFacts facts_of(const OpenItem& invoice, const ItemHistory& history,
                        std::optional<NoticeChannel> this_notice) const {
    DefaultFacts facts{
        .due_date = invoice.due_date,
        .due_date_agreed = invoice.due_date_agreed || policy_.due_date_agreed_by_default,
        .issue_date = invoice.issue_date,
        .notice_on_invoice = invoice.dunning_notice_on_invoice,
        .customer_kind = account_.customer.kind,
        .first_reminder_sent = history.first_reminded_on,
        .first_reminder_by_letter = history.first_by_letter};
    if (!facts.first_reminder_sent && this_notice) {
      facts.first_reminder_sent = context_.today;
      facts.first_reminder_by_letter = *this_notice == NoticeChannel::letter;
    }
    return facts;
  }

  std::optional<Date> default_since(const OpenItem& invoice, const ItemHistory& history) const {
    return default_begins(facts_of(invoice, history, std::nullopt), policy_.default_rules,
                          context_.calendar);
  }

  Status plan_notice(const std::vector<const OpenItem*>& listed,
                     const std::vector<const OpenItem*>& advancing) {
    PlannedNotice notice;
    notice.customer_number = account_.customer.number;
    Sum open;
    for (const OpenItem* invoice : listed) {
      const bool advances =
          std::find(advancing.begin(), advancing.end(), invoice) != advancing.end();
      const int level = history_of(invoice->number).level + (advances ? 1 : 0);
      notice.level = std::max(notice.level, level);
      notice.lines.push_back(
          PlannedLine{.item_number = invoice->number, .open = invoice->open, .level = level});
      if (!open.add(invoice->open.minor_units())) return overflow();
    }
    // What else the customer owes or is owed: charges of earlier notices, and open credits.
    for (const OpenItem& item : account_.items) {
      const bool charge = item.type == OpenItemType::fee || item.type == OpenItemType::interest;
      const bool credit =
          item.type == OpenItemType::credit_note || item.type == OpenItemType::cancellation;
      if (!(charge && item.open.is_positive()) && !(credit && item.open.is_negative())) continue;
      if (item.open.currency() != policy_.currency) continue;
      notice.lines.push_back(
          PlannedLine{.item_number = item.number, .open = item.open, .level = 0});
      if (!open.add(item.open.minor_units())) return overflow();
    }
    if (open.minor() <= 0) {
      skip("", "open credits cover what is overdue");
      return {};
    }
    if (open.minor() < policy_.minimum_overdue.minor_units()) {
      skip("", fmt::format("owes {}, less than the minimum of {}",
                           Money(open.minor(), policy_.currency).format(),
                           policy_.minimum_overdue.format()));
      return {};
    }
    const DunningLevel& level = policy_.levels[static_cast<std::size_t>(notice.level - 1)];
    std::string why;
    const std::optional<NoticeChannel> channel = channel_for(account_, level, context_, why);
    if (!channel) {
      skip("", why);
      return {};
    }
    notice.channel = *channel;
    notice.template_name = level.template_name;
    notice.language =
        account_.customer.language.empty() ? policy_.default_language : account_.customer.language;
    notice.pay_by = plus_days(context_.today, level.pay_within_days);

    Sum fees;
    Sum interest;
    // The level fee is the fee of the highest level an invoice in default reached on this
    // notice — charged once per notice, on that invoice. An invoice that stays at its level
    // brings no fee: its level's fee was charged when it reached it.
    const OpenItem* level_fee_invoice = nullptr;
    int level_fee_level = 0;
    for (const OpenItem* invoice : listed) {
      const bool advances =
          std::find(advancing.begin(), advancing.end(), invoice) != advancing.end();
      const ItemHistory& before = history_of(invoice->number);
      ItemHistory after = before;
      if (!after.first_reminded_on) {
        after.first_reminded_on = context_.today;
        after.first_by_letter = notice.channel == NoticeChannel::letter;
      }
      if (advances) {
        after.level = before.level + 1;
        after.last_reminded_on = context_.today;
      }
      const std::optional<Date> begins = default_begins(facts_of(*invoice, before, notice.channel),
                                                        policy_.default_rules, context_.calendar);
      if (begins && *begins <= context_.today) {
        if (Status charged = charge_interest(*invoice, *begins, after, notice, interest);
            !charged) {
          return charged;
        }
        const bool business = account_.customer.kind == CustomerKind::business;
        if (policy_.charge_flat_fee && business && !after.flat_fee_charged &&
            policy_.flat_fee.is_positive()) {
          notice.charges.push_back(PlannedCharge{.item_number = invoice->number,
                                                 .kind = "flat_fee",
                                                 .amount = policy_.flat_fee,
                                                 .interest = std::nullopt});
          after.flat_fee_charged = true;
          if (!fees.add(policy_.flat_fee.minor_units())) return overflow();
        }
        const bool covered = policy_.flat_fee_covers_level_fees && after.flat_fee_charged;
        if (advances && !covered && after.level > level_fee_level) {
          level_fee_invoice = invoice;
          level_fee_level = after.level;
        }
      }
      notice.histories.push_back(PlannedHistory{.item_number = invoice->number, .history = after});
    }
    const Money& level_fee = level_fee_level > 0
                                 ? policy_.levels[static_cast<std::size_t>(level_fee_level - 1)].fee
                                 : level.fee;
    if (level_fee_invoice != nullptr && level_fee.is_positive()) {
      notice.charges.push_back(PlannedCharge{.item_number = level_fee_invoice->number,
                                             .kind = "level_fee",
                                             .amount = level_fee,
                                             .interest = std::nullopt});
      if (!fees.add(level_fee.minor_units())) return overflow();
    }
    Sum total = open;
    if (!total.add(fees.minor()) || !total.add(interest.minor())) return overflow();
    notice.total_open = Money(open.minor(), policy_.currency);
    notice.fees = Money(fees.minor(), policy_.currency);
    notice.interest = Money(interest.minor(), policy_.currency);
    notice.total = Money(total.minor(), policy_.currency);
    plan_.notices.push_back(std::move(notice));
    return {};
  }

  Status charge_interest(const OpenItem& invoice, const Date& default_began, ItemHistory& after,
                         PlannedNotice& notice, Sum& interest) {
    if (!policy_.charge_interest || context_.base_rates == nullptr) return {};
    Date first = default_began;
    if (after.interest_through && *after.interest_through >= first) {
      first = plus_days(*after.interest_through, 1);
    }
    if (first > context_.today) return {};
    OpenPrincipal fallback;
    const OpenPrincipal* principal = &fallback;
    if (auto known = account_.principal.find(invoice.number); known != account_.principal.end()) {
      principal = &known->second;
    } else {
      fallback.changes.emplace_back(invoice.due_date, invoice.open);
    }
    const Decimal& points = account_.customer.kind == CustomerKind::consumer
                                ? policy_.points_consumer
                                : policy_.points_business;
    Result<InterestCharge> charge =
        default_interest(*principal, first, context_.today, *context_.base_rates, points,
                         policy_.day_count, policy_.currency);
    if (!charge) {
      return Error{fmt::format("interest on invoice {} of customer {}: {}", invoice.number,
                               account_.customer.number, charge.error().message)};
    }
    // Less than a cent is not charged, and its days stay uncharged: the next notice charges
    // them with its own.
    if (!charge->amount.is_positive()) return {};
    if (!interest.add(charge->amount.minor_units())) return overflow();
    after.interest_through = context_.today;
    notice.charges.push_back(PlannedCharge{.item_number = invoice.number,
                                           .kind = "interest",
                                           .amount = charge->amount,
                                           .interest = std::move(*charge)});
    return {};
  }

  Status overflow() const {
    return Error{fmt::format("the amounts of customer {} overflow", account_.customer.number)};
  }

  const CustomerBook& account_;
  const DunningContext& context_;
  const DunningPolicy& policy_;
  DunningPlan& plan_;
  std::vector<const OpenItem*> overdue_;
};

}  // namespace

Result<DunningPlan> decide(const DunningBook& book, const DunningContext& context) {
  if (context.policy.levels.empty()) return Error{"dunning has no levels configured"};
  DunningPlan plan;
  for (const CustomerBook& account : book.customers) {
    ++plan.customers_considered;
    CustomerDecision decision(account, context, plan);
    if (Status decided = decision.run(); !decided) return decided.error();
  }
  return plan;
}

}  // namespace kontor::dunning
