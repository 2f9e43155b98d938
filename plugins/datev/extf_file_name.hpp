// Names of DATEV EXTF files (reference §1): "EXTF_" first — "DTVF_" is reserved for DATEV's own
// programs — and ".csv" last; the rest is free. Ours say what is in the file and which batch it
// came from, so that an operator can tell files apart in a folder:
//   EXTF_Buchungsstapel_202401_<batch>.csv   (one file per booking month, §1)
//   EXTF_DebKred_Stamm_<batch>.csv
#pragma once

#include <string>
#include <string_view>

#include "batch_file_name.hpp"
#include "kontor/model/date.hpp"

namespace kontor::plugins::datev {

// `period_from` gives the month (YYYYMM). An empty batch id leaves out "_<batch>".
std::string booking_file_name(const Date& period_from, std::string_view batch);
std::string debtor_file_name(std::string_view batch);

}  // namespace kontor::plugins::datev
