#include "ctl/jobs_command.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "ctl/admin_call.hpp"

namespace kontor::ctl {
namespace {

using nlohmann::json;

struct JobsOptions {
  std::string job;
  int limit = 20;
  bool json = false;
};

int status(const AdminClient& client, const JobsOptions& options) {
  auto health = call(client, "GET", "/health");
  if (!health) return fail(health.error().message);
  if (options.json) {
    std::cout << health->dump(2) << "\n";
    return 0;
  }
  const json& h = *health;
  std::cout << fmt::format("kontord {} running since {}\n", cell(h["version"]),
                           cell(h["started_at"]))
            << fmt::format("configuration {}: {} jobs, {} instances\n", cell(h["configuration"]),
                           cell(h["jobs"]), cell(h["instances"]));
  if (!h["running"].empty()) {
    std::vector<std::string> running;
    for (const auto& job : h["running"]) running.push_back(job.get<std::string>());
    std::cout << fmt::format("running now: {}\n", fmt::join(running, ", "));
  }
  return 0;
}

int jobs(const AdminClient& client, const JobsOptions& options) {
  auto list = call(client, "GET", "/jobs");
  if (!list) return fail(list.error().message);
  if (options.json) {
    std::cout << list->dump(2) << "\n";
    return 0;
  }
  std::cout << fmt::format("{:<20} {:<18} {:<20} {:<8} {:<21} {}\n", "JOB", "ENGINE", "SCHEDULE",
                           "STATE", "NEXT RUN", "LAST RUN");
  for (const auto& job : *list) {
    const std::string state = job["running"].get<bool>()   ? "running"
                              : job["enabled"].get<bool>() ? "idle"
                                                           : "disabled";
    const json& last = job["last_run"];
    const std::string last_run =
        last.is_null() ? "-"
                       : fmt::format("{} {}", cell(last["outcome"]), cell(last["planned_at"]));
    std::cout << fmt::format("{:<20} {:<18} {:<20} {:<8} {:<21} {}\n", cell(job["name"]),
                             cell(job["engine"]), cell(job["schedule"]), state,
                             cell(job["next_run"]), last_run);
  }
  return 0;
}

int runs(const AdminClient& client, const JobsOptions& options) {
  auto list = call(client, "GET",
                   fmt::format("/jobs/{}/runs?limit={}", path_segment(options.job), options.limit));
  if (!list) return fail(list.error().message);
  if (options.json) {
    std::cout << list->dump(2) << "\n";
    return 0;
  }
  if (list->empty()) {
    std::cout << "no runs of " << options.job << " yet\n";
    return 0;
  }
  std::cout << fmt::format("{:>6} {:<24} {:>3} {:<9} {:<24} {:<10} {}\n", "ID", "PLANNED", "TRY",
                           "TRIGGER", "ENDED", "OUTCOME", "ERROR / WARNINGS");
  for (const auto& run : *list) {
    std::string detail = run["error"].is_null() ? "" : run["error"].get<std::string>();
    if (!run["warnings"].empty()) {
      detail += (detail.empty() ? "" : "; ") + fmt::format("{} warning{}", run["warnings"].size(),
                                                           run["warnings"].size() == 1 ? "" : "s");
    }
    for (char& c : detail) {
      if (c == '\n') c = ' ';
    }
    std::cout << fmt::format("{:>6} {:<24} {:>3} {:<9} {:<24} {:<10} {}\n", cell(run["id"]),
                             cell(run["planned_at"]), cell(run["attempt"]), cell(run["trigger"]),
                             cell(run["ended_at"]), cell(run["outcome"]), detail);
    // What the run counted (files imported, bookings exported, ...), under its row.
    std::string counts;
    for (const auto& [name, count] : run["counts"].items()) {
      counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", name, cell(count));
    }
    if (!counts.empty()) std::cout << fmt::format("{:>6} {}\n", "", counts);
  }
  return 0;
}

int run(const AdminClient& client, const JobsOptions& options) {
  auto started = call(client, "POST", fmt::format("/jobs/{}/run", path_segment(options.job)));
  if (!started) return fail(started.error().message);
  if (options.json) {
    std::cout << started->dump(2) << "\n";
    return 0;
  }
  std::cout << fmt::format("{} queued as run {}; `kontorctl runs {}` shows how it went\n",
                           options.job, cell((*started)["idempotency_key"]), options.job);
  return 0;
}

}  // namespace

std::function<int()> add_jobs_commands(CLI::App& app, const std::string& config_path,
                                       const std::string& socket_path) {
  auto options = std::make_shared<JobsOptions>();
  auto* status_cmd = app.add_subcommand("status", "Is kontord running, and what is it doing");
  auto* jobs_cmd = app.add_subcommand("jobs", "Every job with its schedule, next and last run");
  auto* runs_cmd = app.add_subcommand("runs", "The latest runs of one job");
  runs_cmd->add_option("job", options->job, "Job name")->required();
  runs_cmd->add_option("--limit", options->limit, "How many (1-1000)")->capture_default_str();
  auto* run_cmd = app.add_subcommand("run", "Run a job now");
  run_cmd->add_option("job", options->job, "Job name")->required();
  for (auto* command : {status_cmd, jobs_cmd, runs_cmd, run_cmd}) {
    command->add_flag("--json", options->json, "The API's JSON instead of a table");
  }
  return [=, &config_path, &socket_path]() -> int {
    if (!status_cmd->parsed() && !jobs_cmd->parsed() && !runs_cmd->parsed() && !run_cmd->parsed()) {
      return -1;  // not one of these verbs
    }
    auto socket = socket_of(config_path, socket_path);
    if (!socket) return fail(socket.error().message);
    const AdminClient client(*socket);
    if (status_cmd->parsed()) return status(client, *options);
    if (jobs_cmd->parsed()) return jobs(client, *options);
    if (runs_cmd->parsed()) return runs(client, *options);
    return run(client, *options);
  };
}

}  // namespace kontor::ctl
