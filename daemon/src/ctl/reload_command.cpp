#include "ctl/reload_command.hpp"

#include <fmt/format.h>
#include <signal.h>
#include <systemd/sd-bus.h>
#include <systemd/sd-login.h>
#include <time.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>

#include "config/config_error.hpp"
#include "engine/engine.hpp"
#include "service/configuration.hpp"

namespace kontor::ctl {
namespace {

struct ReloadOptions {
  long pid = 0;
  int timeout_seconds = 60;
};

// What kontord's STATUS= says about the reload in progress (daemon.cpp, Daemon::reload).
enum class Answer { none, reloading, reloaded, rejected };

Answer classify(const std::string& status) {
  if (status.rfind("reloading ", 0) == 0) return Answer::reloading;
  if (status.rfind("ready (reloaded)", 0) == 0) return Answer::reloaded;
  if (status.rfind("reload rejected", 0) == 0) return Answer::rejected;
  return Answer::none;
}

struct Watch {
  std::string before;  // StatusText before the signal
  bool seen_reloading = false;
  std::optional<std::string> final_status;
  bool rejected = false;
};

// A StatusText seen after SIGHUP. The answer counts after kontord's own "reloading ..." or, in
// case systemd folded both notifications into one change, when it differs from the text before.
void observe(Watch& watch, const std::string& status) {
  const Answer answer = classify(status);
  if (answer == Answer::reloading) {
    watch.seen_reloading = true;
  } else if ((answer == Answer::reloaded || answer == Answer::rejected) &&
             (watch.seen_reloading || status != watch.before)) {
    watch.final_status = status;
    watch.rejected = answer == Answer::rejected;
  }
}

int on_properties_changed(sd_bus_message* message, void* userdata, sd_bus_error*) {
  auto& watch = *static_cast<Watch*>(userdata);
  const char* interface = nullptr;
  if (sd_bus_message_read(message, "s", &interface) < 0) return 0;
  if (std::string(interface) != "org.freedesktop.systemd1.Service") return 0;
  if (sd_bus_message_enter_container(message, 'a', "{sv}") < 0) return 0;
  while (sd_bus_message_enter_container(message, 'e', "sv") > 0) {
    const char* name = nullptr;
    if (sd_bus_message_read(message, "s", &name) < 0) return 0;
    if (std::string(name) == "StatusText") {
      const char* text = nullptr;
      if (sd_bus_message_read(message, "v", "s", &text) < 0) return 0;
      observe(watch, text);
    } else if (sd_bus_message_skip(message, "v") < 0) {
      return 0;
    }
    if (sd_bus_message_exit_container(message) < 0) return 0;
  }
  return 0;
}

struct BusDeleter {
  void operator()(sd_bus* bus) const { sd_bus_flush_close_unref(bus); }
};
struct SlotDeleter {
  void operator()(sd_bus_slot* slot) const { sd_bus_slot_unref(slot); }
};

int send_hup(pid_t pid) {
  if (kill(pid, SIGHUP) != 0) {
    std::cerr << fmt::format("kontorctl reload: cannot signal kontord (pid {}): {}\n", pid,
                             std::strerror(errno));
    return 1;
  }
  return 0;
}

int reload(const std::string& config_path, const ReloadOptions& options) {
  // 1. What kontord would refuse is refused here, with the same messages, and kontord is left
  // alone.
  auto configuration =
      kontor::service::load_configuration(config_path, kontor::engine::builtin_engines());
  if (!configuration.ok()) {
    kontor::service::report_errors(configuration);
    std::cerr << "kontorctl reload: not reloaded; kontord keeps its running configuration\n";
    return kontor::config::kExitInvalidConfig;
  }

  pid_t pid = static_cast<pid_t>(options.pid);
  if (pid <= 0) {
    const char* main_pid = std::getenv("MAINPID");
    if (main_pid != nullptr) pid = static_cast<pid_t>(std::atol(main_pid));
  }
  if (pid <= 0) {
    std::cerr << "kontorctl reload: which kontord? give --pid PID (systemd sets $MAINPID for "
                 "ExecReload; otherwise use `systemctl reload kontord`)\n";
    return 2;
  }

  char* unit_name = nullptr;
  if (sd_pid_get_unit(pid, &unit_name) < 0 || unit_name == nullptr) {
    if (const int status = send_hup(pid); status != 0) return status;
    std::cout << fmt::format(
        "kontorctl reload: SIGHUP sent to pid {}; it runs outside systemd, so its answer is in "
        "its log only\n",
        pid);
    return 0;
  }
  const std::string unit(unit_name);
  std::free(unit_name);

  // 2. Listen before signalling, so that no answer can be missed.
  sd_bus* raw_bus = nullptr;
  if (const int r = sd_bus_open_system(&raw_bus); r < 0) {
    std::cerr << fmt::format("kontorctl reload: cannot reach systemd on the system bus: {}\n",
                             std::strerror(-r));
    return 1;
  }
  std::unique_ptr<sd_bus, BusDeleter> bus(raw_bus);
  char* raw_path = nullptr;
  if (sd_bus_path_encode("/org/freedesktop/systemd1/unit", unit.c_str(), &raw_path) < 0) return 1;
  const std::string path(raw_path);
  std::free(raw_path);

  Watch watch;
  sd_bus_error error = SD_BUS_ERROR_NULL;
  char* before = nullptr;
  if (sd_bus_get_property_string(bus.get(), "org.freedesktop.systemd1", path.c_str(),
                                 "org.freedesktop.systemd1.Service", "StatusText", &error,
                                 &before) >= 0) {
    watch.before = before;
    std::free(before);
  }
  sd_bus_error_free(&error);
  sd_bus_slot* raw_slot = nullptr;
  if (const int r = sd_bus_match_signal(bus.get(), &raw_slot, "org.freedesktop.systemd1",
                                        path.c_str(), "org.freedesktop.DBus.Properties",
                                        "PropertiesChanged", on_properties_changed, &watch);
      r < 0) {
    std::cerr << fmt::format("kontorctl reload: cannot watch {}: {}\n", unit, std::strerror(-r));
    return 1;
  }
  std::unique_ptr<sd_bus_slot, SlotDeleter> slot(raw_slot);
  // systemd sends unit change signals only while some client is subscribed.
  if (const int r = sd_bus_call_method(bus.get(), "org.freedesktop.systemd1",
                                       "/org/freedesktop/systemd1",
                                       "org.freedesktop.systemd1.Manager", "Subscribe", &error,
                                       nullptr, nullptr);
      r < 0) {
    std::cerr << fmt::format("kontorctl reload: cannot subscribe to systemd: {}\n",
                             error.message != nullptr ? error.message : std::strerror(-r));
    sd_bus_error_free(&error);
    return 1;
  }

  // 3. Signal, then wait for kontord's answer.
  if (const int status = send_hup(pid); status != 0) return status;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds);
  while (!watch.final_status) {
    const int r = sd_bus_process(bus.get(), nullptr);
    if (r < 0) {
      std::cerr << fmt::format("kontorctl reload: lost the system bus: {}\n", std::strerror(-r));
      return 1;
    }
    if (r > 0) continue;
    const auto left = deadline - std::chrono::steady_clock::now();
    if (left <= std::chrono::steady_clock::duration::zero()) break;
    (void)sd_bus_wait(bus.get(), static_cast<uint64_t>(
                                     std::chrono::duration_cast<std::chrono::microseconds>(left)
                                         .count()));
  }
  if (!watch.final_status) {
    std::cerr << fmt::format(
        "kontorctl reload: SIGHUP sent to {} (pid {}), no answer within {} s; see `journalctl "
        "-u {}`\n",
        unit, pid, options.timeout_seconds, unit);
    return 1;
  }
  if (watch.rejected) {
    std::cerr << "kontorctl reload: " << *watch.final_status << "\n";
    return 1;
  }
  std::cout << "kontorctl reload: " << *watch.final_status << "\n";
  return 0;
}

}  // namespace

std::function<int()> add_reload_command(CLI::App& app, const std::string& config_path) {
  auto options = std::make_shared<ReloadOptions>();
  auto* command = app.add_subcommand(
      "reload", "Validate the configuration, make kontord reload it and wait for its answer");
  command->add_option("--pid", options->pid, "kontord's process id (default: $MAINPID)");
  command->add_option("--timeout", options->timeout_seconds,
                      "Seconds to wait for kontord's answer under systemd")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  return [command, options, &config_path]() -> int {
    if (!command->parsed()) return -1;
    return reload(config_path, *options);
  };
}

}  // namespace kontor::ctl
