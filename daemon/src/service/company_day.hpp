// The company's calendar for the admin routes: its time zone (company.timezone, UTC when none is
// configured) and the day it is there now — what "today" means for a write-off or a report.
#pragma once

#include <string>

#include "common/clock.hpp"
#include "config/company_section.hpp"
#include "service/admin_backend.hpp"

namespace kontor::service {

inline std::string company_zone(const AdminBackend& backend) {
  const config::ConfigNode* section = backend.configuration().root.find("company");
  const std::string zone = section != nullptr ? config::company_of(*section).timezone : "";
  return zone.empty() ? "UTC" : zone;
}

inline Result<Date> company_today(const AdminBackend& backend) {
  return local_date(backend.now(), company_zone(backend));
}

}  // namespace kontor::service
