// open_items_parse_bench: the open-items parser's core on a generated German ERP export of N
// rows (default 1,000,000): rows/s, MB/s and peak RSS, against a floor measured in the same
// run on the same bytes in memory — one plain pass that splits the text into lines and counts
// the delimiters of each (what any CSV reader must at least do). The figure to report is the
// ratio of the two.
//
//   open_items_parse_bench [--rows N] [--file FILE] [--dir DIR]
//
// Without --file it runs open_items_gen (beside this binary) into DIR (default /tmp) first and
// removes the file afterwards. Times are wall clock (steady_clock); peak RSS is getrusage's
// ru_maxrss after each phase, so the parser's figure includes the file held in memory.
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "open_items_file.hpp"

namespace {

namespace fs = std::filesystem;
using kontor::plugins::open_items::OpenItemsFile;
using kontor::plugins::open_items::ParserOptions;
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
  std::int64_t customers = 0, items = 0, tax_lines = 0, warnings = 0;

  kontor::sdk::Status statement(const kontor::sdk::StatementInfo&) override { return failed(); }
  kontor::sdk::Status entry(const kontor::sdk::StatementEntry&) override { return failed(); }
  kontor::sdk::Status detail(const kontor::sdk::EntryDetail&) override { return failed(); }
  kontor::sdk::Status customer(const kontor::sdk::ImportedCustomer&) override {
    ++customers;
    return kontor::sdk::Status::ok();
  }
  kontor::sdk::Status open_item(const kontor::sdk::ImportedOpenItem& item) override {
    ++items;
    tax_lines += static_cast<std::int64_t>(item.tax_lines.size());
    return kontor::sdk::Status::ok();
  }
  void warning(std::int64_t, std::string_view, std::string_view) override { ++warnings; }

 private:
  static kontor::sdk::Status failed() { return kontor::sdk::Status::internal("not a bank file"); }
};

// The floor: lines split and delimiters counted, nothing interpreted.
std::int64_t split_lines(std::string_view text, std::int64_t& lines) {
  std::int64_t delimiters = 0;
  lines = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    for (std::size_t i = pos; i < end; ++i) delimiters += text[i] == ';' ? 1 : 0;
    ++lines;
    pos = end + 1;
  }
  return delimiters;
}

int usage() {
  std::fprintf(stderr, "usage: open_items_parse_bench [--rows N] [--file FILE] [--dir DIR]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t rows = 1'000'000;
  std::string file_arg, dir = "/tmp";
  for (int i = 1; i < argc; i += 2) {
    if (i + 1 >= argc) return usage();
    const std::string_view arg = argv[i];
    if (arg == "--rows") {
      rows = std::strtoll(argv[i + 1], nullptr, 10);
    } else if (arg == "--file") {
      file_arg = argv[i + 1];
    } else if (arg == "--dir") {
      dir = argv[i + 1];
    } else {
      return usage();
    }
  }

  fs::path path = file_arg;
  const bool generated = file_arg.empty();
  if (generated) {
    path = fs::path(dir) / ("open_items_" + std::to_string(rows) + ".csv");
    const fs::path generator = fs::path(argv[0]).parent_path() / "open_items_gen";
    const std::string command = "'" + generator.string() + "' --rows " + std::to_string(rows) +
                                " --out '" + path.string() + "'";
    const auto start = Clock::now();
    if (std::system(command.c_str()) != 0) {
      std::fprintf(stderr, "open_items_parse_bench: %s failed\n", command.c_str());
      return 1;
    }
    std::printf("generate   %lld rows in %lld ms\n", static_cast<long long>(rows),
                static_cast<long long>(nanoseconds_since(start) / 1'000'000));
  }

  const auto read_start = Clock::now();
  std::ifstream in(path, std::ios::binary);
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::int64_t read_ns = nanoseconds_since(read_start);
  const auto bytes = static_cast<std::int64_t>(content.size());
  if (generated) fs::remove(path);
  if (bytes == 0) {
    std::fprintf(stderr, "open_items_parse_bench: %s is empty or unreadable\n", path.c_str());
    return 1;
  }
  const std::int64_t rss_file = peak_rss_kib();

  std::int64_t lines = 0;
  const auto floor_start = Clock::now();
  const std::int64_t delimiters = split_lines(content, lines);
  const std::int64_t floor_ns = nanoseconds_since(floor_start);
  const std::int64_t rss_floor = peak_rss_kib();

  ParserOptions options;
  options.notation = kontor::Notation::german();
  options.date_format = kontor::plugins::open_items::DateFormat::german;
  options.max_file_size = static_cast<std::uint64_t>(bytes);
  OpenItemsFile file;
  const auto parse_start = Clock::now();
  kontor::sdk::Status parsed = parse_open_items(path.filename().string(), content, options, file);
  const std::int64_t parse_ns = nanoseconds_since(parse_start);
  if (!parsed) {
    std::fprintf(stderr, "open_items_parse_bench: the parser refused the file:\n%s\n",
                 parsed.message().substr(0, 2000).c_str());
    return 1;
  }
  CountingSink sink;
  const auto emit_start = Clock::now();
  kontor::sdk::Status emitted = emit(file, sink);
  const std::int64_t emit_ns = nanoseconds_since(emit_start);
  const std::int64_t rss_parser = peak_rss_kib();
  if (!emitted) return 1;

  const std::int64_t data_rows = file.rows;
  const std::int64_t parser_ns = parse_ns + emit_ns;
  const std::int64_t mib = bytes / (1024 * 1024);
  std::printf(
      "file       %s: %lld bytes (%lld MiB), %lld lines, %lld delimiters; read in %lld ms\n",
      path.filename().c_str(), static_cast<long long>(bytes), static_cast<long long>(mib),
      static_cast<long long>(lines), static_cast<long long>(delimiters),
      static_cast<long long>(read_ns / 1'000'000));
  std::printf("parsed     %lld rows -> %lld customers, %lld items, %lld tax lines, %lld warnings\n",
              static_cast<long long>(data_rows), static_cast<long long>(sink.customers),
              static_cast<long long>(sink.items), static_cast<long long>(sink.tax_lines),
              static_cast<long long>(sink.warnings));
  std::printf("floor      %8lld ms  %10lld rows/s  %6lld MB/s   (split lines, count ';')\n",
              static_cast<long long>(floor_ns / 1'000'000),
              static_cast<long long>(per_second(lines - 1, floor_ns)),
              static_cast<long long>(per_second(bytes, floor_ns) / 1'000'000));
  std::printf("parser     %8lld ms  %10lld rows/s  %6lld MB/s   (parse %lld ms + emit %lld ms)\n",
              static_cast<long long>(parser_ns / 1'000'000),
              static_cast<long long>(per_second(data_rows, parser_ns)),
              static_cast<long long>(per_second(bytes, parser_ns) / 1'000'000),
              static_cast<long long>(parse_ns / 1'000'000),
              static_cast<long long>(emit_ns / 1'000'000));
  std::printf("ratio      parser time = %s x floor time\n",
              tenths(floor_ns == 0 ? 0 : parser_ns * 10 / floor_ns).c_str());
  const std::int64_t file_kib = bytes / 1024;
  std::printf(
      "peak RSS   %lld MiB with the file read, %lld MiB after the floor, %lld MiB after "
      "the parser = %s x the file size\n",
      static_cast<long long>(rss_file / 1024), static_cast<long long>(rss_floor / 1024),
      static_cast<long long>(rss_parser / 1024),
      tenths(file_kib == 0 ? 0 : rss_parser * 10 / file_kib).c_str());
  return 0;
}
