#include "host/sftp_transfer.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>

#include "host/curl_transfer.hpp"
#include "host/sftp_listing.hpp"
#include "kontor/model/sha256.hpp"
#include "kontor/sdk/views.hpp"

namespace kontor::host {
namespace {

using sdk::copy;
using transfer::answer;

// A listing longer than this is not a directory of statement files.
constexpr std::size_t kMaxListingBytes = 16 * 1024 * 1024;

constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_without_padding(std::string_view bytes) {
  std::string out;
  std::uint32_t bits = 0;
  int held = 0;
  for (unsigned char byte : bytes) {
    bits = (bits << 8) | byte;
    held += 8;
    while (held >= 6) {
      held -= 6;
      out += kBase64[(bits >> held) & 0x3F];
    }
  }
  if (held > 0) out += kBase64[(bits << (6 - held)) & 0x3F];
  return out;
}

std::string base64_decoded(std::string_view text) {
  std::string out;
  std::uint32_t bits = 0;
  int held = 0;
  for (char c : text) {
    const auto value = kBase64.find(c);
    if (value == std::string_view::npos) break;  // '=' padding or the end
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    held += 6;
    if (held >= 8) {
      held -= 8;
      out += static_cast<char>((bits >> held) & 0xFF);
    }
  }
  return out;
}

const char* key_type_name(curl_khtype type) {
  switch (type) {
    case CURLKHTYPE_RSA1:
      return "rsa1";
    case CURLKHTYPE_RSA:
      return "ssh-rsa";
    case CURLKHTYPE_DSS:
      return "ssh-dss";
    case CURLKHTYPE_ECDSA:
      return "ecdsa-sha2";
    case CURLKHTYPE_ED25519:
      return "ssh-ed25519";
    default:
      return "key";
  }
}

// The key as `ssh-keygen -lf` shows it ("ssh-ed25519 SHA256:..."), for the operator to compare
// with what the server's operator says its key is.
std::string fingerprint(const curl_khkey& key) {
  const std::string raw =
      key.len == 0 ? base64_decoded(key.key) : std::string(key.key, key.len);  // len 0: base64
  Sha256 hasher;
  hasher.update(raw);
  const Sha256::Digest digest = hasher.finish();
  const std::string_view digest_bytes(reinterpret_cast<const char*>(digest.data()), digest.size());
  return fmt::format("{} SHA256:{}", key_type_name(key.keytype),
                     base64_without_padding(digest_bytes));
}

struct HostKeyCheck {
  bool refused = false;
  curl_khmatch match = CURLKHMATCH_OK;
  std::string offered;  // fingerprint of the key the server showed
};

// Only a key that is in known_hosts for this host (and port) passes. An unknown or changed key
// is never added: trusting a server is the operator's decision, taken out of band.
int on_host_key(CURL*, const curl_khkey*, const curl_khkey* found, curl_khmatch match,
                void* context) {
  auto* check = static_cast<HostKeyCheck*>(context);
  if (match == CURLKHMATCH_OK) return CURLKHSTAT_FINE;
  check->refused = true;
  check->match = match;
  if (found != nullptr) check->offered = fingerprint(*found);
  return CURLKHSTAT_REJECT;
}

// Where downloaded bytes go: the plugin's sink, or a string the host reads (listings).
struct Download {
  const kontor_bytes_sink* sink = nullptr;
  std::string* text = nullptr;
  kontor_status sink_status = KONTOR_OK;
};

size_t on_data(char* data, size_t size, size_t count, void* context) {
  auto* download = static_cast<Download*>(context);
  const size_t bytes = size * count;
  if (download == nullptr) return bytes;  // a stat: nothing is expected, nothing is kept
  if (download->text != nullptr) {
    if (download->text->size() + bytes > kMaxListingBytes) {
      download->sink_status = KONTOR_FAILED;
      return 0;
    }
    download->text->append(data, bytes);
    return bytes;
  }
  const kontor_bytes chunk{reinterpret_cast<const uint8_t*>(data), bytes};
  download->sink_status = download->sink->write(download->sink->context, chunk);
  return download->sink_status == KONTOR_OK ? bytes : 0;  // 0 makes curl stop
}

struct Upload {
  const std::uint8_t* data;
  std::size_t left;
};

size_t on_read(char* buffer, size_t size, size_t count, void* context) {
  auto* upload = static_cast<Upload*>(context);
  const size_t bytes = std::min(size * count, upload->left);
  if (bytes > 0) std::memcpy(buffer, upload->data, bytes);
  upload->data += bytes;
  upload->left -= bytes;
  return bytes;
}

// A path as an SFTP quote command takes it: in double quotes, and "/~/x" as "x" — curl expands
// /~/ only in unquoted paths, and servers resolve a relative path against the login directory.
std::string quoted(std::string path) {
  if (path.starts_with("/~/")) {
    path.erase(0, 3);
  } else if (path == "/~") {
    path = ".";
  }
  std::string out = "\"";
  for (char c : path) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// The parts of the request's URL the SFTP methods need.
struct Location {
  std::string path;  // percent-decoded, "/in/a.xml" or "/~/in/a.xml"
  std::string host;  // "host:port", for messages
};

std::optional<Location> locate(const std::string& url) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> parsed(curl_url(), &curl_url_cleanup);
  if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    return std::nullopt;
  }
  auto part = [&](CURLUPart which, unsigned int flags) -> std::optional<std::string> {
    char* text = nullptr;
    if (curl_url_get(parsed.get(), which, &text, flags) != CURLUE_OK) return std::nullopt;
    std::string value(text);
    curl_free(text);
    return value;
  };
  auto path = part(CURLUPART_PATH, CURLU_URLDECODE);
  auto host = part(CURLUPART_HOST, 0);
  auto port = part(CURLUPART_PORT, CURLU_DEFAULT_PORT);
  if (!path || !host) return std::nullopt;
  return Location{*path, *host + ":" + port.value_or("22")};
}

class SftpCall {
 public:
  SftpCall(HostInstance& instance, const kontor_transfer_request& request,
           kontor_transfer_result& result)
      : instance_(instance),
        request_(request),
        result_(result),
        url_(copy(request.url)),
        method_(copy(request.method)),
        deadline_(request) {}

  kontor_status run(const kontor_bytes_sink& response);

 private:
  kontor_status refuse(const std::string& reason, kontor_status status = KONTOR_FAILED) {
    return answer(instance_, result_, 0,
                  fmt::format("{} {}: {}", method_, transfer::redacted(url_), reason), status);
  }
  kontor_status connect_options();
  // One curl request on the call's connection (opened by the first).
  CURLcode perform(const std::string& url, Download* download);
  kontor_status failure(CURLcode code, const Download* download);

  kontor_status get(const kontor_bytes_sink& response);
  kontor_status list(const kontor_bytes_sink& response);
  kontor_status put();
  kontor_status rename();
  kontor_status remove();
  kontor_status after_commands(std::vector<std::string> commands);

  HostInstance& instance_;
  const kontor_transfer_request& request_;
  kontor_transfer_result& result_;
  std::string url_;
  std::string method_;
  Location location_;
  transfer::Deadline deadline_;
  transfer::CurlHandle handle_;
  HostKeyCheck key_check_;
  char error_text_[CURL_ERROR_SIZE] = {0};
};

kontor_status SftpCall::run(const kontor_bytes_sink& response) {
  if (method_ != "GET" && method_ != "LIST" && method_ != "PUT" && method_ != "RENAME" &&
      method_ != "DELETE") {
    return refuse("SFTP method '" + method_ + "' is not offered (GET, LIST, PUT, RENAME, DELETE)",
                  KONTOR_UNSUPPORTED);
  }
  auto located = locate(url_);
  if (!located) return refuse("not a valid sftp URL");
  location_ = *located;
  if (location_.path.find_first_of(std::string_view("\0\r\n", 3)) != std::string::npos) {
    return refuse("a path with a line break or NUL is not sent to a server");
  }
  const bool is_directory = location_.path.ends_with('/');
  if ((method_ == "LIST") != is_directory) {
    return refuse(method_ == "LIST" ? "LIST takes a directory URL ending in '/'"
                                    : method_ + " takes a file URL, not one ending in '/'");
  }
  if (auto status = connect_options(); status != KONTOR_OK) return status;
  if (method_ == "GET") return get(response);
  if (method_ == "LIST") return list(response);
  if (method_ == "PUT") return put();
  if (method_ == "RENAME") return rename();
  return remove();
}

kontor_status SftpCall::connect_options() {
  const std::string known_hosts = copy(request_.known_hosts);
  const std::string private_key = copy(request_.private_key);
  const std::string username = copy(request_.username);
  const std::string password = copy(request_.password);
  if (known_hosts.empty()) {
    return refuse("no known_hosts file given: the server's host key cannot be checked");
  }
  if (::access(known_hosts.c_str(), R_OK) != 0) {
    return refuse("cannot read the known_hosts file " + known_hosts + ": " + std::strerror(errno));
  }
  if (!private_key.empty() && ::access(private_key.c_str(), R_OK) != 0) {
    return refuse("cannot read the private key file " + private_key + ": " + std::strerror(errno));
  }
  if (username.empty()) return refuse("no user name to log in with");
  if (private_key.empty() && password.empty()) return refuse("neither a key nor a password");
  if (handle_.curl == nullptr) return refuse("curl_easy_init failed", KONTOR_RETRY);

  CURL* curl = handle_.curl;
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "sftp");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text_);
  curl_easy_setopt(curl, CURLOPT_SSH_KNOWNHOSTS, known_hosts.c_str());
  curl_easy_setopt(curl, CURLOPT_SSH_KEYFUNCTION, &on_host_key);
  curl_easy_setopt(curl, CURLOPT_SSH_KEYDATA, &key_check_);
  curl_easy_setopt(curl, CURLOPT_USERNAME, username.c_str());
  if (!private_key.empty()) {
    curl_easy_setopt(curl, CURLOPT_SSH_AUTH_TYPES, static_cast<long>(CURLSSH_AUTH_PUBLICKEY));
    curl_easy_setopt(curl, CURLOPT_SSH_PRIVATE_KEYFILE, private_key.c_str());
    // Empty: libssh2 derives the public key from the private one (no ~/.ssh guessing).
    curl_easy_setopt(curl, CURLOPT_SSH_PUBLIC_KEYFILE, "");
    if (!password.empty()) curl_easy_setopt(curl, CURLOPT_KEYPASSWD, password.c_str());
  } else {
    curl_easy_setopt(curl, CURLOPT_SSH_AUTH_TYPES,
                     static_cast<long>(CURLSSH_AUTH_PASSWORD | CURLSSH_AUTH_KEYBOARD));
    curl_easy_setopt(curl, CURLOPT_PASSWORD, password.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &on_data);
  transfer::abort_when_cancelled(curl, instance_);
  return KONTOR_OK;
}

CURLcode SftpCall::perform(const std::string& url, Download* download) {
  CURL* curl = handle_.curl;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, download);
  deadline_.apply(curl);
  error_text_[0] = '\0';
  return curl_easy_perform(curl);
}

kontor_status SftpCall::failure(CURLcode code, const Download* download) {
  if (code == CURLE_ABORTED_BY_CALLBACK) {
    return answer(instance_, result_, 0, "cancelled", KONTOR_CANCELLED);
  }
  if (code == CURLE_WRITE_ERROR && download != nullptr && download->sink_status != KONTOR_OK) {
    if (download->text != nullptr) return refuse("the listing is too long");
    return answer(instance_, result_, 0, "the receiver stopped the download",
                  download->sink_status);
  }
  const std::string known_hosts = copy(request_.known_hosts);
  if (key_check_.refused) {
    const std::string offered =
        key_check_.offered.empty() ? "" : " (the server offered " + key_check_.offered + ")";
    if (key_check_.match == CURLKHMATCH_MISMATCH) {
      return refuse(
          fmt::format("the host key of {} does not match the one in {}{}: the server's "
                      "key was changed, or someone is in between; nothing was sent",
                      location_.host, known_hosts, offered));
    }
    return refuse(
        fmt::format("the host key of {} is not in {}{}: add it once the server's "
                    "operator confirmed it",
                    location_.host, known_hosts, offered));
  }
  const std::string reason = error_text_[0] ? error_text_ : curl_easy_strerror(code);
  switch (code) {
    case CURLE_LOGIN_DENIED:
      return refuse(fmt::format("{} refused the login as '{}' (wrong password, key or passphrase)",
                                location_.host, copy(request_.username)));
    case CURLE_PEER_FAILED_VERIFICATION:
      return refuse(fmt::format("the host key of {} could not be checked against {}: {}",
                                location_.host, known_hosts, reason));
    case CURLE_REMOTE_FILE_NOT_FOUND:
      return refuse(reason, KONTOR_NOT_FOUND);
    case CURLE_REMOTE_ACCESS_DENIED:
    case CURLE_QUOTE_ERROR:
    case CURLE_UPLOAD_FAILED:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_REMOTE_FILE_EXISTS:
      return refuse(reason);
    default:  // no route, refused, timed out, broken off, disk full on the server
      return refuse(reason, KONTOR_RETRY);
  }
}

kontor_status SftpCall::get(const kontor_bytes_sink& response) {
  Download download{&response, nullptr, KONTOR_OK};
  const CURLcode code = perform(url_, &download);
  if (code != CURLE_OK) return failure(code, &download);
  return answer(instance_, result_, 0, "", KONTOR_OK);
}

kontor_status SftpCall::list(const kontor_bytes_sink& response) {
  CURL* curl = handle_.curl;
  std::string long_listing;
  Download long_download{nullptr, &long_listing, KONTOR_OK};
  if (CURLcode code = perform(url_, &long_download); code != CURLE_OK) {
    return failure(code, &long_download);
  }
  std::string names_only;
  Download names_download{nullptr, &names_only, KONTOR_OK};
  curl_easy_setopt(curl, CURLOPT_DIRLISTONLY, 1L);
  if (CURLcode code = perform(url_, &names_download); code != CURLE_OK) {
    return failure(code, &names_download);
  }
  curl_easy_setopt(curl, CURLOPT_DIRLISTONLY, 0L);

  const std::vector<std::string> names = listed_names(names_only);
  const auto types = entry_types(names, long_listing);
  std::string answer_text;
  curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  curl_easy_setopt(curl, CURLOPT_FILETIME, 1L);
  for (const std::string& name : names) {
    if (name.find('\t') != std::string::npos) continue;
    const EntryType type = types.at(name);
    if (type != EntryType::kFile && type != EntryType::kUnknown) {
      answer_text += listing_line(type, -1, 0, name);
      continue;
    }
    char* escaped = curl_easy_escape(curl, name.data(), static_cast<int>(name.size()));
    const std::string file_url = url_ + escaped;
    curl_free(escaped);
    const CURLcode code = perform(file_url, nullptr);
    if (code == CURLE_REMOTE_FILE_NOT_FOUND) continue;  // gone since it was listed
    if (code != CURLE_OK) return failure(code, nullptr);
    curl_off_t size = -1;
    curl_off_t modified = -1;
    curl_easy_getinfo(curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &size);
    curl_easy_getinfo(curl, CURLINFO_FILETIME_T, &modified);
    answer_text += listing_line(type, size, std::max<curl_off_t>(modified, 0), name);
  }
  const kontor_status written = response.write(response.context, sdk::bytes_view(answer_text));
  if (written != KONTOR_OK) {
    return answer(instance_, result_, 0, "the receiver stopped the listing", written);
  }
  return answer(instance_, result_, 0, "", KONTOR_OK);
}

kontor_status SftpCall::put() {
  CURL* curl = handle_.curl;
  Upload upload{request_.body.data, request_.body.data == nullptr ? 0 : request_.body.size};
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, &on_read);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(upload.left));
  curl_easy_setopt(curl, CURLOPT_FTP_CREATE_MISSING_DIRS, static_cast<long>(CURLFTP_CREATE_DIR));
  const CURLcode code = perform(url_, nullptr);
  if (code != CURLE_OK) return failure(code, nullptr);
  return answer(instance_, result_, 0, "", KONTOR_OK);
}

// Runs `commands` after a stat of the URL's file, so a file that is not there is
// KONTOR_NOT_FOUND rather than a failed command.
kontor_status SftpCall::after_commands(std::vector<std::string> commands) {
  CURL* curl = handle_.curl;
  for (const auto& command : commands) {
    handle_.quote = curl_slist_append(handle_.quote, command.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTQUOTE, handle_.quote);
  const CURLcode code = perform(url_, nullptr);
  if (code != CURLE_OK) return failure(code, nullptr);
  return answer(instance_, result_, 0, "", KONTOR_OK);
}

kontor_status SftpCall::rename() {
  std::string target = copy(request_.rename_to);
  if (target.empty()) return refuse("RENAME without rename_to");
  if (target.find_first_of(std::string_view("\0\r\n", 3)) != std::string::npos) {
    return refuse("a path with a line break or NUL is not sent to a server");
  }
  if (!target.starts_with('/')) {
    target = location_.path.substr(0, location_.path.rfind('/') + 1) + target;
  }
  std::vector<std::string> commands;
  const auto slash = target.rfind('/');
  const std::string directory = target.substr(0, slash);
  if (slash != std::string::npos && slash > 0 && directory != "/~") {
    commands.push_back("*mkdir " + quoted(directory));  // '*': an existing one is fine
  }
  commands.push_back("rename " + quoted(location_.path) + " " + quoted(target));
  return after_commands(std::move(commands));
}

kontor_status SftpCall::remove() {
  return after_commands({"rm " + quoted(location_.path)});
}

}  // namespace

kontor_status perform_sftp(HostInstance& instance, const kontor_transfer_request& request,
                           const kontor_bytes_sink& response, kontor_transfer_result& result) {
  SftpCall call(instance, request, result);
  return call.run(response);
}

}  // namespace kontor::host
