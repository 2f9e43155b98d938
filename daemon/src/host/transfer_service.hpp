// TransferService: the host's one way out to the network — HTTP(S) through libcurl, with one
// TLS policy (peer and host verification always on, an extra CA file allowed), one timeout
// policy and cancellation, for every plugin.
//
// A transport failure (no route, refused, timeout, TLS handshake) is KONTOR_RETRY, except a
// certificate that does not verify: that is KONTOR_FAILED, since retrying will not change it.
// Any answer from a server is KONTOR_OK with its status code; the plugin judges it. Headers and
// credentials are never logged.
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
