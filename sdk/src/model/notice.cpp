#include "kontor/model/notice.hpp"

#include "kontor/model/enum_text.hpp"

namespace kontor {
namespace {

constexpr EnumName<NoticeKind> kKinds[] = {{NoticeKind::reminder, "reminder"},
                                           {NoticeKind::statement, "statement"},
                                           {NoticeKind::invoice, "invoice"}};
constexpr EnumName<DeliveryState> kStates[] = {{DeliveryState::pending, "pending"},
                                               {DeliveryState::retrying, "retrying"},
                                               {DeliveryState::delivered, "delivered"},
                                               {DeliveryState::parked, "parked"}};

}  // namespace

std::string_view to_string(NoticeKind kind) {
  return enum_to_text(kKinds, kind);
}
Result<NoticeKind> parse_notice_kind(std::string_view text) {
  return enum_from_text(kKinds, "notice kind", text);
}
std::string_view to_string(DeliveryState state) {
  return enum_to_text(kStates, state);
}
Result<DeliveryState> parse_delivery_state(std::string_view text) {
  return enum_from_text(kStates, "delivery state", text);
}

Status assign_references(Notice& notice) {
  Result<CreditorReference> reference = CreditorReference::from_number(notice.number);
  if (!reference) return Error{"notice: " + reference.error().message, reference.error().position};
  notice.rf_reference = *reference;
  notice.idempotency_key = "kontor-notice-" + notice.number;
  return {};
}

}  // namespace kontor
