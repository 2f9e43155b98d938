// Suggests the nearest known name for a misspelt key, as in "did you mean 'state_dir'?".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kontor::config {

// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo
// (at most a third of the word's length, and at most 3 edits).
std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string>& candidates);

}  // namespace kontor::config
