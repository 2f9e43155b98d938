// mt940_parse_bench: the mt940 parser's core on a generated German MT940 file of N entries
// (default 1,000,000): entries/s, MB/s and peak RSS, against a floor measured in the same run on
// the same bytes in memory — one plain pass that splits the text into lines and counts the lines
// that start a field (what any MT940 reader must at least do). The figures to report are the
// parser's MB/s and its ratio to the floor.
//
//   mt940_parse_bench [--entries N] [--file FILE] [--dir DIR] [--encoding windows-1252|utf-8]
//
// Without --file it runs mt940_gen (beside this binary) into DIR (default /tmp) first and removes
// the file afterwards. Times are wall clock (steady_clock); peak RSS is getrusage's ru_maxrss
// after each phase, so the parser's figure includes the file held in memory.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "mt940_file.hpp"

namespace {

namespace fs = std::filesystem;
using kontor::plugins::mt940::ParseFigures;
using kontor::plugins::mt940::ParserOptions;
using Clock = std::chrono::steady_clock;

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

// Counts what reaches the engine and keeps nothing.
class CountingSink final : public kontor::sdk::ParseSink {
 public:
  std::int64_t statements = 0, entries = 0, warnings = 0, remittance_bytes = 0;

  kontor::sdk::Status statement(const kontor::sdk::StatementInfo&) override {
    ++statements;
    return kontor::sdk::Status::ok();
  }
  kontor::sdk::Status entry(const kontor::sdk::StatementEntry& entry) override {
    ++entries;
    remittance_bytes += static_cast<std::int64_t>(entry.details.remittance.size());
    return kontor::sdk::Status::ok();
  }
  kontor::sdk::Status detail(const kontor::sdk::EntryDetail&) override { return failed(); }
  kontor::sdk::Status customer(const kontor::sdk::ImportedCustomer&) override { return failed(); }
  kontor::sdk::Status open_item(const kontor::sdk::ImportedOpenItem&) override { return failed(); }
  void warning(std::int64_t, std::string_view, std::string_view) override { ++warnings; }

 private:
  static kontor::sdk::Status failed() {
    return kontor::sdk::Status::internal("not in an MT940 file");
  }
};

// The floor: lines split, the ones that start with a tag counted, nothing interpreted.
std::int64_t split_lines(std::string_view text, std::int64_t& lines) {
  std::int64_t tags = 0;
  lines = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    tags += text[pos] == ':' ? 1 : 0;
    ++lines;
    pos = end + 1;
  }
  return tags;
}

int usage() {
  std::fprintf(stderr,
               "usage: mt940_parse_bench [--entries N] [--file FILE] [--dir DIR] "
               "[--encoding windows-1252|utf-8]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t entries = 1'000'000;
  std::string file_arg, dir = "/tmp", encoding = "windows-1252";
  for (int i = 1; i < argc; i += 2) {
    if (i + 1 >= argc) return usage();
    const std::string_view arg = argv[i];
    if (arg == "--entries") {
      entries = std::strtoll(argv[i + 1], nullptr, 10);
    } else if (arg == "--file") {
      file_arg = argv[i + 1];
    } else if (arg == "--dir") {
      dir = argv[i + 1];
    } else if (arg == "--encoding") {
      encoding = argv[i + 1];
    } else {
      return usage();
    }
  }

  fs::path path = file_arg;
  const bool generated = file_arg.empty();
  if (generated) {
    path = fs::path(dir) / ("mt940_" + std::to_string(entries) + ".sta");
    const fs::path generator = fs::path(argv[0]).parent_path() / "mt940_gen";
    const std::string command = "'" + generator.string() + "' --entries " +
                                std::to_string(entries) + " --encoding " + encoding + " --out '" +
                                path.string() + "'";
    const auto start = Clock::now();
    if (std::system(command.c_str()) != 0) {
      std::fprintf(stderr, "mt940_parse_bench: %s failed\n", command.c_str());
      return 1;
    }
    std::printf("generate   %lld entries in %lld ms\n", static_cast<long long>(entries),
                static_cast<long long>(nanoseconds_since(start) / 1'000'000));
  }

  // Read as the plugin reads a document: with an eighth more room, so that a file in a
  // single-byte encoding grows into UTF-8 in its own buffer.
  const auto read_start = Clock::now();
  std::string content;
  {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    const auto size = static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0));
    content.reserve(size + size / 8 + 64);
    content.resize(size);
    in.seekg(0);
    in.read(content.data(), static_cast<std::streamsize>(size));
    content.resize(static_cast<std::size_t>(in.gcount()));
  }
  const std::int64_t read_ns = nanoseconds_since(read_start);
  const auto bytes = static_cast<std::int64_t>(content.size());
  if (generated) fs::remove(path);
  if (bytes == 0) {
    std::fprintf(stderr, "mt940_parse_bench: %s is empty or unreadable\n", path.c_str());
    return 1;
  }
  const std::int64_t rss_file = peak_rss_kib();

  std::int64_t lines = 0;
  const auto floor_start = Clock::now();
  const std::int64_t tags = split_lines(content, lines);
  const std::int64_t floor_ns = nanoseconds_since(floor_start);
  const std::int64_t rss_floor = peak_rss_kib();

  ParserOptions options;
  options.max_file_size = static_cast<std::uint64_t>(bytes);
  CountingSink sink;
  ParseFigures figures;
  const auto parse_start = Clock::now();
  const kontor::sdk::Status parsed =
      kontor::plugins::mt940::parse_mt940(std::move(content), options, sink, {}, &figures);
  const std::int64_t parse_ns = nanoseconds_since(parse_start);
  const std::int64_t rss_parser = peak_rss_kib();
  if (!parsed) {
    std::fprintf(stderr, "mt940_parse_bench: the parser refused the file: %s\n",
                 parsed.message().c_str());
    return 1;
  }

  const std::int64_t mib = bytes / (1024 * 1024);
  std::printf("file       %s: %lld bytes (%lld MiB), %lld lines, %lld tag lines; read in %lld ms\n",
              path.filename().c_str(), static_cast<long long>(bytes), static_cast<long long>(mib),
              static_cast<long long>(lines), static_cast<long long>(tags),
              static_cast<long long>(read_ns / 1'000'000));
  std::printf("parsed     %lld statements, %lld entries, %lld warnings, %lld bytes of remittance\n",
              static_cast<long long>(sink.statements), static_cast<long long>(sink.entries),
              static_cast<long long>(sink.warnings), static_cast<long long>(sink.remittance_bytes));
  std::printf("floor      %8lld ms  %10lld lines/s    %6lld MB/s   (split lines, count tags)\n",
              static_cast<long long>(floor_ns / 1'000'000),
              static_cast<long long>(per_second(lines, floor_ns)),
              static_cast<long long>(per_second(bytes, floor_ns) / 1'000'000));
  std::printf("parser     %8lld ms  %10lld entries/s  %6lld MB/s\n",
              static_cast<long long>(parse_ns / 1'000'000),
              static_cast<long long>(per_second(sink.entries, parse_ns)),
              static_cast<long long>(per_second(bytes, parse_ns) / 1'000'000));
  std::printf("ratio      parser time = %s x floor time\n",
              tenths(floor_ns == 0 ? 0 : parse_ns * 10 / floor_ns).c_str());
  const std::int64_t file_kib = bytes / 1024;
  std::printf(
      "peak RSS   %lld MiB with the file read, %lld MiB after the floor, %lld MiB after "
      "the parser = %s x the file size\n",
      static_cast<long long>(rss_file / 1024), static_cast<long long>(rss_floor / 1024),
      static_cast<long long>(rss_parser / 1024),
      tenths(file_kib == 0 ? 0 : rss_parser * 10 / file_kib).c_str());
  return 0;
}
