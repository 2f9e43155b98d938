// smtp_bench: how many reminders per second kontord hands to a mail server — the host's transfer
// service (libcurl, STARTTLS, login) against a real aiosmtpd on loopback (tests/support), with
// Python's smtplib sending the same messages to the same kind of server in the same run as the
// peer.
//
//   smtp_bench [--messages 2000] [--attachment-kb 30]
//
// The message is a reminder as the email channel composes it (mime_message.hpp): German text
// and HTML, an umlaut-laden subject and a PDF-sized attachment of deterministic bytes. Phases,
// each against a fresh server (STARTTLS with a throwaway CA, AUTH required):
//   kept       the channel's way: messages of one instance share a connection (up to 50 each)
//   fresh      a new connection, TLS handshake and login for every message (a quarter as many)
//   smtplib    the peer: one connection for all messages, as Python sends by default
//   nodelay    the peer with TCP_NODELAY on its socket (as libcurl sets it): the fair comparison
// Measured with std::chrono::steady_clock and reported, never asserted; rates in integer
// arithmetic. Peak RSS: getrusage for this process (kontord's side), VmHWM for the peer.
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "host/smtp_transfer.hpp"
#include "host/transfer_service.hpp"
#include "kontor/sdk/views.hpp"
#include "log/logging.hpp"
#include "mime_message.hpp"
#include "support/child_process.hpp"
#include "support/smtp_server.hpp"
#include "support/temp_dir.hpp"

namespace {

using namespace kontor;
using Clock = std::chrono::steady_clock;

constexpr const char* kUser = "kontor";
constexpr const char* kPassword = "bench-Passw0rt";

struct Options {
  int messages = 2000;
  int attachment_kb = 30;
};

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    const int value = std::atoi(argv[i + 1]);
    if (key == "--messages") options.messages = value;
    if (key == "--attachment-kb") options.attachment_kb = value;
  }
  // The test server numbers its files with four digits.
  if (options.messages < 1 || options.messages > 9000) {
    std::fprintf(stderr, "--messages must be 1 to 9000\n");
    std::exit(2);
  }
  return options;
}

std::string reminder(int attachment_kb) {
  plugins::email::MailMessage message;
  message.from = {.name = "Beispiel GmbH Forderungsmanagement",
                  .address = "forderungen@beispiel.example"};
  message.to = {.name = "Bäckerei Schmitz GmbH", .address = "kunde@kunde.example"};
  message.subject = "Zahlungserinnerung M-2026-000001 über 1.234,56 € – Bäckerei Schmitz";
  message.date = std::chrono::sys_seconds(std::chrono::seconds(1'795'855'800));
  message.message_id = "kontor-notice-0123456789abcdef@beispiel.example";
  std::string body;
  for (int line = 0; line < 40; ++line) {
    body += "Rechnung R-2026-10" + std::to_string(line) +
            " vom 01.10.2026, fällig am 31.10.2026: 123,45 € offen.\n";
  }
  message.text = "Sehr geehrte Damen und Herren,\n\n" + body + "\nMit freundlichen Grüßen\n";
  message.html = "<html><body><p>Sehr geehrte Damen und Herren,</p><pre>" + body +
                 "</pre><p>Mit freundlichen Grüßen</p></body></html>";
  std::string pdf;
  std::uint64_t state = 42;
  for (int i = 0; i < attachment_kb * 1024; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    pdf += static_cast<char>(state >> 56);
  }
  message.attachments.push_back(
      {.file_name = "M-2026-000001.pdf", .media_type = "application/pdf", .content = pdf});
  Result<std::string> composed = plugins::email::compose_message(message);
  if (!composed) {
    std::fprintf(stderr, "compose: %s\n", composed.error().message.c_str());
    std::exit(1);
  }
  return *composed;
}

testing::SmtpServerOptions server_options() {
  return testing::SmtpServerOptions::with_login(kUser, kPassword);
}

// Sends `count` messages through the host; `fresh` drops the kept connection before each.
std::int64_t send_through_host(const testing::SmtpServer& server, const std::string& message,
                               int count, bool fresh) {
  host::TransferService transfer;
  host::HostContext context;
  host::HostInstance instance;
  instance.name = "bench";
  instance.plugin = "email";
  instance.context = &context;
  instance.log = log::get("plugin:bench");
  const std::string url = server.url();
  const std::string ca_file = server.ca_file().string();
  const std::vector<kontor_str> to = {sdk::view(std::string_view("kunde@kunde.example"))};
  kontor_transfer_request request{};
  request.struct_size = sizeof(request);
  request.url = sdk::view(url);
  request.method = sdk::view(std::string_view("SEND"));
  request.body = {reinterpret_cast<const std::uint8_t*>(message.data()), message.size()};
  request.mail_from = sdk::view(std::string_view("forderungen@beispiel.example"));
  request.mail_to = {to.data(), 1, static_cast<std::uint32_t>(sizeof(kontor_str))};
  request.username = sdk::view(std::string_view(kUser));
  request.password = sdk::view(std::string_view(kPassword));
  request.ca_file = sdk::view(ca_file);
  const kontor_bytes_sink sink{sizeof(kontor_bytes_sink), nullptr,
                               [](void*, kontor_bytes) -> kontor_status { return KONTOR_OK; }};
  const auto start = Clock::now();
  for (int i = 0; i < count; ++i) {
    if (fresh) instance.kept_connection.reset();
    kontor_transfer_result result{};
    result.struct_size = sizeof(result);
    if (transfer.perform(instance, request, sink, result) != KONTOR_OK) {
      std::fprintf(stderr, "message %d: %s\n", i + 1, sdk::copy(result.message).c_str());
      std::exit(1);
    }
  }
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
}

struct PeerRun {
  std::int64_t micros = 0;
  long peak_kib = 0;
};

PeerRun send_through_smtplib(const testing::SmtpServer& server, const std::string& message,
                             int count, bool no_delay) {
  testing::TempDir dir;
  const auto message_file = dir.write("message.eml", message);
  const auto password_file = dir.write("password", kPassword);
  const testing::Completed peer =
      testing::run_to_end({.argv = {"/usr/bin/python3", KONTOR_SMTP_PEER_SCRIPT, "127.0.0.1",
                                    std::to_string(server.port()), server.ca_file().string(), kUser,
                                    password_file.string(), message_file.string(),
                                    std::to_string(count), no_delay ? "NODELAY" : "DEFAULT"},
                           .output_dir = dir.path(),
                           .set_env = {},
                           .unset_env = {}});
  PeerRun run;
  if (peer.status != 0 ||
      std::sscanf(peer.out.c_str(), "%ld %ld", &run.micros, &run.peak_kib) != 2) {
    std::fprintf(stderr, "smtplib peer failed: %s\n", peer.err.c_str());
    std::exit(1);
  }
  return run;
}

void report(const char* phase, int count, std::int64_t micros, std::size_t bytes) {
  const std::int64_t per_second_x10 = count * 10'000'000LL / std::max<std::int64_t>(micros, 1);
  const std::int64_t kib_per_second = static_cast<std::int64_t>(bytes / 1024) * count *
                                      1'000'000LL / std::max<std::int64_t>(micros, 1);
  std::printf("%-8s %6d messages in %8lld ms: %6lld.%lld messages/s, %7lld KiB/s\n", phase, count,
              static_cast<long long>(micros / 1000), static_cast<long long>(per_second_x10 / 10),
              static_cast<long long>(per_second_x10 % 10), static_cast<long long>(kib_per_second));
}

std::string check(const testing::SmtpServer& server, int expected) {
  if (!server.error().empty()) return server.error();
  if (const int stored = server.received_count(); stored != expected) {
    return "server stored " + std::to_string(stored) + " of " + std::to_string(expected);
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  const std::string message = reminder(options.attachment_kb);
  std::printf("message: %zu bytes (text, HTML, %d KiB attachment); STARTTLS, AUTH PLAIN\n",
              message.size(), options.attachment_kb);

  const int fresh_count = std::max(1, options.messages / 4);
  std::int64_t kept_us = 0, fresh_us = 0;
  PeerRun peer, nodelay;
  {
    testing::SmtpServer server(server_options());
    if (!server.error().empty()) return std::fprintf(stderr, "%s\n", server.error().c_str()), 1;
    kept_us = send_through_host(server, message, options.messages, false);
    if (auto problem = check(server, options.messages); !problem.empty()) {
      return std::fprintf(stderr, "kept: %s\n", problem.c_str()), 1;
    }
    std::printf("kept: %d connections for %d messages\n", server.sessions(), options.messages);
  }
  {
    testing::SmtpServer server(server_options());
    if (!server.error().empty()) return std::fprintf(stderr, "%s\n", server.error().c_str()), 1;
    fresh_us = send_through_host(server, message, fresh_count, true);
    if (auto problem = check(server, fresh_count); !problem.empty()) {
      return std::fprintf(stderr, "fresh: %s\n", problem.c_str()), 1;
    }
  }
  for (const bool no_delay : {false, true}) {
    testing::SmtpServer server(server_options());
    if (!server.error().empty()) return std::fprintf(stderr, "%s\n", server.error().c_str()), 1;
    // Python's default stalls about 40 ms per message: a quarter as many keep the run short.
    const int count = no_delay ? options.messages : fresh_count;
    (no_delay ? nodelay : peer) = send_through_smtplib(server, message, count, no_delay);
    if (auto problem = check(server, count); !problem.empty()) {
      return std::fprintf(stderr, "smtplib: %s\n", problem.c_str()), 1;
    }
  }
  report("kept", options.messages, kept_us, message.size());
  report("fresh", fresh_count, fresh_us, message.size());
  report("smtplib", fresh_count, peer.micros, message.size());
  report("nodelay", options.messages, nodelay.micros, message.size());
  std::printf("kept vs nodelay smtplib: %lld per mille of the peer's rate\n",
              static_cast<long long>(nodelay.micros * 1000 / std::max<std::int64_t>(kept_us, 1)));
  rusage self{};
  getrusage(RUSAGE_SELF, &self);  // the servers and peers are children: not counted here
  std::printf("peak RSS: smtp_bench %ld KiB, smtplib %ld KiB\n", self.ru_maxrss,
              std::max(peer.peak_kib, nodelay.peak_kib));
  const std::int64_t cpu_us = (self.ru_utime.tv_sec + self.ru_stime.tv_sec) * 1'000'000LL +
                              self.ru_utime.tv_usec + self.ru_stime.tv_usec;
  std::printf("CPU of smtp_bench (kontord's side, both phases): %lld us per message\n",
              static_cast<long long>(cpu_us / (options.messages + fresh_count)));
  return 0;
}
