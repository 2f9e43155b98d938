// OpenItemImport: applies one ERP file's customers and open items to the store, inside the
// file's store step, with the rules an account manager relies on:
//
// - a customer's master data is inserted or updated (the ERP is the master);
// - an item is inserted or updated; an item that already has payments allocated keeps its
//   amount when the ERP sends another one, and the run says so (never a silent overwrite);
// - a new credit note or cancellation that refers to an item settles that item by as much as
//   it can (a pair of `credit_note` allocations); what is left stays a credit on the account;
// - in `snapshot` mode every open invoice the file does not list is marked settled externally
//   (no more reminders) and listed as a warning; an item that comes back is open again;
// - onboarding checks (onboarding_checks.hpp) become warnings.
// Anything the file says that cannot be an item (a credit note with a positive amount, an
// item without a due date, a customer number the file never introduced) rejects the whole
// file: the step rolls back and the file is quarantined with every such problem listed.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "engine/document_intake.hpp"
#include "engine/engine.hpp"

namespace kontor::engine {

enum class OpenItemsMode { kDelta, kSnapshot };

class OpenItemImport final : public DocumentImport, public sdk::ParseSink {
 public:
  OpenItemImport(store::Transaction& tx, const IncomingDocument& document, OpenItemsMode mode,
                 RunReport& report);

  sdk::ParseSink& sink() override { return *this; }
  sdk::Status finish() override;

  sdk::Status statement(const sdk::StatementInfo& statement) override;
  sdk::Status entry(const sdk::StatementEntry& entry) override;
  sdk::Status detail(const sdk::EntryDetail& detail) override;
  sdk::Status customer(const sdk::ImportedCustomer& customer) override;
  sdk::Status open_item(const sdk::ImportedOpenItem& item) override;
  void warning(std::int64_t line, std::string_view code, std::string_view message) override;

 private:
  struct Counts {
    int inserted = 0, updated = 0, unchanged = 0;
  };

  sdk::Status problem(std::int64_t line, const std::string& message);
  sdk::Status store_failed(const Error& error);
  void count(Counts& counts, store::Change change);
  sdk::Status settle_with_credit(const OpenItem& credit);
  sdk::Status mark_absent_invoices();

  store::Transaction& tx_;
  const IncomingDocument& document_;
  OpenItemsMode mode_;
  RunReport& report_;
  std::vector<std::string> problems_;  // what is wrong with the file, all of it
  std::set<std::string> customers_in_file_;
  std::set<std::string> items_in_file_;
  Counts customers_, items_;
  int settled_externally_ = 0;
};

}  // namespace kontor::engine
