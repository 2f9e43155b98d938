#include "scheduler/planned_run.hpp"

#include <date/date.h>

namespace kontor::scheduler {

std::string iso_instant(TimePoint instant) {
  const auto milliseconds = date::floor<std::chrono::milliseconds>(instant);
  const auto seconds = date::floor<std::chrono::seconds>(instant);
  return (milliseconds == seconds ? date::format("%FT%T", seconds)
                                  : date::format("%FT%T", milliseconds)) +
         "Z";
}

std::string idempotency_key(std::string_view job, TimePoint planned) {
  return std::string(job) + "@" + iso_instant(planned);
}

std::string describe_duration(std::chrono::milliseconds duration) {
  if (duration.count() == 0) return "0s";
  std::string text;
  auto rest = duration.count();
  const std::pair<long long, const char*> units[] = {
      {86400000, "d"}, {3600000, "h"}, {60000, "m"}, {1000, "s"}, {1, "ms"}};
  for (const auto& [size, name] : units) {
    if (rest >= size) {
      text += std::to_string(rest / size) + name;
      rest %= size;
    }
  }
  return text;
}

}  // namespace kontor::scheduler
