// DunningJob: the fixture of the dunning job's end-to-end tests — a temp state directory with
// config/demo.yaml as it ships, the demo's ERP export and bank statements to drop into its
// watched folders, `kontord --once` runs, and readers for the store and for the mails written
// (through Python's email package, not our own MIME code).
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "store/sqlite_store.hpp"
#include "support/child_process.hpp"
#include "support/store_query.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {

namespace fs = std::filesystem;

inline constexpr const char* kDemoDay = "2026-11-28T09:00";

inline std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Reads an .eml's headers as a mail client would: every header name once per occurrence,
// the To addresses, and the header block's physical lines (a folded header continues on a line
// starting with white space; an injected header would start a line with its name).
inline constexpr const char* kHeaderScript = R"(
import email, email.policy, json, sys
raw = open(sys.argv[1], "rb").read()
end = raw.find(b"\r\n\r\n")
head = raw[:end] if end >= 0 else raw.split(b"\n\n", 1)[0]
message = email.message_from_bytes(raw, policy=email.policy.default)
to = message["to"]
print(json.dumps({
    "names": [name.lower() for name in message.keys()],
    "to_addresses": [a.addr_spec for a in to.addresses] if to is not None else [],
    "to_name": to.addresses[0].display_name if to is not None and to.addresses else None,
    "lines": head.decode("utf-8", "replace").split("\r\n"),
    "defects": [repr(d) for part in message.walk() for d in part.defects],
}))
)";

class DunningJob : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(state() / "inbox/erp");
    fs::create_directories(state() / "inbox/bank");
    // The demo's configuration as it ships; its ${KONTOR_DEMO_STATE} is this test's state.
    fs::copy_file(source_dir() / "config/demo.yaml", dir_ / "kontor.yaml");
  }

  fs::path state() const { return dir_ / "state"; }
  fs::path pickup() const { return state() / "outbox/mail"; }
  fs::path database() const { return state() / "kontor.db"; }

  void drop(const std::string& demo_file, const std::string& folder) {
    const fs::path from = source_dir() / "config/demo-data" / demo_file;
    fs::copy_file(from, state() / "inbox" / folder / from.filename(),
                  fs::copy_options::overwrite_existing);
  }
  void drop_demo() {
    drop("erp/2026-11-27_offene-posten.csv", "erp");
    drop("bank/2026-11-26_MT940_Sparkasse-KoelnBonn.sta", "bank");
    drop("bank/2026-11-27_camt053_DE02370502990000684712.xml", "bank");
  }

  // `kontord --config kontor.yaml --now=NOW --once [JOBS...]`, its output in runs/<n>/. By
  // default the demo's jobs that lead to reminders: the imports (with reconcile after them)
  // and dunning, not the monthly statements, which share the outbox.
  Completed once(const std::string& now, const std::vector<std::string>& jobs = {
                                             "import-items", "import-statements", "dunning"}) {
    ChildOptions options;
    options.argv = {(binary_dir() / "daemon/kontord").string(), "--config",
                    (dir_ / "kontor.yaml").string(), "--now=" + now, "--once"};
    options.argv.insert(options.argv.end(), jobs.begin(), jobs.end());
    options.output_dir = dir_ / "runs" / std::to_string(++runs_);
    fs::create_directories(options.output_dir);
    options.set_env = {{"KONTOR_DEMO_STATE", state().string()},
                       {"KONTOR_PLUGIN_DIR", (binary_dir() / "plugins").string()}};
    options.set_env.insert(extra_env_.begin(), extra_env_.end());
    return run_to_end(std::move(options));
  }

  std::vector<fs::path> emls() const {
    std::vector<fs::path> found;
    if (!fs::exists(pickup())) return found;
    for (const auto& entry : fs::directory_iterator(pickup())) {
      if (entry.path().extension() == ".eml") found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    return found;
  }

  fs::path letters_dir() const { return state() / "outbox/letters"; }
  // The PDF letters in the print shop's hot folder.
  std::vector<fs::path> letters() const {
    std::vector<fs::path> found;
    if (!fs::exists(letters_dir())) return found;
    for (const auto& entry : fs::directory_iterator(letters_dir())) {
      if (entry.path().extension() == ".pdf") found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    return found;
  }

  // Runs a tool to its end and returns its standard output (the test fails if it fails).
  std::string run_tool(std::vector<std::string> argv) {
    const fs::path out = dir_ / "tools" / std::to_string(++tools_);
    fs::create_directories(out);
    ChildOptions options;
    options.argv = std::move(argv);
    options.output_dir = out;
    const Completed ran = run_to_end(std::move(options));
    EXPECT_EQ(ran.status, 0) << options.argv.front() << ": " << ran.err;
    return ran.out;
  }

  nlohmann::json python(const std::vector<std::string>& argv) {
    const fs::path out = dir_ / "python" / std::to_string(++pythons_);
    fs::create_directories(out);
    std::vector<std::string> full = {"/usr/bin/python3"};
    full.insert(full.end(), argv.begin(), argv.end());
    ChildOptions options;
    options.argv = full;
    options.output_dir = out;
    const Completed parsed = run_to_end(std::move(options));
    EXPECT_EQ(parsed.status, 0) << parsed.err;
    if (parsed.status != 0) return nlohmann::json::object();
    return nlohmann::json::parse(parsed.out);
  }
  // What read_eml.py (Python's email package) sees in the mail.
  nlohmann::json read_eml(const fs::path& eml) {
    return python({(source_dir() / "plugins/email/read_eml.py").string(), eml.string()});
  }
  nlohmann::json read_headers(const fs::path& eml) {
    const fs::path script = dir_.write("headers.py", kHeaderScript);
    return python({script.string(), eml.string()});
  }

  template <typename T>
  T query(const std::function<Result<T>(store::Reader&)>& ask) {
    return query_store<T>(database(), ask);
  }
  std::vector<store::StoredNotice> notices(const std::string& customer = "") {
    return query<std::vector<store::StoredNotice>>([&](store::Reader& r) {
      store::NoticeQuery ask;
      ask.customer_number = customer;
      ask.limit = 1000;
      return r.notices(ask);
    });
  }
  std::optional<OpenItem> item(const std::string& number) {
    return query<std::optional<OpenItem>>([&](store::Reader& r) { return r.open_item(number); });
  }
  std::vector<OpenItem> items_of(const std::string& customer) {
    return query<std::vector<OpenItem>>([&](store::Reader& r) {
      store::ItemQuery ask;
      ask.customer_number = customer;
      return r.open_items(ask);
    });
  }
  std::optional<std::string> force_token() {
    return query<std::optional<std::string>>(
        [](store::Reader& r) { return r.state_get("dunning", "force:dunning"); });
  }

  TempDir dir_;
  std::map<std::string, std::string> extra_env_;  // for kontord, e.g. a secret's variable
  int runs_ = 0;
  int pythons_ = 0;
  int tools_ = 0;
};

}  // namespace kontor::testing
