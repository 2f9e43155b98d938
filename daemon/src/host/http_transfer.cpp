#include "host/http_transfer.hpp"

#include <fmt/format.h>

#include "host/curl_transfer.hpp"
#include "kontor/sdk/views.hpp"

namespace kontor::host {
namespace {

using sdk::copy;
using transfer::answer;

struct Exchange {
  const kontor_bytes_sink* sink;
  kontor_status sink_status = KONTOR_OK;
  std::string status_line;
  std::vector<std::string> headers;  // of the latest response
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
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  if (line.rfind("HTTP/", 0) == 0) {
    exchange->status_line = line;  // the last one wins (after redirects and 100 Continue)
    exchange->headers.clear();
  } else if (!line.empty()) {
    exchange->headers.push_back(std::move(line));
  }
  return size * count;
}

}  // namespace

kontor_status perform_http(HostInstance& instance, const kontor_transfer_request& request,
                           const kontor_bytes_sink& response, kontor_transfer_result& result) {
  const std::string url = copy(request.url);
  const std::string scheme = transfer::scheme_of(url);
  std::string method = copy(request.method);
  if (method.empty()) method = "GET";
  if (method != "GET" && method != "POST" && method != "PUT" && method != "DELETE") {
    return answer(instance, result, 0, "HTTP method '" + method + "' is not offered",
                  KONTOR_UNSUPPORTED);
  }

  transfer::CurlHandle handle;
  if (handle.curl == nullptr)
    return answer(instance, result, 0, "curl_easy_init failed", KONTOR_RETRY);
  CURL* curl = handle.curl;
  char error_text[CURL_ERROR_SIZE] = {0};
  Exchange exchange{&response, KONTOR_OK, {}, {}};

  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  // A download (GET) follows redirects on the scheme it started with: https never falls back
  // to http. A POST, PUT or DELETE does not: libcurl would send the body again to another
  // address (307/308) or turn it into a GET whose answer would look like the POST's
  // (301–303); the plugin gets the 3xx and judges it.
  if (method == "GET") {
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, scheme.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  const std::string ca_file = copy(request.ca_file);
  if (!ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, ca_file.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  transfer::Deadline(request).apply(curl);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &exchange);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &exchange);
  transfer::abort_when_cancelled(curl, instance);
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
    return answer(instance, result, static_cast<int>(status), exchange.status_line, KONTOR_OK,
                  std::move(exchange.headers));
  }
  if (code == CURLE_WRITE_ERROR && exchange.sink_status != KONTOR_OK) {
    return answer(instance, result, static_cast<int>(status), "the receiver stopped the download",
                  exchange.sink_status);
  }
  if (code == CURLE_ABORTED_BY_CALLBACK) {
    return answer(instance, result, 0, "cancelled", KONTOR_CANCELLED);
  }
  const std::string reason = error_text[0] ? error_text : curl_easy_strerror(code);
  const std::string message = fmt::format("{} {}: {}", method, transfer::redacted(url), reason);
  if (code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE ||
      code == CURLE_UNSUPPORTED_PROTOCOL || code == CURLE_URL_MALFORMAT) {
    return answer(instance, result, 0, message, KONTOR_FAILED);
  }
  return answer(instance, result, 0, message, KONTOR_RETRY);
}

}  // namespace kontor::host
