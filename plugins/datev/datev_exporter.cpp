#include "datev_exporter.hpp"

#include <fmt/format.h>

#include <chrono>
#include <stdexcept>

#include "booking_rows.hpp"
#include "debtor_rows.hpp"
#include "extf_debtors.hpp"
#include "extf_file_name.hpp"
#include "folder_exporter.hpp"

namespace kontor::plugins::datev {
using sdk::Status;

namespace {

ExtfTimestamp timestamp_of(std::chrono::sys_time<std::chrono::microseconds> now) {
  using namespace std::chrono;
  const sys_days day = floor<days>(now);
  const year_month_day ymd(day);
  const hh_mm_ss<milliseconds> time(floor<milliseconds>(now - day));
  return ExtfTimestamp{.date = Date::from_ymd(static_cast<int>(ymd.year()),
                                              static_cast<int>(static_cast<unsigned>(ymd.month())),
                                              static_cast<int>(static_cast<unsigned>(ymd.day())))
                                   .value(),
                       .hour = static_cast<int>(time.hours().count()),
                       .minute = static_cast<int>(time.minutes().count()),
                       .second = static_cast<int>(time.seconds().count()),
                       .millisecond = static_cast<int>(time.subseconds().count())};
}

// "record 3, field 11 (Belegfeld 1): …" of the writer, told as the booking's.
std::string booking_message(const RecordSource& source, std::int64_t record,
                            const std::string& message) {
  std::string text = message;
  const std::string prefix = fmt::format("record {}, ", record);
  if (text.starts_with(prefix)) text.erase(0, prefix.size());
  return fmt::format("booking {}, line {}: {}", source.booking_id, source.line, text);
}

// "record 2, field 18 (Postleitzahl): …" of the writer, told as the debtor's.
std::string debtor_message(const ExtfDebtor& debtor, std::int64_t record,
                           const std::string& message) {
  std::string text = message;
  const std::string prefix = fmt::format("record {}, ", record);
  if (text.starts_with(prefix)) text.erase(0, prefix.size());
  return fmt::format("debtor {} (customer {}): {}", debtor.account, debtor.customer_number, text);
}

}  // namespace

std::string planned_debtor_file_name(std::string_view batch_id) {
  // "EXTF_DebKred_Stamm.csv" without its ".csv".
  std::string name = debtor_file_name("");
  name.resize(name.size() - 4);
  return name + "_" + batch_file_part(batch_id) + ".csv";
}

std::string planned_file_name(const Date& period_from, int part, std::string_view batch_id) {
  // "EXTF_Buchungsstapel_202401.csv" without its ".csv".
  std::string name = booking_file_name(period_from, "");
  name.resize(name.size() - 4);
  if (period_from.day() != 1) name += fmt::format("{:02}", period_from.day());
  if (part > 1) name += fmt::format("-{}", part);
  return name + "_" + batch_file_part(batch_id) + ".csv";
}

sdk::PluginInfo DatevExporter::info() {
  return {"datev", "1.0.0", "Bookings as DATEV EXTF Buchungsstapel files in a folder"};
}

std::vector<sdk::ConfigField> DatevExporter::schema() {
  return datev_config_schema();
}

DatevExporter::DatevExporter(sdk::Host host, const sdk::Config& config)
    : host_(host),
      settings_([&] {
        Result<DatevSettings> read = read_datev_settings(config);
        if (!read) throw sdk::InvalidConfig(read.error().message);
        return std::move(read).value();
      }()),
      folder_(settings_.path) {}

Status DatevExporter::stage(const sdk::ExportBatch& batch) {
  if (std::string problem = batch_id_problem(batch.batch_id); !problem.empty()) {
    return Status::failed(problem);
  }
  const std::string which = "batch " + batch.batch_id;
  if (batch.bookings.empty()) return Status::failed(which + " has no bookings");

  BookingFilePlan plan =
      plan_booking_files(batch.bookings, settings_.fiscal_year_start, settings_.account_length);
  std::vector<std::string> errors;
  for (const Error& error : plan.errors) errors.push_back(error.message);

  // One currency for the batch: DATEV books in the client's, and a booking in another would need
  // Kurs and Basis-Umsatz (the writer names each one that differs).
  const Currency currency = batch.bookings.front().lines.empty()
                                ? Currency::eur()
                                : batch.bookings.front().lines.front().amount.currency();
  const ExtfTimestamp created_at = timestamp_of(host_.now());
  std::vector<StagedFile> files;
  // Master data first: published in this order, so that an import that takes files as they
  // appear knows the debtors before the bookings on them.
  if (settings_.write_debtors && !batch.debtors.empty() && !plan.files.empty()) {
    stage_debtors(batch, plan.files.back().period.fiscal_year_start, created_at, files, errors);
  }
  for (const PlannedFile& planned : plan.files) {
    const BookingBatchHeader header{
        .client = {.advisor_number = settings_.advisor_number,
                   .client_number = settings_.client_number,
                   .fiscal_year_start = planned.period.fiscal_year_start,
                   .account_length = settings_.account_length,
                   .chart = settings_.chart},
        .format = settings_.format,
        .created_at = created_at,
        .period_from = planned.period.from,
        .period_to = planned.period.to,
        .label = batch_label(settings_, planned.period.from),
        .dictation_initials = "",
        .kind = BookingKind::financial_accounting,
        .purpose = AccountingPurpose::independent,
        .locked = settings_.locked,
        .currency = currency,
        .origin = "RE",
        .exported_by = "",
        .application_info = "",
    };
    ExtfWritten written = write_booking_file(header, planned.records, settings_.automatic_accounts);
    const std::string name = planned_file_name(planned.period.from, planned.part, batch.batch_id);
    for (const Error& error : written.errors) {
      if (error.position >= 1 &&
          error.position <= static_cast<std::int64_t>(planned.sources.size())) {
        errors.push_back(
            booking_message(planned.sources[static_cast<std::size_t>(error.position - 1)],
                            error.position, error.message));
      } else {
        errors.push_back(name + ": " + error.message);
      }
    }
    for (const ExtfChange& change : written.changes) {
      const std::string message =
          change.record >= 1 && change.record <= static_cast<std::int64_t>(planned.sources.size())
              ? booking_message(planned.sources[static_cast<std::size_t>(change.record - 1)],
                                change.record, change.message)
              : name + ": " + change.message;
      host_.warn(which + ": " + message);
    }
    if (written.ok()) {
      files.push_back(StagedFile{.name = name, .bytes = std::move(written.text)});
    }
  }

  if (!errors.empty()) {
    std::string message = fmt::format("{} is not staged: {} {} DATEV would refuse", which,
                                      errors.size(), errors.size() == 1 ? "problem" : "problems");
    for (const std::string& error : errors) message += "\n" + error;
    return Status::failed(message);
  }
  if (Status staged = folder_.stage(batch.batch_id, files); !staged) return staged;
  host_.count("datev_files_staged", static_cast<std::int64_t>(files.size()));
  host_.info(fmt::format("{}: {} bookings staged in {} file(s) under {}", which,
                         batch.bookings.size(), files.size(),
                         folder_.staging_folder(batch.batch_id).string()));
  return Status::ok();
}

void DatevExporter::stage_debtors(const sdk::ExportBatch& batch, const Date& fiscal_year_start,
                                  const ExtfTimestamp& created_at, std::vector<StagedFile>& files,
                                  std::vector<std::string>& errors) {
  const std::string which = "batch " + batch.batch_id;
  DebtorPlan plan = plan_debtors(batch.debtors, settings_.account_length);
  for (const std::string& note : plan.notes) host_.info(which + ": " + note);
  if (plan.debtors.empty()) return;

  // Into the fiscal year of the batch's latest bookings: DATEV carries master data forward into
  // a new fiscal year, not back into an earlier one.
  const DebtorFileHeader header{
      .client = {.advisor_number = settings_.advisor_number,
                 .client_number = settings_.client_number,
                 .fiscal_year_start = fiscal_year_start,
                 .account_length = settings_.account_length,
                 .chart = settings_.chart},
      .created_at = created_at,
      .label = settings_.label_prefix,
      .origin = "RE",
      .exported_by = "",
      .application_info = "",
  };
  ExtfWritten written = write_debtor_file(header, plan.debtors);
  const std::string name = planned_debtor_file_name(batch.batch_id);
  auto debtor_of = [&](std::int64_t record) -> const ExtfDebtor* {
    return record >= 1 && record <= static_cast<std::int64_t>(plan.debtors.size())
               ? &plan.debtors[static_cast<std::size_t>(record - 1)]
               : nullptr;
  };
  for (const Error& error : written.errors) {
    const ExtfDebtor* debtor = debtor_of(error.position);
    errors.push_back(debtor != nullptr ? debtor_message(*debtor, error.position, error.message)
                                       : name + ": " + error.message);
  }
  for (const ExtfChange& change : written.changes) {
    const ExtfDebtor* debtor = debtor_of(change.record);
    host_.warn(which + ": " +
               (debtor != nullptr ? debtor_message(*debtor, change.record, change.message)
                                  : name + ": " + change.message));
  }
  if (written.ok()) {
    host_.info(fmt::format("{}: {} debtor(s) in {}", which, plan.debtors.size(), name));
    files.push_back(StagedFile{.name = name, .bytes = std::move(written.text)});
  }
}

Status DatevExporter::publish(const std::string& batch_id) {
  return publish_staged_batch(host_, folder_, batch_id, "datev_batches_published");
}

Status DatevExporter::discard(const std::string& batch_id) {
  return discard_staged_batch(host_, folder_, batch_id);
}

}  // namespace kontor::plugins::datev

KONTOR_PLUGIN(kontor::plugins::datev::DatevExporter)
