// Throwaway TLS for the tests' loopback servers (HTTPS, SMTP): a CA that `openssl` makes for one
// test, a server certificate for IP:127.0.0.1 that it signs, and a second CA that signed nothing,
// so that a test can trust the right CA, or the wrong one. They live two days, in the test's temp
// dir, and go with it.
#pragma once

#include <filesystem>
#include <string>

namespace kontor::testing {

// Creates tls_dir (if need be) with ca.pem, ca.key, other-ca.pem, server.pem and server.key.
// "" when done; else why not (openssl missing or failing, with its stderr).
std::string make_throwaway_tls(const std::filesystem::path& tls_dir);

}  // namespace kontor::testing
