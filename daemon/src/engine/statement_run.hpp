// Statement run: the decisions of one statements run, a step of customers at a time — who gets
// the period's statement (recorded, with its rendering and PDF, to be delivered through the
// outbox), who has it already, who is skipped and why, and who has nothing to say. Used by the
// `statements` engine (each step one transaction) and by the benchmark, so both measure and do
// the same thing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/notice_setup.hpp"
#include "kontor/model/customer.hpp"
#include "statements/statement_period.hpp"
#include "store/store.hpp"

namespace kontor::engine {

struct StatementStep {
  std::int64_t decided = 0;
  std::int64_t already_sent = 0;
  std::int64_t quiet = 0;            // nothing happened and nothing is owed
  std::vector<std::string> skipped;  // "customer K-1: why"
};

class StatementRun {
 public:
  StatementRun(const NoticeSetup& setup, const statements::StatementPeriod& period,
               std::string run_key);

  // Decides and records the statements of `customers` in `tx`: a customer with the period's
  // statement already gets none; one who is blocked (the ERP's block or an account manager's,
  // in force today), whom no channel of the job reaches, or whose account cannot be stated is
  // skipped with the reason; one without activity or balance is quiet.
  Status decide(store::Transaction& tx, const std::vector<Customer>& customers,
                StatementStep& result);

 private:
  const NoticeSetup& setup_;
  const statements::StatementPeriod& period_;
  const std::string prefix_;
  const std::string run_key_;
};

}  // namespace kontor::engine
