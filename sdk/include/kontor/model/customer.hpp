// Customer: an account holder of the company — whom invoices, reminders and statements go to,
// and whose payments Kontor recognises by the IBANs it knows for them.
//
// The customer number is the ERP's and the key everywhere. Notes and complaints about a
// customer are Notes (note.hpp), not part of this record.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kontor/model/dunning_block.hpp"
#include "kontor/model/iban.hpp"
#include "kontor/model/postal_address.hpp"
#include "kontor/result.hpp"

namespace kontor {

// Consumers and businesses are treated differently by the law of default (§§286, 288 BGB).
enum class CustomerKind { consumer, business };  // text: "b2c", "b2b"
enum class Delivery { email, letter };

std::string_view to_string(CustomerKind kind);
Result<CustomerKind> parse_customer_kind(std::string_view text);
std::string_view to_string(Delivery delivery);
Result<Delivery> parse_delivery(std::string_view text);

struct Customer {
  std::string number;
  std::string name;
  PostalAddress address;
  std::string email;
  std::string language;  // ISO 639-1 of the notices, e.g. "de"; empty: the configured default
  std::vector<Iban> ibans;
  CustomerKind kind = CustomerKind::consumer;  // the ERP's "missing = b2c"
  std::optional<Delivery> preferred_delivery;  // none: the channel policy decides
  std::optional<DunningBlock> dunning_block;

  bool operator==(const Customer&) const = default;
};

}  // namespace kontor
