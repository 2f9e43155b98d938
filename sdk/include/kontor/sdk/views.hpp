// Small helpers between C++ strings and the ABI's views. Views point into the C++ object, which
// must outlive the call that receives them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kontor/plugin_abi.h"

namespace kontor::sdk {

inline kontor_str view(std::string_view text) {
  return {text.data(), text.size()};
}
inline kontor_bytes bytes_view(std::string_view data) {
  return {reinterpret_cast<const std::uint8_t*>(data.data()), data.size()};
}
inline std::string copy(kontor_str text) {
  return text.data == nullptr ? std::string() : std::string(text.data, text.size);
}
inline std::string copy(kontor_bytes data) {
  return data.data == nullptr ? std::string()
                              : std::string(reinterpret_cast<const char*>(data.data), data.size);
}

// Holds the kontor_str items for a kontor_str_array built from strings.
class StrArray {
 public:
  explicit StrArray(const std::vector<std::string>& items) {
    for (const auto& item : items) views_.push_back(view(item));
  }
  kontor_str_array get() const {
    return {views_.data(), static_cast<std::uint32_t>(views_.size()),
            static_cast<std::uint32_t>(sizeof(kontor_str))};
  }

 private:
  std::vector<kontor_str> views_;
};

// Reads element i of an array that travelled as {pointer, count, element size}: the sender's
// element may be smaller (older) or larger (newer) than ours.
template <typename T>
const T* element(const T* items, std::uint32_t element_size, std::uint32_t index) {
  return reinterpret_cast<const T*>(reinterpret_cast<const std::uint8_t*>(items) +
                                    static_cast<std::size_t>(index) * element_size);
}

std::vector<std::string> copy(const kontor_str_array& array);

// The field of a struct received from the other side, or a zeroed default if the sender's
// struct_size does not reach it (an older sender). Use through KONTOR_FIELD.
template <typename Struct, typename Field>
Field field_or_zero(const Struct& value, const Field Struct::*member, std::size_t offset) {
  if (offset + sizeof(Field) > value.struct_size) return Field{};
  return value.*member;
}

}  // namespace kontor::sdk

// KONTOR_FIELD(s, name): s.name if the sender's struct is large enough to hold it, else zero.
#define KONTOR_FIELD(s, name)                                              \
  ::kontor::sdk::field_or_zero(s, &std::remove_cvref_t<decltype(s)>::name, \
                               offsetof(std::remove_cvref_t<decltype(s)>, name))
