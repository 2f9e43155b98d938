// TransferService: the host's one way out to the network — HTTP(S), SFTP and SMTP through
// libcurl, with one TLS policy (peer and host verification always on, an extra CA file allowed),
// one host-key policy (the server's key must be in the request's known_hosts file), one timeout
// policy and cancellation, for every plugin. http_transfer.hpp, sftp_transfer.hpp and
// smtp_transfer.hpp say what each protocol answers.
//
// A transport failure (no route, refused, timeout) is KONTOR_RETRY. For HTTP and SFTP, what
// retrying will not change (a certificate or host key that does not verify, a refused login) is
// KONTOR_FAILED; for SMTP, FAILED is kept for a message the server refuses for good, since a
// failed message parks its notice (smtp_transfer.hpp).
// Headers, credentials and the userinfo of a URL are never logged or put into a message.
#pragma once

#include "host/host_services.hpp"
#include "kontor/plugin_abi.h"

namespace kontor::host {

class TransferService {
 public:
  TransferService();
  ~TransferService();
  TransferService(const TransferService&) = delete;
  TransferService& operator=(const TransferService&) = delete;

  kontor_status perform(HostInstance& instance, const kontor_transfer_request& request,
                        const kontor_bytes_sink& response, kontor_transfer_result& result);
};

}  // namespace kontor::host
