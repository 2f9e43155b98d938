// datev: the exporter that hands Kontor's bookings to the tax advisor as DATEV EXTF
// Buchungsstapel files (reference ../shared/reference/datev-extf.md), two-phase and exactly once
// per target (DESIGN.md §5, §8):
// - stage(batch): the batch's bookings as records (booking_rows.hpp), one file per booking
//   period and at most 99 999 records each, written by the format writer (extf_bookings.hpp)
//   into the staging folder (export_folder.hpp); with them, unless `debtors: false`, one
//   Debitoren/Kreditoren file of the batch's debtors (debtor_rows.hpp, extf_debtors.hpp).
//   Nothing is written unless every file can be: a booking or debtor DATEV would refuse fails
//   the whole batch, every one named. Texts the writer had to change (cut, transliterated) are
//   logged as warnings.
// - publish(batch_id): the staged files appear in the target folder, each whole, once.
// - discard(batch_id): the staged files are dropped.
//
// Outcomes: ok; failed for what no retry can fix (a booking DATEV would refuse, a batch
// published before or never staged); retry when the file system refuses.
//
// Erzeugt am is the host's clock (UTC) when the batch is staged; the batch id is in every file
// name (EXTF_Buchungsstapel_<YYYYMM>_<batch>.csv, EXTF_DebKred_Stamm_<batch>.csv).
#pragma once

#include <string>
#include <vector>

#include "datev_settings.hpp"
#include "export_folder.hpp"
#include "extf_header.hpp"
#include "kontor/sdk/plugin.hpp"

namespace kontor::plugins::datev {

class DatevExporter final : public sdk::Exporter {
 public:
  static sdk::PluginInfo info();
  static std::vector<sdk::ConfigField> schema();

  DatevExporter(sdk::Host host, const sdk::Config& config);

  sdk::Status stage(const sdk::ExportBatch& batch) override;
  sdk::Status publish(const std::string& batch_id) override;
  sdk::Status discard(const std::string& batch_id) override;

 private:
  // The Debitoren/Kreditoren file of the batch's debtors (debtor_rows.hpp), added to `files`, or
  // what DATEV would refuse in it added to `errors`.
  void stage_debtors(const sdk::ExportBatch& batch, const Date& fiscal_year_start,
                     const ExtfTimestamp& created_at, std::vector<StagedFile>& files,
                     std::vector<std::string>& errors);

  sdk::Host host_;
  DatevSettings settings_;
  ExportFolder folder_;
};

// The name of a planned file: EXTF_Buchungsstapel_<YYYYMM>_<batch>.csv (extf_file_name.hpp);
// a period that starts after the 1st (a fiscal year starting mid-month) adds its day
// (<YYYYMMDD>), a period's second and further files add -2, -3 … before the batch.
std::string planned_file_name(const Date& period_from, int part, std::string_view batch_id);

// The name of a batch's master data: EXTF_DebKred_Stamm_<batch>.csv, <batch> as above.
std::string planned_debtor_file_name(std::string_view batch_id);

}  // namespace kontor::plugins::datev
