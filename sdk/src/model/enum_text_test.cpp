#include "kontor/model/enum_text.hpp"

#include <gtest/gtest.h>

#include "kontor/model/allocation.hpp"
#include "kontor/model/bank_statement.hpp"
#include "kontor/model/booking.hpp"
#include "kontor/model/customer.hpp"
#include "kontor/model/note.hpp"
#include "kontor/model/notice.hpp"

namespace kontor {
namespace {

// Every name parses back to its value: the store and files rely on the round trip.
template <typename Enum>
void expect_round_trip(std::initializer_list<Enum> values,
                       Result<Enum> (*parse)(std::string_view)) {
  for (Enum value : values) {
    Result<Enum> back = parse(to_string(value));
    ASSERT_TRUE(back) << to_string(value);
    EXPECT_EQ(*back, value);
  }
}

TEST(EnumText, NamesRoundTrip) {
  expect_round_trip({CustomerKind::consumer, CustomerKind::business}, parse_customer_kind);
  expect_round_trip({Delivery::email, Delivery::letter}, parse_delivery);
  expect_round_trip({AllocationMethod::creditor_reference, AllocationMethod::debt_order,
                     AllocationMethod::reversal},
                    parse_allocation_method);
  expect_round_trip({NoteKind::call, NoteKind::complaint}, parse_note_kind);
  expect_round_trip({NoteStatus::open, NoteStatus::resolved}, parse_note_status);
  expect_round_trip({NoticeKind::reminder, NoticeKind::statement, NoticeKind::invoice},
                    parse_notice_kind);
  expect_round_trip({DeliveryState::pending, DeliveryState::parked}, parse_delivery_state);
  expect_round_trip(
      {StatementKind::statement, StatementKind::intraday, StatementKind::notification},
      parse_statement_kind);
  expect_round_trip({BookingFacts::none, BookingFacts::dunning_interest, BookingFacts::dunning_fee},
                    parse_booking_facts);
}

TEST(EnumText, CustomerTypesUseTheErpWords) {
  EXPECT_EQ(to_string(CustomerKind::business), "b2b");
  Result<CustomerKind> unknown = parse_customer_kind("company");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message, "unknown customer type 'company'; expected one of b2c, b2b");
}

}  // namespace
}  // namespace kontor
