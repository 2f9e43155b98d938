// The words of a job run, shared by the scheduler that decides runs and the store that keeps
// them (table job_runs): why a run started and how it ended. Stored and shown as the text that
// to_string returns.
#pragma once

#include <optional>
#include <string_view>

namespace kontor {

enum class JobRunTrigger {
  schedule,  // its cron schedule came due
  catch_up,  // the one run caught up after kontord was down
  manual,    // "run now" by an operator
  retry,     // a further attempt after a failed run
  then,      // after another job succeeded (`then:`)
};

enum class JobRunOutcome {
  running,    // started, not returned yet
  succeeded,  //
  failed,     // the engine reported an error (or kontord stopped during the run)
  cancelled,  // kontord was stopping and asked the run to stop
  timed_out,  // passed its timeout, was asked to stop, and returned
  missed,     // never started: kontord was down, or a later run took its place
};

inline constexpr std::string_view to_string(JobRunTrigger trigger) {
  switch (trigger) {
    case JobRunTrigger::schedule:
      return "schedule";
    case JobRunTrigger::catch_up:
      return "catch_up";
    case JobRunTrigger::manual:
      return "manual";
    case JobRunTrigger::retry:
      return "retry";
    case JobRunTrigger::then:
      return "then";
  }
  return "?";
}

inline constexpr std::string_view to_string(JobRunOutcome outcome) {
  switch (outcome) {
    case JobRunOutcome::running:
      return "running";
    case JobRunOutcome::succeeded:
      return "succeeded";
    case JobRunOutcome::failed:
      return "failed";
    case JobRunOutcome::cancelled:
      return "cancelled";
    case JobRunOutcome::timed_out:
      return "timed_out";
    case JobRunOutcome::missed:
      return "missed";
  }
  return "?";
}

inline std::optional<JobRunTrigger> parse_job_run_trigger(std::string_view text) {
  for (auto t : {JobRunTrigger::schedule, JobRunTrigger::catch_up, JobRunTrigger::manual,
                 JobRunTrigger::retry, JobRunTrigger::then}) {
    if (to_string(t) == text) return t;
  }
  return std::nullopt;
}

inline std::optional<JobRunOutcome> parse_job_run_outcome(std::string_view text) {
  for (auto o : {JobRunOutcome::running, JobRunOutcome::succeeded, JobRunOutcome::failed,
                 JobRunOutcome::cancelled, JobRunOutcome::timed_out, JobRunOutcome::missed}) {
    if (to_string(o) == text) return o;
  }
  return std::nullopt;
}

}  // namespace kontor
