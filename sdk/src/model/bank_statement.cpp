#include "kontor/model/bank_statement.hpp"

#include "kontor/model/enum_text.hpp"

namespace kontor {
namespace {

constexpr EnumName<StatementKind> kKinds[] = {{StatementKind::statement, "statement"},
                                              {StatementKind::intraday, "intraday"},
                                              {StatementKind::notification, "notification"}};

}  // namespace

std::string_view to_string(StatementKind kind) {
  return enum_to_text(kKinds, kind);
}
Result<StatementKind> parse_statement_kind(std::string_view text) {
  return enum_from_text(kKinds, "statement kind", text);
}

}  // namespace kontor
