// email: the channel that sends notices (reminders, statements) as e-mail.
//
// The host has rendered the notice; this channel only composes the MIME message
// (mime_message.hpp) and hands it on: in `smtp` mode to a mail server through the host's
// transfer service (smtp_sender.hpp), in `pickup` mode as <key>.eml in a folder an MTA picks up
// from. The same key always gives the same Message-ID; in pickup mode also the same file name,
// and a file already there is not written again.
//
// Outcomes: ok (sent or written, or written before); failed for what no retry can fix (no or a
// bad address, a server's permanent refusal of the message); retry for the rest (the file
// system refused, the server is unreachable or answered 4xx).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kontor/sdk/plugin.hpp"
#include "smtp_sender.hpp"

namespace kontor::plugins::email {

class EmailChannel final : public sdk::Channel {
 public:
  static sdk::PluginInfo info();
  static std::vector<sdk::ConfigField> schema();

  EmailChannel(sdk::Host host, const sdk::Config& config);

  sdk::Status deliver(const sdk::NoticeMessage& notice) override;

 private:
  sdk::Host host_;
  std::filesystem::path pickup_dir_;
  std::optional<SmtpSender> smtp_;  // set in mode smtp
  std::optional<std::string> envelope_from_;
  std::optional<std::string> from_;
  std::optional<std::string> from_name_;
  std::string reply_to_;
  std::vector<std::string> bcc_;
  std::optional<std::string> message_id_domain_;
};

// "kontor-notice-<32 hex digits of the key's SHA-256>@domain": the same for every delivery of
// one notice, so a receiver that sees it twice can tell.
std::string notice_message_id(const std::string& idempotency_key, std::string_view domain);

}  // namespace kontor::plugins::email
