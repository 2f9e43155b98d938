#include "http_source.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <fstream>
#include <set>
#include <sstream>

#include "kontor/model/sha256.hpp"

namespace kontor::plugins {
using sdk::Status;

namespace {

namespace fs = std::filesystem;

// The instance state key holding what was imported from each URL, one line per URL:
// "SHA-256 of the URL<TAB>etag<TAB>last-modified<TAB>SHA-256 of the content". Only the URLs of
// the latest list() are kept, so yesterday's {date} URLs are forgotten. The URL itself is not
// stored: a query string may carry a token.
constexpr const char* kFetchedKey = "fetched";

// A statement file is a few megabytes at most; this much is surely something else.
constexpr std::size_t kMaxDownloadBytes = 64 * 1024 * 1024;

using RememberedByUrl = std::map<std::string, HttpSource::Remembered>;

std::string url_key(const std::string& url) {
  return Sha256::hex_of(url);
}

bool storable(const std::string& value) {
  return value.find_first_of("\t\r\n") == std::string::npos;
}

RememberedByUrl decode_fetched(const std::string& text) {
  RememberedByUrl fetched;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (auto tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
      fields.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    fields.push_back(line.substr(start));
    if (fields.size() == 4) fetched[fields[0]] = {fields[1], fields[2], fields[3]};
  }
  return fetched;
}

std::string encode_fetched(const RememberedByUrl& fetched) {
  std::string text;
  for (const auto& [key, r] : fetched) {
    text += key + "\t" + r.etag + "\t" + r.last_modified + "\t" + r.sha256 + "\n";
  }
  return text;
}

// "2026-11-28T10-15-00Z_", as folder-source and sftp-source name what they move.
std::string stamp(std::int64_t now_us) {
  const std::time_t seconds = static_cast<std::time_t>(now_us / 1'000'000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof(text), "%Y-%m-%dT%H-%M-%SZ_", &utc);
  return text;
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() &&
        std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The file name a URL's last path segment gives, or "download" when it gives none a parser or a
// quarantine folder could use.
std::string file_name_of(const std::string& url) {
  std::string path = url.substr(0, url.find_first_of("?#"));
  const auto scheme = path.find("://");
  path = scheme == std::string::npos ? path : path.substr(scheme + 3);
  const auto slash = path.rfind('/');
  const std::string name =
      percent_decoded(slash == std::string::npos ? "" : std::string_view(path).substr(slash + 1));
  const bool plain =
      !name.empty() && name != "." && name != ".." && name[0] != '.' &&
      std::none_of(name.begin(), name.end(), [](char c) {
        return c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
      });
  return plain ? name : "download";
}

bool readable_file(const std::string& path) {
  return ::access(path.c_str(), R_OK) == 0;
}

std::string two_digits(unsigned value) {
  return (value < 10 ? "0" : "") + std::to_string(value);
}

}  // namespace

Result<std::string> expand_dates(const std::string& url, std::int64_t now_utc_us) {
  using namespace std::chrono;
  const sys_days today = floor<days>(sys_time<microseconds>(microseconds(now_utc_us)));
  std::string out;
  std::size_t at = 0;
  while (true) {
    const auto open = url.find('{', at);
    out += url.substr(at, open == std::string::npos ? std::string::npos : open - at);
    if (open == std::string::npos) break;
    const auto close = url.find('}', open);
    if (close == std::string::npos) return Error{"a '{' without its '}' in " + shown_url(url)};
    std::string_view placeholder(url.data() + open + 1, close - open - 1);
    // A query may carry a token: what is written there is not repeated in a message.
    const std::string written = open < url.find_first_of("?#")
                                    ? "{" + std::string(placeholder) + "}"
                                    : "{...} in the query of " + shown_url(url);
    if (!placeholder.starts_with("date")) {
      return Error{"unknown placeholder " + written + " (only {date...} is)"};
    }
    placeholder.remove_prefix(4);
    int days_back = 0;
    if (placeholder.starts_with('-')) {
      placeholder.remove_prefix(1);
      const auto digits = placeholder.find_first_not_of("0123456789");
      const std::string number(placeholder.substr(0, digits));
      if (number.empty() || number.size() > 3 || std::stoi(number) > 400) {
        return Error{"{date-N} takes N from 0 to 400 days, in " + shown_url(url)};
      }
      days_back = std::stoi(number);
      placeholder.remove_prefix(number.size());
    }
    std::string format = "YYYY-MM-DD";
    if (placeholder.starts_with(':')) {
      format = std::string(placeholder.substr(1));
      placeholder = {};
    }
    if (!placeholder.empty() || format.empty()) {
      return Error{
          "a date placeholder is {date}, {date-N}, {date:FORMAT} or {date-N:FORMAT}, "
          "found " +
          written};
    }
    const year_month_day day{today - std::chrono::days(days_back)};
    for (std::size_t i = 0; i < format.size();) {
      if (format.compare(i, 4, "YYYY") == 0) {
        out += std::to_string(static_cast<int>(day.year()));
        i += 4;
      } else if (format.compare(i, 2, "MM") == 0) {
        out += two_digits(static_cast<unsigned>(day.month()));
        i += 2;
      } else if (format.compare(i, 2, "DD") == 0) {
        out += two_digits(static_cast<unsigned>(day.day()));
        i += 2;
      } else {
        out += format[i++];
      }
    }
    at = close + 1;
  }
  return out;
}

sdk::PluginInfo HttpSource::info() {
  return {"http-source", "1.0.0", "Statement files downloaded over HTTPS"};
}

std::vector<sdk::ConfigField> HttpSource::schema() {
  using sdk::ConfigField;
  return {
      ConfigField::list("urls",
                        "HTTPS URLs of statement files; {date}, {date-N}, {date:YYYYMMDD} name "
                        "the day (UTC) of the run")
          .required(),
      ConfigField::secret("bearer_token", "Sent as Authorization: Bearer"),
      ConfigField::text("username", "User name for HTTP basic authentication"),
      ConfigField::secret("password", "Password for HTTP basic authentication"),
      ConfigField::text("ca_file",
                        "PEM file of the CA that signed the server's certificate, when it is "
                        "not in the system's store"),
      ConfigField::text("after_import",
                        "What happens to a file on the server once its import committed: none, "
                        "or delete (HTTP DELETE of its URL)")
          .choices({"none", "delete"})
          .defaults("none"),
      ConfigField::text("quarantine_dir",
                        "Local directory where refused downloads are kept, each with "
                        "NAME.error; default: not kept (the server still has them)"),
      ConfigField::duration("timeout", "Longest time one request may take").defaults("2m"),
  };
}

HttpSource::HttpSource(sdk::Host host, const sdk::Config& config)
    : host_(host),
      urls_(config.list("urls")),
      login_(sdk::HttpLogin::from(config)),
      ca_file_(config.optional_text("ca_file").value_or("")),
      timeout_(config.duration("timeout")),
      delete_after_import_(config.text("after_import") == "delete") {
  if (urls_.empty()) throw sdk::InvalidConfig("urls lists no URL");
  for (const std::string& url : urls_) {
    std::string scheme = url.substr(0, url.find("://"));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (scheme != "https" || url.find("://") == std::string::npos) {
      throw sdk::InvalidConfig("'" + shown_url(url) +
                               "' is not an https URL: statements travel encrypted only");
    }
    if (auto expanded = expand_dates(url, 0); !expanded) {
      throw sdk::InvalidConfig(expanded.error().message);
    }
  }
  if (!ca_file_.empty() && !readable_file(ca_file_)) {
    throw sdk::InvalidConfig("ca_file '" + ca_file_ + "' cannot be read");
  }
  if (auto directory = config.optional_text("quarantine_dir"); directory && !directory->empty()) {
    if (!fs::path(*directory).is_absolute()) {
      throw sdk::InvalidConfig("quarantine_dir must be an absolute path");
    }
    quarantine_ = fs::path(*directory);
  }
}

Status HttpSource::prepare(sdk::TransferRequest& request, std::string method,
                           std::string url) const {
  request.method = std::move(method);
  request.url = std::move(url);
  request.ca_file = ca_file_;
  request.timeout = timeout_;
  return login_.apply(host_, request);
}

namespace {

// What an HTTP status that is not success means for the run.
Status judged(const std::string& method, const std::string& url,
              const sdk::TransferResponse& response) {
  const std::string what =
      method + " " + shown_url(url) + " answered " + std::to_string(response.code);
  if (response.code == 401 || response.code == 403) {
    return Status::failed(what + ": the server refused the credentials");
  }
  if (response.code == 408 || response.code == 429 || response.code >= 500) {
    return Status::retry(what + ": the server cannot answer now");
  }
  return Status::failed(what + (response.message.empty() ? "" : " (" + response.message + ")"));
}

}  // namespace

Status HttpSource::download(const std::string& url, const Remembered* before,
                            std::optional<Offered>& found) {
  sdk::TransferRequest request;
  if (auto ready = prepare(request, "GET", url); !ready) return ready;
  if (before != nullptr) {
    if (!before->etag.empty()) request.headers.push_back("If-None-Match: " + before->etag);
    if (!before->last_modified.empty()) {
      request.headers.push_back("If-Modified-Since: " + before->last_modified);
    }
  }
  std::string content;
  sdk::TransferResponse response;
  auto fetched = host_.transfer(
      request,
      [&](std::span<const std::uint8_t> chunk) {
        if (content.size() + chunk.size() > kMaxDownloadBytes) {
          return Status::failed("GET " + shown_url(url) + ": larger than " +
                                std::to_string(kMaxDownloadBytes / (1024 * 1024)) +
                                " MiB, not a statement file");
        }
        content.append(reinterpret_cast<const char*>(chunk.data()), chunk.size());
        return Status::ok();
      },
      response);
  if (!fetched) return fetched;
  if (response.code == 304 || response.code == 404 || response.code == 410) {
    host_.debug("GET " + shown_url(url) + " answered " + std::to_string(response.code) +
                ": nothing new");
    return Status::ok();
  }
  if (response.code < 200 || response.code > 299) return judged("GET", url, response);

  Remembered validators{response.header("ETag").value_or(""),
                        response.header("Last-Modified").value_or(""), Sha256::hex_of(content)};
  if (!storable(validators.etag)) validators.etag.clear();
  if (!storable(validators.last_modified)) validators.last_modified.clear();
  if (before != nullptr && before->sha256 == validators.sha256) {
    host_.debug("GET " + shown_url(url) + ": the same file as imported before");
    return Status::ok();
  }
  found = Offered{url, std::move(content), std::move(validators)};
  return Status::ok();
}

Status HttpSource::list(sdk::DocumentList& documents) {
  offered_.clear();
  auto stored = host_.state(kFetchedKey);
  if (!stored) return Status::retry(stored.error().message);
  const RememberedByUrl before = decode_fetched(stored->value_or(""));
  RememberedByUrl kept;

  std::set<std::string> asked;
  std::vector<sdk::DocumentInfo> ready;
  for (const std::string& configured : urls_) {
    if (host_.cancelled()) return Status::cancelled();
    auto expanded = expand_dates(configured, host_.now().time_since_epoch().count());
    if (!expanded) return Status::failed(expanded.error().message);
    const std::string& url = *expanded;
    if (!asked.insert(url).second) continue;
    const std::string key = url_key(url);
    const auto remembered = before.find(key);
    if (remembered != before.end()) kept[key] = remembered->second;

    std::optional<Offered> found;
    if (auto downloaded =
            download(url, remembered == before.end() ? nullptr : &remembered->second, found);
        !downloaded) {
      return downloaded;
    }
    if (!found) continue;
    std::string id = file_name_of(url);
    for (int n = 2; offered_.count(id) != 0; ++n) id = std::to_string(n) + "-" + file_name_of(url);
    ready.push_back({id, id, static_cast<std::int64_t>(found->content.size()), 0});
    offered_[id] = std::move(*found);
  }
  if (auto saved = host_.put_state(kFetchedKey, encode_fetched(kept)); !saved) return saved;
  for (const auto& document : ready) {
    if (auto added = documents.add(document); !added) return added;
  }
  return Status::ok();
}

Status HttpSource::fetch(const std::string& id, sdk::ByteSink& content) {
  const auto it = offered_.find(id);
  if (it == offered_.end()) return Status::not_found(id + " was not offered by this source");
  const std::string& bytes = it->second.content;
  return content.write(
      std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
}

Status HttpSource::remember(const std::string& url, const Remembered& validators) {
  auto stored = host_.state(kFetchedKey);
  if (!stored) return Status::retry(stored.error().message);
  RememberedByUrl fetched = decode_fetched(stored->value_or(""));
  fetched[url_key(url)] = validators;
  return host_.put_state(kFetchedKey, encode_fetched(fetched));
}

Status HttpSource::remove_on_server(const std::string& url) {
  sdk::TransferRequest request;
  if (auto ready = prepare(request, "DELETE", url); !ready) return ready;
  sdk::TransferResponse response;
  if (auto deleted = host_.transfer(request, response); !deleted) return deleted;
  const bool gone = (response.code >= 200 && response.code <= 299) || response.code == 404 ||
                    response.code == 410;
  return gone ? Status::ok() : judged("DELETE", url, response);
}

void HttpSource::quarantine(const std::string& id, const Offered& offered,
                            const std::string& reason) {
  if (!quarantine_) {
    host_.warn(id + " (" + shown_url(offered.url) + ") refused: " + reason +
               "; it stays on the server and is not offered again unless it changes");
    return;
  }
  std::error_code error;
  fs::create_directories(*quarantine_, error);
  const std::string name = stamp(host_.now().time_since_epoch().count()) + id;
  std::ofstream file(*quarantine_ / name, std::ios::binary | std::ios::trunc);
  file << offered.content;
  std::ofstream(*quarantine_ / (name + ".error"), std::ios::trunc) << reason << "\n";
  if (error || !file) {
    host_.warn(id + " refused: " + reason + "; cannot keep it in " + quarantine_->string());
    return;
  }
  host_.warn(id + " (" + shown_url(offered.url) + ") refused, kept as " +
             (*quarantine_ / name).string() + ": " + reason);
}

Status HttpSource::ack(const std::string& id, sdk::AckOutcome outcome, const std::string& reason) {
  const auto it = offered_.find(id);
  if (it == offered_.end()) return Status::not_found(id + " was not offered by this source");
  const Offered& offered = it->second;
  if (outcome == sdk::AckOutcome::kCommitted) {
    if (delete_after_import_) {
      if (auto removed = remove_on_server(offered.url); !removed) return removed;
    }
    if (auto remembered = remember(offered.url, offered.validators); !remembered) {
      return remembered;
    }
    host_.info(id + (reason.empty() ? " imported" : " " + reason) +
               (delete_after_import_ ? ", deleted from " + shown_url(offered.url) : ""));
    host_.count("files_processed");
  } else {
    // Remembered so the same bad file is not offered again; never deleted.
    if (auto remembered = remember(offered.url, offered.validators); !remembered) {
      return remembered;
    }
    quarantine(id, offered, reason);
    host_.count("files_quarantined");
  }
  offered_.erase(it);
  return Status::ok();
}

}  // namespace kontor::plugins

KONTOR_PLUGIN(kontor::plugins::HttpSource)
