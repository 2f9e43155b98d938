#include "kontor/sdk/views.hpp"

namespace kontor::sdk {

std::vector<std::string> copy(const kontor_str_array& array) {
  std::vector<std::string> out;
  if (array.items == nullptr) return out;
  const std::uint32_t size = array.element_size == 0 ? sizeof(kontor_str) : array.element_size;
  for (std::uint32_t i = 0; i < array.count; ++i)
    out.push_back(copy(*element(array.items, size, i)));
  return out;
}

}  // namespace kontor::sdk
