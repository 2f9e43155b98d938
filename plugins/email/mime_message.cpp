#include "mime_message.hpp"

#include "kontor/model/sha256.hpp"
#include "mime_header.hpp"
#include "transfer_encoding.hpp"

namespace kontor::plugins::email {
namespace {

// A body part: its header lines (each CRLF-terminated) and its encoded body.
struct Part {
  std::string header;
  std::string body;
  std::string bytes() const { return header + "\r\n" + body; }
};

bool is_token_char(char c) {
  // RFC 2045 token: printable ASCII except blanks and tspecials.
  return c > 32 && c < 127 && std::string_view("()<>@,;:\\\"/[]?=").find(c) == std::string::npos;
}

bool is_media_type(std::string_view type) {
  const std::size_t slash = type.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == type.size()) return false;
  for (std::size_t i = 0; i < type.size(); ++i) {
    if (i != slash && !is_token_char(type[i])) return false;
  }
  return true;
}

Part text_part(std::string_view subtype, std::string_view text) {
  return {.header = "Content-Type: text/" + std::string(subtype) +
                    "; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n",
          .body = quoted_printable(text)};
}

// A boundary derived from what it encloses, checked against it: the encodings used here cannot
// produce "=_", but a boundary is only safe when it is known not to occur.
std::string boundary_for(std::string_view seed, const std::vector<std::string>& children) {
  for (int attempt = 0;; ++attempt) {
    Sha256 hash;
    hash.update(seed);
    for (const auto& child : children) hash.update(child);
    hash.update(std::to_string(attempt));
    const std::string boundary = "=_kontor_" + Sha256::hex(hash.finish()).substr(0, 32);
    bool occurs = false;
    for (const auto& child : children) {
      if (child.find(boundary) != std::string::npos) occurs = true;
    }
    if (!occurs) return boundary;
  }
}

Part multipart(std::string_view subtype, const std::vector<Part>& parts, std::string_view seed) {
  std::vector<std::string> children;
  for (const auto& part : parts) children.push_back(part.bytes());
  const std::string boundary = boundary_for(std::string(seed) + std::string(subtype), children);
  Part out;
  out.header = fold_header(
      "Content-Type", {"multipart/" + std::string(subtype) + ";", "boundary=\"" + boundary + "\""});
  for (const auto& child : children) out.body += "--" + boundary + "\r\n" + child + "\r\n";
  out.body += "--" + boundary + "--\r\n";
  return out;
}

// The name as a reader's file system would want it: no control characters, no directories.
std::string clean_file_name(std::string_view name) {
  std::string cleaned = clean_header_text(name);
  for (char& c : cleaned) {
    if (c == '/' || c == '\\') c = '_';
  }
  return cleaned.empty() ? "attachment" : cleaned;
}

// For readers without RFC 2231: ASCII letters, digits and a few safe marks, at most 60
// characters, keeping the extension.
std::string ascii_file_name(std::string_view name) {
  std::string ascii;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      if ((byte & 0xC0) != 0x80) ascii += '_';  // one '_' per UTF-8 character
    } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               std::string_view("._-() ").find(c) != std::string_view::npos) {
      ascii += c;
    } else {
      ascii += '_';
    }
  }
  constexpr std::size_t kLimit = 60;
  if (ascii.size() > kLimit) {
    const std::size_t dot = ascii.rfind('.');
    const std::string extension =
        dot != std::string::npos && ascii.size() - dot <= 10 ? ascii.substr(dot) : "";
    ascii = ascii.substr(0, kLimit - extension.size()) + extension;
  }
  return ascii;
}

// RFC 2231 value characters: letters, digits and "-._" as they are, everything else %XX.
std::string percent_encoded(std::string_view text) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0F];
    }
  }
  return out;
}

// `filename*=UTF-8''...`, split into RFC 2231 continuations (filename*0*=, filename*1*= ...)
// when one would not fit a line; never inside a %XX. Each token ends in ';' (the ASCII
// fallback follows).
std::vector<std::string> extended_file_name_tokens(std::string_view name) {
  const std::string encoded = percent_encoded(name);
  constexpr std::size_t kChunk = 56;
  if (encoded.size() <= kChunk) return {"filename*=UTF-8''" + encoded + ";"};
  std::vector<std::string> tokens;
  std::size_t start = 0;
  for (int index = 0; start < encoded.size(); ++index) {
    std::size_t end = std::min(start + kChunk, encoded.size());
    if (end < encoded.size()) {
      if (encoded[end - 1] == '%')
        end -= 1;
      else if (end >= 2 && encoded[end - 2] == '%')
        end -= 2;
    }
    const std::string charset = index == 0 ? "UTF-8''" : "";
    tokens.push_back("filename*" + std::to_string(index) + "*=" + charset +
                     encoded.substr(start, end - start) + ";");
    start = end;
  }
  return tokens;
}

Part attachment_part(const MailAttachment& attachment) {
  const std::string name = clean_file_name(attachment.file_name);
  const std::string fallback = ascii_file_name(name);
  const std::string type =
      is_media_type(attachment.media_type) ? attachment.media_type : "application/octet-stream";
  // The RFC 2231 name first: readers that know it and keep the first "filename" they meet
  // (Python's email package among them) then show the real name; older readers skip it and
  // take the ASCII fallback.
  std::vector<std::string> disposition = {"attachment;"};
  for (auto& token : extended_file_name_tokens(name)) disposition.push_back(std::move(token));
  disposition.push_back("filename=\"" + fallback + "\"");
  Part part;
  part.header = fold_header("Content-Type", {type + ";", "name=\"" + fallback + "\""}) +
                fold_header("Content-Disposition", disposition) +
                "Content-Transfer-Encoding: base64\r\n";
  part.body = base64_lines(attachment.content);
  return part;
}

Part body_of(const MailMessage& message) {
  Part body = text_part("plain", message.text);
  if (!message.html.empty()) {
    body = multipart("alternative", {body, text_part("html", message.html)}, message.message_id);
  }
  if (message.attachments.empty()) return body;
  std::vector<Part> parts = {body};
  for (const auto& attachment : message.attachments) parts.push_back(attachment_part(attachment));
  return multipart("mixed", parts, message.message_id);
}

Error refused(std::string_view field, std::string_view address) {
  return Error{.message = std::string(field) + " address \"" + printable(address) +
                          "\" is not a plain local@domain address",
               .position = 0};
}

}  // namespace

Result<std::string> compose_message(const MailMessage& message) {
  if (!is_plain_address(message.from.address)) return refused("From", message.from.address);
  if (!is_plain_address(message.to.address)) return refused("To", message.to.address);
  if (!message.reply_to.empty() && !is_plain_address(message.reply_to)) {
    return refused("Reply-To", message.reply_to);
  }
  for (const auto& bcc : message.bcc) {
    if (!is_plain_address(bcc)) return refused("Bcc", bcc);
  }
  if (!is_plain_address(message.message_id)) return refused("Message-ID", message.message_id);

  std::string out = "Date: " + rfc5322_date(message.date) + "\r\n";
  out += fold_header("From", mailbox_tokens(message.from.name, message.from.address));
  if (!message.reply_to.empty()) out += fold_header("Reply-To", {message.reply_to});
  out += fold_header("To", mailbox_tokens(message.to.name, message.to.address));
  if (!message.bcc.empty()) {
    std::vector<std::string> tokens;
    for (const auto& bcc : message.bcc) tokens.push_back(bcc + ",");
    tokens.back().pop_back();
    out += fold_header("Bcc", tokens);
  }
  out += fold_header("Subject", unstructured_tokens(clean_header_text(message.subject)));
  out += fold_header("Message-ID", {"<" + message.message_id + ">"});
  out += "MIME-Version: 1.0\r\n";
  for (const auto& [name, value] : message.extra_fields) {
    out += fold_header(name, unstructured_tokens(clean_header_text(value)));
  }
  // Deliberately no "Auto-Submitted: auto-generated" (RFC 3834): a reminder is a letter the
  // accounts team sends and answers for. Marked as machine mail, replies, out-of-office notes
  // and receipts that should reach the team get suppressed, and filters file it as bulk.
  const Part body = body_of(message);
  out += body.header;
  out += "\r\n";
  out += body.body;
  return out;
}

}  // namespace kontor::plugins::email
