#include "kontor/sdk/settle.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <sstream>

namespace kontor::sdk {

SettleWatch::SettleWatch(std::string_view remembered, std::int64_t now_us, std::int64_t settle_us)
    : now_us_(now_us), settle_us_(settle_us) {
  // One line per file: NAME \t SIZE MTIME FIRST_SEEN. A line that does not read is dropped: the
  // file is then simply seen for the first time again.
  std::istringstream in{std::string(remembered)};
  std::string line;
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    Sighting s;
    std::istringstream values(line.substr(tab + 1));
    if (values >> s.size >> s.mtime_us >> s.first_seen_us) before_[line.substr(0, tab)] = s;
  }
}

bool SettleWatch::settled(const std::string& name, std::int64_t size, std::int64_t mtime_us) {
  Sighting seen{size, mtime_us, now_us_};
  if (auto it = before_.find(name);
      it != before_.end() && it->second.size == size && it->second.mtime_us == mtime_us) {
    seen.first_seen_us = it->second.first_seen_us;  // unchanged: the clock keeps running
  }
  now_seen_[name] = seen;
  const std::int64_t since_seen = now_us_ - seen.first_seen_us;
  const bool written_known = mtime_us > 0;
  const std::int64_t since_written = now_us_ - mtime_us;
  if (since_seen >= settle_us_ || (written_known && since_written >= settle_us_)) return true;
  std::int64_t left = settle_us_ - since_seen;
  if (written_known) left = std::min(left, settle_us_ - since_written);
  if (next_settled_in_us_ == 0 || left < next_settled_in_us_) next_settled_in_us_ = left;
  return false;
}

std::string SettleWatch::remember() const {
  std::string text;
  for (const auto& [name, s] : now_seen_) {
    text += name + "\t" + std::to_string(s.size) + " " + std::to_string(s.mtime_us) + " " +
            std::to_string(s.first_seen_us) + "\n";
  }
  return text;
}

std::string moved_name_prefix(std::int64_t now_us) {
  const std::time_t seconds = static_cast<std::time_t>(now_us / 1'000'000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof(text), "%Y-%m-%dT%H-%M-%SZ_", &utc);
  return text;
}

std::optional<std::int64_t> moved_at_us(std::string_view name) {
  // "YYYY-MM-DDTHH-MM-SSZ_": digits where moved_name_prefix writes them, its separators between.
  constexpr std::string_view kShape = "dddd-dd-ddTdd-dd-ddZ_";
  if (name.size() < kShape.size()) return std::nullopt;
  for (std::size_t i = 0; i < kShape.size(); ++i) {
    const char c = name[i];
    if (kShape[i] == 'd' ? (c < '0' || c > '9') : c != kShape[i]) return std::nullopt;
  }
  auto number = [&](std::size_t at, std::size_t width) {
    int value = 0;
    for (std::size_t i = at; i < at + width; ++i) value = value * 10 + (name[i] - '0');
    return value;
  };
  const std::chrono::year_month_day day{std::chrono::year(number(0, 4)),
                                        std::chrono::month(static_cast<unsigned>(number(5, 2))),
                                        std::chrono::day(static_cast<unsigned>(number(8, 2)))};
  const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
  if (!day.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const auto instant = std::chrono::sys_days(day) + std::chrono::hours(hour) +
                       std::chrono::minutes(minute) + std::chrono::seconds(second);
  return std::chrono::duration_cast<std::chrono::microseconds>(instant.time_since_epoch()).count();
}

}  // namespace kontor::sdk
