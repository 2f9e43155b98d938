// camt_parse_bench: the camt parser's core on a generated German camt.053 of N entries (default
// 1,000,000, about 2 GB): entries/s, MB/s and peak RSS as a multiple of the file size, against a
// floor measured in the same run on the same file — one pass that reads it in 1 MiB pieces and
// counts its '<' (what any XML reader must at least do). With --dom it also loads the file into
// a pugixml DOM, the whole-document way, to show what streaming saves (needs several times the
// file's size in memory: leave it out for the 1M file on small machines).
//
//   camt_parse_bench [--entries N] [--file FILE] [--dir DIR] [--version 02|04|08] [--dom]
//
// Without --file it runs camt_gen (beside this binary) into DIR (default /tmp) first and removes
// the file afterwards. The parser reads the file from disk through a DocumentReader, as kontord
// does; max_file_size is raised to the file's size. Times are wall clock (steady_clock); peak RSS
// is getrusage's ru_maxrss, taken after each phase (the parser runs first, so its figure is its
// own).
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "camt_reader.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace kontor;

std::int64_t nanoseconds_since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count();
}

std::int64_t peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// "12.3" from a value given in tenths.
std::string tenths(std::int64_t value) {
  return std::to_string(value / 10) + "." + std::to_string(value % 10);
}

std::int64_t per_second(std::int64_t count, std::int64_t nanoseconds) {
  return nanoseconds == 0 ? 0 : count * 1'000'000'000 / nanoseconds;
}

// A file on disk, read as a source hands it to a parser.
class FileReader final : public sdk::DocumentReader {
 public:
  explicit FileReader(const fs::path& path)
      : name_(path.filename().string()),
        file_(std::fopen(path.c_str(), "rb")),
        size_(static_cast<std::int64_t>(fs::file_size(path))) {}
  ~FileReader() override {
    if (file_ != nullptr) std::fclose(file_);
  }
  const std::string& name() const override { return name_; }
  std::int64_t size() const override { return size_; }
  Result<std::size_t> read(std::span<std::uint8_t> buffer) override {
    if (file_ == nullptr) return Error{"cannot open"};
    return std::fread(buffer.data(), 1, buffer.size(), file_);
  }

 private:
  std::string name_;
  std::FILE* file_;
  std::int64_t size_;
};

// Counts what reaches the engine and keeps nothing.
class CountingSink final : public sdk::ParseSink {
 public:
  std::int64_t statements = 0, entries = 0, details = 0, warnings = 0, cents = 0;
  std::vector<std::string> first_warnings;

  sdk::Status statement(const sdk::StatementInfo&) override {
    ++statements;
    return sdk::Status::ok();
  }
  sdk::Status entry(const sdk::StatementEntry& entry) override {
    ++entries;
    cents += entry.amount.minor_units();
    return sdk::Status::ok();
  }
  sdk::Status detail(const sdk::EntryDetail&) override {
    ++details;
    return sdk::Status::ok();
  }
  sdk::Status customer(const sdk::ImportedCustomer&) override { return failed(); }
  sdk::Status open_item(const sdk::ImportedOpenItem&) override { return failed(); }
  void warning(std::int64_t line, std::string_view code, std::string_view message) override {
    if (++warnings <= 3) {
      first_warnings.push_back(std::to_string(line) + " " + std::string(code) + ": " +
                               std::string(message));
    }
  }

 private:
  static sdk::Status failed() { return sdk::Status::internal("not an ERP file"); }
};

// The floor: the file read in 1 MiB pieces, its '<' counted.
std::int64_t count_tags(const fs::path& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return -1;
  std::vector<char> buffer(1 << 20);
  std::int64_t tags = 0;
  std::size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
    const char* end = buffer.data() + got;
    for (const char* p = buffer.data();
         (p = static_cast<const char*>(std::memchr(p, '<', end - p))) != nullptr; ++p) {
      ++tags;
    }
  }
  std::fclose(file);
  return tags;
}

int usage() {
  std::fprintf(stderr,
               "usage: camt_parse_bench [--entries N] [--file FILE] [--dir DIR] "
               "[--version 02|04|08] [--dom]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t entries = 1'000'000;
  std::string file_arg, dir = "/tmp", version = "04";
  bool dom = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--dom") {
      dom = true;
      continue;
    }
    if (i + 1 >= argc) return usage();
    const char* value = argv[++i];
    if (arg == "--entries") {
      entries = std::strtoll(value, nullptr, 10);
    } else if (arg == "--file") {
      file_arg = value;
    } else if (arg == "--dir") {
      dir = value;
    } else if (arg == "--version") {
      version = value;
    } else {
      return usage();
    }
  }

  fs::path path = file_arg;
  const bool generated = file_arg.empty();
  if (generated) {
    path = fs::path(dir) / ("camt053_" + std::to_string(entries) + ".xml");
    const fs::path generator = fs::path(argv[0]).parent_path() / "camt_gen";
    const std::string command = "'" + generator.string() + "' --entries " +
                                std::to_string(entries) + " --version " + version + " --out '" +
                                path.string() + "'";
    const auto start = Clock::now();
    if (std::system(command.c_str()) != 0) {
      std::fprintf(stderr, "camt_parse_bench: %s failed\n", command.c_str());
      return 1;
    }
    std::printf("generate   %lld entries in %lld ms\n", static_cast<long long>(entries),
                static_cast<long long>(nanoseconds_since(start) / 1'000'000));
  }
  std::error_code error;
  const auto bytes = static_cast<std::int64_t>(fs::file_size(path, error));
  if (error || bytes == 0) {
    std::fprintf(stderr, "camt_parse_bench: %s is empty or unreadable\n", path.c_str());
    return 1;
  }
  const std::int64_t rss_start = peak_rss_kib();

  CountingSink sink;
  plugins::camt::CamtOptions options;
  options.max_file_size = static_cast<std::uint64_t>(bytes);
  plugins::camt::CamtCounts counts;
  const auto parse_start = Clock::now();
  sdk::Status parsed = [&] {
    FileReader reader(path);
    return plugins::camt::read_camt(reader, options, sink, counts);
  }();
  const std::int64_t parse_ns = nanoseconds_since(parse_start);
  const std::int64_t rss_parser = peak_rss_kib();
  if (!parsed) {
    std::fprintf(stderr, "camt_parse_bench: the parser refused the file: %s\n",
                 parsed.message().c_str());
    return 1;
  }

  const auto floor_start = Clock::now();
  const std::int64_t tags = count_tags(path);
  const std::int64_t floor_ns = nanoseconds_since(floor_start);

  std::int64_t dom_ns = 0, rss_dom = 0;
  if (dom) {
    const auto dom_start = Clock::now();
    pugi::xml_document document;
    const pugi::xml_parse_result loaded = document.load_file(path.c_str());
    dom_ns = nanoseconds_since(dom_start);
    rss_dom = peak_rss_kib();
    if (!loaded) std::fprintf(stderr, "camt_parse_bench: pugixml: %s\n", loaded.description());
  }
  if (generated) fs::remove(path);

  const std::int64_t file_kib = bytes / 1024;
  std::printf("file       %s: %lld bytes (%lld MiB), %lld tags\n", path.filename().c_str(),
              static_cast<long long>(bytes), static_cast<long long>(bytes / (1024 * 1024)),
              static_cast<long long>(tags));
  std::printf("parsed     %lld statements, %lld entries, %lld details, %lld warnings\n",
              static_cast<long long>(sink.statements), static_cast<long long>(sink.entries),
              static_cast<long long>(sink.details), static_cast<long long>(sink.warnings));
  for (const std::string& warning : sink.first_warnings)
    std::printf("  warning  %s\n", warning.c_str());
  std::printf("floor      %8lld ms  %6lld MB/s   (read in 1 MiB pieces, count '<')\n",
              static_cast<long long>(floor_ns / 1'000'000),
              static_cast<long long>(per_second(bytes, floor_ns) / 1'000'000));
  std::printf("parser     %8lld ms  %6lld MB/s  %9lld entries/s\n",
              static_cast<long long>(parse_ns / 1'000'000),
              static_cast<long long>(per_second(bytes, parse_ns) / 1'000'000),
              static_cast<long long>(per_second(sink.entries, parse_ns)));
  std::printf("ratio      parser time = %s x floor time\n",
              tenths(floor_ns == 0 ? 0 : parse_ns * 10 / floor_ns).c_str());
  std::printf("peak RSS   %lld MiB before, %lld MiB after the parser = %s x the file size\n",
              static_cast<long long>(rss_start / 1024), static_cast<long long>(rss_parser / 1024),
              tenths(file_kib == 0 ? 0 : rss_parser * 10 / file_kib).c_str());
  if (dom) {
    std::printf(
        "pugixml    %8lld ms  %6lld MB/s   whole-document DOM, peak RSS %lld MiB = %s x "
        "the file size\n",
        static_cast<long long>(dom_ns / 1'000'000),
        static_cast<long long>(per_second(bytes, dom_ns) / 1'000'000),
        static_cast<long long>(rss_dom / 1024),
        tenths(file_kib == 0 ? 0 : rss_dom * 10 / file_kib).c_str());
  }
  return 0;
}
