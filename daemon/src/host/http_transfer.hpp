// HTTP(S) for TransferService: GET, POST, PUT and DELETE with TLS verification always on (an extra
// CA file allowed), bearer or basic authentication; a GET follows redirects that never leave
// their scheme, any other method gets the 3xx answer itself (nothing is sent twice).
//
// Any answer from a server is KONTOR_OK with its status code and header lines; the plugin judges
// it. A transport failure (no route, refused, timeout, TLS handshake) is KONTOR_RETRY, except a
// certificate that does not verify: that is KONTOR_FAILED, since retrying will not change it.
#pragma once

#include "host/host_services.hpp"
#include "kontor/plugin_abi.h"

namespace kontor::host {

kontor_status perform_http(HostInstance& instance, const kontor_transfer_request& request,
                           const kontor_bytes_sink& response, kontor_transfer_result& result);

}  // namespace kontor::host
