#include "kontor/sdk/settle.hpp"

#include <algorithm>
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

}  // namespace kontor::sdk
