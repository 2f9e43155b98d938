#include "host/smtp_transfer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "host/curl_transfer.hpp"
#include "host/smtp_dialogue.hpp"
#include "kontor/sdk/views.hpp"

namespace kontor::host {
namespace {

using sdk::copy;
using transfer::answer;

constexpr long kGoodbyeSeconds = 1;

// The instance's open SMTP connection: an easy handle keeps its connections alive between
// transfers, so the next message reuses it.
struct SmtpConnection {
  transfer::CurlHandle handle;
  std::string url;
  std::string username;
  int messages = 0;
};

struct Upload {
  const kontor_bytes* body;
  std::size_t sent = 0;
};

size_t read_body(char* buffer, size_t size, size_t count, void* context) {
  auto* upload = static_cast<Upload*>(context);
  const std::size_t left = upload->body->size - upload->sent;
  const std::size_t chunk = std::min(left, size * count);
  if (chunk > 0) std::memcpy(buffer, upload->body->data + upload->sent, chunk);
  upload->sent += chunk;
  return chunk;
}

// curl's protocol trace: the lines each side sent. Only these two kinds reach the dialogue;
// message content (DATA_OUT) and TLS records are not looked at.
int on_trace(CURL*, curl_infotype type, char* data, size_t size, void* context) {
  auto* dialogue = static_cast<smtp::SmtpDialogue*>(context);
  if (type != CURLINFO_HEADER_IN && type != CURLINFO_HEADER_OUT) return 0;
  std::string_view text(data, size);
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    if (type == CURLINFO_HEADER_IN) {
      dialogue->server_line(line);
    } else {
      dialogue->client_line(line);
    }
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return 0;
}

std::string angle_addressed(const std::string& address) {
  return "<" + address + ">";
}

// An envelope address goes into an SMTP command line as it is: a blank, a line break or an
// angle bracket in it could end the command and start another. Plugins check addresses; the
// host does not rely on it.
bool is_safe_envelope_address(const std::string& address) {
  if (address.empty()) return false;
  for (const char c : address) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F || c == '<' || c == '>') return false;
  }
  return true;
}

// The instance's connection for `url` and `username`: the one kept from the last message when
// it matches and has not carried its share, else a fresh handle.
SmtpConnection& connection_for(HostInstance& instance, const std::string& url,
                               const std::string& username) {
  auto* kept = static_cast<SmtpConnection*>(instance.kept_connection.get());
  if (kept == nullptr || kept->url != url || kept->username != username ||
      kept->messages >= kMessagesPerConnection) {
    auto fresh = std::make_shared<SmtpConnection>();
    fresh->url = url;
    fresh->username = username;
    instance.kept_connection = fresh;
    return *fresh;
  }
  curl_easy_reset(kept->handle.curl);  // keeps the live connection, forgets the last options
  curl_slist_free_all(kept->handle.headers);
  kept->handle.headers = nullptr;
  return *kept;
}

}  // namespace

kontor_status perform_smtp(HostInstance& instance, const kontor_transfer_request& request,
                           kontor_transfer_result& result) {
  const std::string url = copy(request.url);
  const std::string scheme = transfer::scheme_of(url);
  const std::string method = copy(request.method);
  const std::string shown = transfer::redacted(url);
  if (method != "SEND" && method != "SEND_PLAIN") {
    return answer(instance, result, 0, "SMTP method '" + method + "' is not offered (SEND is)",
                  KONTOR_UNSUPPORTED);
  }
  const bool plain = method == "SEND_PLAIN";
  if (plain && (scheme != "smtp" || !smtp::is_loopback_url(url))) {
    return answer(instance, result, 0,
                  "SMTP without TLS is only allowed to a relay on this machine (smtp://localhost "
                  "or 127.0.0.1), not to " +
                      shown,
                  KONTOR_FAILED);
  }
  const std::vector<std::string> recipients = copy(request.mail_to);
  const std::string sender = copy(request.mail_from);
  if (recipients.empty()) return answer(instance, result, 0, "no recipients", KONTOR_FAILED);
  if (!is_safe_envelope_address(sender)) {
    return answer(instance, result, 0, "the envelope sender is not a plain address", KONTOR_FAILED);
  }
  for (const std::string& recipient : recipients) {
    if (!is_safe_envelope_address(recipient)) {
      return answer(instance, result, 0, "an envelope recipient is not a plain address",
                    KONTOR_FAILED);
    }
  }

  const std::string username = copy(request.username);
  SmtpConnection& connection = connection_for(instance, url, username);
  CURL* curl = connection.handle.curl;
  if (curl == nullptr) return answer(instance, result, 0, "curl_easy_init failed", KONTOR_RETRY);
  char error_text[CURL_ERROR_SIZE] = {0};
  smtp::SmtpDialogue dialogue;
  Upload upload{&request.body};
  curl_slist* envelope_to = nullptr;
  for (const std::string& recipient : recipients) {
    envelope_to = curl_slist_append(envelope_to, angle_addressed(recipient).c_str());
  }
  connection.handle.headers = envelope_to;  // freed with the handle or on its next use

  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl, CURLOPT_USE_SSL, plain ? CURLUSESSL_NONE : CURLUSESSL_ALL);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  const std::string ca_file = copy(request.ca_file);
  if (!ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, ca_file.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  const transfer::Deadline deadline(request);
  deadline.apply(curl);
  // Each answer may take at most the transfer's time, also the answer to the QUIT curl says
  // when it gives a connection up inside this call (where only this limit applies).
  curl_easy_setopt(curl, CURLOPT_SERVER_RESPONSE_TIMEOUT,
                   std::max(kGoodbyeSeconds, (deadline.remaining_ms() + 999) / 1000));
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
  transfer::abort_when_cancelled(curl, instance);
  // The trace is how the server's reply text reaches the result; curl only calls it verbose.
  curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);
  curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, &on_trace);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &dialogue);
  const std::string password = copy(request.password);
  if (!username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, password.c_str());
  }
  const std::string envelope_from = angle_addressed(sender);
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, envelope_from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, envelope_to);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, &read_body);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(request.body.size));

  const CURLcode code = curl_easy_perform(curl);
  // The handle outlives this call (and may say QUIT when it is closed): it must not keep
  // pointers to what lives on this stack.
  curl_easy_setopt(curl, CURLOPT_VERBOSE, 0L);
  curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, nullptr);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, nullptr);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
  curl_easy_setopt(curl, CURLOPT_READDATA, nullptr);
  // Closing a kept connection later says QUIT and waits for the answer, bounded by nothing but
  // this: a server that stopped answering must not hold the instance for curl's default two
  // minutes.
  curl_easy_setopt(curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, kGoodbyeSeconds);

  const int reply_code = dialogue.reply_code();
  if (code == CURLE_OK) {
    ++connection.messages;
    return answer(instance, result, reply_code, dialogue.reply(), KONTOR_OK);
  }
  // Whatever went wrong, the next message starts on a fresh connection.
  instance.kept_connection.reset();
  if (code == CURLE_ABORTED_BY_CALLBACK) {
    return answer(instance, result, 0, "cancelled", KONTOR_CANCELLED);
  }
  // The server's refusal ends a conversation with its reply; a reply below 400 as the last one
  // means the conversation broke off (timeout, closed connection, TLS) after it.
  if (reply_code >= 400) {
    return answer(instance, result, reply_code,
                  fmt::format("{} refused {}: {}", shown,
                              dialogue.command().empty() ? "the connection" : dialogue.command(),
                              dialogue.reply()),
                  smtp::refusal_status(dialogue.command(), reply_code));
  }
  std::string reason = error_text[0] ? error_text : curl_easy_strerror(code);
  if (code == CURLE_USE_SSL_FAILED) reason = "the server does not offer STARTTLS";
  if (dialogue.command() == "DATA" && reply_code == 354) {
    // The content went out and no answer came: the server may have taken it.
    reason +=
        " (after the message was sent: it may have arrived, and a retry may deliver it "
        "twice with the same Message-ID)";
  }
  return answer(instance, result, 0, fmt::format("SMTP {}: {}", shown, reason), KONTOR_RETRY);
}

}  // namespace kontor::host
