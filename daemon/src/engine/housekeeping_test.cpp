// The housekeeping engine on a real store in memory with a fixed clock: job runs older than
// keep_runs_days go in one step, the newest of each job stays, and the run reports the count.
#include "engine/housekeeping.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/validator.hpp"
#include "engine/services.hpp"
#include "log/logging.hpp"
#include "store/event_payload.hpp"
#include "store/store_test_support.hpp"

namespace kontor::engine {
namespace {

using namespace store::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TimePoint on(int month, int day, int hour = 3) {
  using namespace std::chrono;
  return sys_days(year(2026) / month / day) + hours(hour);
}

config::ConfigNode with_keep_runs_days(const std::string& days) {
  return config::ConfigNode::map({{.key = "keep_runs_days",
                                   .key_position = {},
                                   .value = config::ConfigNode::scalar(days, {})}},
                                 {});
}

class HousekeepingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store();
    ASSERT_TRUE(store_);
    job_.name = "housekeeping";
    job_.engine = "housekeeping";
  }

  // A scheduled run of `job` that ran on `planned` for a minute.
  std::int64_t ran(const std::string& job, TimePoint planned) {
    std::int64_t id = 0;
    step(*store_, [&](store::Transaction& tx) {
      store::JobRun run;
      run.job = job;
      run.planned_at = planned;
      run.idempotency_key = job + "@" + store::utc_timestamp(planned);
      run.started_at = planned;
      id = *tx.record_run_start(run);
      store::JobRunEnd end;
      end.ended_at = planned + std::chrono::minutes(1);
      end.counts = {{"files_imported", 1}};
      ASSERT_TRUE(tx.record_run_end(id, end));
    });
    return id;
  }

  std::vector<std::int64_t> runs_of(const std::string& job) {
    std::vector<std::int64_t> ids;
    const Status read = store_->read([&](store::Reader& reader) -> Status {
      Result<std::vector<store::JobRun>> runs = reader.job_runs(job, 1000);
      if (!runs) return runs.error();
      for (const store::JobRun& run : runs.value()) ids.insert(ids.begin(), run.id);
      return {};
    });
    EXPECT_TRUE(read) << read.error().message;
    return ids;
  }

  Status run_housekeeping(TimePoint now) {
    report_ = RunReport{};
    services_.store = store_.get();
    const auto clock = fixed_clock(now);
    const std::atomic<bool> cancelled{false};
    JobContext context{.config = config_,
                       .job = job_,
                       .clock = *clock,
                       .cancelled = cancelled,
                       .log = *log::get("job"),
                       .report = report_,
                       .services = services_,
                       .run_key = "housekeeping@" + format_instant(now)};
    return housekeeping_engine().create()->run(context);
  }

  std::unique_ptr<store::SqliteStore> store_;
  config::KontorConfig config_;
  config::JobSettings job_;
  Services services_;
  RunReport report_;
};

TEST_F(HousekeepingTest, RemovesRunsOlderThanKeepRunsDaysAndKeepsTheNewestOfEachJob) {
  job_.with = with_keep_runs_days("30");
  ran("import", on(9, 1));
  ran("import", on(10, 1));
  const auto recent = ran("import", on(11, 1));
  const auto last_import = ran("import", on(11, 27));
  const auto only_export = ran("export", on(3, 1));
  const Status done = run_housekeeping(on(11, 28));
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(report_.counts.at("runs_removed"), 2);
  EXPECT_THAT(report_.facts, ElementsAre(HasSubstr("removed 2 job runs that ended before "
                                                   "2026-10-29T03:00:00Z (kept 30 days")));
  EXPECT_THAT(runs_of("import"), ElementsAre(recent, last_import));
  EXPECT_THAT(runs_of("export"), ElementsAre(only_export));
}

TEST_F(HousekeepingTest, KeepsNinetyDaysByDefault) {
  ran("import", on(8, 29));  // 91 days before
  const auto kept = ran("import", on(8, 31));
  const auto newest = ran("import", on(11, 27));
  ASSERT_TRUE(run_housekeeping(on(11, 28)));
  EXPECT_EQ(report_.counts.at("runs_removed"), 1);
  EXPECT_THAT(runs_of("import"), ElementsAre(kept, newest));
}

TEST_F(HousekeepingTest, NothingOldEnoughIsASuccessThatRemovesNothing) {
  ran("import", on(11, 27));
  ASSERT_TRUE(run_housekeeping(on(11, 28)));
  EXPECT_EQ(report_.counts.at("runs_removed"), 0);
}

TEST(HousekeepingDeclaration, NeedsNoInputsAndKeepsAtLeastOneDay) {
  const EngineRegistration registration = housekeeping_engine();
  EXPECT_EQ(registration.declaration.id, "housekeeping");
  EXPECT_FALSE(registration.declaration.needs_inputs);
  auto validated = [&](const config::ConfigNode& with, config::ConfigErrors& errors) {
    config::Validator validator([](const std::string&) { return std::nullopt; }, errors);
    return validator.validate(with, registration.declaration.with, "jobs.housekeeping.with");
  };
  config::ConfigErrors errors;
  const config::ConfigNode defaults = validated(config::ConfigNode::map({}, {}), errors);
  EXPECT_THAT(errors, IsEmpty());
  ASSERT_NE(defaults.find("keep_runs_days"), nullptr);
  EXPECT_EQ(defaults.find("keep_runs_days")->text(), "90");
  for (const std::string bad : {"0", "-5", "ninety"}) {
    config::ConfigErrors refused;
    validated(with_keep_runs_days(bad), refused);
    EXPECT_EQ(refused.size(), 1u) << bad;
  }
}

}  // namespace
}  // namespace kontor::engine
