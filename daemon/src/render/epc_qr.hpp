// The EPC QR code ("GiroCode"): the payment request a customer's banking app scans from a notice
// to fill in a SEPA credit transfer — creditor, IBAN, amount and reference, without typing.
//
// epc_payload() writes the text the European Payments Council's guideline EPC069-12 ("Quick
// Response Code: Guidelines to Enable the Data Capture for the Initiation of a SEPA Credit
// Transfer") defines, version 002, character set 1 (UTF-8), one element per line (LF):
//
//   BCD / 002 / 1 / SCT / BIC (may be empty) / name / IBAN / EUR214.00 / purpose (empty) /
//   RF reference / remittance text / beneficiary-to-originator information
//
// Empty elements at the end are left out, and nothing follows the last one given. Every rule
// is checked, so that a code on a letter never fills in a wrong or refused transfer; an error
// names the field. epc_qr_matrix() turns a payload into the QR code's modules (level M).
#pragma once

#include <string>
#include <vector>

#include "kontor/model/money.hpp"
#include "kontor/result.hpp"

namespace kontor::render {

// What the code asks the customer to pay. Text is UTF-8; no field may hold a line break or
// another control character.
struct EpcPayment {
  std::string creditor_name;  // 1 to 70 characters (characters, not bytes)
  std::string iban;           // blanks allowed, lower case allowed
  std::string bic;            // empty, or 8 or 11 characters; optional in version 002
  Money amount;               // EUR only, 0.01 to 999999999.99
  std::string reference;      // ISO 11649 RF reference, e.g. "RF36 M202 6000 001"; or empty
  std::string remittance;     // unstructured text, at most 140 characters; only without reference
  std::string note;           // beneficiary-to-originator information, at most 70 characters
};

// The payload, at most 331 bytes (what a QR code of version 13, the guideline's largest, holds
// at level M). Errors name the field ("EPC QR creditor_name: ..."); `position` is the 1-based
// character position in the field where there is one, else 0.
Result<std::string> epc_payload(const EpcPayment& payment);

// The modules of a QR code: `size` by `size`, without the quiet zone (whoever paints the code
// adds 4 light modules on every side).
struct QrMatrix {
  int size = 0;
  std::vector<bool> dark;  // row by row, size * size

  // Precondition: 0 <= x < size and 0 <= y < size; x counts columns from the left, y rows from
  // the top.
  bool at(int x, int y) const;
};

// Encodes `payload` as the guideline asks: byte mode (the payload is UTF-8), error correction
// level M, the smallest version that holds it, at most version 13.
Result<QrMatrix> epc_qr_matrix(const std::string& payload);

}  // namespace kontor::render
