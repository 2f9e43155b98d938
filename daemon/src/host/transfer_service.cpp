#include "host/transfer_service.hpp"

#include <fmt/format.h>

#include "host/curl_transfer.hpp"
#include "host/http_transfer.hpp"
#include "host/sftp_transfer.hpp"
#include "host/smtp_transfer.hpp"
#include "kontor/sdk/views.hpp"

namespace kontor::host {

TransferService::TransferService() {
  curl_global_init(CURL_GLOBAL_DEFAULT);
}
TransferService::~TransferService() {
  curl_global_cleanup();
}

kontor_status TransferService::perform(HostInstance& instance,
                                       const kontor_transfer_request& request,
                                       const kontor_bytes_sink& response,
                                       kontor_transfer_result& result) {
  const std::string scheme = transfer::scheme_of(sdk::copy(request.url));
  if (scheme == "http" || scheme == "https") {
    return perform_http(instance, request, response, result);
  }
  if (scheme == "sftp") return perform_sftp(instance, request, response, result);
  if (scheme == "smtp" || scheme == "smtps") return perform_smtp(instance, request, result);
  return transfer::answer(instance, result, 0,
                          fmt::format("transfers with '{}' are not available in this kontord "
                                      "(http, https, sftp, smtp, smtps are)",
                                      scheme),
                          KONTOR_UNSUPPORTED);
}

}  // namespace kontor::host
