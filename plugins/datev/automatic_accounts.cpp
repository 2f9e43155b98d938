#include "automatic_accounts.hpp"

namespace kontor::plugins::datev {

std::optional<AutomaticAccounts> standard_automatic_accounts(std::string_view chart) {
  if (chart == "03") {
    return AutomaticAccounts{
        // Erlöse 19 % and 7 % (§6) and the further automatic revenue accounts of §5.
        "8400", "8300", "8120", "8125", "8310", "8315", "8336", "8338", "8449",
        // Erlösschmälerungen, Gewährte Skonti, Forderungsverluste at 19 % and 7 % (§6).
        "8720", "8710", "8736", "8731", "2406", "2401"};
  }
  if (chart == "04") {
    return AutomaticAccounts{"4400", "4300", "4120", "4125", "4310", "4315", "4336", "4338",
                             "4449", "4720", "4710", "4736", "4731", "6936", "6931"};
  }
  return std::nullopt;
}

}  // namespace kontor::plugins::datev
