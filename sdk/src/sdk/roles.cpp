#include "kontor/sdk/roles.hpp"

#include <vector>

namespace kontor::sdk {

Result<std::string> DocumentReader::read_all(std::size_t max_bytes, std::size_t spare) {
  const auto too_large = [&] {
    return Error{name() + " is larger than max_file_size (" + std::to_string(max_bytes) +
                 " bytes): refused; raise max_file_size if files this large are expected"};
  };
  std::string content;
  if (size() >= 0) {
    if (static_cast<std::uint64_t>(size()) > max_bytes) return too_large();
    content.reserve(static_cast<std::size_t>(size()) + spare);
  }
  std::vector<std::uint8_t> buffer(256 * 1024);
  while (true) {
    auto got = read(buffer);
    if (!got) return Error{name() + " cannot be read: " + got.error().message};
    if (*got == 0) break;
    if (content.size() + *got > max_bytes) return too_large();
    content.append(reinterpret_cast<const char*>(buffer.data()), *got);
  }
  return content;
}

}  // namespace kontor::sdk
