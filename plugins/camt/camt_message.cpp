#include "camt_message.hpp"

#include "clean_text.hpp"

namespace kontor::plugins::camt {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::optional<int> message_number_of_element(std::string_view name) {
  if (name.ends_with("V01")) name.remove_suffix(3);
  if (name == "BkToCstmrAcctRpt") return 52;
  if (name == "BkToCstmrStmt") return 53;
  if (name == "BkToCstmrDbtCdtNtfctn") return 54;
  return std::nullopt;
}

std::string message_name(int number) {
  return "camt.0" + std::to_string(number);
}

Result<CamtMessage> message_of_namespace(std::string_view uri) {
  const std::string quoted_uri = quoted(uri, 100);
  if (!uri.starts_with(kNamespacePrefix)) {
    return Error{"namespace " + quoted_uri + " is not an ISO 20022 namespace (" +
                 std::string(kNamespacePrefix) + "camt.05x.001.nn)"};
  }
  // camt.05N.001.VV
  const std::string_view name = uri.substr(kNamespacePrefix.size());
  const bool well_formed = name.size() == 15 && name.starts_with("camt.05") && is_digit(name[7]) &&
                           name.substr(8, 5) == ".001." && is_digit(name[13]) && is_digit(name[14]);
  if (!well_formed) {
    return Error{"namespace " + quoted_uri +
                 " names no camt message and version (expected camt.052, camt.053 or camt.054 "
                 "with a version, e.g. " +
                 std::string(kNamespacePrefix) + "camt.053.001.02)"};
  }
  CamtMessage message;
  message.number = 50 + (name[7] - '0');
  message.dialect = std::string(name);
  switch (message.number) {
    case 52:
      message.kind = StatementKind::intraday;
      message.record = "Rpt";
      break;
    case 53:
      message.kind = StatementKind::statement;
      message.record = "Stmt";
      break;
    case 54:
      message.kind = StatementKind::notification;
      message.record = "Ntfctn";
      break;
    default:
      return Error{"namespace " + quoted_uri + " names " + std::string(name.substr(0, 8)) +
                   ", which is not a bank-to-customer report (camt.052, camt.053, camt.054)"};
  }
  if (name.substr(13) == "00") return Error{"namespace " + quoted_uri + " names version 00"};
  return message;
}

}  // namespace kontor::plugins::camt
