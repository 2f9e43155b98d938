#include "engine/write_off.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace kontor::engine {
namespace {

bool blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

Result<store::WriteOff> write_off_item(store::Transaction& tx, const WriteOffRequest& request) {
  if (blank(request.reason)) return Error{"a write-off needs a reason"};
  Result<std::optional<OpenItem>> found = tx.open_item(request.item_number);
  if (!found) return found.error();
  if (!*found) return Error{fmt::format("there is no open item '{}'", request.item_number)};
  const OpenItem& item = **found;
  if (item.type == OpenItemType::credit_note || item.type == OpenItemType::cancellation) {
    return Error{
        fmt::format("'{}' is owed to the customer; there is nothing to write off", item.number)};
  }
  if (!item.open.is_positive()) {
    return Error{fmt::format("open item '{}' has nothing open to write off (open: {})", item.number,
                             item.open.to_string())};
  }
  Money amount = item.open;
  if (request.amount) {
    amount = *request.amount;
    if (amount.currency() != item.open.currency()) {
      return Error{fmt::format("{} is not in the currency of open item '{}' ({})",
                               amount.to_string(), item.number, item.open.currency().code())};
    }
    if (!amount.is_positive()) {
      return Error{
          fmt::format("the amount to write off must be positive, not {}", amount.format())};
    }
    if (amount > item.open) {
      return Error{fmt::format("open item '{}' has only {} open, less than {}", item.number,
                               item.open.to_string(), amount.to_string())};
    }
  }
  store::WriteOff write_off{.allocation_id = 0,
                            .item_number = item.number,
                            .amount = amount,
                            .kind = request.kind,
                            .reason = request.reason,
                            .dated = request.day,
                            .recovers = std::nullopt,
                            .recorded_at = ""};
  Result<std::int64_t> id = tx.record_write_off(write_off);
  if (!id) return id.error();
  write_off.allocation_id = *id;
  return write_off;
}

Result<std::vector<Recoverable>> recoverable_write_offs(store::Reader& reader,
                                                        std::string_view item_number) {
  Result<std::vector<store::WriteOff>> write_offs = reader.write_offs_of_item(item_number);
  if (!write_offs) return write_offs.error();
  Result<std::vector<Allocation>> allocations = reader.allocations_of_item(item_number);
  if (!allocations) return allocations.error();
  std::set<std::int64_t> undone;
  for (const Allocation& allocation : *allocations) {
    if (allocation.reverses) undone.insert(*allocation.reverses);
  }
  std::map<std::int64_t, Recoverable> by_write_off;  // ordered by id: oldest first
  for (const store::WriteOff& write_off : *write_offs) {
    if (!write_off.recovers && !undone.contains(write_off.allocation_id)) {
      by_write_off.emplace(write_off.allocation_id,
                           Recoverable{.write_off = write_off.allocation_id,
                                       .kind = write_off.kind,
                                       .amount = write_off.amount});
    }
  }
  for (const store::WriteOff& write_off : *write_offs) {
    if (!write_off.recovers) continue;
    auto recovered = by_write_off.find(*write_off.recovers);
    if (recovered == by_write_off.end()) continue;
    Result<Money> less = recovered->second.amount.plus(write_off.amount);  // amount < 0
    if (!less) return less.error();
    recovered->second.amount = *less;
  }
  std::vector<Recoverable> out;
  for (auto& [id, recoverable] : by_write_off) {
    if (recoverable.amount.is_positive()) out.push_back(std::move(recoverable));
  }
  return out;
}

}  // namespace kontor::engine
