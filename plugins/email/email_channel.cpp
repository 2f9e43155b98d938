#include "email_channel.hpp"

#include <chrono>

#include "kontor/model/sha256.hpp"
#include "kontor/sdk/spool_file.hpp"
#include "mime_header.hpp"
#include "mime_message.hpp"
#include "smtp_sender.hpp"

namespace kontor::plugins::email {
using sdk::Status;

namespace {

// A configured address is checked when the instance starts, so a typo stops kontord's start
// (or reload) instead of failing every notice.
std::string checked_address(const std::string& key, const std::string& address) {
  if (!is_plain_address(address)) {
    throw sdk::InvalidConfig(key + ": \"" + printable(address) +
                             "\" is not a plain local@domain address");
  }
  return address;
}

}  // namespace

sdk::PluginInfo EmailChannel::info() {
  return {"email", "1.1.0", "Notices as e-mail (SMTP or a pickup folder)"};
}

std::vector<sdk::ConfigField> EmailChannel::schema() {
  using sdk::ConfigField;
  std::vector<ConfigField> fields = {
      ConfigField::text("mode",
                        "How messages leave: smtp (to a mail server) or pickup (a .eml file per "
                        "notice in a folder)")
          .choices({"pickup", "smtp"})
          .defaults("pickup"),
      ConfigField::text("pickup_dir", "Absolute folder the .eml files are written to (pickup)"),
      ConfigField::text(
          "envelope_from",
          "Envelope sender (where bounces go) in mode smtp; default the From address"),
      ConfigField::text("from", "Sender address; default the notice's sender e-mail"),
      ConfigField::text("from_name", "Sender display name; default the notice's sender name"),
      ConfigField::text("reply_to", "Address replies go to"),
      ConfigField::list("bcc", "Addresses that get a blind copy, e.g. an archive mailbox"),
      ConfigField::text("message_id_domain",
                        "Domain of the Message-ID; default the domain of the From address"),
  };
  for (ConfigField& field : smtp_schema()) fields.push_back(std::move(field));
  return fields;
}

EmailChannel::EmailChannel(sdk::Host host, const sdk::Config& config)
    : host_(host),
      pickup_dir_(config.optional_text("pickup_dir").value_or("")),
      envelope_from_(config.optional_text("envelope_from")),
      from_(config.optional_text("from")),
      from_name_(config.optional_text("from_name")),
      reply_to_(config.optional_text("reply_to").value_or("")),
      message_id_domain_(config.optional_text("message_id_domain")) {
  if (config.text("mode") == "smtp") {
    smtp_.emplace(host_, read_smtp_settings(config));
  } else if (pickup_dir_.empty()) {
    throw sdk::InvalidConfig("pickup_dir is required in mode pickup");
  } else if (!pickup_dir_.is_absolute()) {
    // kontord runs as a service; a relative folder would depend on its working directory.
    throw sdk::InvalidConfig("pickup_dir must be an absolute path");
  }
  if (from_) checked_address("from", *from_);
  if (envelope_from_) checked_address("envelope_from", *envelope_from_);
  if (!reply_to_.empty()) checked_address("reply_to", reply_to_);
  for (const auto& bcc : config.list("bcc")) bcc_.push_back(checked_address("bcc", bcc));
  if (message_id_domain_ && !is_plain_domain(*message_id_domain_)) {
    throw sdk::InvalidConfig("message_id_domain: \"" + printable(*message_id_domain_) +
                             "\" is not a domain name");
  }
}

std::string notice_message_id(const std::string& idempotency_key, std::string_view domain) {
  return "kontor-notice-" + Sha256::hex_of(idempotency_key).substr(0, 32) + "@" +
         std::string(domain);
}

Status EmailChannel::deliver(const sdk::NoticeMessage& notice) {
  const std::string which = "notice " + printable(notice.notice_number);
  if (notice.idempotency_key.empty()) return Status::failed(which + " has no idempotency key");
  if (notice.recipient.email.empty()) {
    return Status::failed(which + ": customer has no e-mail address");
  }
  MailMessage message;
  message.from = {.name = from_name_.value_or(notice.sender.name),
                  .address = from_.value_or(notice.sender.email)};
  if (message.from.address.empty()) {
    return Status::failed(which + ": no sender address (neither `from` nor the sender's e-mail)");
  }
  message.to = {.name = notice.recipient.name, .address = notice.recipient.email};
  message.reply_to = reply_to_;
  // Over SMTP a blind copy is an envelope recipient only; a pickup MTA reads the Bcc field.
  if (!smtp_) message.bcc = bcc_;
  message.subject = notice.subject;
  message.date = std::chrono::floor<std::chrono::seconds>(host_.now());
  const std::string domain = message_id_domain_.value_or(
      is_plain_address(message.from.address) ? std::string(address_domain(message.from.address))
                                             : std::string());
  message.message_id = notice_message_id(notice.idempotency_key, domain);
  message.extra_fields = {{"X-Kontor-Notice", notice.notice_number}};
  message.text = notice.text;
  message.html = notice.html;
  if (!notice.pdf.empty()) {
    const std::string stem = notice.notice_number.empty() ? "notice" : notice.notice_number;
    message.attachments.push_back(
        {.file_name = stem + ".pdf", .media_type = "application/pdf", .content = notice.pdf});
  }
  for (const auto& attachment : notice.attachments) {
    message.attachments.push_back({.file_name = attachment.name,
                                   .media_type = attachment.media_type,
                                   .content = attachment.content});
  }

  Result<std::string> composed = compose_message(message);
  // A bad address stays bad however often it is tried: park the notice with the reason.
  if (!composed) return Status::failed(which + ": " + composed.error().message);

  if (smtp_) {
    std::vector<std::string> recipients = {message.to.address};
    recipients.insert(recipients.end(), bcc_.begin(), bcc_.end());
    Status sent =
        smtp_->send(*composed, envelope_from_.value_or(message.from.address), recipients, which);
    if (sent) host_.count("email_messages_sent");
    return sent;
  }

  const std::string file_name = sdk::spool_file_name(notice.idempotency_key, ".eml");
  Result<sdk::SpoolOutcome> written = sdk::write_spool_file(pickup_dir_, file_name, *composed);
  if (!written) return Status::retry(which + ": " + written.error().message);
  if (*written == sdk::SpoolOutcome::kAlreadyThere) {
    host_.info(which + ": " + file_name + " is already in the pickup folder (delivered before)");
    return Status::ok();
  }
  host_.count("email_messages_written");
  host_.debug(which + ": written to " + (pickup_dir_ / file_name).string());
  return Status::ok();
}

}  // namespace kontor::plugins::email

KONTOR_PLUGIN(kontor::plugins::email::EmailChannel)
