// ${VAR} expansion in configuration values.
//
// Only non-secret values are expanded: a secret is always a reference ({env:}, {file:},
// {credential:}), so a password never passes through the configuration tree. `$${` writes a
// literal `${`.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "kontor/result.hpp"

namespace kontor::config {

// Looks up an environment variable; injected so tests need not touch the real environment.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string&)>;

EnvironmentLookup process_environment();

// The text with every ${NAME} replaced. An unset variable or an unterminated ${ is an error
// whose position is the offset of the `$` within `text`.
Result<std::string> expand_variables(std::string_view text, const EnvironmentLookup& lookup);

}  // namespace kontor::config
