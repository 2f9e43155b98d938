// Payer names: the comparable form of a customer's or payer's name, so that the account holder
// a bank reports ("MUELLER HANS", "Bäckerei Schmidt GmbH & Co. KG") can be recognised as a
// customer of the ERP ("Hans Müller", "Baeckerei Schmidt").
//
// What does not tell payers apart is dropped: case, punctuation, the spelling of umlauts
// (ä = ae, ß = ss, accents dropped), legal forms (GmbH, GmbH & Co. KG, AG, e.K., UG
// (haftungsbeschränkt), KG, OHG, e.V., Ltd, Inc …), forms of address (Herr, Dr., Firma) and word
// order. What does is kept: every other word, so "Max Mustermann" is not "Max und Erika
// Mustermann". A dropped umlaut ("Muller") is not "Müller": folding "ue" to "u" would also
// make "Bauer" and "Baur" one name.
//
// The input is UTF-8; bytes that are not valid Latin letters are kept as they are.
#pragma once

#include <string>
#include <string_view>

namespace kontor::matching {

// The name's remaining words, lower case, sorted, joined by one blank: "Mustermann, Max GmbH"
// → "max mustermann". Empty when nothing but legal forms and punctuation was given.
std::string normalised_payer_name(std::string_view name);

// Whether the two names are the same payer's after normalising; never for an empty name.
bool same_payer_name(std::string_view a, std::string_view b);

// The comparable form of a payer's account (IBAN or account number): blanks dropped, ASCII
// letters upper-cased ("de89 3704 …" → "DE893704…").
std::string comparable_account(std::string_view account);

}  // namespace kontor::matching
