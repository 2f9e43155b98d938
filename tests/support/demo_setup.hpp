// The demo (config/demo.yaml and config/demo-data/) as the admin tests run it beside a running
// kontord: the demo's ERP export and statements in a state folder's watched inboxes, and the
// demo's configuration with that folder, this build's plugins, an admin socket of the test's own
// and no schedules — the daemon runs on the real clock, and nothing may run unless the test
// runs it.
#pragma once

#include <filesystem>
#include <string>

namespace kontor::testing {

// Copies the demo's ERP export and two bank statements into STATE/inbox/{erp,bank}.
void drop_demo_files(const std::filesystem::path& state);

// config/demo.yaml with ${KONTOR_DEMO_STATE} = `state`, ${KONTOR_PLUGIN_DIR} = this build's
// plugins, `daemon.admin_socket` = `socket`, and every `schedule:` line left out.
std::string demo_yaml(const std::filesystem::path& state, const std::filesystem::path& socket);

}  // namespace kontor::testing
