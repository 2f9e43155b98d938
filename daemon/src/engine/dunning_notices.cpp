// Drafting and recording notices (see the header).
#include "engine/dunning_notices.hpp"

#include <fmt/format.h>

#include <charconv>

#include "render/letter_pdf.hpp"

namespace kontor::engine {
namespace {

// Notice numbers are <prefix>-<year>-<six digits>, counted per year.
class NoticeNumbers {
 public:
  static Result<NoticeNumbers> start(store::Reader& reader, const std::string& prefix, int year) {
    NoticeNumbers numbers;
    numbers.stem_ = fmt::format("{}-{}-", prefix, year);
    Result<std::optional<std::string>> last = reader.last_notice_number(numbers.stem_);
    if (!last) return last.error();
    if (*last) {
      const std::string tail = last->value().substr(numbers.stem_.size());
      std::from_chars(tail.data(), tail.data() + tail.size(), numbers.last_);
    }
    return numbers;
  }
  std::string next() { return fmt::format("{}{:06}", stem_, ++last_); }

 private:
  std::string stem_;
  std::int64_t last_ = 0;
};

const OpenItem* find_item(const dunning::CustomerBook& account, const std::string& number) {
  for (const OpenItem& item : account.items) {
    if (item.number == number) return &item;
  }
  return nullptr;
}

std::string percent_text(const Decimal& percent) {
  return percent.to_string() + " %";
}

std::string spans_text(const dunning::InterestCharge& charge) {
  std::string text;
  for (const dunning::InterestSpan& span : charge.spans) {
    if (!text.empty()) text += "; ";
    text += fmt::format("{} to {}: {} days on {} at {}", span.first.to_iso(), span.last.to_iso(),
                        span.days, span.principal.format(), percent_text(span.annual_percent));
  }
  return text;
}

std::string one_line_address(const Customer& customer) {
  return fmt::format("{}, {}, {} {}, {}", customer.name, customer.address.street,
                     customer.address.postcode, customer.address.city, customer.address.country);
}

render::NoticeView view_of(const dunning::PlannedNotice& planned,
                           const dunning::CustomerBook& account, const NoticeDraft& draft,
                           const DraftInputs& inputs) {
  const dunning::DunningPolicy& policy = inputs.settings.policy;
  render::NoticeView view;
  view.kind = "reminder";
  view.template_name = planned.template_name;
  view.language = planned.language;
  view.level = planned.level;
  view.level_name = policy.levels[static_cast<std::size_t>(planned.level - 1)].name;
  view.final_notice = planned.level == static_cast<int>(policy.levels.size());
  view.notice_number = draft.stored.notice.number;
  view.payment_reference =
      draft.stored.notice.rf_reference ? draft.stored.notice.rf_reference->formatted() : "";
  view.date = inputs.today;
  view.pay_by = planned.pay_by;
  view.customer = account.customer;
  view.company = inputs.company;
  for (const dunning::PlannedLine& line : planned.lines) {
    const OpenItem* item = find_item(account, line.item_number);
    if (item == nullptr) continue;
    view.items.push_back(render::NoticeItemView{
        .number = item->number,
        .type = std::string(to_string(item->type)),
        .issue_date = item->issue_date,
        .due_date = item->due_date,
        .gross = item->gross,
        .open = line.open,
        .level = line.level,
        .refers_to = item->refers_to,
        .days_overdue = std::max<std::int64_t>(0, days_between(item->due_date, inputs.today))});
  }
  for (const dunning::PlannedCharge& charge : planned.charges) {
    if (charge.kind == "interest" && charge.interest) {
      for (const dunning::InterestSpan& span : charge.interest->spans) {
        view.interest.push_back(render::InterestView{.item_number = charge.item_number,
                                                     .first = span.first,
                                                     .last = span.last,
                                                     .days = span.days,
                                                     .principal = span.principal,
                                                     .annual_percent = span.annual_percent,
                                                     .amount = charge.amount});
      }
      // The amount is rounded once per invoice: shown on its first span only.
      const std::size_t spans = charge.interest->spans.size();
      for (std::size_t i = 1; i < spans; ++i) {
        view.interest[view.interest.size() - spans + i].amount =
            Money::zero(charge.amount.currency());
      }
    } else {
      view.fees.push_back(render::FeeView{
          .item_number = charge.item_number, .kind = charge.kind, .amount = charge.amount});
    }
  }
  view.total_open = planned.total_open;
  view.total_fees = planned.fees;
  view.total_interest = planned.interest;
  view.total_due = planned.total;
  // A notice that asks for one invoice and nothing else quotes that invoice's own RF reference
  // when the ERP gave it one: the customer's bank then pays the reference the invoice printed.
  if (planned.lines.size() == 1 && planned.charges.empty()) {
    const OpenItem* only = find_item(account, planned.lines.front().item_number);
    if (only != nullptr && only->rf_reference) {
      view.payment_reference = only->rf_reference->formatted();
    }
  }
  return view;
}

}  // namespace

Result<std::vector<NoticeDraft>> draft_notices(const dunning::DunningPlan& plan,
                                               const dunning::DunningBook& book,
                                               const DraftInputs& inputs, store::Reader& reader) {
  std::map<std::string, const dunning::CustomerBook*> accounts;
  for (const dunning::CustomerBook& account : book.customers) {
    accounts[account.customer.number] = &account;
  }
  Result<NoticeNumbers> numbers =
      NoticeNumbers::start(reader, inputs.settings.notice_prefix, inputs.today.year());
  if (!numbers) return numbers.error();
  std::vector<NoticeDraft> drafts;
  for (const dunning::PlannedNotice& planned : plan.notices) {
    const dunning::CustomerBook& account = *accounts.at(planned.customer_number);
    NoticeDraft draft;
    store::StoredNotice& stored = draft.stored;
    Notice& notice = stored.notice;
    notice.number = numbers.value().next();
    notice.kind = NoticeKind::reminder;
    notice.customer_number = planned.customer_number;
    notice.level = planned.level;
    notice.fees = planned.fees;
    notice.interest = planned.interest;
    const std::string kind = planned.channel == dunning::NoticeChannel::letter ? "letter" : "email";
    const auto channel = inputs.channels.find(kind);
    if (channel == inputs.channels.end()) {
      return Error{fmt::format("notice for customer {} needs a {} channel in the job's outputs",
                               planned.customer_number, kind)};
    }
    notice.channel = channel->second;
    if (Status referenced = assign_references(notice); !referenced) return referenced.error();
    for (const dunning::PlannedLine& line : planned.lines) {
      notice.items.push_back(
          NoticeLine{.item_number = line.item_number, .open = line.open, .level = line.level});
    }
    stored.template_name = planned.template_name;
    stored.language = planned.language;
    stored.notice_date = inputs.today;
    stored.total = planned.total;
    stored.recipient =
        kind == "email" ? account.customer.email : one_line_address(account.customer);
    stored.run_key = inputs.run_key;

    int fee_count = 0;
    int interest_count = 0;
    for (const dunning::PlannedCharge& charge : planned.charges) {
      const bool interest = charge.kind == "interest";
      const OpenItem* invoice = find_item(account, charge.item_number);
      OpenItem item;
      item.number = fmt::format("{}-{}{}", notice.number, interest ? "Z" : "G",
                                interest ? ++interest_count : ++fee_count);
      item.customer_number = planned.customer_number;
      item.type = interest ? OpenItemType::interest : OpenItemType::fee;
      item.issue_date = inputs.today;
      item.due_date = planned.pay_by;
      item.gross = charge.amount;
      item.open = charge.amount;
      item.refers_to = charge.item_number;
      item.notice_number = notice.number;
      item.debtor_account = invoice != nullptr ? invoice->debtor_account : "";
      stored.charges.push_back(store::NoticeCharge{
          .item_number = charge.item_number,
          .kind = charge.kind,
          .charge_item = item.number,
          .amount = charge.amount,
          .first_day = charge.interest && !charge.interest->spans.empty()
                           ? std::optional<Date>(charge.interest->spans.front().first)
                           : std::nullopt,
          .last_day = charge.interest && !charge.interest->spans.empty()
                          ? std::optional<Date>(charge.interest->spans.back().last)
                          : std::nullopt,
          .detail = charge.interest ? spans_text(*charge.interest) : std::string()});
      draft.charge_items.push_back(std::move(item));
    }
    for (const dunning::PlannedHistory& planned_history : planned.histories) {
      const dunning::ItemHistory& history = planned_history.history;
      draft.records.push_back(store::ItemDunning{.item_number = planned_history.item_number,
                                                 .level = history.level,
                                                 .last_notice = notice.number,
                                                 .first_reminded_on = history.first_reminded_on,
                                                 .first_by_letter = history.first_by_letter,
                                                 .last_reminded_on = history.last_reminded_on,
                                                 .interest_through = history.interest_through,
                                                 .flat_fee_charged = history.flat_fee_charged});
    }
    const render::NoticeView view = view_of(planned, account, draft, inputs);
    Result<render::RenderedNotice> rendered = inputs.renderer.render(view);
    if (!rendered) {
      return Error{fmt::format("notice {} for customer {}: {}", notice.number,
                               planned.customer_number, rendered.error().message)};
    }
    stored.subject = rendered->subject;
    stored.text = rendered->text;
    stored.html = rendered->html;
    if (kind == "letter" || inputs.settings.attach_pdf) {
      // Rendered once, here, so that every delivery attempt sends the same letter.
      if (!rendered->has_letter) {
        return Error{
            fmt::format("notice {} for customer {}: template '{}' has no .letter part "
                        "for the letter",
                        notice.number, planned.customer_number, planned.template_name)};
      }
      Result<std::string> pdf =
          render::render_letter_pdf(view, {.language = rendered->language,
                                           .subject = rendered->subject,
                                           .before_table = rendered->letter_before_table,
                                           .after_table = rendered->letter_after_table});
      if (!pdf) return pdf.error();
      stored.pdf = std::move(pdf).value();
    }
    drafts.push_back(std::move(draft));
  }
  return drafts;
}

Status record_notices(store::Transaction& tx, const std::vector<NoticeDraft>& drafts,
                      const std::vector<dunning::Handover>& handovers, const std::string& run_key) {
  for (const NoticeDraft& draft : drafts) {
    for (const OpenItem& item : draft.charge_items) {
      if (auto written = tx.upsert_open_item(item); !written) return written.error();
    }
    if (auto written = tx.record_notice(draft.stored); !written) return written.error();
    for (const store::ItemDunning& record : draft.records) {
      if (auto written = tx.record_item_dunning(record); !written) return written.error();
    }
  }
  for (const dunning::Handover& handover : handovers) {
    const dunning::ItemHistory& history = handover.history;
    Result<std::optional<store::ItemDunning>> before = tx.item_dunning(handover.item_number);
    if (!before) return before.error();
    const std::string last_notice = *before ? (*before)->last_notice : run_key;
    if (auto written = tx.record_item_dunning(
            store::ItemDunning{.item_number = handover.item_number,
                               .level = history.level,
                               .last_notice = last_notice,
                               .first_reminded_on = history.first_reminded_on,
                               .first_by_letter = history.first_by_letter,
                               .last_reminded_on = history.last_reminded_on,
                               .interest_through = history.interest_through,
                               .flat_fee_charged = history.flat_fee_charged});
        !written) {
      return written.error();
    }
  }
  return {};
}

}  // namespace kontor::engine
