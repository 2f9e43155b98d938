#include "config/did_you_mean.hpp"

#include <gtest/gtest.h>

namespace kontor::config {
namespace {

const std::vector<std::string> kKeys = {"state_dir", "plugin_dir", "admin_socket", "log_level"};

TEST(DidYouMean, SuggestsTheKeyOneTypoAway) {
  EXPECT_EQ(did_you_mean("stat_dir", kKeys), "state_dir");
  EXPECT_EQ(did_you_mean("log_lvel", kKeys), "log_level");
}

TEST(DidYouMean, TreatsSwappedLettersAsOneTypo) {
  EXPECT_EQ(did_you_mean("plugni_dir", kKeys), "plugin_dir");
}

TEST(DidYouMean, StaysQuietWhenNothingIsClose) {
  EXPECT_EQ(did_you_mean("colour", kKeys), std::nullopt);
  EXPECT_EQ(did_you_mean("x", kKeys), std::nullopt);
}

}  // namespace
}  // namespace kontor::config
