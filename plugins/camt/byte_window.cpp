#include "byte_window.hpp"

#include <algorithm>
#include <cstring>
#include <span>

namespace kontor::plugins::camt {

std::string too_large_message(const std::string& name, std::uint64_t max_size) {
  return name + " is larger than max_file_size (" + std::to_string(max_size) +
         " bytes): refused unread; raise max_file_size if the bank's files are this large";
}

ByteWindow::ByteWindow(sdk::DocumentReader& reader, std::uint64_t max_size, std::size_t chunk_size)
    : reader_(reader), max_size_(max_size), chunk_size_(std::max<std::size_t>(chunk_size, 16)) {
  if (reader.size() >= 0 && static_cast<std::uint64_t>(reader.size()) > max_size) {
    status_ = sdk::Status::failed(too_large_message(reader.name(), max_size));
    finished_ = true;
  }
}

void ByteWindow::make_room() {
  const std::size_t free = capacity_ - start_ - held();
  if (free > 0 && free * 4 >= chunk_size_) return;
  if (start_ >= held() && capacity_ - held() >= chunk_size_) {
    // Moving the held bytes costs no more than reading them did: they fill at most the space
    // before them, so each byte moves a bounded number of times.
    std::memmove(storage_.get(), storage_.get() + start_, held());
    start_ = 0;
    return;
  }
  if (free > 0) return;
  // Growing to twice what is held assembles an element much larger than a read in a
  // logarithmic number of steps.
  const std::size_t capacity = std::max(2 * held(), held() + chunk_size_);
  auto storage = std::make_unique_for_overwrite<char[]>(capacity);
  if (held() > 0) std::memcpy(storage.get(), storage_.get() + start_, held());
  storage_ = std::move(storage);
  capacity_ = capacity;
  start_ = 0;
}

bool ByteWindow::fill(std::uint64_t end) {
  while (end_ < end && !finished_) {
    make_room();
    const std::size_t free = capacity_ - start_ - held();
    auto* data = reinterpret_cast<std::uint8_t*>(storage_.get() + start_ + held());
    Result<std::size_t> got = reader_.read(std::span<std::uint8_t>(data, free));
    if (!got.ok()) {
      status_ = sdk::Status::failed(reader_.name() + ": cannot be read: " + got.error().message);
      finished_ = true;
    } else if (*got == 0) {
      finished_ = true;
    } else {
      end_ += std::min(*got, free);
      if (end_ > max_size_) {
        status_ = sdk::Status::failed(too_large_message(reader_.name(), max_size_));
        finished_ = true;
      }
    }
  }
  return end <= end_ && status_.is_ok();
}

}  // namespace kontor::plugins::camt
