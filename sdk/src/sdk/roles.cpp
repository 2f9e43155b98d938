#include "kontor/sdk/roles.hpp"

#include <vector>

namespace kontor::sdk {

Result<std::string> DocumentReader::read_all(std::size_t max_bytes) {
  std::string content;
  if (size() > 0 && static_cast<std::uint64_t>(size()) <= max_bytes) {
    content.reserve(static_cast<std::size_t>(size()));
  }
  std::vector<std::uint8_t> buffer(64 * 1024);
  while (true) {
    auto got = read(buffer);
    if (!got) return got.error();
    if (*got == 0) break;
    if (content.size() + *got > max_bytes) {
      return Error{name() + " is larger than the limit of " + std::to_string(max_bytes) + " bytes"};
    }
    content.append(reinterpret_cast<const char*>(buffer.data()), *got);
  }
  return content;
}

}  // namespace kontor::sdk
