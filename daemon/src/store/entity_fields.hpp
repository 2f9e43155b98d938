// Entities as audit fields: the text of every field, in a fixed order, for the payload of an
// insert event and for finding what an update changed.
#pragma once

#include "kontor/model/bank_transaction.hpp"
#include "kontor/model/customer.hpp"
#include "kontor/model/open_item.hpp"
#include "store/event_payload.hpp"

namespace kontor::store {

Fields customer_fields(const Customer& customer);
// The item's master data: everything but `open` and `dunning_level`, which the store and the
// dunning engine maintain.
Fields open_item_fields(const OpenItem& item);
Fields bank_transaction_fields(const BankTransaction& transaction);

}  // namespace kontor::store
