#include "host/curl_transfer.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstddef>

#include "kontor/sdk/views.hpp"

namespace kontor::host::transfer {
namespace {

int on_progress(void* context, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* instance = static_cast<const HostInstance*>(context);
  const std::atomic<bool>* cancelled = instance->cancelled;
  return cancelled != nullptr && cancelled->load() ? 1 : 0;  // non-zero aborts the transfer
}

}  // namespace

CurlHandle::CurlHandle() : curl(curl_easy_init()) {}

CurlHandle::~CurlHandle() {
  curl_slist_free_all(headers);
  curl_slist_free_all(quote);
  curl_easy_cleanup(curl);
}

Deadline::Deadline(const kontor_transfer_request& request)
    : end_(std::chrono::steady_clock::now() + (request.timeout_ms > 0
                                                   ? std::chrono::milliseconds(request.timeout_ms)
                                                   : kDefaultTimeout)) {}

long Deadline::remaining_ms() const {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      end_ - std::chrono::steady_clock::now());
  return std::max<long>(1, static_cast<long>(left.count()));
}

void Deadline::apply(CURL* curl) const {
  const long left = remaining_ms();
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   std::min<long>(left, static_cast<long>(kConnectTimeout.count())));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, left);
}

void abort_when_cancelled(CURL* curl, const HostInstance& instance) {
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &on_progress);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &instance);
}

std::string scheme_of(const std::string& url) {
  const auto colon = url.find("://");
  std::string scheme = colon == std::string::npos ? "" : url.substr(0, colon);
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return scheme;
}

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
                     std::string message, kontor_status status, std::vector<std::string> headers) {
  instance.transfer_message = std::move(message);
  instance.transfer_headers = std::move(headers);
  instance.transfer_header_views.clear();
  for (const std::string& line : instance.transfer_headers) {
    instance.transfer_header_views.push_back(sdk::view(line));
  }
  result.code = code;
  result.message = sdk::view(instance.transfer_message);
  // A plugin built before results had headers passed a smaller struct: leave the rest alone.
  if (result.struct_size >= offsetof(kontor_transfer_result, headers) + sizeof(result.headers)) {
    result.headers = {instance.transfer_header_views.data(),
                      static_cast<std::uint32_t>(instance.transfer_header_views.size()),
                      static_cast<std::uint32_t>(sizeof(kontor_str))};
  }
  return status;
}

}  // namespace kontor::host::transfer
