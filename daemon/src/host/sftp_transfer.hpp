// SFTP for TransferService, through libcurl's libssh2 backend: GET, LIST, PUT, RENAME and DELETE
// as plugin_abi.h describes them.
//
// The server's host key is checked against the request's known_hosts file; an unknown or
// changed key is refused (KONTOR_FAILED, naming the host and the key it offered) and never
// added — trusting a key is the operator's decision. A private key file logs in (the password,
// when given, is its passphrase); else the password does. Authentication refused is
// KONTOR_FAILED; a connection that cannot be made or breaks is KONTOR_RETRY; a file that is not
// there KONTOR_NOT_FOUND. Messages show the URL without user name, password or query.
//
// LIST runs several requests over one connection: the long listing (for the type of each
// entry), the names, then a stat of each file for its exact size and modification time.
#pragma once

#include "host/host_services.hpp"
#include "kontor/plugin_abi.h"

namespace kontor::host {

kontor_status perform_sftp(HostInstance& instance, const kontor_transfer_request& request,
                           const kontor_bytes_sink& response, kontor_transfer_result& result);

}  // namespace kontor::host
