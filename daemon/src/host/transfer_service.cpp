#include "host/transfer_service.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <spdlog/logger.h>

#include <memory>

#include "kontor/sdk/views.hpp"

namespace kontor::host {
namespace {

using sdk::copy;

constexpr long kDefaultTimeoutMs = 60'000;
constexpr long kConnectTimeoutMs = 15'000;

struct CurlHandle {
  CURL* curl = curl_easy_init();
  curl_slist* headers = nullptr;
  ~CurlHandle() {
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
  }
};

struct Exchange {
  HostInstance* instance;
  const kontor_bytes_sink* sink;
  kontor_status sink_status = KONTOR_OK;
  std::string status_line;
};

size_t on_body(char* data, size_t size, size_t count, void* context) {
  auto* exchange = static_cast<Exchange*>(context);
  const kontor_bytes chunk{reinterpret_cast<const uint8_t*>(data), size * count};
  exchange->sink_status = exchange->sink->write(exchange->sink->context, chunk);
  return exchange->sink_status == KONTOR_OK ? size * count : 0;  // 0 makes curl stop
}

size_t on_header(char* data, size_t size, size_t count, void* context) {
  auto* exchange = static_cast<Exchange*>(context);
  std::string line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
    exchange->status_line = line;  // the last one wins (after redirects and 100 Continue)
  }
  return size * count;
}

int on_progress(void* context, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* exchange = static_cast<Exchange*>(context);
  const std::atomic<bool>* cancelled = exchange->instance->cancelled;
  return cancelled != nullptr && cancelled->load() ? 1 : 0;  // non-zero aborts the transfer
}

std::string scheme_of(const std::string& url) {
  const auto colon = url.find("://");
  std::string scheme = colon == std::string::npos ? "" : url.substr(0, colon);
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return scheme;
}

// The URL as messages may show it: without user:password@ and without a query string, where
// tokens tend to travel.
std::string redacted(const std::string& url) {
  std::string shown = url.substr(0, url.find_first_of("?#"));
  const auto start = shown.find("://");
  const auto at = shown.find('@', start == std::string::npos ? 0 : start + 3);
  const auto slash = shown.find('/', start == std::string::npos ? 0 : start + 3);
  if (start != std::string::npos && at != std::string::npos &&
      (slash == std::string::npos || at < slash)) {
    shown.erase(start + 3, at - start - 2);
  }
  return shown;
}

kontor_status answer(HostInstance& instance, kontor_transfer_result& result, int code,
                     std::string message, kontor_status status) {
  instance.transfer_message = std::move(message);
  result.code = code;
  result.message = sdk::view(instance.transfer_message);
  return status;
}

}  // namespace

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
  const std::string url = copy(request.url);
  const std::string scheme = scheme_of(url);
  if (scheme != "http" && scheme != "https") {
    return answer(instance, result, 0,
                  fmt::format("transfers with '{}' are not available in this kontord (http, "
                              "https are)",
                              scheme),
                  KONTOR_UNSUPPORTED);
  }
  std::string method = copy(request.method);
  if (method.empty()) method = "GET";
  if (method != "GET" && method != "POST" && method != "PUT" && method != "DELETE") {
    return answer(instance, result, 0, "HTTP method '" + method + "' is not offered",
                  KONTOR_UNSUPPORTED);
  }

  CurlHandle handle;
  if (handle.curl == nullptr)
    return answer(instance, result, 0, "curl_easy_init failed", KONTOR_RETRY);
  CURL* curl = handle.curl;
  char error_text[CURL_ERROR_SIZE] = {0};
  Exchange exchange{&instance, &response, KONTOR_OK, {}};

  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  // Redirects stay on the scheme they started with: https never falls back to http.
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, scheme.c_str());
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  const std::string ca_file = copy(request.ca_file);
  if (!ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, ca_file.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, kConnectTimeoutMs);
  curl_easy_setopt(
      curl, CURLOPT_TIMEOUT_MS,
      request.timeout_ms > 0 ? static_cast<long>(request.timeout_ms) : kDefaultTimeoutMs);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &exchange);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &exchange);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &on_progress);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &exchange);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "kontord");

  for (const std::string& header : sdk::copy(request.headers)) {
    handle.headers = curl_slist_append(handle.headers, header.c_str());
  }
  const std::string username = copy(request.username);
  const std::string password = copy(request.password);
  const std::string bearer = copy(request.bearer_token);
  if (!bearer.empty()) {
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BEARER);
    curl_easy_setopt(curl, CURLOPT_XOAUTH2_BEARER, bearer.c_str());
  } else if (!username.empty()) {
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(curl, CURLOPT_USERNAME, username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, password.c_str());
  }
  if (handle.headers != nullptr) curl_easy_setopt(curl, CURLOPT_HTTPHEADER, handle.headers);
  if (method == "POST" || method == "PUT") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, reinterpret_cast<const char*>(request.body.data));
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size));
  }
  if (method != "GET" && method != "POST")
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());

  const CURLcode code = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  if (code == CURLE_OK) {
    return answer(instance, result, static_cast<int>(status), exchange.status_line, KONTOR_OK);
  }
  if (code == CURLE_WRITE_ERROR && exchange.sink_status != KONTOR_OK) {
    return answer(instance, result, static_cast<int>(status), "the receiver stopped the download",
                  exchange.sink_status);
  }
  if (code == CURLE_ABORTED_BY_CALLBACK) {
    return answer(instance, result, 0, "cancelled", KONTOR_CANCELLED);
  }
  const std::string reason = error_text[0] ? error_text : curl_easy_strerror(code);
  const std::string message = fmt::format("{} {}: {}", method, redacted(url), reason);
  if (code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE ||
      code == CURLE_UNSUPPORTED_PROTOCOL || code == CURLE_URL_MALFORMAT) {
    return answer(instance, result, 0, message, KONTOR_FAILED);
  }
  return answer(instance, result, 0, message, KONTOR_RETRY);
}

}  // namespace kontor::host
