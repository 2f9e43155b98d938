// Event: one change of the account model as the audit trail records it — when, who, what and
// why. Events are append-only; the state is derivable from them and auditable against them.
//
// `actor` is the admin socket's peer user ("user:alice") or the job ("engine:<job>");
// `kind` is "<entity>.<change>" (customer.inserted, allocation.added …); `payload` is a JSON
// object with the change (all fields of an insert; {"changes": {field: {from, to}}} of an
// update).
#pragma once

#include <cstdint>
#include <string>

namespace kontor {

struct Event {
  std::int64_t id = 0;  // ascending in the order of the changes
  std::string at;       // UTC, ISO 8601 with milliseconds: "2026-11-28T09:30:00.000Z"
  std::string actor;
  std::string kind;
  std::string entity_key;  // the entity's business key: customer or item number, identity …
  std::string payload;
  std::string why;

  bool operator==(const Event&) const = default;
};

}  // namespace kontor
