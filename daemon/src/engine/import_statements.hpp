// import_statements: brings the bank statements of the company's accounts into the store.
//
// The job's sources deliver bank files (camt.052/053/054, MT940/942, bank CSV), its parsers
// read them, and each file is applied in one store step by StatementFileImport
// (statement_import.hpp has the rules). Importing the same file, statement or transaction again
// adds nothing. The accounts are `company.bank_accounts`; `with: {account: IBAN}` names the
// account of files that name none (bank CSV exports without it).
#pragma once

#include "engine/engine.hpp"

namespace kontor::engine {

EngineRegistration import_statements_engine();

}  // namespace kontor::engine
