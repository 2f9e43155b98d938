// What the HTTP and SFTP halves of TransferService share: one libcurl easy handle per transfer,
// the time limits, cancellation, how a URL may be shown in a message, and how the answer goes
// back to the plugin.
#pragma once

#include <curl/curl.h>

#include <chrono>
#include <string>
#include <vector>

#include "host/host_services.hpp"
#include "kontor/plugin_abi.h"

namespace kontor::host::transfer {

constexpr std::chrono::milliseconds kDefaultTimeout{60'000};
constexpr std::chrono::milliseconds kConnectTimeout{15'000};

// One easy handle and the lists it points to, freed together.
struct CurlHandle {
  CurlHandle();
  ~CurlHandle();
  CurlHandle(const CurlHandle&) = delete;
  CurlHandle& operator=(const CurlHandle&) = delete;

  CURL* curl;
  curl_slist* headers = nullptr;
  curl_slist* quote = nullptr;
};

// The end of the whole transfer (the request's timeout, else the host's default), for calls that
// run several curl requests in a row.
class Deadline {
 public:
  explicit Deadline(const kontor_transfer_request& request);
  // Milliseconds left for the next curl request (at least 1: 0 would mean "no limit" to curl).
  long remaining_ms() const;
  // Sets the connect timeout and what is left of the whole as the request's timeout.
  void apply(CURL* curl) const;

 private:
  std::chrono::steady_clock::time_point end_;
};

// Makes curl abort (CURLE_ABORTED_BY_CALLBACK) once the call in progress is cancelled.
void abort_when_cancelled(CURL* curl, const HostInstance& instance);

// Lower-case scheme of a URL ("" without one).
std::string scheme_of(const std::string& url);

// The URL as messages may show it: without user:password@ and without a query string or
// fragment, where tokens tend to travel.
std::string redacted(const std::string& url);

// Fills the result (message and headers live in the instance until its next transfer) and
// returns `status`.
kontor_status answer(HostInstance& instance, kontor_transfer_result& result, int code,
                     std::string message, kontor_status status,
                     std::vector<std::string> headers = {});

}  // namespace kontor::host::transfer
