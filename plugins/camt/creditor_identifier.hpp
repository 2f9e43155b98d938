// Whether a text has the shape of a SEPA creditor identifier ("DE98ZZZ09999999999"): a country
// code, two check digits, a three-character business code and a national identifier.
//
// German banks deliver the creditor identifier of a direct debit not in CdtrSchmeId but as the
// creditor's private identification (RltdPties/Cdtr/Id/PrvtId/Othr/Id, scheme "SEPA"); where the
// scheme name is missing, the shape tells a creditor identifier from other numbers there. The
// check digits are not verified: a parser reports what the file says, and checking identifiers
// is the engine's business (as with IBANs) — hbci4java's sample carries one that fails them.
#pragma once

#include <string_view>

namespace kontor::plugins::camt {

bool looks_like_creditor_identifier(std::string_view text);

}  // namespace kontor::plugins::camt
