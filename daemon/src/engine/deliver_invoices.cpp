#include "engine/deliver_invoices.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <filesystem>

#include "config/config_node.hpp"
#include "engine/invoice_documents.hpp"
#include "engine/notice_setup.hpp"
#include "engine/outbox_delivery.hpp"
#include "engine/services.hpp"
#include "render/notice_renderer.hpp"
#include "store/store.hpp"

namespace kontor::engine {
namespace {

constexpr const char* kTemplate = "invoice";

// The job's setup: the notice setup and where the invoice PDFs are.
struct InvoiceSetup : NoticeSetup {
  std::filesystem::path documents_dir;
  std::int64_t max_age_days = 14;
};

Result<InvoiceSetup> invoice_setup(const config::KontorConfig& config,
                                   const config::JobSettings& job, TimePoint now) {
  Result<NoticeSetup> common = notice_setup(config, &job, now, kTemplate);
  if (!common) return common.error();
  InvoiceSetup setup;
  static_cast<NoticeSetup&>(setup) = std::move(*common);
  setup.documents_dir = config::text_or(job.with.find("documents_dir"), "");
  if (!setup.documents_dir.is_absolute()) {
    return Error{fmt::format("job '{}': with.documents_dir must be an absolute folder", job.name)};
  }
  setup.max_age_days = config::int_or(job.with.find("max_age_days"), 14);
  return setup;
}

render::NoticeView invoice_view(const OpenItem& invoice, const Customer& customer,
                                const store::StoredNotice& stored, const InvoiceSetup& setup) {
  render::NoticeView view;
  view.kind = "invoice";
  view.template_name = kTemplate;
  view.language = language_for(customer, setup);
  view.notice_number = invoice.number;
  view.payment_reference = invoice.rf_reference ? invoice.rf_reference->formatted()
                                                : stored.notice.rf_reference->formatted();
  view.date = setup.today;
  view.pay_by = invoice.due_date;
  view.customer = customer;
  view.company = setup.company;
  view.items.push_back(render::NoticeItemView{.number = invoice.number,
                                              .type = "invoice",
                                              .issue_date = invoice.issue_date,
                                              .due_date = invoice.due_date,
                                              .gross = invoice.gross,
                                              .open = invoice.open,
                                              .level = 0,
                                              .refers_to = "",
                                              .days_overdue = 0});
  const Money zero = Money::zero(invoice.gross.currency());
  view.total_open = invoice.open;
  view.total_fees = zero;
  view.total_interest = zero;
  view.total_due = invoice.open;
  return view;
}

struct Prepared {
  std::vector<store::StoredNotice> notices;
  std::vector<std::string> left_out;  // "<invoice>: <why>"
};

Result<Prepared> prepare(store::Reader& reader, const InvoiceSetup& setup,
                         const std::string& run_key) {
  Prepared prepared;
  store::ItemQuery query;
  Result<std::vector<OpenItem>> items = reader.open_items(query);
  if (!items) return items.error();
  Result<Date> oldest = setup.today.add_days(-setup.max_age_days);
  if (!oldest) return oldest.error();
  for (const OpenItem& invoice : *items) {
    if (invoice.type != OpenItemType::invoice || invoice.document_path.empty()) continue;
    if (!invoice.issue_date || *invoice.issue_date < *oldest) continue;
    const std::string number = "I-" + invoice.number;
    Result<std::optional<store::StoredNotice>> sent = reader.notice(number);
    if (!sent) return sent.error();
    if (sent->has_value()) continue;  // delivered (or on its way) before: once per invoice
    auto left_out = [&](const std::string& why) {
      prepared.left_out.push_back(fmt::format("invoice {}: {}", invoice.number, why));
    };
    Result<std::optional<Customer>> customer = reader.customer(invoice.customer_number);
    if (!customer) return customer.error();
    if (!*customer) {
      left_out("customer " + invoice.customer_number + " is not in the store");
      continue;
    }
    const std::optional<std::string> kind = channel_for(**customer, setup);
    if (!kind) {
      left_out("no channel of the job reaches the customer (no e-mail address or postal address)");
      continue;
    }
    Result<std::string> pdf = read_invoice_document(setup.documents_dir, invoice.document_path);
    if (!pdf) {
      left_out(pdf.error().message);
      continue;
    }
    store::StoredNotice stored;
    Notice& notice = stored.notice;
    notice.number = number;
    notice.kind = NoticeKind::invoice;
    notice.customer_number = invoice.customer_number;
    notice.level = 0;
    notice.fees = Money::zero(invoice.gross.currency());
    notice.interest = notice.fees;
    notice.channel = setup.channels.at(*kind);
    if (Status referenced = assign_references(notice); !referenced) {
      left_out(referenced.error().message);
      continue;
    }
    notice.items.push_back(
        NoticeLine{.item_number = invoice.number, .open = invoice.open, .level = 0});
    stored.template_name = kTemplate;
    stored.language = language_for(**customer, setup);
    stored.notice_date = setup.today;
    stored.total = invoice.open;
    stored.recipient = recipient_for(**customer, *kind);
    stored.run_key = run_key;
    Result<render::RenderedNotice> rendered =
        setup.renderer->render(invoice_view(invoice, **customer, stored, setup));
    if (!rendered)
      return Error{fmt::format("invoice {}: {}", invoice.number, rendered.error().message)};
    stored.subject = rendered->subject;
    stored.text = rendered->text;
    stored.html = rendered->html;
    stored.pdf = std::move(*pdf);
    prepared.notices.push_back(std::move(stored));
  }
  return prepared;
}

class DeliverInvoices final : public Engine {
 public:
  Status run(JobContext& context) override {
    Result<InvoiceSetup> setup = invoice_setup(context.config, context.job, context.clock.now());
    if (!setup) {
      context.report.retry_is_futile = true;
      return Error{fmt::format("deliver_invoices: {}", setup.error().message)};
    }
    const std::string actor = "engine:" + context.job.name;
    Prepared prepared;
    const Status step = context.services.store->transact(
        actor, "invoice delivery " + context.run_key, [&](store::Transaction& tx) -> Status {
          Result<Prepared> found = prepare(tx, *setup, context.run_key);
          if (!found) return found.error();
          for (const store::StoredNotice& notice : found->notices) {
            if (auto written = tx.record_notice(notice); !written) return written.error();
          }
          prepared = std::move(*found);
          return {};
        });
    if (!step) return step;
    RunReport& report = context.report;
    for (const std::string& why : prepared.left_out) {
      context.log.warn("{}", why);
      report.warnings.push_back(why);
    }
    Result<OutboxCounts> delivered =
        deliver_outbox(*context.services.store, *context.services.plugins, setup->company,
                       context.cancelled, actor);
    if (!delivered) return delivered.error();
    for (const std::string& problem : delivered->problems) report.warnings.push_back(problem);
    report.counts = {{"invoices_decided", static_cast<std::int64_t>(prepared.notices.size())},
                     {"invoices_left_out", static_cast<std::int64_t>(prepared.left_out.size())},
                     {"notices_delivered", delivered->delivered},
                     {"notices_retrying", delivered->retrying},
                     {"notices_parked", delivered->parked},
                     {"notices_waiting", delivered->waiting}};
    report.facts.push_back(fmt::format(
        "{} invoices to send, {} left out; {} delivered, {} to retry, {} parked, {} not tried",
        prepared.notices.size(), prepared.left_out.size(), delivered->delivered,
        delivered->retrying, delivered->parked, delivered->waiting));
    if (delivered->retrying > 0 || delivered->waiting > 0) {
      return Error{fmt::format("{} notices could not be delivered yet and will be retried",
                               delivered->retrying + delivered->waiting)};
    }
    return {};
  }
};

}  // namespace

EngineRegistration deliver_invoices_engine() {
  using namespace config;
  EngineRegistration registration;
  registration.declaration.id = "deliver_invoices";
  registration.declaration.summary =
      "Sends each invoice the ERP exported with its PDF to the customer once, by their channel.";
  registration.declaration.needs_inputs = false;
  registration.declaration.with = section({
      required("documents_dir", string_value(),
               "Absolute folder the ERP's invoice PDFs are in; no document is read elsewhere."),
      defaulted("max_age_days", int_value(0, 3650), "14",
                "Only invoices issued this many days ago or later are sent."),
  });
  registration.create = [] { return std::make_unique<DeliverInvoices>(); };
  return registration;
}

}  // namespace kontor::engine
