// PostalAddress: where a letter goes — the company's registered address and a customer's
// postal address.
#pragma once

#include <string>

namespace kontor {

struct PostalAddress {
  std::string street;  // street and number
  std::string postcode;
  std::string city;
  std::string country;  // ISO 3166-1 alpha-2, e.g. "DE"

  bool operator==(const PostalAddress&) const = default;
};

}  // namespace kontor
