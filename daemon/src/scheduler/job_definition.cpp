#include "scheduler/job_definition.hpp"

#include "config/kontor_config.hpp"

namespace kontor::scheduler {

Result<JobDefinition> define_job(const config::JobSettings& settings) {
  JobDefinition job;
  job.name = settings.name;
  if (settings.schedule) {
    auto schedule = CronExpression::parse(*settings.schedule);
    if (!schedule) {
      return Error{"job '" + settings.name + "': schedule: " + schedule.error().message};
    }
    job.schedule = std::move(schedule).value();
  }
  try {
    job.zone = date::locate_zone(settings.timezone);
  } catch (const std::exception& e) {
    return Error{"job '" + settings.name + "': time zone '" + settings.timezone + "': " + e.what()};
  }
  job.timeout = settings.timeout;
  job.catch_up_within = settings.catch_up_within;
  job.retry.attempts = settings.retry.attempts;
  job.retry.backoff = settings.retry.backoff;
  job.retry.max_backoff = settings.retry.max_backoff;
  job.then = settings.then;
  job.enabled = settings.enabled;
  return job;
}

}  // namespace kontor::scheduler
