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

void ByteWindow::release_before(std::uint64_t offset) {
  if (offset <= begin_) return;
  const auto drop = static_cast<std::size_t>(std::min(offset, end_) - begin_);
  // Moving the kept bytes costs as much as reading them again; do it only when the dropped part
  // is at least as large as the kept one, so every byte moves at most a few times.
  if (drop < buffer_.size() - drop || drop < chunk_size_) return;
  buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(drop));
  begin_ += drop;
}

bool ByteWindow::fill(std::uint64_t end) {
  while (end_ < end && !finished_) {
    // Read at least as much again as is held, so that an element much larger than a chunk is
    // assembled in a logarithmic number of steps.
    const std::size_t want = std::max(chunk_size_, buffer_.size());
    const std::size_t old_size = buffer_.size();
    buffer_.resize(old_size + want);
    auto* data = reinterpret_cast<std::uint8_t*>(buffer_.data() + old_size);
    Result<std::size_t> got = reader_.read(std::span<std::uint8_t>(data, want));
    const std::size_t n = got.ok() ? std::min(*got, want) : 0;
    buffer_.resize(old_size + n);
    end_ = begin_ + buffer_.size();
    if (!got.ok()) {
      status_ = sdk::Status::failed(reader_.name() + ": cannot be read: " + got.error().message);
      finished_ = true;
    } else if (n == 0) {
      finished_ = true;
    } else if (end_ > max_size_) {
      status_ = sdk::Status::failed(too_large_message(reader_.name(), max_size_));
      finished_ = true;
    }
  }
  return end <= end_ && status_.is_ok();
}

}  // namespace kontor::plugins::camt
