// scheduler_bench: how fast next_after finds a cron expression's next run, measured against
// the obvious way in the same run — next_after_minute_by_minute, which tries every wall-clock
// minute — and how often a planner with 1,000 jobs wakes up in a simulated day.
//
//   scheduler_bench [--ms MILLISECONDS] [--zone NAME]
//
// Start instants are spread over 2026-2027 deterministically (splitmix64); every result of the
// scan is compared with next_after's, and a difference fails the run. See README.md.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "scheduler/job_planner.hpp"
#include "scheduler/next_run.hpp"

namespace {

using kontor::TimePoint;
using kontor::scheduler::CronExpression;
using Stopwatch = std::chrono::steady_clock;

volatile std::int64_t g_sink = 0;  // keeps the timed calls from being optimised away

// Integer time throughout: Kontor keeps floating point out of its code, benchmarks included.
struct Options {
  std::chrono::milliseconds budget{500};  // per measurement
  std::string zone = "Europe/Berlin";
};

std::uint64_t mix(std::uint64_t i) {
  std::uint64_t z = i + 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

TimePoint start_instant(std::uint64_t i) {
  using namespace std::chrono;
  const TimePoint base = sys_days(year(2026) / January / 1);
  return base + seconds(mix(i) % (2ULL * 365 * 86400));
}

struct Rate {
  std::uint64_t computations = 0;
  std::uint64_t per_second = 0;
};

// Runs `compute(i)` for i = 0, 1, ... until `budget` has passed (checked every 16 calls).
template <typename Compute>
Rate measure(std::chrono::milliseconds budget, Compute&& compute) {
  using std::chrono::nanoseconds;
  const auto begin = Stopwatch::now();
  Rate rate;
  nanoseconds elapsed{0};
  while (elapsed < budget) {
    for (int k = 0; k < 16; ++k) compute(rate.computations++);
    elapsed = std::chrono::duration_cast<nanoseconds>(Stopwatch::now() - begin);
  }
  rate.per_second = rate.computations * 1'000'000'000ULL /
                    static_cast<std::uint64_t>(std::max<std::int64_t>(1, elapsed.count()));
  return rate;
}

bool bench_next_run(const Options& options) {
  const date::time_zone* zone = date::locate_zone(options.zone);
  const char* expressions[] = {"30 2 * * *", "0 * * * *",  "*/15 9-17 * * MON-FRI",
                               "0 9 L * *",  "0 9 31 * *", "0 6 1 JAN,JUL *",
                               "0 0 29 2 *"};
  fmt::print("next_after in {} ({} ms per measurement)\n", options.zone, options.budget.count());
  fmt::print("{:<24} {:>14} {:>16} {:>10}\n", "expression", "next_after/s", "minute scan/s",
             "speed-up");
  bool agree = true;
  for (const char* text : expressions) {
    const CronExpression e = CronExpression::parse(text).value();
    const Rate fast = measure(options.budget, [&](std::uint64_t i) {
      g_sink = kontor::scheduler::next_after(e, start_instant(i), zone)->time_since_epoch().count();
    });
    std::vector<std::optional<TimePoint>> scanned;
    const Rate slow = measure(options.budget, [&](std::uint64_t i) {
      scanned.push_back(kontor::scheduler::next_after_minute_by_minute(e, start_instant(i), zone));
    });
    // Outside the timing: both ways must give the same instants.
    for (std::uint64_t i = 0; i < scanned.size(); ++i) {
      const auto expected = kontor::scheduler::next_after(e, start_instant(i), zone);
      if (expected != scanned[i]) {
        fmt::print(stderr, "MISMATCH for '{}' after {}\n", text,
                   kontor::format_instant(start_instant(i)));
        agree = false;
      }
    }
    fmt::print("{:<24} {:>14} {:>16} {:>9}x\n", text, fast.per_second, slow.per_second,
               fast.per_second / std::max<std::uint64_t>(1, slow.per_second));
  }
  return agree;
}

class SimulatedClock final : public kontor::Clock {
 public:
  TimePoint now() const override { return now_; }
  void set(TimePoint instant) { now_ = instant; }

 private:
  TimePoint now_{};
};

// 1,000 jobs, each once a day at its own time: how often a planner that is driven only by
// wake_at() wakes up in a day, and how long its planning takes.
void bench_planner() {
  using namespace std::chrono;
  SimulatedClock clock;
  const TimePoint day = sys_days(year(2026) / November / 28);
  clock.set(day);
  kontor::scheduler::JobPlanner planner(clock, kontor::scheduler::random_jitter());
  std::vector<kontor::scheduler::JobDefinition> jobs;
  std::set<std::pair<int, int>> distinct;
  for (int i = 0; i < 1000; ++i) {
    kontor::scheduler::JobDefinition job;
    job.name = fmt::format("job-{:04}", i);
    const int minute = static_cast<int>(mix(i) % 60), hour = static_cast<int>(mix(i + 7) % 24);
    distinct.insert({hour, minute});
    job.schedule = CronExpression::parse(fmt::format("{} {} * * *", minute, hour)).value();
    job.zone = date::locate_zone("Europe/Berlin");
    jobs.push_back(std::move(job));
  }
  const auto begin = Stopwatch::now();
  planner.configure(std::move(jobs), {});
  int wakeups = 0, started = 0;
  while (auto wake = planner.wake_at()) {
    if (*wake >= day + hours(24)) break;
    clock.set(*wake);
    ++wakeups;
    for (const auto& run : planner.plan().start) {
      ++started;
      planner.finished(run.job, kontor::JobRunOutcome::succeeded);
    }
  }
  const auto elapsed = duration_cast<microseconds>(Stopwatch::now() - begin);
  fmt::print(
      "\nplanner, 1,000 daily jobs at {} distinct times, one simulated day:\n"
      "  {} runs started, {} wake-ups ({} per 1,000 minutes), {} µs of planning in all\n",
      distinct.size(), started, wakeups, wakeups * 1000 / 1440, elapsed.count());
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--ms") {
      options.budget = std::chrono::milliseconds(std::strtoll(argv[i + 1], nullptr, 10));
    } else if (flag == "--zone") {
      options.zone = argv[i + 1];
    } else {
      fmt::print(stderr, "usage: scheduler_bench [--ms MILLISECONDS] [--zone NAME]\n");
      return 2;
    }
  }
  const bool agree = bench_next_run(options);
  bench_planner();
  return agree ? 0 : 1;
}
