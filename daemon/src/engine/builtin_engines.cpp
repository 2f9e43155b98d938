#include "engine/deliver_invoices.hpp"
#include "engine/digest.hpp"
#include "engine/dunning.hpp"
#include "engine/dunning_settings.hpp"
#include "engine/engine.hpp"
#include "engine/export.hpp"
#include "engine/housekeeping.hpp"
#include "engine/import_open_items.hpp"
#include "engine/import_statements.hpp"
#include "engine/reconcile.hpp"
#include "engine/reconcile_settings.hpp"
#include "engine/statements.hpp"
#include "export/export_settings.hpp"

namespace kontor::engine {

EngineCatalog builtin_engines() {
  EngineCatalog catalog;
  catalog.add(import_open_items_engine());
  catalog.add(import_statements_engine());
  catalog.add(reconcile_engine());
  catalog.sections_.push_back(reconcile_section());
  catalog.add(dunning_engine());
  catalog.sections_.push_back(dunning_section());
  catalog.add(deliver_invoices_engine());
  catalog.add(statements_engine());
  catalog.add(export_engine());
  catalog.sections_.push_back(exports::export_section());
  catalog.add(digest_engine());
  catalog.add(housekeeping_engine());
  return catalog;
}

}  // namespace kontor::engine
