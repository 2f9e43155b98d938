// ByteWindow: the bytes of a document that a one-pass reader still needs — from the oldest
// position it may come back to up to what has been read so far — over an sdk::DocumentReader.
//
// A camt file is read once, front to back; what the reader keeps is one element at a time, so
// memory is bounded by the largest element, not by the file (a year of statements of a busy
// account is gigabytes). Offsets are absolute (from the start of the document), so that a file
// larger than 4 GiB is no special case. A pointer from at() is valid until the next ensure().
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "kontor/sdk/roles.hpp"

namespace kontor::plugins::camt {

class ByteWindow {
 public:
  // Refuses (status()) a document larger than `max_size` bytes, before reading it when its size
  // is known, else as soon as more than that has been read.
  ByteWindow(sdk::DocumentReader& reader, std::uint64_t max_size, std::size_t chunk_size);

  // Reads until the window holds bytes up to `end` (exclusive). False when the document ends
  // before, or reading failed or was refused (then status() says why).
  bool ensure(std::uint64_t end) { return end <= end_ || fill(end); }

  std::uint64_t begin() const { return begin_; }
  std::uint64_t end() const { return end_; }
  // Precondition: begin() <= offset <= end().
  const char* at(std::uint64_t offset) const {
    return storage_.get() + start_ + static_cast<std::size_t>(offset - begin_);
  }

  // The reader will not come back to bytes before `offset`.
  void release_before(std::uint64_t offset) {
    if (offset <= begin_) return;
    const std::uint64_t dropped = (offset < end_ ? offset : end_) - begin_;
    start_ += static_cast<std::size_t>(dropped);
    begin_ += dropped;
  }

  const sdk::Status& status() const { return status_; }

 private:
  bool fill(std::uint64_t end);
  // Free space after the held bytes to read into: a quarter read at least, made by moving them
  // to the front when that is cheap, else by growing when none is left.
  void make_room();
  std::size_t held() const { return static_cast<std::size_t>(end_ - begin_); }

  sdk::DocumentReader& reader_;
  std::uint64_t max_size_;
  std::size_t chunk_size_;
  // The held bytes are storage_[start_, start_ + held()); reads go to the free space after them.
  std::unique_ptr<char[]> storage_;
  std::size_t capacity_ = 0;
  std::size_t start_ = 0;
  std::uint64_t begin_ = 0;  // absolute offset of storage_[start_]
  std::uint64_t end_ = 0;    // one past the last byte read
  bool finished_ = false;
  sdk::Status status_;
};

// "NAME is larger than max_file_size (N bytes): ..." — the one message for a refused size.
std::string too_large_message(const std::string& name, std::uint64_t max_size);

}  // namespace kontor::plugins::camt
