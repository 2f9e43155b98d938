// CamtMessage: which camt message a document is — camt.052 (account report, intraday),
// camt.053 (statement) or camt.054 (debit/credit notification) — and in which schema version,
// read from the namespace of its message element.
//
// The namespace is the only place a camt file states its version; a document without one, or
// with one that names no version ("urn:iso:std:iso:20022:tech:xsd:camt"), cannot be read with
// certainty and is refused. The element names the reader relies on are the same in every
// version (.001.01 adds "V01" to the message element), so one reader serves them all.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kontor/model/bank_statement.hpp"
#include "kontor/result.hpp"

namespace kontor::plugins::camt {

struct CamtMessage {
  int number = 53;  // 52, 53 or 54
  StatementKind kind = StatementKind::statement;
  std::string dialect;      // "camt.053.001.02", as the namespace says
  std::string_view record;  // the element of one statement: "Rpt", "Stmt" or "Ntfctn"
};

inline constexpr std::string_view kNamespacePrefix = "urn:iso:std:iso:20022:tech:xsd:";

// 52, 53 or 54 for the message elements (BkToCstmrAcctRpt, BkToCstmrStmt,
// BkToCstmrDbtCdtNtfctn, each also with the V01 suffix of .001.01); nullopt for anything else.
std::optional<int> message_number_of_element(std::string_view local_name);

// The message a namespace URI names: "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02".
Result<CamtMessage> message_of_namespace(std::string_view uri);

// "camt.053" for 53.
std::string message_name(int number);

}  // namespace kontor::plugins::camt
