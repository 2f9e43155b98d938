#include "config/env_expansion.hpp"

#include <gtest/gtest.h>

namespace kontor::config {
namespace {

EnvironmentLookup only_home() {
  return [](const std::string& name) -> std::optional<std::string> {
    if (name == "HOME") return "/home/ar";
    return std::nullopt;
  };
}

TEST(EnvExpansion, ReplacesEveryVariable) {
  auto result = expand_variables("${HOME}/in:${HOME}/out", only_home());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(*result, "/home/ar/in:/home/ar/out");
}

TEST(EnvExpansion, DoubleDollarWritesALiteral) {
  auto result = expand_variables("cost $${HOME} $5", only_home());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(*result, "cost ${HOME} $5");
}

TEST(EnvExpansion, UnsetVariableIsAnErrorAtItsDollar) {
  auto result = expand_variables("/srv/${MISSING}", only_home());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "environment variable 'MISSING' is not set");
  EXPECT_EQ(result.error().position, 5);
}

TEST(EnvExpansion, UnterminatedOrInvalidNamesAreErrors) {
  EXPECT_EQ(expand_variables("${HOME", only_home()).error().message, "'${' without a closing '}'");
  EXPECT_EQ(expand_variables("${a-b}", only_home()).error().message,
            "'${a-b}' is not a variable name (letters, digits, '_')");
}

}  // namespace
}  // namespace kontor::config
