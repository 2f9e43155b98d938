#include "support/running_kontord.hpp"

#include <gtest/gtest.h>
#include <signal.h>

#include "support/temp_dir.hpp"

namespace kontor::testing {

std::string company_yaml() {
  return "company:\n"
         "  legal_name: Muster GmbH\n"
         "  address: {street: Hauptstr. 1, postcode: '50667', city: Köln, country: DE}\n"
         "  timezone: Europe/Berlin\n";
}

ChildOptions kontord_once(const std::filesystem::path& dir) {
  ChildOptions options;
  options.argv = {(binary_dir() / "daemon/kontord").string(), "--config",
                  (dir / "kontor.yaml").string(), "--once", "--now=2026-11-28T09:00"};
  options.output_dir = dir;
  return options;
}

RunningKontord::RunningKontord(const std::filesystem::path& config,
                               const std::filesystem::path& dir)
    : notify_(dir / "notify.sock") {
  ChildOptions options;
  options.argv = {(binary_dir() / "daemon/kontord").string(), "--config", config.string()};
  options.output_dir = dir;
  options.set_env = {{"NOTIFY_SOCKET", notify_.path().string()}};
  process_ = std::make_unique<ChildProcess>(std::move(options));
  ready_ = notify_.wait_for("READY=1").has_value();
}

RunningKontord::~RunningKontord() {
  process_->signal(SIGTERM);
  EXPECT_EQ(process_->wait(), 0) << process_->err();
}

}  // namespace kontor::testing
