#include "config/listen_address.hpp"

#include <gtest/gtest.h>

namespace kontor::config {
namespace {

TEST(ListenAddress, LoopbackAddressesAreRecognised) {
  auto v4 = parse_listen_address("127.0.0.1:9741");
  ASSERT_TRUE(v4.ok()) << v4.error().message;
  EXPECT_EQ(v4->host, "127.0.0.1");
  EXPECT_EQ(v4->port, 9741);
  EXPECT_TRUE(v4->loopback);
  auto v6 = parse_listen_address("[::1]:9741");
  ASSERT_TRUE(v6.ok()) << v6.error().message;
  EXPECT_TRUE(v6->loopback);
  EXPECT_EQ(v6->describe(), "[::1]:9741");
}

TEST(ListenAddress, OtherInterfacesAreNotLoopback) {
  auto any = parse_listen_address("0.0.0.0:9741");
  ASSERT_TRUE(any.ok());
  EXPECT_FALSE(any->loopback);
  EXPECT_FALSE(parse_listen_address("[::]:80")->loopback);
}

TEST(ListenAddress, MalformedAddressesSayWhatIsExpected) {
  for (const char* text : {"127.0.0.1", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:65536",
                           "127.0.0.1:97x", "localhost:9741", "::1:9741", "[127.0.0.1]:9741"}) {
    auto parsed = parse_listen_address(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_NE(parsed.error().message.find("such as 127.0.0.1:9741"), std::string::npos)
        << parsed.error().message;
  }
}

}  // namespace
}  // namespace kontor::config
