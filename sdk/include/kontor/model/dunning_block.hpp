// DunningBlock: "do not send reminders" on a customer or an open item, set by the ERP or an
// account manager, with the reason and optionally the last day it holds.
#pragma once

#include <optional>
#include <string>

#include "kontor/model/date.hpp"

namespace kontor {

struct DunningBlock {
  std::string reason;
  std::optional<Date> until;  // inclusive; none = until lifted

  bool holds_on(const Date& day) const { return !until || day <= *until; }
  bool operator==(const DunningBlock&) const = default;
};

}  // namespace kontor
