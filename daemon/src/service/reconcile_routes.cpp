// The review queue over the admin API: what the reconcile engine left for a person (review,
// unmatched), one entry with its decision and allocations, allocating by hand and undoing a
// posting (engine/manual_allocation.hpp has the rules), and the counts an operator watches.
//
// Entry ids are bank transaction identities; a unique prefix of at least 8 characters will do
// (kontorctl shows 12, more when 12 are not unique). Identities start with the booking date, so
// an 8-character prefix names a day and is ambiguous as soon as a day has two payments: 409.
//
// Bodies are untrusted: beside the server's size limit, the lists and texts in them are bounded,
// unknown fields are refused (a misspelt "note" would otherwise be silently dropped), and amounts
// are decimal strings read exactly in the payment's currency (point notation) — a JSON number
// is refused, since it would pass through floating point.
#include <fmt/format.h>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/manual_allocation.hpp"
#include "service/admin_backend.hpp"
#include "service/request_body.hpp"

namespace kontor::service {
namespace {

using admin::AdminRequest;
using admin::AdminResponse;
using admin::json_error;
using nlohmann::json;
using store::ReconciliationState;

constexpr std::int64_t kDefaultEntryLimit = 50;
constexpr std::int64_t kMaxEntryLimit = 1000;
constexpr std::size_t kMinIdLength = 8;
constexpr std::size_t kShortIdLength = 12;
constexpr std::size_t kMaxItems = 100;
constexpr std::size_t kMaxItemNumberLength = 100;
constexpr std::int64_t kAmbiguityShown = 5;

// The shortest prefix of at least 12 characters (in steps of 4) that names only `identity`.
Result<std::string> short_id(store::Reader& reader, const std::string& identity) {
  for (std::size_t length = kShortIdLength; length < identity.size(); length += 4) {
    const std::string prefix = identity.substr(0, length);
    auto found = reader.transaction_identities(prefix, 2);
    if (!found) return found.error();
    if (found->size() < 2) return prefix;
  }
  return identity;
}

// The identity an entry id (a unique prefix) names.
Result<std::string> resolve_entry(store::Reader& reader, const std::string& id,
                                  std::optional<Refusal>& refusal) {
  std::string prefix = id;
  for (char& c : prefix) {
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
  }
  if (prefix.size() < kMinIdLength) {
    refusal = Refusal{400, fmt::format("an entry id needs at least {} characters", kMinIdLength)};
    return Error{refusal->message};
  }
  auto found = reader.transaction_identities(prefix, kAmbiguityShown + 1);
  if (!found) return found.error();
  if (found->empty()) {
    refusal = Refusal{404, "no bank transaction " + id};
    return Error{refusal->message};
  }
  if (found->size() > 1) {
    std::string list;
    for (std::size_t i = 0; i < found->size() && i < static_cast<std::size_t>(kAmbiguityShown);
         ++i) {
      list += (i == 0 ? "" : ", ") + (*found)[i];
    }
    if (found->size() > static_cast<std::size_t>(kAmbiguityShown)) list += ", …";
    refusal = Refusal{
        409, fmt::format("entry id {} is ambiguous; give more characters of one of: {}", id, list)};
    return Error{refusal->message};
  }
  return found->front();
}

json money_text(const Money& amount) {
  return amount.format();
}

Result<json> candidates_json(store::Reader& reader, const store::Reconciliation& decision) {
  json list = json::array();
  for (const auto& candidate : decision.candidates) {
    auto open = reader.open_amount(candidate.item_number);
    if (!open) return open.error();
    list.push_back({{"item", candidate.item_number},
                    {"customer", candidate.customer_number},
                    {"score", candidate.score_permille},
                    {"evidence", candidate.evidence},
                    {"open", *open ? money_text(**open) : json()}});
  }
  return list;
}

// One entry: the bank transaction and what was decided about it (null fields when nothing yet).
Result<json> entry_json(store::Reader& reader, const BankTransaction& t,
                        const std::optional<store::Reconciliation>& decision,
                        bool with_candidates) {
  auto short_form = short_id(reader, t.identity);
  if (!short_form) return short_form.error();
  json entry = {
      {"id", t.identity},
      {"short_id", *short_form},
      {"account", t.account},
      {"booking_date", t.booking_date.to_iso()},
      {"value_date", t.value_date ? json(t.value_date->to_iso()) : json()},
      {"amount", money_text(t.amount)},
      {"currency", std::string(t.amount.currency().code())},
      {"payer", {{"name", t.counterparty_name}, {"account", t.counterparty_account}}},
      {"remittance", t.remittance},
      {"end_to_end_id", t.end_to_end_id},
      {"bank_reference", t.bank_reference},
      {"state", decision ? json(std::string(to_string(decision->state))) : json()},
      {"by_hand", decision ? decision->by_hand : false},
      {"reason", decision ? json(decision->reason) : json()},
      {"customer",
       decision && !decision->customer_number.empty() ? json(decision->customer_number) : json()},
      {"confidence", decision ? json(decision->confidence_permille) : json()},
      {"decided_at", decision ? json(decision->decided_at) : json()},
      {"decided_by", decision ? json(decision->decided_by) : json()}};
  if (with_candidates) {
    if (decision) {
      auto candidates = candidates_json(reader, *decision);
      if (!candidates) return candidates.error();
      entry["candidates"] = std::move(*candidates);
    } else {
      entry["candidates"] = json::array();
    }
  }
  return entry;
}

// The entry with its allocations (each flagged whether it is still in force) and the whole
// bank record: what `kontorctl entry` shows.
Result<json> entry_detail(store::Reader& reader, const std::string& identity) {
  auto transaction = reader.bank_transaction(identity);
  if (!transaction) return transaction.error();
  if (!*transaction) return Error{"bank transaction " + identity + " is not in the store"};
  auto decision = reader.reconciliation(identity);
  if (!decision) return decision.error();
  auto summary = entry_json(reader, **transaction, *decision, true);
  if (!summary) return summary.error();
  json entry = std::move(summary).value();
  const BankTransaction& t = **transaction;
  entry["status"] = std::string(to_string(t.status));
  entry["provisional"] = t.provisional;
  entry["superseded"] = t.superseded;
  entry["is_return"] = t.is_return;
  entry["return_reason"] = t.return_reason;
  entry["statement"] = {{"id", t.statement_id}, {"sequence", t.statement_sequence}};
  entry["unapplied"] = *decision && (*decision)->state == ReconciliationState::posted
                           ? json(money_text((*decision)->unapplied))
                           : json();
  auto allocations = reader.allocations_of_transaction(identity);
  if (!allocations) return allocations.error();
  std::set<std::int64_t> reversed;
  for (const Allocation& a : *allocations) {
    if (a.reverses) reversed.insert(*a.reverses);
  }
  json list = json::array();
  for (const Allocation& a : *allocations) {
    list.push_back({{"id", a.id},
                    {"item", a.item_number},
                    {"amount", money_text(a.amount)},
                    {"method", std::string(to_string(a.method))},
                    {"confidence", a.confidence_permille},
                    {"evidence", a.evidence},
                    {"reverses", a.reverses ? json(*a.reverses) : json()},
                    {"in_force", !a.reverses && !reversed.contains(a.id)}});
  }
  entry["allocations"] = std::move(list);
  return entry;
}

// The decisions in `state`, oldest first, as a JSON list.
AdminResponse list_in_state(AdminBackend& backend, const AdminRequest& request,
                            ReconciliationState state) {
  const auto limit = admin::query_limit(request, kDefaultEntryLimit, kMaxEntryLimit);
  if (!limit) return json_error(400, "limit must be a whole number from 1 to 1000");
  json list = json::array();
  Status read = backend.store().read([&](store::Reader& reader) -> Status {
    auto found = reader.reconciliations({.state = state, .limit = *limit});
    if (!found) return found.error();
    for (const auto& entry : *found) {
      auto one = entry_json(reader, entry.transaction, entry.reconciliation,
                            state == ReconciliationState::review);
      if (!one) return one.error();
      list.push_back(std::move(*one));
    }
    return {};
  });
  if (!read) return json_error(500, read.error().message);
  return {200, list.dump()};
}

struct RequestedItem {
  std::string item;
  std::optional<std::string> amount;  // as written; read in the payment's currency
};

std::optional<Refusal> parse_allocations(const json& body, std::vector<RequestedItem>& out) {
  if (!body.contains("allocations") || !body["allocations"].is_array() ||
      body["allocations"].empty()) {
    return Refusal{400, "allocations must be a non-empty list of {\"item\", \"amount\"}"};
  }
  const json& list = body["allocations"];
  if (list.size() > kMaxItems) {
    return Refusal{400, fmt::format("at most {} items in one allocation", kMaxItems)};
  }
  for (const json& wanted : list) {
    if (!wanted.is_object()) {
      return Refusal{400, "each allocation must be an object {\"item\", \"amount\"}"};
    }
    for (const auto& [key, value] : wanted.items()) {
      if (key != "item" && key != "amount") {
        return Refusal{400, fmt::format("unknown field '{}' in an allocation", key)};
      }
    }
    if (!wanted.contains("item") || !wanted["item"].is_string() ||
        wanted["item"].get<std::string>().empty()) {
      return Refusal{400, "each allocation needs the item number as a string"};
    }
    RequestedItem item{wanted["item"].get<std::string>(), std::nullopt};
    if (item.item.size() > kMaxItemNumberLength) {
      return Refusal{400,
                     fmt::format("an item number is at most {} characters", kMaxItemNumberLength)};
    }
    if (wanted.contains("amount") && !wanted["amount"].is_null()) {
      if (!wanted["amount"].is_string()) {
        return Refusal{
            400, fmt::format("the amount for {} must be a decimal string such as "
                             "\"50.00\"{}",
                             item.item, wanted["amount"].is_number() ? ", not a JSON number" : "")};
      }
      item.amount = wanted["amount"].get<std::string>();
    }
    out.push_back(std::move(item));
  }
  return std::nullopt;
}

// Runs a person's decision about entry `id` in one store step and answers with the entry as it
// then stands. `decision` gets the step and the payment the id names; to refuse, it sets
// `refusal` and returns an error (the step rolls back).
AdminResponse decide(AdminBackend& backend, const AdminRequest& request, const std::string& why,
                     const std::function<Status(store::Transaction&, const BankTransaction&,
                                                std::optional<Refusal>&)>& decision) {
  std::optional<Refusal> refusal;
  json answer;
  Status done =
      backend.store().transact(actor_of(request), why, [&](store::Transaction& tx) -> Status {
        auto identity = resolve_entry(tx, request.parameters.at("id"), refusal);
        if (!identity) return identity.error();
        auto payment = tx.bank_transaction(*identity);
        if (!payment) return payment.error();
        if (!*payment) return Error{"bank transaction " + *identity + " is not in the store"};
        if (Status decided = decision(tx, **payment, refusal); !decided) return decided;
        auto entry = entry_detail(tx, *identity);
        if (!entry) return entry.error();
        answer = std::move(*entry);
        return {};
      });
  if (refusal) return json_error(refusal->status, refusal->message);
  if (!done) return json_error(500, done.error().message);
  return {200, answer.dump()};
}

// The items with their amounts read exactly in the payment's currency; a refusal when one is not
// an amount.
std::optional<std::vector<engine::ItemPayment>> read_amounts(
    const std::vector<RequestedItem>& wanted, const Currency& currency,
    std::optional<Refusal>& refusal) {
  std::vector<engine::ItemPayment> items;
  for (const RequestedItem& item : wanted) {
    engine::ItemPayment paid{item.item, std::nullopt};
    if (item.amount) {
      auto amount = Money::parse(*item.amount, currency, Notation::point());
      if (!amount) {
        refusal = Refusal{400, fmt::format("{}: {} (write amounts like \"50.00\")", item.item,
                                           amount.error().message)};
        return std::nullopt;
      }
      paid.amount = *amount;
    }
    items.push_back(std::move(paid));
  }
  return items;
}

// POST /entries/{id}/allocate {"allocations": [{"item": "RE-1", "amount": "50.00"}], "note": ".."}:
// an amount left out is what is open of the item, up to what is left of the payment. A malformed
// request is 400; what the rules refuse (engine/manual_allocation.hpp) is 409.
AdminResponse post_allocation(AdminBackend& backend, const AdminRequest& request) {
  json body;
  if (auto bad = parse_body(request.body, {"allocations", "note"}, body)) {
    return json_error(bad->status, bad->message);
  }
  std::vector<RequestedItem> wanted;
  if (auto bad = parse_allocations(body, wanted)) return json_error(bad->status, bad->message);
  std::string note;
  if (auto bad = text_field(body, "note", note)) return json_error(bad->status, bad->message);
  return decide(backend, request, "allocation by hand over the admin API",
                [&](store::Transaction& tx, const BankTransaction& payment,
                    std::optional<Refusal>& refusal) -> Status {
                  auto items = read_amounts(wanted, payment.amount.currency(), refusal);
                  if (!items) return Error{refusal->message};
                  auto decided = engine::allocate_by_hand(tx, payment.identity, *items, note);
                  if (!decided) {
                    refusal = Refusal{409, decided.error().message};
                    return decided.error();
                  }
                  return {};
                });
}

// POST /entries/{id}/undo {"reason": "..."}: reverses what the posting allocated; the entry is
// back in review.
AdminResponse post_undo(AdminBackend& backend, const AdminRequest& request) {
  json body;
  if (auto bad = parse_body(request.body, {"reason"}, body)) {
    return json_error(bad->status, bad->message);
  }
  std::string reason;
  if (auto bad = text_field(body, "reason", reason)) return json_error(bad->status, bad->message);
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return json_error(400, "an undo needs a reason");
  }
  return decide(backend, request, "undo over the admin API",
                [&](store::Transaction& tx, const BankTransaction& payment,
                    std::optional<Refusal>& refusal) -> Status {
                  auto undone = engine::undo_posting(tx, payment.identity, reason);
                  if (!undone) {
                    refusal = Refusal{409, undone.error().message};
                    return undone.error();
                  }
                  return {};
                });
}

}  // namespace

void add_reconcile_routes(admin::AdminRoutes& routes, AdminBackend& backend) {
  // Payments the engine was not sure about, with its best candidates: a person decides.
  routes.add("GET", "/review", [&backend](const AdminRequest& request) {
    return list_in_state(backend, request, ReconciliationState::review);
  });

  // Payments nothing pointed to an item for (the engine looks at them again on every run).
  routes.add("GET", "/unmatched", [&backend](const AdminRequest& request) {
    return list_in_state(backend, request, ReconciliationState::unmatched);
  });

  routes.add("GET", "/entries/{id}", [&backend](const AdminRequest& request) -> AdminResponse {
    std::optional<Refusal> refusal;
    json answer;
    Status read = backend.store().read([&](store::Reader& reader) -> Status {
      auto identity = resolve_entry(reader, request.parameters.at("id"), refusal);
      if (!identity) return identity.error();
      auto entry = entry_detail(reader, *identity);
      if (!entry) return entry.error();
      answer = std::move(*entry);
      return {};
    });
    if (refusal) return json_error(refusal->status, refusal->message);
    if (!read) return json_error(500, read.error().message);
    return {200, answer.dump()};
  });

  routes.add("POST", "/entries/{id}/allocate",
             [&backend](const AdminRequest& request) { return post_allocation(backend, request); });
  routes.add("POST", "/entries/{id}/undo",
             [&backend](const AdminRequest& request) { return post_undo(backend, request); });

  // What an operator watches: decisions per state and the review queue's length. (Issue 16
  // exports the same figures as Prometheus metrics.)
  routes.add("GET", "/reconciliation", [&backend](const AdminRequest&) -> AdminResponse {
    std::map<std::string, std::int64_t> counts;
    Status read = backend.store().read([&](store::Reader& reader) -> Status {
      auto found = reader.reconciliation_counts();
      if (!found) return found.error();
      counts = std::move(*found);
      return {};
    });
    if (!read) return json_error(500, read.error().message);
    json states = json::object();
    for (ReconciliationState state :
         {ReconciliationState::posted, ReconciliationState::review, ReconciliationState::unmatched,
          ReconciliationState::ignored, ReconciliationState::returned,
          ReconciliationState::return_applied}) {
      const std::string name(to_string(state));
      states[name] = counts.contains(name) ? counts.at(name) : 0;
    }
    const std::int64_t review = states["review"].get<std::int64_t>();
    return {200, json({{"states", states}, {"review_queue", review}}).dump()};
  });
}

}  // namespace kontor::service
