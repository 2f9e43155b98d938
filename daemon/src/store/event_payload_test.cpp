#include "store/event_payload.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/store_test_support.hpp"

namespace kontor::store {
namespace {

TEST(EventPayload, EscapesWhatBanksAndErpsSend) {
  const std::string nasty = "Rg. \"12\"\\13\nZeile\t2 \x01 Müller";
  const std::string json = JsonObject().add_text("remittance", nasty).add_number("n", -5).str();
  const nlohmann::json parsed = nlohmann::json::parse(json);
  EXPECT_EQ(parsed["remittance"], nasty);
  EXPECT_EQ(parsed["n"], -5);
}

TEST(EventPayload, ChangedFieldsListOnlyWhatDiffers) {
  const Fields before = {{"name", "Muster GmbH"}, {"email", "a@example.org"}};
  const Fields after = {{"name", "Muster GmbH"}, {"email", "b@example.org"}};
  const nlohmann::json changes = nlohmann::json::parse(changed_fields_json(before, after));
  EXPECT_EQ(changes.size(), 1U);
  EXPECT_EQ(changes["email"]["from"], "a@example.org");
  EXPECT_EQ(changes["email"]["to"], "b@example.org");
  EXPECT_EQ(changed_fields_json(before, before), "");
}

TEST(EventPayload, TimestampsAreUtcWithMilliseconds) {
  using namespace std::chrono;
  EXPECT_EQ(utc_timestamp(testing::fixed_now() + microseconds(1234567)),
            "2026-11-28T09:30:01.234Z");
  EXPECT_EQ(utc_timestamp(sys_time<microseconds>()), "1970-01-01T00:00:00.000Z");
}

}  // namespace
}  // namespace kontor::store
