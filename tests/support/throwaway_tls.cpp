#include "support/throwaway_tls.hpp"

#include <unistd.h>

#include <fstream>
#include <vector>

#include "support/child_process.hpp"

namespace kontor::testing {
namespace {

constexpr const char* kOpenssl = "/usr/bin/openssl";

}  // namespace

std::string make_throwaway_tls(const std::filesystem::path& tls_dir) {
  if (::access(kOpenssl, X_OK) != 0) return std::string(kOpenssl) + " is missing";
  std::filesystem::create_directories(tls_dir / "openssl");  // openssl's stdout and stderr
  const std::string tls = tls_dir.string();
  std::ofstream(tls_dir / "server.ext") << "subjectAltName=IP:127.0.0.1\n"
                                        << "basicConstraints=CA:FALSE\n"
                                        << "extendedKeyUsage=serverAuth\n";
  const std::vector<std::vector<std::string>> steps = {
      {kOpenssl,
       "req",
       "-x509",
       "-newkey",
       "ec",
       "-pkeyopt",
       "ec_paramgen_curve:prime256v1",
       "-nodes",
       "-keyout",
       tls + "/ca.key",
       "-out",
       tls + "/ca.pem",
       "-days",
       "2",
       "-subj",
       "/CN=Kontor test CA",
       "-addext",
       "basicConstraints=critical,CA:TRUE",
       "-addext",
       "keyUsage=critical,keyCertSign,cRLSign"},
      {kOpenssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
       "-nodes", "-keyout", tls + "/other-ca.key", "-out", tls + "/other-ca.pem", "-days", "2",
       "-subj", "/CN=Somebody else's CA", "-addext", "basicConstraints=critical,CA:TRUE"},
      {kOpenssl, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
       "-keyout", tls + "/server.key", "-out", tls + "/server.csr", "-subj", "/CN=127.0.0.1"},
      {kOpenssl, "x509", "-req", "-in", tls + "/server.csr", "-CA", tls + "/ca.pem", "-CAkey",
       tls + "/ca.key", "-CAcreateserial", "-out", tls + "/server.pem", "-days", "2", "-extfile",
       tls + "/server.ext"},
  };
  for (const auto& argv : steps) {
    const auto made = run_to_end({argv, tls_dir / "openssl", {}, {}});
    if (made.status != 0) return "openssl " + argv[1] + " failed: " + made.err;
  }
  return "";
}

}  // namespace kontor::testing
