// import_open_items: brings the ERP's customers and open items into the store.
//
// The job's sources deliver ERP export files, its parsers read them (plugin open-items), and
// each file is applied in one store step by OpenItemImport. `with: {mode: delta|snapshot}`:
// delta (default) inserts and updates; snapshot also marks open invoices missing from the file
// as settled externally. Importing the same file again changes nothing.
#pragma once

#include "engine/engine.hpp"

namespace kontor::engine {

EngineRegistration import_open_items_engine();

}  // namespace kontor::engine
