#include "scheduler/job_definition.hpp"

#include <gtest/gtest.h>

#include "config/kontor_config.hpp"

namespace kontor::scheduler {
namespace {

TEST(JobDefinition, TakesAConfiguredJobAsValidated) {
  config::JobSettings settings;
  settings.name = "import";
  settings.schedule = "0 6 * * MON-FRI";
  settings.timezone = "Europe/Berlin";
  settings.timeout = std::chrono::minutes(90);
  settings.catch_up_within = std::chrono::hours(2);
  settings.retry.attempts = 3;
  settings.retry.backoff = std::chrono::minutes(1);
  settings.retry.max_backoff = std::chrono::hours(1);
  settings.then = {"match"};
  settings.enabled = false;
  auto job = define_job(settings);
  ASSERT_TRUE(job) << job.error().message;
  EXPECT_EQ(job->name, "import");
  EXPECT_EQ(job->schedule->text(), "0 6 * * MON-FRI");
  EXPECT_EQ(job->zone->name(), "Europe/Berlin");
  EXPECT_EQ(job->timeout, std::chrono::minutes(90));
  EXPECT_EQ(job->catch_up_within, std::chrono::hours(2));
  EXPECT_EQ(job->retry.attempts, 3);
  EXPECT_EQ(job->retry.max_backoff, std::chrono::hours(1));
  EXPECT_EQ(job->then, std::vector<std::string>{"match"});
  EXPECT_FALSE(job->enabled);
}

TEST(JobDefinition, JobWithoutScheduleRunsOnlyByHand) {
  config::JobSettings settings;
  settings.name = "match";
  settings.timezone = "UTC";
  auto job = define_job(settings);
  ASSERT_TRUE(job);
  EXPECT_FALSE(job->schedule);
}

TEST(JobDefinition, UnvalidatedSettingsAreRefusedWithTheReason) {
  config::JobSettings settings;
  settings.name = "import";
  settings.schedule = "0 25 * * *";
  settings.timezone = "UTC";
  EXPECT_EQ(define_job(settings).error().message,
            "job 'import': schedule: hour: expected a number from 0 to 23, found '25'");
  settings.schedule.reset();
  settings.timezone = "Mars/Olympus";
  EXPECT_FALSE(define_job(settings));
}

}  // namespace
}  // namespace kontor::scheduler
