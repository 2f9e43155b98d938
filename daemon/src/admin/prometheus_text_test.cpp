#include "admin/prometheus_text.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace kontor::admin {
namespace {

TEST(PrometheusText, FamilyHasHelpAndTypeBeforeItsSamples) {
  PrometheusText out;
  out.family("kontor_job_runs_total", "counter", "Runs that ended.");
  out.sample("kontor_job_runs_total", {{"job", "items"}, {"outcome", "failed"}}, 2);
  out.sample("kontor_up", {}, 1);
  EXPECT_EQ(out.text(),
            "# HELP kontor_job_runs_total Runs that ended.\n"
            "# TYPE kontor_job_runs_total counter\n"
            "kontor_job_runs_total{job=\"items\",outcome=\"failed\"} 2\n"
            "kontor_up 1\n");
}

TEST(PrometheusText, LabelValuesAreEscaped) {
  EXPECT_EQ(escape_label_value("a\\b\"c\nd"), "a\\\\b\\\"c\\nd");
  PrometheusText out;
  out.sample("m", {{"source", "in\"box\n"}}, 1);
  EXPECT_EQ(out.text(), "m{source=\"in\\\"box\\n\"} 1\n");
}

TEST(PrometheusText, HelpEscapesBackslashAndNewlineOnly) {
  EXPECT_EQ(escape_help("a\\b\n\"c\""), "a\\\\b\\n\"c\"");
}

TEST(PrometheusText, PluginMetricNamesAreMadeValid) {
  EXPECT_EQ(metric_name_part("mails.sent-ok"), "mails_sent_ok");
  EXPECT_EQ(metric_name_part("ümlaut"), "__mlaut");
}

TEST(PrometheusText, SecondsAreWrittenFromWholeMillisecondsWithoutFloatingPoint) {
  EXPECT_EQ(seconds_text(0), "0.000");
  EXPECT_EQ(seconds_text(1250), "1.250");
  EXPECT_EQ(seconds_text(-5), "-0.005");
  EXPECT_EQ(seconds_text(1'764'320'400'123), "1764320400.123");
  EXPECT_EQ(seconds_text(std::numeric_limits<std::int64_t>::min()), "-9223372036854775.808");
}

}  // namespace
}  // namespace kontor::admin
