// The `statements` engine: on its schedule (e.g. the 1st of each month), sends every customer
// with activity in the last whole month, or a balance at its end, their statement of account —
// opening balance, the month's items, payments, credits, fees and interest, closing balance,
// the aging of what is open and a GiroCode for the open balance with the statement's own RF
// reference — by the customer's channel: e-mail with the PDF, or the PDF as a letter.
//
// Once per customer and month: a statement is a notice numbered "S-<YYYY-MM>-<nnnnnn>", and a
// customer who has one for the month gets none again, however often the job runs. Customers are
// decided in steps of kCustomersPerStep, each one transaction, so a crash repeats nothing and
// a long run keeps the store free for others between steps. A customer who cannot get a
// statement (blocked, no channel reaches them, several currencies) is listed on the run with
// the reason, and considered again on the next run.
#pragma once

#include "engine/engine.hpp"

namespace kontor::engine {

EngineRegistration statements_engine();

}  // namespace kontor::engine
