#include "engine/import_open_items.hpp"

#include <fmt/format.h>

#include "engine/document_intake.hpp"
#include "engine/open_item_import.hpp"

namespace kontor::engine {
namespace {

class ImportOpenItems final : public Engine {
 public:
  Status run(JobContext& context) override {
    const config::ConfigNode* mode_node = context.job.with.find("mode");
    const OpenItemsMode mode = mode_node && mode_node->text() == "snapshot"
                                   ? OpenItemsMode::kSnapshot
                                   : OpenItemsMode::kDelta;
    DocumentIntake intake(context);
    auto counts = intake.run([&](store::Transaction& tx, const IncomingDocument& document) {
      return std::make_unique<OpenItemImport>(tx, document, mode, context.report);
    });
    if (!counts) return counts.error();
    context.report.counts = {{"files_imported", counts->imported},
                             {"files_known", counts->already_known},
                             {"files_refused", counts->rejected}};
    context.report.facts.push_back(fmt::format("{} file{} imported, {} known before, {} refused",
                                               counts->imported, counts->imported == 1 ? "" : "s",
                                               counts->already_known, counts->rejected));
    return {};
  }
};

}  // namespace

EngineRegistration import_open_items_engine() {
  using namespace config;
  EngineRegistration registration;
  registration.declaration.id = "import_open_items";
  registration.declaration.summary = "Imports customers and open items from the ERP's files.";
  registration.declaration.needs_inputs = true;
  registration.declaration.with = section({
      defaulted("mode", string_value({"delta", "snapshot"}), "delta",
                "delta: insert and update what the file lists; snapshot: the file lists every "
                "open item, so open invoices it does not list are settled externally."),
  });
  registration.create = [] { return std::make_unique<ImportOpenItems>(); };
  return registration;
}

}  // namespace kontor::engine
