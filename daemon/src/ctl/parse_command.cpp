#include "ctl/parse_command.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <charconv>
#include <fstream>
#include <iostream>
#include <memory>

#include "config/validator.hpp"
#include "ctl/statement_json.hpp"
#include "host/blocking_pool.hpp"
#include "host/instance_validation.hpp"
#include "host/plugin_catalog.hpp"
#include "host/plugin_instances.hpp"
#include "log/logging.hpp"

namespace kontor::ctl {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

const std::vector<std::string> kBankFormats = {"camt", "mt940", "bank-csv"};
constexpr std::size_t kProbeBytes = 4096;

struct ParseOptions {
  std::string file;
  std::string format = "auto";
  std::string preset;
  std::string plugin_dir;
  std::vector<std::string> settings;  // --set KEY=VALUE, for the parser chosen by --format
  bool summary = false;
};

class FileReader final : public sdk::DocumentReader {
 public:
  FileReader(const std::string& path, std::string name)
      : in_(path, std::ios::binary), name_(std::move(name)) {
    std::error_code error;
    const auto size = fs::file_size(path, error);
    size_ = error ? -1 : static_cast<std::int64_t>(size);
  }
  bool ok() const { return static_cast<bool>(in_); }
  const std::string& name() const override { return name_; }
  std::int64_t size() const override { return size_; }
  Result<std::size_t> read(std::span<std::uint8_t> buffer) override {
    in_.read(reinterpret_cast<char*>(buffer.data()), static_cast<std::streamsize>(buffer.size()));
    if (in_.bad()) return Error{"cannot read " + name_};
    return static_cast<std::size_t>(in_.gcount());
  }

 private:
  std::ifstream in_;
  std::string name_;
  std::int64_t size_ = -1;
};

// {"error": {...}} on stdout, exit 1. A parser's message may start with "LINE:COLUMN: ".
int refuse(const std::string& file, std::string message) {
  json line = json(), column = json();
  const auto colon = message.find(':');
  const auto second = colon == std::string::npos ? std::string::npos : message.find(':', colon + 1);
  long long l = 0, c = 0;
  if (second != std::string::npos && message.compare(second, 2, ": ") == 0) {
    const auto [end_l, err_l] = std::from_chars(message.data(), message.data() + colon, l);
    const auto [end_c, err_c] =
        std::from_chars(message.data() + colon + 1, message.data() + second, c);
    if (err_l == std::errc() && err_c == std::errc() && end_l == message.data() + colon &&
        end_c == message.data() + second) {
      line = l > 0 ? json(l) : json();
      column = c > 0 ? json(c) : json();
      message = message.substr(second + 2);
    }
  }
  std::cout << json{{"error",
                     {{"file", file}, {"line", line}, {"column", column}, {"message", message}}}}
                   .dump(2)
            << "\n";
  return 1;
}

fs::path plugin_directory(const ParseOptions& options) {
  if (!options.plugin_dir.empty()) return options.plugin_dir;
  if (const char* env = std::getenv("KONTOR_PLUGIN_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    const fs::path build_tree = self.parent_path().parent_path() / "plugins";
    if (fs::is_directory(build_tree, error)) return build_tree;
  }
  return KONTOR_INSTALLED_PLUGIN_DIR;
}

std::string summary_line(const StatementSummary& s) {
  auto sums = [](const std::map<std::string, Money>& by_currency) {
    if (by_currency.empty()) return std::string("0");
    std::vector<std::string> parts;
    for (const auto& [code, amount] : by_currency) parts.push_back(amount.to_string());
    return fmt::format("{}", fmt::join(parts, " + "));
  };
  std::string balances = "no balances";
  if (s.opening && s.closing && s.booked_sum && !s.mixed_currencies) {
    auto expected = s.opening->amount.plus(*s.booked_sum);
    balances =
        expected && *expected == s.closing->amount
            ? "balances add up"
            : fmt::format("balances do NOT add up ({} + {} != {})", s.opening->amount.to_string(),
                          s.booked_sum->to_string(), s.closing->amount.to_string());
  } else if (s.opening && s.closing && s.entries == 0) {
    balances = s.opening->amount == s.closing->amount ? "balances add up"
                                                      : "balances do NOT add up (no entries)";
  }
  return fmt::format("{} {} {}..{}: {} entries, credits {}, debits {}, {}, {} warnings", s.format,
                     s.account.empty() ? "(no account)" : s.account,
                     s.first_booking ? s.first_booking->to_iso() : "-",
                     s.last_booking ? s.last_booking->to_iso() : "-", s.entries, sums(s.credits),
                     sums(s.debits), balances, s.warnings);
}

int parse(const ParseOptions& options) {
  kontor::log::setup("error", false);  // plugin chatter must not mix with the JSON
  const fs::path directory = plugin_directory(options);
  std::vector<std::string> errors;
  const host::PluginCatalog catalog = host::PluginCatalog::load(directory, errors);
  if (!errors.empty()) return refuse(directory.string(), errors.front());

  std::vector<std::string> formats;
  if (options.format == "auto") {
    for (const auto& format : kBankFormats) {
      if (catalog.find(format) != nullptr) formats.push_back(format);
    }
  } else {
    if (catalog.find(options.format) == nullptr) {
      return refuse(options.file,
                    fmt::format("no {} plugin in {}", options.format, directory.string()));
    }
    formats.push_back(options.format);
  }
  if (formats.empty()) {
    return refuse(options.file, "no bank statement parser plugin in " + directory.string());
  }
  // Settings are one plugin's keys: which plugin must be said, not guessed.
  if (!options.settings.empty() && options.format == "auto") {
    std::cerr << "kontorctl parse: --set needs --format\n";
    return 2;
  }

  host::HostContext context;
  context.clock = system_clock();
  host::BlockingPool pool(1);
  std::vector<std::unique_ptr<host::PluginInstance>> parsers;
  for (const auto& format : formats) {
    const host::PluginLibrary& plugin = *catalog.find(format);
    std::vector<config::ConfigNode::Entry> given;
    if (format == "bank-csv" && !options.preset.empty()) {
      given.push_back({"preset", {}, config::ConfigNode::scalar(options.preset, {})});
    }
    for (const auto& setting : options.settings) {
      const auto equals = setting.find('=');
      if (equals == std::string::npos || equals == 0) {
        std::cerr << "kontorctl parse: --set " << setting << ": expected KEY=VALUE\n";
        return 2;
      }
      given.push_back({setting.substr(0, equals),
                       {},
                       config::ConfigNode::scalar(setting.substr(equals + 1), {"--set", 0, 0})});
    }
    config::ConfigErrors problems;
    config::Validator validator(config::process_environment(), problems);
    const config::ConfigNode settings =
        validator.validate(config::ConfigNode::map(std::move(given), {"--preset", 0, 0}),
                           host::schema_of(plugin), format);
    if (!problems.empty()) return refuse(options.file, problems.front().message);
    auto host_instance = std::make_unique<host::HostInstance>();
    host_instance->name = format;
    host_instance->plugin = format;
    host_instance->context = &context;
    host_instance->log = kontor::log::get("plugin:" + format);
    auto instance = std::make_unique<host::PluginInstance>(plugin, std::move(host_instance), pool);
    if (auto created = instance->create(settings); !created) {
      return refuse(options.file, created.error().message);
    }
    parsers.push_back(std::move(instance));
  }

  const std::string name = fs::path(options.file).filename().string();
  std::string prefix(kProbeBytes, '\0');
  {
    std::ifstream in(options.file, std::ios::binary);
    if (!in)
      return refuse(options.file, "cannot read the file: " + std::string(std::strerror(errno)));
    in.read(prefix.data(), static_cast<std::streamsize>(prefix.size()));
    prefix.resize(static_cast<std::size_t>(in.gcount()));
  }
  const std::atomic<bool> not_cancelled{false};
  host::PluginInstance* chosen = nullptr;
  int best = 0;
  // A forced format skips the probe: the parser's own refusal says more than "not a ... file".
  if (options.format != "auto") chosen = parsers.front().get();
  for (auto& parser : parsers) {
    if (chosen != nullptr) break;
    int confidence = 0;
    (void)parser->call(not_cancelled, [&](const sdk::InstanceProxy& proxy) {
      auto answer = proxy.probe(
          name, std::span(reinterpret_cast<const std::uint8_t*>(prefix.data()), prefix.size()));
      confidence = answer ? *answer : 0;
      return sdk::Status::ok();
    });
    if (confidence > best) {
      best = confidence;
      chosen = parser.get();
    }
  }
  if (chosen == nullptr) {
    return refuse(options.file, options.format == "auto"
                                    ? fmt::format("not a bank statement any parser here reads "
                                                  "(tried {})",
                                                  fmt::join(formats, ", "))
                                    : fmt::format("not a {} file", options.format));
  }

  FileReader reader(options.file, name);
  StatementJson sink(chosen->plugin().name, options.summary);
  const sdk::Status parsed = chosen->call(
      not_cancelled, [&](const sdk::InstanceProxy& proxy) { return proxy.parse(reader, sink); });
  if (!parsed) {
    // The host puts "instance 'x' (plugin x): " in front; the file's reader wants the reason.
    std::string message = parsed.message();
    const std::string prefix_text =
        fmt::format("instance '{0}' (plugin {0}): ", chosen->plugin().name);
    if (message.rfind(prefix_text, 0) == 0) message = message.substr(prefix_text.size());
    return refuse(options.file, message);
  }
  if (options.summary) {
    for (const auto& summary : sink.summaries()) std::cout << summary_line(summary) << "\n";
    return 0;
  }
  std::cout << sink.document().dump(2) << "\n";
  return 0;
}

}  // namespace

std::function<int()> add_parse_command(CLI::App& app) {
  auto options = std::make_shared<ParseOptions>();
  auto* command =
      app.add_subcommand("parse", "Read a bank statement file offline and print it as JSON");
  command->add_option("file", options->file, "camt.05x, MT940/MT942 or bank CSV file")->required();
  command->add_option("--format", options->format, "auto, camt, mt940 or bank-csv")
      ->check(CLI::IsMember({"auto", "camt", "mt940", "bank-csv"}))
      ->capture_default_str();
  command->add_option("--preset", options->preset, "bank-csv layout preset (default: detected)");
  command->add_option("--plugin-dir", options->plugin_dir, "Where the parser plugins are");
  command->add_option("--set", options->settings,
                      "KEY=VALUE: a setting of the --format parser, e.g. max_file_size=4294967296 "
                      "(repeatable)");
  command->add_flag("--summary", options->summary,
                    "Per statement: account, period, entries, sums, whether balances add up");
  return [=]() -> int { return command->parsed() ? parse(*options) : -1; };
}

}  // namespace kontor::ctl
