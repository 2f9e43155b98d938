#include "kontor/sdk/host.hpp"

#include <algorithm>
#include <cctype>

#include "kontor/sdk/views.hpp"

namespace kontor::sdk {
namespace {

// Collects bytes the host writes into a string.
struct StringCollector {
  std::string value;
  static kontor_status write(void* context, kontor_bytes chunk) {
    static_cast<StringCollector*>(context)->value += copy(chunk);
    return KONTOR_OK;
  }
  kontor_bytes_sink sink() { return {sizeof(kontor_bytes_sink), this, &StringCollector::write}; }
};

}  // namespace

std::optional<std::string> TransferResponse::header(std::string_view name) const {
  auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  for (const std::string& line : headers) {
    const auto colon = line.find(':');
    if (colon != name.size() || !std::equal(name.begin(), name.end(), line.begin(),
                                            [&](char a, char b) { return lower(a) == lower(b); })) {
      continue;
    }
    const auto start = line.find_first_not_of(" \t", colon + 1);
    if (start == std::string::npos) return std::string();
    return line.substr(start, line.find_last_not_of(" \t") + 1 - start);
  }
  return std::nullopt;
}

void Host::log(LogLevel level, std::string_view message) const {
  api_->log(instance_, static_cast<std::int32_t>(level), view(message));
}

void Host::count(std::string_view metric, std::int64_t delta) const {
  api_->metric_add(instance_, view(metric), delta);
}

void Host::gauge(std::string_view metric, std::int64_t value) const {
  api_->gauge_set(instance_, view(metric), value);
}

std::chrono::sys_time<std::chrono::microseconds> Host::now() const {
  return std::chrono::sys_time<std::chrono::microseconds>(
      std::chrono::microseconds(api_->now_utc_us(instance_)));
}

bool Host::cancelled() const {
  return api_->cancelled(instance_) != 0;
}

Result<std::optional<std::string>> Host::state(std::string_view key) const {
  StringCollector collector;
  const kontor_bytes_sink sink = collector.sink();
  const kontor_status status = api_->state_get(instance_, view(key), &sink);
  if (status == KONTOR_NOT_FOUND) return std::optional<std::string>();
  if (status != KONTOR_OK) return Error{"cannot read state '" + std::string(key) + "'"};
  return std::optional<std::string>(std::move(collector.value));
}

Status Host::put_state(std::string_view key, std::string_view value) const {
  const kontor_status status = api_->state_put(instance_, view(key), bytes_view(value));
  if (status == KONTOR_OK) return Status::ok();
  return Status::from_code(status, "cannot store state '" + std::string(key) + "'");
}

Status Host::erase_state(std::string_view key) const {
  const kontor_status status = api_->state_delete(instance_, view(key));
  if (status == KONTOR_OK || status == KONTOR_NOT_FOUND) return Status::ok();
  return Status::from_code(status, "cannot erase state '" + std::string(key) + "'");
}

Result<std::string> Host::secret(std::string_view key) const {
  StringCollector collector;
  const kontor_bytes_sink sink = collector.sink();
  if (api_->secret_get(instance_, view(key), &sink) != KONTOR_OK) {
    // The host has logged why (without the value); the plugin only needs to know it failed.
    return Error{"secret '" + std::string(key) + "' is not available"};
  }
  return std::move(collector.value);
}

Status Host::transfer(const TransferRequest& request, TransferResponse& response) const {
  return transfer(
      request,
      [&](std::span<const std::uint8_t> chunk) {
        response.body.append(reinterpret_cast<const char*>(chunk.data()), chunk.size());
        return Status::ok();
      },
      response);
}

Status Host::transfer(const TransferRequest& request,
                      const std::function<Status(std::span<const std::uint8_t>)>& on_chunk,
                      TransferResponse& response) const {
  StrArray headers(request.headers);
  StrArray mail_to(request.mail_to);
  kontor_transfer_request c{};
  c.struct_size = sizeof(c);
  c.url = view(request.url);
  c.method = view(request.method);
  c.headers = headers.get();
  c.body = bytes_view(request.body);
  c.username = view(request.username);
  c.password = view(request.password);
  c.bearer_token = view(request.bearer_token);
  c.rename_to = view(request.rename_to);
  c.mail_from = view(request.mail_from);
  c.mail_to = mail_to.get();
  c.ca_file = view(request.ca_file);
  c.known_hosts = view(request.known_hosts);
  c.private_key = view(request.private_key);
  c.timeout_ms = request.timeout.count();

  struct Forward {
    const std::function<Status(std::span<const std::uint8_t>)>* on_chunk;
    Status failure;
    static kontor_status write(void* context, kontor_bytes chunk) {
      auto* self = static_cast<Forward*>(context);
      Status status = (*self->on_chunk)(std::span(chunk.data, chunk.size));
      if (status) return KONTOR_OK;
      self->failure = std::move(status);
      return static_cast<kontor_status>(self->failure.code());
    }
  } forward{&on_chunk, Status::ok()};
  const kontor_bytes_sink sink{sizeof(kontor_bytes_sink), &forward, &Forward::write};
  kontor_transfer_result result{};
  result.struct_size = sizeof(result);
  const kontor_status status = api_->transfer(instance_, &c, &sink, &result);
  response.code = result.code;
  response.message = copy(result.message);
  response.headers = copy(result.headers);  // left empty by a host that has none
  if (!forward.failure) return forward.failure;
  if (status != KONTOR_OK) return Status::from_code(status, response.message);
  return Status::ok();
}

}  // namespace kontor::sdk
