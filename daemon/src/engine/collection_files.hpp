// After the last level: the hand-over to a collection agency (one CSV row per invoice with what
// an agency needs: debtor, address, kind, invoice, principal, fees and interest open, the dates
// of the first and last reminder and of default) and the account manager's call list (the
// customers at the final level or handed over today). Both are `;`-separated UTF-8 CSV, text
// quoted, formula characters neutralised (the files are opened in spreadsheets), written
// atomically into the collection folder under names that carry the day and the run.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "dunning/dunning_decider.hpp"
#include "kontor/result.hpp"

namespace kontor::engine {

struct CollectionFiles {
  std::filesystem::path handover;   // empty when nothing was handed over
  std::filesystem::path call_list;  // empty when nobody is to be called
};

Result<CollectionFiles> write_collection_files(const std::filesystem::path& folder,
                                               const dunning::DunningPlan& plan,
                                               const dunning::DunningBook& book,
                                               const dunning::DunningPolicy& policy,
                                               const Date& today, const std::string& run_key);

// A CSV cell: quoted, quotes doubled, and a leading = + - @ TAB or CR neutralised with an
// apostrophe so a spreadsheet never runs it as a formula.
std::string csv_text_cell(std::string_view text);

}  // namespace kontor::engine
