// The MIME composer and its header and transfer encodings: what a notice looks like on the
// wire, and that nothing in a name or subject can add a header.
#include "mime_message.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "mime_header.hpp"
#include "transfer_encoding.hpp"

namespace kontor::plugins::email {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string base64_decoded(std::string_view text) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (char c : text) {
    const std::size_t value = kAlphabet.find(c);
    if (value == std::string_view::npos) continue;  // '=', line breaks
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return out;
}

std::string quoted_printable_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '=') {
      out += text[i];
    } else if (text.substr(i + 1, 2) == "\r\n") {
      i += 2;
    } else {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    }
  }
  return out;
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

// The header section, unfolded: one string per field.
std::vector<std::string> header_fields(const std::string& message) {
  std::vector<std::string> fields;
  for (const auto& line : lines_of(message.substr(0, message.find("\r\n\r\n") + 2))) {
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      fields.back() += line;
    } else {
      fields.push_back(line);
    }
  }
  return fields;
}

std::string field(const std::string& message, std::string_view name) {
  for (const auto& f : header_fields(message)) {
    if (f.starts_with(std::string(name) + ":")) return f.substr(name.size() + 2);
  }
  return "";
}

// A field of a body part (the first anywhere in the message), unfolded.
std::string part_field(const std::string& message, std::string_view name) {
  std::size_t start = message.find("\r\n" + std::string(name) + ":");
  if (start == std::string::npos) return "";
  start += name.size() + 4;
  std::string value;
  for (std::size_t end; (end = message.find("\r\n", start)) != std::string::npos;) {
    value += message.substr(start, end - start);
    if (message[end + 2] != ' ') break;
    start = end + 2;
  }
  return value;
}

// The text of a field made of encoded words: each decoded, the blanks between them dropped.
std::string decoded_words(const std::string& value) {
  std::string out;
  std::size_t start = 0;
  while ((start = value.find("=?UTF-8?B?", start)) != std::string::npos) {
    const std::size_t end = value.find("?=", start + 10);
    out += base64_decoded(value.substr(start + 10, end - start - 10));
    start = end + 2;
  }
  return out;
}

bool is_whole_utf8(std::string_view text) {
  std::size_t expected = 0;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (expected > 0) {
      if ((byte & 0xC0) != 0x80) return false;
      --expected;
    } else if (byte >= 0xF0) {
      expected = 3;
    } else if (byte >= 0xE0) {
      expected = 2;
    } else if (byte >= 0xC0) {
      expected = 1;
    } else if (byte >= 0x80) {
      return false;
    }
  }
  return expected == 0;
}

MailMessage notice_mail() {
  return {.from = {.name = "Beispiel GmbH Buchhaltung", .address = "buchhaltung@beispiel.example"},
          .to = {.name = "Hans Schmidt", .address = "hans@kunde.example"},
          .reply_to = "",
          .bcc = {},
          .subject = "Zahlungserinnerung zu Rechnung RE-2026-0042",
          .date = std::chrono::sys_days{std::chrono::year{2026} / 3 / 5} + std::chrono::hours{9} +
                  std::chrono::minutes{30},
          .message_id = "kontor-notice-abc@beispiel.example",
          .extra_fields = {{"X-Kontor-Notice", "M-2026-0007"}},
          .text = "Sehr geehrter Herr Schmidt,\nbitte zahlen Sie.\n",
          .html = "",
          .attachments = {}};
}

std::string composed(const MailMessage& mail) {
  Result<std::string> message = compose_message(mail);
  EXPECT_TRUE(message.ok()) << (message.ok() ? "" : message.error().message);
  return message.ok() ? *message : "";
}

void expect_crlf_only(const std::string& message) {
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (message[i] == '\n') {
      ASSERT_TRUE(i > 0 && message[i - 1] == '\r') << "bare LF at " << i;
    }
    if (message[i] == '\r') {
      ASSERT_TRUE(i + 1 < message.size() && message[i + 1] == '\n') << "bare CR at " << i;
    }
  }
}

void expect_header_lines_fit(const std::string& message) {
  for (const auto& line : lines_of(message.substr(0, message.find("\r\n\r\n")))) {
    EXPECT_LE(line.size(), 78u) << line;
  }
}

std::vector<std::string> field_names(const std::string& message) {
  std::vector<std::string> names;
  for (const auto& f : header_fields(message)) names.push_back(f.substr(0, f.find(':')));
  return names;
}

const std::vector<std::string> kPlainFields = {"Date",
                                               "From",
                                               "To",
                                               "Subject",
                                               "Message-ID",
                                               "MIME-Version",
                                               "X-Kontor-Notice",
                                               "Content-Type",
                                               "Content-Transfer-Encoding"};

// --- Header fields ---------------------------------------------------------------------------

TEST(MimeMessageTest, PlainNoticeHasTheExpectedFieldsAndNoOthers) {
  const std::string message = composed(notice_mail());
  EXPECT_EQ(field_names(message), kPlainFields);
  EXPECT_EQ(field(message, "Date"), "Thu, 05 Mar 2026 09:30:00 +0000");
  EXPECT_EQ(field(message, "From"), "Beispiel GmbH Buchhaltung <buchhaltung@beispiel.example>");
  EXPECT_EQ(field(message, "To"), "Hans Schmidt <hans@kunde.example>");
  EXPECT_EQ(field(message, "Message-ID"), "<kontor-notice-abc@beispiel.example>");
  EXPECT_EQ(field(message, "X-Kontor-Notice"), "M-2026-0007");
  EXPECT_EQ(field(message, "MIME-Version"), "1.0");
  EXPECT_THAT(field_names(message), Not(::testing::Contains("Auto-Submitted")));
}

TEST(MimeMessageTest, ReplyToAndBccAppearWhenConfigured) {
  MailMessage mail = notice_mail();
  mail.reply_to = "forderungen@beispiel.example";
  mail.bcc = {"archiv@beispiel.example", "revision@beispiel.example"};
  const std::string message = composed(mail);
  EXPECT_EQ(field(message, "Reply-To"), "forderungen@beispiel.example");
  EXPECT_EQ(field(message, "Bcc"), "archiv@beispiel.example, revision@beispiel.example");
}

TEST(MimeMessageTest, UmlautsAndEuroInSubjectBecomeEncodedWords) {
  MailMessage mail = notice_mail();
  mail.subject = "Zahlungserinnerung für Rechnung 4711 über 12,50 €";
  const std::string subject = field(composed(mail), "Subject");
  EXPECT_THAT(subject, StartsWith("=?UTF-8?B?"));
  EXPECT_EQ(decoded_words(subject), mail.subject);
}

TEST(MimeMessageTest, NonAsciiDisplayNameBecomesEncodedWordsBeforeTheAddress) {
  MailMessage mail = notice_mail();
  mail.to.name = "Jürgen Müller";
  const std::string to = field(composed(mail), "To");
  EXPECT_THAT(to, StartsWith("=?UTF-8?B?"));
  EXPECT_THAT(to, ::testing::EndsWith(" <hans@kunde.example>"));
  EXPECT_EQ(decoded_words(to), "Jürgen Müller");
}

TEST(MimeMessageTest, DisplayNameWithSpecialsIsQuoted) {
  MailMessage mail = notice_mail();
  mail.to.name = "Schmidt, Hans \"Hansi\" Dr.";
  EXPECT_EQ(field(composed(mail), "To"),
            "\"Schmidt, Hans \\\"Hansi\\\" Dr.\" <hans@kunde.example>");
}

TEST(MimeMessageTest, LongSubjectIsFoldedAtBlanksWithin78Characters) {
  MailMessage mail = notice_mail();
  mail.subject.clear();
  for (int i = 0; i < 30; ++i) mail.subject += "Rechnung" + std::to_string(i) + " ";
  mail.subject.pop_back();
  const std::string message = composed(mail);
  expect_header_lines_fit(message);
  EXPECT_EQ(field(message, "Subject"), mail.subject);  // unfolding gives it back
}

TEST(MimeMessageTest, LongUtf8SubjectIsFoldedAndNeverSplitInsideACharacter) {
  MailMessage mail = notice_mail();
  mail.subject = "Mahnung ";
  for (int i = 0; i < 40; ++i) mail.subject += "€äß𝄞";  // 3, 2, 2 and 4 bytes
  const std::string message = composed(mail);
  expect_header_lines_fit(message);
  const std::string subject = field(message, "Subject");
  std::size_t start = 0;
  int words = 0;
  while ((start = subject.find("=?UTF-8?B?", start)) != std::string::npos) {
    const std::size_t end = subject.find("?=", start + 10) + 2;
    EXPECT_LE(end - start, 75u);
    EXPECT_TRUE(is_whole_utf8(base64_decoded(subject.substr(start + 10, end - start - 12))));
    start = end;
    ++words;
  }
  EXPECT_GT(words, 5);
  EXPECT_EQ(decoded_words(subject), mail.subject);
}

TEST(MimeMessageTest, DateIsRfc5322InUtc) {
  EXPECT_EQ(rfc5322_date(std::chrono::sys_days{std::chrono::year{2024} / 2 / 29}),
            "Thu, 29 Feb 2024 00:00:00 +0000");
}

// --- Header injection ------------------------------------------------------------------------

TEST(MimeMessageTest, HeaderInjectionThroughSubjectIsImpossible) {
  for (const std::string& breaker :
       std::vector<std::string>{"\r\n", "\n", "\r", "\r\n\r\n", "\x0b", std::string(1, '\0')}) {
    MailMessage mail = notice_mail();
    mail.subject = "Mahnung" + breaker + "Bcc: evil@attacker.example" + breaker + breaker + "x";
    const std::string message = composed(mail);
    EXPECT_EQ(field_names(message), kPlainFields);
    EXPECT_EQ(field(message, "Subject"), "Mahnung Bcc: evil@attacker.example x");
    expect_crlf_only(message);
  }
}

TEST(MimeMessageTest, HeaderInjectionThroughNameIsImpossible) {
  for (const std::string breaker : {"\r\n", "\n", "\r"}) {
    MailMessage mail = notice_mail();
    mail.to.name = "Hans" + breaker + "Bcc: evil@attacker.example";
    mail.from.name = "Beispiel" + breaker + "Subject: gefälscht";
    const std::string message = composed(mail);
    EXPECT_EQ(field_names(message), kPlainFields);
    EXPECT_EQ(field(message, "To"), "\"Hans Bcc: evil@attacker.example\" <hans@kunde.example>");
    EXPECT_EQ(decoded_words(field(message, "From")), "Beispiel Subject: gefälscht");
    expect_crlf_only(message);
  }
}

TEST(MimeMessageTest, AddressWithLineBreakIsRefused) {
  MailMessage mail = notice_mail();
  mail.to.address = "hans@kunde.example\r\nBcc: evil@attacker.example";
  Result<std::string> message = compose_message(mail);
  ASSERT_FALSE(message.ok());
  EXPECT_THAT(message.error().message, HasSubstr("To address"));
  EXPECT_THAT(message.error().message, HasSubstr("hans@kunde.example\\r\\nBcc"));
}

TEST(MimeMessageTest, AddressesThatAreNotPlainLocalAtDomainAreRefused) {
  for (const char* address :
       {"", "hans", "hans@", "@kunde.example", "hans kunde@kunde.example", "<hans@kunde.example>",
        "Hans <hans@kunde.example>", "hans@kunde..example", "hans@-kunde.example",
        ".hans@x.example", "hans@kunde.example,evil@x.example", "hans@kunde.example\n",
        "hä@kunde.example"}) {
    EXPECT_FALSE(is_plain_address(address)) << address;
    MailMessage mail = notice_mail();
    mail.bcc = {address};
    EXPECT_FALSE(compose_message(mail).ok()) << address;
  }
  for (const char* address : {"hans@kunde.example", "h.schmidt+mahnung@mail.kunde-gmbh.de",
                              "o'brien@x.example", "info@localhost"}) {
    EXPECT_TRUE(is_plain_address(address)) << address;
  }
}

// --- Body ------------------------------------------------------------------------------------

TEST(MimeMessageTest, TextOnlyNoticeIsOneTextPlainPart) {
  const std::string message = composed(notice_mail());
  EXPECT_EQ(field(message, "Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(field(message, "Content-Transfer-Encoding"), "quoted-printable");
  EXPECT_EQ(quoted_printable_decoded(message.substr(message.find("\r\n\r\n") + 4)),
            "Sehr geehrter Herr Schmidt,\r\nbitte zahlen Sie.\r\n");
}

TEST(MimeMessageTest, HtmlMakesMultipartAlternativeWithTextFirst) {
  MailMessage mail = notice_mail();
  mail.html = "<p>Sehr geehrter Herr Schmidt,</p>";
  const std::string message = composed(mail);
  EXPECT_THAT(field(message, "Content-Type"), StartsWith("multipart/alternative; boundary="));
  const std::size_t plain = message.find("Content-Type: text/plain; charset=utf-8");
  const std::size_t html = message.find("Content-Type: text/html; charset=utf-8");
  ASSERT_NE(plain, std::string::npos);
  ASSERT_NE(html, std::string::npos);
  EXPECT_LT(plain, html);
}

TEST(MimeMessageTest, AttachmentMakesMultipartMixedAroundTheText) {
  MailMessage mail = notice_mail();
  mail.html = "<p>x</p>";
  mail.attachments = {{.file_name = "M-1.pdf", .media_type = "application/pdf", .content = "%PDF"}};
  const std::string message = composed(mail);
  EXPECT_THAT(field(message, "Content-Type"), StartsWith("multipart/mixed; boundary="));
  EXPECT_THAT(message, HasSubstr("Content-Type: multipart/alternative;"));
  EXPECT_THAT(message, HasSubstr("Content-Type: application/pdf; name=\"M-1.pdf\""));
  expect_crlf_only(message);
  expect_header_lines_fit(message);
}

TEST(MimeMessageTest, QuotedPrintableSoftBreaksLongLinesWithin76) {
  std::string line;
  for (int i = 0; i < 300; ++i) line += static_cast<char>('a' + i % 26);
  line += " äöü =";
  const std::string encoded = quoted_printable(line + "\n" + line);
  for (const auto& l : lines_of(encoded)) EXPECT_LE(l.size(), 76u) << l;
  EXPECT_THAT(encoded, HasSubstr("=\r\n"));
  EXPECT_EQ(quoted_printable_decoded(encoded), line + "\r\n" + line);
}

TEST(MimeMessageTest, QuotedPrintableEscapesEqualsNonAsciiAndTrailingBlanks) {
  EXPECT_EQ(quoted_printable("a=b"), "a=3Db");
  EXPECT_EQ(quoted_printable("Grüße"), "Gr=C3=BC=C3=9Fe");
  EXPECT_EQ(quoted_printable("offen \nbezahlt\t"), "offen=20\r\nbezahlt=09");
  EXPECT_EQ(quoted_printable(".\n.x"), "=2E\r\n=2Ex");
  EXPECT_EQ(quoted_printable("a\r\nb\rc"), "a\r\nb\r\nc");
}

TEST(MimeMessageTest, AttachmentIsBase64In76CharacterLines) {
  std::mt19937 random(42);
  std::string bytes;
  for (int i = 0; i < 1000; ++i) bytes += static_cast<char>(random() & 0xFF);
  MailMessage mail = notice_mail();
  mail.attachments = {
      {.file_name = "daten.bin", .media_type = "application/octet-stream", .content = bytes}};
  const std::string message = composed(mail);
  const std::size_t start = message.find("\r\n\r\n", message.find("filename*=")) + 4;
  const std::string body = message.substr(start, message.find("\r\n--", start) + 2 - start);
  const std::vector<std::string> lines = lines_of(body);
  ASSERT_GE(lines.size(), 3u);
  // The last line holds the rest; the empty line after it belongs to the closing delimiter.
  for (std::size_t i = 0; i + 2 < lines.size(); ++i) EXPECT_EQ(lines[i].size(), 76u);
  EXPECT_EQ(lines.back(), "");
  EXPECT_EQ(base64_decoded(body), bytes);
  EXPECT_EQ(base64("Ma"), "TWE=");
  EXPECT_EQ(base64("M"), "TQ==");
}

TEST(MimeMessageTest, AttachmentNameHasRfc2231AndAsciiFallback) {
  MailMessage mail = notice_mail();
  mail.attachments = {
      {.file_name = "Kontoauszug Müller/€.pdf", .media_type = "not a type", .content = "x"}};
  const std::string disposition = part_field(composed(mail), "Content-Disposition");
  EXPECT_THAT(disposition, HasSubstr("attachment;"));
  EXPECT_EQ(disposition,
            "attachment; filename*=UTF-8''Kontoauszug%20M%C3%BCller_%E2%82%AC.pdf; "
            "filename=\"Kontoauszug M_ller__.pdf\"");
  EXPECT_THAT(composed(mail), HasSubstr("Content-Type: application/octet-stream;"));
}

TEST(MimeMessageTest, LongAttachmentNameContinuesWithoutCuttingAnEscape) {
  MailMessage mail = notice_mail();
  mail.attachments = {{.file_name = std::string(40, 'a') + "ÄÖÜ€ß" + std::string(40, 'b') + ".pdf",
                       .media_type = "application/pdf",
                       .content = "x"}};
  const std::string message = composed(mail);
  expect_header_lines_fit(message);
  EXPECT_THAT(message, HasSubstr("filename*0*=UTF-8''aaaa"));
  EXPECT_THAT(message, HasSubstr("filename*1*="));
}

TEST(MimeMessageTest, BoundariesDoNotOccurInTheContent) {
  MailMessage mail = notice_mail();
  mail.text = "--=_kontor_\n--\n=_kontor_0123\n";
  mail.html = "<pre>--=_kontor_</pre>";
  mail.attachments = {{.file_name = "a.txt", .media_type = "text/plain", .content = "--=_kontor_"}};
  const std::string message = composed(mail);
  for (const std::string type : {"mixed", "alternative"}) {
    const std::size_t at = message.find("multipart/" + type + ";");
    ASSERT_NE(at, std::string::npos);
    const std::size_t quote = message.find('"', at) + 1;
    const std::string boundary = message.substr(quote, message.find('"', quote) - quote);
    EXPECT_THAT(boundary, StartsWith("=_kontor_"));
    // Only as delimiters: "--boundary" at the start of a line, once per part plus the close.
    std::size_t count = 0;
    for (std::size_t p = 0; (p = message.find(boundary, p)) != std::string::npos; ++p) {
      ++count;
      if (count > 1) {
        EXPECT_EQ(message.substr(p - 4, 4), "\r\n--");
      }
    }
    EXPECT_EQ(count, 4u);  // declaration, two parts, close
  }
}

TEST(MimeMessageTest, EveryLineEndsInCrlf) {
  MailMessage mail = notice_mail();
  mail.text = "eins\nzwei\r\ndrei\rvier";
  mail.html = "<p>\n</p>\n";
  mail.attachments = {{.file_name = "a.txt", .media_type = "text/plain", .content = "x\ny\n"}};
  expect_crlf_only(composed(mail));
}

}  // namespace
}  // namespace kontor::plugins::email
