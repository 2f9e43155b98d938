// Checks shared by several sections: names, time zones, country codes, bank identifiers,
// decimals and amounts.
// Each returns an error message, or an empty string when the value is fine (see ValueCheck).
#pragma once

#include <string>

#include "config/config_node.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"

namespace kontor::config {

// Instance, job and plugin names appear in file names, URLs and metric labels: [a-z0-9-].
std::string check_name(const ConfigNode& name);
std::string check_timezone(const ConfigNode& zone);
std::string check_country(const ConfigNode& country);
std::string check_iban(const ConfigNode& iban);
std::string check_bic(const ConfigNode& bic);
std::string check_vat_id(const ConfigNode& vat_id);
// Exact decimal ("8.5") and amount with currency ("5.00 EUR"), read by the model's parsers.
std::string check_decimal(const ConfigNode& decimal);
std::string check_money(const ConfigNode& money);
// The amount of a money value ("5.00 EUR").
Result<Money> money_of(const ConfigNode& money);

}  // namespace kontor::config
