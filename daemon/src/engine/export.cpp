#include "engine/export.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "config/company_section.hpp"
#include "engine/booking_ledger.hpp"
#include "engine/export_delivery.hpp"
#include "engine/services.hpp"
#include "export/booking_rules.hpp"
#include "export/export_settings.hpp"
#include "host/plugin_instances.hpp"
#include "store/store.hpp"

namespace kontor::engine {
namespace {

constexpr std::size_t kCustomersPerStep = 200;

// The exporter instances among the job's outputs; an error names an output that is none.
Result<std::vector<host::PluginInstance*>> exporters_of(const JobContext& context) {
  std::vector<host::PluginInstance*> exporters;
  for (const std::string& output : context.job.outputs) {
    host::PluginInstance* instance = context.services.plugins->find(output);
    if (instance == nullptr || !instance->has_role(KONTOR_ROLE_EXPORTER)) {
      return Error{
          fmt::format("output '{}' of job '{}' is no exporter instance", output, context.job.name)};
    }
    exporters.push_back(instance);
  }
  if (exporters.empty()) {
    return Error{fmt::format("job '{}' names no exporter in `outputs`", context.job.name)};
  }
  return exporters;
}

class Export final : public Engine {
 public:
  Status run(JobContext& context) override {
    RunReport& report = context.report;
    Result<exports::ExportSettings> settings =
        exports::export_settings_of(context.config.root.find("export"));
    if (!settings) {
      report.retry_is_futile = true;
      return Error{"export: " + settings.error().message};
    }
    const config::ConfigNode* company_section = context.config.root.find("company");
    if (company_section == nullptr) {
      report.retry_is_futile = true;
      return Error{"export: the configuration has no `company:` section"};
    }
    const Company company = config::company_of(*company_section);
    Result<std::vector<host::PluginInstance*>> exporters = exporters_of(context);
    if (!exporters) {
      report.retry_is_futile = true;
      return Error{"export: " + exporters.error().message};
    }
    const std::string zone = company.timezone.empty() ? context.job.timezone : company.timezone;
    Result<Date> today = local_date(context.clock.now(), zone);
    if (!today) return today.error();

    const std::int64_t bookings_per_batch =
        config::int_or(context.job.with.find("bookings_per_batch"), kBookingsPerBatch);
    const exports::BookingRules rules(std::move(*settings), company);
    const BookingLedger ledger(rules, *today);
    const std::string actor = "engine:" + context.job.name;
    store::Store& store = *context.services.store;

    std::vector<Customer> customers;
    if (Status read = store.read([&](store::Reader& reader) -> Status {
          Result<std::vector<Customer>> all = reader.customers();
          if (!all) return all.error();
          customers = std::move(*all);
          return {};
        });
        !read) {
      return read;
    }
    LedgerCounts booked;
    for (std::size_t start = 0; start < customers.size(); start += kCustomersPerStep) {
      if (context.cancelled)
        return Error{"cancelled; the next run continues where this one stopped"};
      const std::size_t end = std::min(customers.size(), start + kCustomersPerStep);
      LedgerCounts step_counts;
      const Status step =
          store.transact(actor, fmt::format("bookings ({})", context.run_key),
                         [&](store::Transaction& tx) -> Status {
                           step_counts = LedgerCounts{};
                           for (std::size_t i = start; i < end; ++i) {
                             if (Status booked_customer =
                                     ledger.book_customer(tx, customers[i].number, step_counts);
                                 !booked_customer) {
                               return Error{fmt::format("customer {}: {}", customers[i].number,
                                                        booked_customer.error().message)};
                             }
                           }
                           return {};
                         });
      if (!step) return step;
      booked.add(step_counts);
    }
    for (const std::string& problem : booked.problems) {
      context.log.warn("export: {}", problem);
      report.warnings.push_back("not booked: " + problem);
    }

    TargetCounts exported;
    std::vector<std::string> failures;
    for (host::PluginInstance* exporter : *exporters) {
      TargetCounts target_counts;
      const Status done = export_to_target(store, *exporter, context.cancelled, actor,
                                           context.run_key, target_counts, bookings_per_batch);
      exported.batches_published += target_counts.batches_published;
      exported.bookings_published += target_counts.bookings_published;
      exported.repeats_published += target_counts.repeats_published;
      for (const std::string& id : target_counts.published) {
        report.facts.push_back("published export batch " + id);
      }
      if (!done) {
        context.log.error("export: {}", done.error().message);
        failures.push_back(done.error().message);
      }
    }
    report.counts = {{"bookings_recorded", booked.recorded},
                     {"bookings_amended", booked.amended},
                     {"bookings_replaced", booked.replaced},
                     {"bookings_reversed", booked.reversed},
                     {"bookings_unchanged", booked.unchanged},
                     {"bookings_waiting", booked.waiting},
                     {"bookings_held", static_cast<std::int64_t>(booked.problems.size())},
                     {"batches_published", exported.batches_published},
                     {"bookings_exported", exported.bookings_published},
                     {"repeats_published", exported.repeats_published}};
    report.facts.push_back(fmt::format(
        "{} bookings recorded, {} amended, {} replaced by reversal and new booking, {} undone; "
        "{} exported in {} batches",
        booked.recorded, booked.amended, booked.replaced, booked.reversed,
        exported.bookings_published, exported.batches_published));
    if (!failures.empty()) {
      std::string message = failures.front();
      for (std::size_t i = 1; i < failures.size(); ++i) message += "; " + failures[i];
      return Error{message};
    }
    return {};
  }
};

}  // namespace

EngineRegistration export_engine() {
  EngineRegistration registration;
  registration.declaration.id = "export";
  registration.declaration.summary =
      "Books payments, Skonto, bank charges, fees and interest (invoices on request) by the "
      "`export:` section's chart and hands each booking to every exporter in `outputs` once.";
  registration.declaration.needs_inputs = false;
  registration.declaration.with = config::section({
      config::defaulted("bookings_per_batch", config::int_value(1, 1'000'000),
                        std::to_string(kBookingsPerBatch),
                        "At most this many bookings in one batch (one exporter call)."),
  });
  registration.create = [] { return std::make_unique<Export>(); };
  return registration;
}

}  // namespace kontor::engine
