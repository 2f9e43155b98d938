// Notice: one delivery to one customer — a reminder, a statement of account or an invoice —
// with the items it lists, the fees and interest it charges, its own RF reference and where
// its delivery stands. Decided and stored in one transaction, then delivered through the
// outbox (DESIGN.md §8); the idempotency key lets a channel recognise a repeated delivery.
//
// A payment quoting the notice's RF reference settles the notice's still-open items.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kontor/model/creditor_reference.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"

namespace kontor {

enum class NoticeKind { reminder, statement, invoice };
enum class DeliveryState {
  pending,    // decided, not yet handed to the channel
  retrying,   // the channel said RETRY; the scheduler backs off
  delivered,  // the channel accepted it
  parked,     // permanent failure, with the reason; an operator decides
};

std::string_view to_string(NoticeKind kind);
Result<NoticeKind> parse_notice_kind(std::string_view text);
std::string_view to_string(DeliveryState state);
Result<DeliveryState> parse_delivery_state(std::string_view text);

// An item as the notice lists it, at the time of the notice.
struct NoticeLine {
  std::string item_number;
  Money open;     // open amount when the notice was decided
  int level = 0;  // the item's dunning level on this notice

  bool operator==(const NoticeLine&) const = default;
};

struct Notice {
  std::string number;  // unique; the RF reference is generated from it
  NoticeKind kind = NoticeKind::reminder;
  std::string customer_number;
  std::vector<NoticeLine> items;
  int level = 0;  // the highest level among the items (reminders)
  Money fees;
  Money interest;
  std::optional<CreditorReference> rf_reference;
  std::string channel;  // the channel instance, e.g. "email"
  DeliveryState delivery_state = DeliveryState::pending;
  std::string delivery_detail;  // the reason of a retry or of parking
  std::string idempotency_key;

  bool operator==(const Notice&) const = default;
};

// Fills in what follows from the notice number: the RF reference (CreditorReference::
// from_number) and the idempotency key "kontor-notice-<number>". Fails when the number cannot
// become an RF reference.
Status assign_references(Notice& notice);

}  // namespace kontor
