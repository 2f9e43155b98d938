#include "kontor/model/customer.hpp"

#include "kontor/model/enum_text.hpp"

namespace kontor {
namespace {

constexpr EnumName<CustomerKind> kKinds[] = {{CustomerKind::consumer, "b2c"},
                                             {CustomerKind::business, "b2b"}};
constexpr EnumName<Delivery> kDeliveries[] = {{Delivery::email, "email"},
                                              {Delivery::letter, "letter"}};

}  // namespace

std::string_view to_string(CustomerKind kind) {
  return enum_to_text(kKinds, kind);
}
Result<CustomerKind> parse_customer_kind(std::string_view text) {
  return enum_from_text(kKinds, "customer type", text);
}
std::string_view to_string(Delivery delivery) {
  return enum_to_text(kDeliveries, delivery);
}
Result<Delivery> parse_delivery(std::string_view text) {
  return enum_from_text(kDeliveries, "delivery", text);
}

}  // namespace kontor
