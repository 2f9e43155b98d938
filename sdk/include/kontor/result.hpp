// Result<T>: a value or an Error, for failures that are expected (bad input, a refused file,
// a full disk). Exceptions stay inside a layer and never cross the plugin boundary; a function
// that can fail for reasons outside the program returns a Result instead.
//
// C++20 has no std::expected; this is the small subset Kontor needs.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace kontor {

// What went wrong, for a person: `message` says what was expected and what was found;
// `position` says where in the input (0 when not applicable), counted as the caller documents
// (character offset into a value, line of a file, ...).
struct Error {
  std::string message;
  std::int64_t position = 0;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // Precondition: ok(). Calling value() on an error is a programming mistake.
  const T& value() const& { return std::get<0>(checked()); }
  T& value() & { return std::get<0>(checked()); }
  T&& value() && { return std::get<0>(std::move(checked())); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  // Precondition: !ok().
  const Error& error() const { return std::get<1>(state_); }

 private:
  const std::variant<T, Error>& checked() const {
    if (!ok()) throw std::logic_error("Result::value() on error: " + error().message);
    return state_;
  }
  std::variant<T, Error>& checked() {
    if (!ok()) throw std::logic_error("Result::value() on error: " + error().message);
    return state_;
  }
  std::variant<T, Error> state_;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

}  // namespace kontor
