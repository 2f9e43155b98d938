#include "ctl/account_statement_command.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "ctl/admin_call.hpp"

namespace kontor::ctl {
namespace {

struct StatementOptions {
  std::string customer;
  std::string period;
  std::string pdf;  // write the letter here
  bool json = false;
};

// The statement's text for the terminal: control characters (an escape sequence in a name
// would steer the operator's terminal) as blanks, line breaks kept.
std::string terminal_safe(std::string text) {
  for (char& c : text) {
    if (c == '\n') continue;
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return text;
}

int show_statement(const AdminClient& client, const StatementOptions& options) {
  const std::string path =
      fmt::format("/customers/{}/statement?period={}", path_segment(options.customer),
                  path_segment(options.period));
  if (options.json) {
    auto answer = call(client, "GET", path);
    if (!answer) return fail(answer.error().message);
    std::cout << answer->dump(2) << "\n";
    return 0;
  }
  if (!options.pdf.empty()) {
    auto pdf = fetch(client, path + "&format=pdf");
    if (!pdf) return fail(pdf.error().message);
    std::ofstream out(options.pdf, std::ios::binary | std::ios::trunc);
    out << *pdf;
    out.close();
    if (!out) return fail("cannot write " + options.pdf);
    std::cout << fmt::format("statement {} of {}: {} bytes written to {}\n", options.period,
                             terminal_safe(options.customer), pdf->size(), options.pdf);
    return 0;
  }
  auto text = fetch(client, path + "&format=text");
  if (!text) return fail(text.error().message);
  std::cout << terminal_safe(*text);
  if (!text->empty() && text->back() != '\n') std::cout << "\n";
  return 0;
}

}  // namespace

std::function<int()> add_account_statement_command(CLI::App& app, const std::string& config_path,
                                                   const std::string& socket_path) {
  auto options = std::make_shared<StatementOptions>();
  auto* command = app.add_subcommand(
      "statement", "A customer's statement of account for a month, as it stands now (not sent)");
  command->add_option("customer", options->customer, "The customer's number")->required();
  command->add_option("--period", options->period, "The month, YYYY-MM")->required();
  command->add_option("--pdf", options->pdf, "Write the statement's letter (PDF) to this file");
  command->add_flag("--json", options->json, "The API's JSON (figures, lines, aging) instead");
  return [=, &config_path, &socket_path]() -> int {
    if (!command->parsed()) return -1;
    auto socket = socket_of(config_path, socket_path);
    if (!socket) return fail(socket.error().message);
    return show_statement(AdminClient(*socket), *options);
  };
}

}  // namespace kontor::ctl
