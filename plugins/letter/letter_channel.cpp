#include "letter_channel.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <system_error>

#include "kontor/sdk/spool_file.hpp"

namespace kontor::plugins::letter {
namespace fs = std::filesystem;
using sdk::Status;

namespace {

bool is_country_code(const std::string& text) {
  return text.size() == 2 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'A' && text[1] <= 'Z';
}

// "street, city" of what a letter cannot go without; empty when nothing is missing.
std::string missing_address_parts(const sdk::Party& recipient) {
  std::string missing;
  auto need = [&](const std::string& value, const char* part) {
    if (!value.empty()) return;
    if (!missing.empty()) missing += ", ";
    missing += part;
  };
  need(recipient.name, "name");
  need(recipient.address.street, "street");
  need(recipient.address.postcode, "postcode");
  need(recipient.address.city, "city");
  return missing;
}

std::optional<std::string> read_whole_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(content).str();
}

// The letter's name, address and document travel in the body: http only where it never leaves
// the machine (tests, a local gateway that speaks TLS onwards).
bool is_loopback_host(const std::string& host) {
  if (host == "localhost" || host == "::1") return true;
  if (host.rfind("127.", 0) != 0) return false;
  return std::count(host.begin(), host.end(), '.') == 3 &&
         std::all_of(host.begin(), host.end(), [](char c) {
           return c == '.' || std::isdigit(static_cast<unsigned char>(c));
         });
}

std::string lower_case(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// "127.0.0.1" of "http://user@127.0.0.1:8080/letters", "::1" of "http://[::1]/".
std::string host_of(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return "";
  const std::size_t start = scheme_end + 3;
  std::string authority = url.substr(start, url.find_first_of("/?#", start) - start);
  if (const auto at = authority.rfind('@'); at != std::string::npos) authority.erase(0, at + 1);
  if (authority.starts_with('[')) return lower_case(authority.substr(1, authority.find(']') - 1));
  return lower_case(authority.substr(0, authority.find(':')));
}

bool readable_file(const std::string& path) {
  return ::access(path.c_str(), R_OK) == 0;
}

// Only the first bytes of an answer make it into a message.
constexpr std::size_t kExcerptBytes = 200;
// What is kept of a body to scrub credentials from before it is cut.
constexpr std::size_t kKeptBodyBytes = 4096;

void scrub(std::string& text, const std::string& secret) {
  if (secret.empty()) return;
  for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at)) {
    text.replace(at, secret.size(), "***");
  }
}

}  // namespace

std::string body_excerpt(std::string_view body) {
  std::string excerpt(body.substr(0, kExcerptBytes));
  if (body.size() > kExcerptBytes) {
    // Back to the start of the sequence the cut went through, and without it unless it is whole.
    std::size_t start = excerpt.size();
    while (start > 0 && (static_cast<unsigned char>(excerpt[start - 1]) & 0xC0) == 0x80) --start;
    if (start > 0 && static_cast<unsigned char>(excerpt[start - 1]) >= 0xC0) {
      const unsigned char lead = static_cast<unsigned char>(excerpt[start - 1]);
      const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
      if (excerpt.size() - (start - 1) < length) excerpt.resize(start - 1);
    }
  }
  for (char& c : excerpt) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  while (!excerpt.empty() && excerpt.back() == ' ') excerpt.pop_back();
  while (!excerpt.empty() && excerpt.front() == ' ') excerpt.erase(0, 1);
  return body.size() > kExcerptBytes ? excerpt + "..." : excerpt;
}

sdk::PluginInfo LetterChannel::info() {
  return {"letter", "1.0.0", "Notices as printed letters (a PDF and its manifest per notice)"};
}

std::vector<sdk::ConfigField> LetterChannel::schema() {
  using sdk::ConfigField;
  return {
      ConfigField::text("mode",
                        "How letters leave: spool (a PDF and a JSON manifest per notice in a "
                        "folder a print shop picks up from) or http (POSTed to a print-and-mail "
                        "service's API)")
          .choices({"spool", "http"})
          .defaults("spool"),
      ConfigField::text("spool_dir",
                        "Absolute folder the PDFs and manifests are written to (mode spool)"),
      ConfigField::text("url",
                        "HTTPS URL each letter is POSTed to (mode http); http only to a loopback "
                        "host"),
      ConfigField::secret("bearer_token", "Sent as Authorization: Bearer (mode http)"),
      ConfigField::text("username", "User name for HTTP basic authentication (mode http)"),
      ConfigField::secret("password", "Password for HTTP basic authentication (mode http)"),
      ConfigField::text("ca_file",
                        "PEM file of the CA that signed the service's certificate, when it is "
                        "not in the system's store (mode http)"),
      ConfigField::duration("timeout", "Longest time one upload may take (mode http)")
          .defaults("60s"),
      ConfigField::flag("duplex", "Print on both sides of the paper").defaults("true"),
      ConfigField::flag("color", "Print in colour (often dearer); otherwise black and white")
          .defaults("false"),
      ConfigField::text("mail_class", "Postal service: standard, priority or registered")
          .choices({"standard", "priority", "registered"})
          .defaults("standard"),
  };
}

LetterChannel::LetterChannel(sdk::Host host, const sdk::Config& config)
    : host_(host),
      upload_(config.text("mode") == "http"),
      spool_dir_(config.optional_text("spool_dir").value_or("")),
      url_(config.optional_text("url").value_or("")),
      login_(sdk::HttpLogin::from(config)),
      ca_file_(config.optional_text("ca_file").value_or("")),
      timeout_(config.duration("timeout")),
      print_{.duplex = config.flag("duplex"),
             .color = config.flag("color"),
             .mail_class = config.text("mail_class")} {
  if (!upload_) {
    if (spool_dir_.empty()) throw sdk::InvalidConfig("spool_dir is required in mode spool");
    // kontord runs as a service; a relative folder would depend on its working directory.
    if (!spool_dir_.is_absolute()) throw sdk::InvalidConfig("spool_dir must be an absolute path");
    return;
  }
  if (url_.empty()) throw sdk::InvalidConfig("url is required in mode http");
  const auto scheme_end = url_.find("://");
  const std::string scheme =
      scheme_end == std::string::npos ? "" : lower_case(url_.substr(0, scheme_end));
  const std::string service_host = host_of(url_);
  if (service_host.empty() || (scheme != "https" && scheme != "http")) {
    throw sdk::InvalidConfig("url '" + shown_url(url_) + "' is not an https URL");
  }
  if (scheme == "http" && !is_loopback_host(service_host)) {
    throw sdk::InvalidConfig("url '" + shown_url(url_) +
                             "' is not https: letters carry names and addresses, they travel "
                             "encrypted (http only to localhost, 127.0.0.1 or ::1)");
  }
  if (!ca_file_.empty() && !readable_file(ca_file_)) {
    throw sdk::InvalidConfig("ca_file '" + ca_file_ + "' cannot be read");
  }
}

Status LetterChannel::deliver(const sdk::NoticeMessage& notice) {
  const std::string which = "notice " + notice.notice_number;
  if (notice.idempotency_key.empty()) return Status::failed(which + " has no idempotency key");
  if (notice.pdf.empty()) return Status::failed("no PDF was rendered for " + which);

  sdk::Party recipient = notice.recipient;
  if (const std::string missing = missing_address_parts(recipient); !missing.empty()) {
    return Status::failed(which + ": the customer's postal address is incomplete, no " + missing);
  }
  // A domestic letter leaves the country off the address, and so may the customer's record;
  // the print shop still needs to know where the letter goes.
  if (recipient.address.country.empty()) recipient.address.country = notice.sender.address.country;
  if (recipient.address.country.empty()) {
    return Status::failed(which +
                          ": the customer's postal address has no country, nor has the sender's");
  }
  if (!is_country_code(recipient.address.country)) {
    return Status::failed(which + ": the customer's country \"" + recipient.address.country +
                          "\" is not an ISO 3166-1 alpha-2 code such as DE");
  }
  return upload_ ? upload(notice, which, recipient) : spool(notice, which, recipient);
}

Status LetterChannel::spool(const sdk::NoticeMessage& notice, const std::string& which,
                            const sdk::Party& recipient) {
  const std::string pdf_name = sdk::spool_file_name(notice.idempotency_key, ".pdf");
  const std::string manifest_name = sdk::spool_file_name(notice.idempotency_key, ".json");
  const fs::path manifest_path = spool_dir_ / manifest_name;
  // The manifest is written last: once it is there, the letter was spooled before. Not writing
  // the PDF again either keeps a shop that has already taken the PDF from getting a stray copy.
  std::error_code error;
  if (fs::is_regular_file(fs::symlink_status(manifest_path, error))) {
    host_.info(which + ": " + manifest_name + " is already in the spool folder (delivered before)");
    return Status::ok();
  }

  Result<sdk::SpoolOutcome> pdf_written = sdk::write_spool_file(spool_dir_, pdf_name, notice.pdf);
  if (!pdf_written) return Status::retry(which + ": " + pdf_written.error().message);

  // An earlier delivery wrote the PDF and stopped before its manifest. The manifest describes
  // the PDF in the folder, which a new rendering need not match byte for byte.
  std::string document = notice.pdf;
  if (*pdf_written == sdk::SpoolOutcome::kAlreadyThere) {
    std::optional<std::string> spooled = read_whole_file(spool_dir_ / pdf_name);
    if (!spooled) {
      return Status::retry(which + ": cannot read " + (spool_dir_ / pdf_name).string() +
                           ", spooled before without its manifest");
    }
    if (*spooled != notice.pdf) {
      host_.info(which + ": " + pdf_name +
                 " was spooled before and differs from this rendering; its manifest describes "
                 "the file in the folder");
    }
    document = std::move(*spooled);
  }

  const std::string manifest =
      manifest_json({.notice_number = notice.notice_number,
                     .kind = notice.kind,
                     .document = pdf_name,
                     .recipient = recipient,
                     .sender = notice.sender,
                     .print = print_,
                     .created = std::chrono::floor<std::chrono::seconds>(host_.now())},
                    document);
  Result<sdk::SpoolOutcome> manifest_written =
      sdk::write_spool_file(spool_dir_, manifest_name, manifest);
  if (!manifest_written) {
    return Status::retry(which + ": " + pdf_name +
                         " is spooled, its manifest is not: " + manifest_written.error().message);
  }
  if (*manifest_written == sdk::SpoolOutcome::kAlreadyThere) {
    host_.info(which + ": " + manifest_name + " is already in the spool folder (delivered before)");
    return Status::ok();
  }
  host_.count("letters_spooled");
  host_.debug(which + ": spooled as " + (spool_dir_ / pdf_name).string() + " and " + manifest_name);
  return Status::ok();
}

Status LetterChannel::prepare(sdk::TransferRequest& request) const {
  request.method = "POST";
  request.url = url_;
  request.ca_file = ca_file_;
  request.timeout = timeout_;
  return login_.apply(host_, request);
}

Status LetterChannel::upload(const sdk::NoticeMessage& notice, const std::string& which,
                             const sdk::Party& recipient) {
  // A line break in a header would end it and start another.
  if (!std::all_of(notice.idempotency_key.begin(), notice.idempotency_key.end(),
                   [](char c) { return c >= 0x20 && c < 0x7F; })) {
    return Status::failed(which +
                          ": the idempotency key has characters an HTTP header cannot carry");
  }
  sdk::TransferRequest request;
  if (auto ready = prepare(request); !ready) return Status::failed(which + ": " + ready.message());
  request.headers = {"Content-Type: application/json",
                     "Idempotency-Key: " + notice.idempotency_key};
  request.body = upload_json({.notice_number = notice.notice_number,
                              .kind = notice.kind,
                              .document = sdk::spool_file_name(notice.idempotency_key, ".pdf"),
                              .recipient = recipient,
                              .sender = notice.sender,
                              .print = print_,
                              .created = std::chrono::floor<std::chrono::seconds>(host_.now())},
                             notice.pdf);

  // An answer's body is only ever shown in part; the rest is not kept.
  std::string body;
  sdk::TransferResponse response;
  const Status sent = host_.transfer(
      request,
      [&](std::span<const std::uint8_t> chunk) {
        const std::size_t room = kKeptBodyBytes - std::min(body.size(), kKeptBodyBytes);
        body.append(reinterpret_cast<const char*>(chunk.data()), std::min(room, chunk.size()));
        return Status::ok();
      },
      response);
  if (!sent) {
    return Status::from_code(static_cast<kontor_status>(sent.code()),
                             which + ": " + sent.message());
  }

  const int code = response.code;
  const std::string where = "POST " + shown_url(url_);
  if (code >= 200 && code <= 299) {
    host_.count("letters_uploaded");
    host_.debug(which + ": " + where + " answered " + std::to_string(code));
    return Status::ok();
  }
  if (code == 409) {
    host_.info(which + ": " + where + " answered 409, the service has idempotency key " +
               notice.idempotency_key + " already (delivered before)");
    return Status::ok();
  }
  scrub(body, request.bearer_token);
  scrub(body, request.password);
  const std::string excerpt = body_excerpt(body);
  const std::string what = which + ": " + where + " answered " + std::to_string(code) +
                           (excerpt.empty() ? "" : ": " + excerpt);
  if (code == 408 || code == 429 || code >= 500) return Status::retry(what);
  if (code == 401 || code == 403) {
    return Status::failed(what + " (the service refused the credentials)");
  }
  return Status::failed(what);
}

}  // namespace kontor::plugins::letter

KONTOR_PLUGIN(kontor::plugins::letter::LetterChannel)
