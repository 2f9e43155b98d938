#include "config/kontor_config.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "config/company_section.hpp"

namespace kontor::config {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// An engine with one setting, standing in for the real ones.
ConfigDeclarations declarations() {
  ConfigDeclarations d;
  d.engines.push_back({"import_open_items",
                       section({defaulted("mode", string_value({"delta", "snapshot"}), "delta",
                                          "How absent invoices are treated.")}),
                       "Import customers and open items."});
  d.engines.push_back({"reconcile", section({}), "Match payments."});
  d.engine_sections.push_back(optional(
      "reconcile", section({defaulted("auto_post_min_confidence", int_value(0, 100), "90", "")}),
      "Matching rules."));
  return d;
}

EnvironmentLookup environment(std::map<std::string, std::string> values = {}) {
  return [values](const std::string& name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

const char* kCompany = R"(company:
  legal_name: Muster GmbH
  address: {street: Hauptstr. 1, postcode: "50667", city: Köln, country: DE}
  timezone: Europe/Berlin
)";

std::vector<std::string> errors_of(const std::string& text,
                                   std::map<std::string, std::string> env = {}) {
  auto loaded = load_config_text(text, "k.yaml", declarations(), environment(env));
  std::vector<std::string> lines;
  for (const auto& error : loaded.errors) lines.push_back(to_string(error));
  return lines;
}

TEST(KontorConfig, MinimalConfigurationGetsEveryDefault) {
  auto loaded = load_config_text(kCompany, "k.yaml", declarations(), environment());
  ASSERT_THAT(loaded.errors, IsEmpty());
  const KontorConfig& config = *loaded.config;
  EXPECT_EQ(config.daemon.state_dir, "/var/lib/kontor");
  EXPECT_EQ(config.daemon.log_level, "info");
  EXPECT_EQ(config.daemon.shutdown_grace, std::chrono::seconds(30));
  EXPECT_EQ(config.store.backend, "sqlite");
  EXPECT_EQ(config.store.path, "/var/lib/kontor/kontor.db");
  EXPECT_TRUE(config.jobs.empty());
  EXPECT_TRUE(config.instances.empty());
  EXPECT_EQ(config.root.find("reconcile")->find("auto_post_min_confidence")->text(), "90");
}

TEST(KontorConfig, JobReadsEveryKeyAndDefaultsItsTimeZoneToTheCompanys) {
  const std::string text = std::string(kCompany) + R"(
instances:
  erp-drop: {plugin: folder-source, path: /srv/erp}
  erp-csv: {plugin: open-items}
jobs:
  import-items:
    engine: import_open_items
    inputs: [erp-drop]
    parsers: [erp-csv]
    with: {mode: snapshot}
    schedule: "0 6 * * 1-5"
    timeout: 1h30m
    retry: {attempts: 5}
    then: [match]
  match:
    engine: reconcile
    timezone: America/New_York
    catch_up_within: 2h
    enabled: false
)";
  auto loaded = load_config_text(text, "k.yaml", declarations(), environment());
  ASSERT_THAT(loaded.errors, IsEmpty());
  const JobSettings& job = *loaded.config->job("import-items");
  EXPECT_EQ(job.engine, "import_open_items");
  EXPECT_THAT(job.inputs, ElementsAre("erp-drop"));
  EXPECT_THAT(job.parsers, ElementsAre("erp-csv"));
  EXPECT_THAT(job.then, ElementsAre("match"));
  EXPECT_EQ(job.with.find("mode")->text(), "snapshot");
  EXPECT_EQ(*job.schedule, "0 6 * * 1-5");
  EXPECT_EQ(job.timezone, "Europe/Berlin");
  EXPECT_EQ(job.timeout, std::chrono::minutes(90));
  EXPECT_EQ(job.catch_up_within, std::chrono::hours(24));
  EXPECT_EQ(job.retry.attempts, 5);
  EXPECT_EQ(job.retry.backoff, std::chrono::minutes(1));
  EXPECT_TRUE(job.enabled);
  const JobSettings& match = *loaded.config->job("match");
  EXPECT_EQ(match.timezone, "America/New_York");
  EXPECT_EQ(match.catch_up_within, std::chrono::hours(2));
  EXPECT_FALSE(match.enabled);
  EXPECT_EQ(match.with.find("mode"), nullptr);
  const InstanceSettings& drop = *loaded.config->instance("erp-drop");
  EXPECT_EQ(drop.plugin, "folder-source");
  EXPECT_EQ(drop.settings.find("path")->text(), "/srv/erp");
  EXPECT_EQ(drop.settings.find("plugin"), nullptr);
}

TEST(KontorConfig, ExpandsVariablesOutsideSecretsOnly) {
  const std::string text = std::string(kCompany) + R"(
daemon: {state_dir: "${STATE}/kontor"}
instances:
  bank: {plugin: sftp-source, password: {env: "${NOT_EXPANDED}"}}
)";
  auto loaded = load_config_text(text, "k.yaml", declarations(), environment({{"STATE", "/srv"}}));
  ASSERT_THAT(loaded.errors, IsEmpty());
  EXPECT_EQ(loaded.config->daemon.state_dir, "/srv/kontor");
  EXPECT_EQ(loaded.config->store.path, "/srv/kontor/kontor.db");
}

struct BadConfig {
  const char* name;
  std::string text;
  std::vector<std::string> errors;
  std::map<std::string, std::string> env = {};
};

void PrintTo(const BadConfig& config, std::ostream* out) {
  *out << config.name;
}

std::string with_company(const std::string& rest) {
  return std::string(kCompany) + rest;
}

class BadConfigTest : public ::testing::TestWithParam<BadConfig> {};

TEST_P(BadConfigTest, IsRejectedWithExactMessages) {
  EXPECT_EQ(errors_of(GetParam().text, GetParam().env), GetParam().errors);
}

INSTANTIATE_TEST_SUITE_P(
    Table, BadConfigTest,
    ::testing::Values(
        BadConfig{"YamlSyntax",
                  "company: [a, b\n",
                  {"k.yaml:2:1: YAML syntax: end of sequence flow not found"}},
        BadConfig{"NotAMap",
                  "- a\n- b\n",
                  {"k.yaml:1:1: expected a map of sections (daemon, store, company, instances, "
                   "jobs, ...), found a list"}},
        BadConfig{"DuplicateKey",
                  with_company("daemon: {}\ndaemon: {}\n"),
                  {"k.yaml:6:1: duplicate key 'daemon'"}},
        BadConfig{"UnknownTopLevelKeyWithSuggestion",
                  with_company("deamon: {}\n"),
                  {"k.yaml:5:1: unknown key 'deamon' (did you mean 'daemon'?)"}},
        BadConfig{"UnknownKeyWithSuggestion",
                  with_company("daemon:\n  stat_dir: /srv\n"),
                  {"k.yaml:6:3: unknown key 'stat_dir' in 'daemon' (did you mean "
                   "'state_dir'?)"}},
        BadConfig{"UnknownKeyWithoutSuggestion",
                  with_company("daemon:\n  colour: blue\n"),
                  {"k.yaml:6:3: unknown key 'colour' in 'daemon'"}},
        BadConfig{"MissingCompany", "daemon: {}\n", {"k.yaml:1:1: missing required key 'company'"}},
        BadConfig{"MissingNestedKey",
                  "company:\n  legal_name: X\n  address: {street: a, city: b, country: DE}\n"
                  "  timezone: UTC\n",
                  {"k.yaml:3:12: missing required key 'postcode' in 'company.address'"}},
        BadConfig{"WrongChoice",
                  with_company("daemon: {log_level: verbose}\n"),
                  {"k.yaml:5:21: 'daemon.log_level': expected one of trace, debug, info, warn, "
                   "error, found 'verbose'"}},
        BadConfig{"WrongDuration",
                  with_company("daemon: {shutdown_grace: soon}\n"),
                  {"k.yaml:5:26: 'daemon.shutdown_grace': expected a duration such as 90s, 5m, "
                   "2h, 1d or 1h30m, found 'soon'"}},
        BadConfig{"IntOutOfRange",
                  with_company("daemon: {workers: 0}\n"),
                  {"k.yaml:5:19: 'daemon.workers': expected a whole number from 1 to 64, "
                   "found '0'"}},
        BadConfig{"MapWhereValueExpected",
                  with_company("daemon: {state_dir: {a: b}}\n"),
                  {"k.yaml:5:21: 'daemon.state_dir': expected a text, found a map"}},
        BadConfig{"SectionIsAList",
                  with_company("store: [sqlite]\n"),
                  {"k.yaml:5:8: 'store': expected a map, found a list"}},
        BadConfig{"BadTimeZone",
                  "company:\n  legal_name: X\n  address: {street: a, postcode: '1', city: b, "
                  "country: DE}\n  timezone: Europe/Koeln\n",
                  {"k.yaml:4:13: 'company.timezone': 'Europe/Koeln' is not an IANA time zone "
                   "such as Europe/Berlin"}},
        BadConfig{"BadBankAccountAndVatId",
                  std::string(kCompany) +
                      "  vat_id: DE12345\n  bank_accounts:\n    - {iban: DE02370502990000684713, "
                      "bic: COKS}\n",
                  {"k.yaml:5:11: 'company.vat_id': VAT ID 'DE12345': expected DE followed by 9 "
                   "digits",
                   "k.yaml:7:14: 'company.bank_accounts[0].iban': IBAN 'DE02370502990000684713': "
                   "check digits 02 do not match the account (mod-97): a typing error?",
                   "k.yaml:7:43: 'company.bank_accounts[0].bic': BIC 'COKS': expected 8 or 11 "
                   "letters and digits, found 4"}},
        BadConfig{"UnsetVariable",
                  with_company("daemon: {state_dir: \"/x/${HOME_DIR}\"}\n"),
                  {"k.yaml:5:25: 'daemon.state_dir': environment variable 'HOME_DIR' is not "
                   "set"}},
        BadConfig{"UnknownEngine",
                  with_company("jobs:\n  pay:\n    engine: dunnig\n"),
                  {"k.yaml:7:13: 'jobs.pay.engine': expected one of import_open_items, "
                   "import_statements, reconcile, dunning, statements, deliver_invoices, export, "
                   "digest, housekeeping, found 'dunnig'"}},
        BadConfig{"EngineNotBuilt",
                  with_company("jobs:\n  pay:\n    engine: dunning\n"),
                  {"k.yaml:7:13: 'jobs.pay.engine': engine 'dunning' is not part of this build "
                   "of kontord (available: import_open_items, reconcile)"}},
        BadConfig{"MissingEngine",
                  with_company("jobs:\n  pay:\n    timeout: 5m\n"),
                  {"k.yaml:7:5: missing required key 'engine' in 'jobs.pay'"}},
        BadConfig{"BadJobName",
                  with_company("jobs:\n  Pay_Run:\n    engine: reconcile\n"),
                  {"k.yaml:6:3: 'jobs.Pay_Run': a name uses only a-z, 0-9 and '-' (starting "
                   "with a letter or digit), at most 63 characters"}},
        BadConfig{"UnknownWithKey",
                  with_company("jobs:\n  a:\n    engine: import_open_items\n    with: {mdoe: "
                               "delta}\n"),
                  {"k.yaml:8:12: unknown key 'mdoe' in 'jobs.a.with' (did you mean 'mode'?)"}},
        BadConfig{"UnknownInstanceAndJobReferences",
                  with_company("instances:\n  erp: {plugin: folder-source}\njobs:\n  a:\n"
                               "    engine: reconcile\n    inputs: [epr]\n    then: [b]\n"),
                  {"k.yaml:10:14: 'jobs.a.inputs[0]': no instance named 'epr' (did you mean "
                   "'erp'?)",
                   "k.yaml:11:12: 'jobs.a.then[0]': no job named 'b'"}},
        BadConfig{"ThenCycle",
                  with_company("jobs:\n  a: {engine: reconcile, then: [b]}\n"
                               "  b: {engine: reconcile, then: [a]}\n"),
                  {"k.yaml:7:3: 'jobs.b.then': jobs run each other in a circle: a -> b -> a"}},
        BadConfig{"BadSchedule",
                  with_company("jobs:\n  a: {engine: reconcile, schedule: daily}\n"),
                  {"k.yaml:6:36: 'jobs.a.schedule': expected 5 fields (minute hour "
                   "day-of-month month day-of-week), found 1 in 'daily'"}},
        BadConfig{"BadScheduleFieldPointsIntoTheQuotedExpression",
                  with_company("jobs:\n  a: {engine: reconcile, schedule: \"0 25 * * *\"}\n"),
                  {"k.yaml:6:39: 'jobs.a.schedule': hour: expected a number from 0 to 23, "
                   "found '25'"}},
        BadConfig{"BadScheduleFieldInAPlainScalar",
                  with_company("jobs:\n  a:\n    engine: reconcile\n    schedule: 0 9 * JAM "
                               "MON-FRI\n"),
                  {"k.yaml:8:21: 'jobs.a.schedule': month: expected a number from 1 to 12 or a "
                   "name JAN-DEC, found 'JAM'"}},
        BadConfig{"ScheduleThatNeverRuns",
                  with_company("jobs:\n  a: {engine: reconcile, schedule: '0 0 30 2 *'}\n"),
                  {"k.yaml:6:41: 'jobs.a.schedule': day of month: expected a day that occurs in "
                   "the selected months (February has at most 29 days), found '30'"}},
        BadConfig{"BadCatchUpWithin",
                  with_company("jobs:\n  a: {engine: reconcile, catch_up_within: a while}\n"),
                  {"k.yaml:6:43: 'jobs.a.catch_up_within': expected a duration such as 90s, 5m, "
                   "2h, 1d or 1h30m, found 'a while'"}},
        BadConfig{"InstanceWithoutPlugin",
                  with_company("instances:\n  erp: {path: /srv}\n"),
                  {"k.yaml:6:8: missing required key 'plugin' in 'instances.erp'"}},
        BadConfig{"AllErrorsAtOnce",
                  with_company("daemon: {log_level: loud, workers: many}\nstore: {backend: "
                               "oracle}\n"),
                  {"k.yaml:5:21: 'daemon.log_level': expected one of trace, debug, info, warn, "
                   "error, found 'loud'",
                   "k.yaml:5:36: 'daemon.workers': expected a whole number from 1 to 64, found "
                   "'many'",
                   "k.yaml:6:18: 'store.backend': expected one of sqlite, found 'oracle'"}}),
    [](const ::testing::TestParamInfo<BadConfig>& info) { return std::string(info.param.name); });

TEST(KontorConfig, CompanySectionBecomesTheCompany) {
  const std::string text =
      "company:\n"
      "  legal_name: Muster Maschinenbau GmbH\n"
      "  address: {street: Industriestraße 12, postcode: '50667', city: Köln, country: DE}\n"
      "  register: HRB 12345, Amtsgericht Köln\n"
      "  managing_directors: [Erika Mustermann, Max Muster]\n"
      "  vat_id: DE123456789\n"
      "  contact: {phone: +49 221 1, email: ar@muster.example}\n"
      "  timezone: Europe/Berlin\n"
      "  bank_accounts:\n"
      "    - {iban: DE02 3705 0299 0000 6847 12, bic: COKSDE33XXX, ledger_account: '1200'}\n";
  auto loaded = load_config_text(text, "k.yaml", declarations(), environment());
  ASSERT_THAT(loaded.errors, IsEmpty());
  const Company company = company_of(*loaded.config->root.find("company"));
  EXPECT_EQ(company.legal_name, "Muster Maschinenbau GmbH");
  EXPECT_EQ(company.address.city, "Köln");
  EXPECT_EQ(company.commercial_register, "HRB 12345, Amtsgericht Köln");
  EXPECT_THAT(company.managing_directors, ElementsAre("Erika Mustermann", "Max Muster"));
  ASSERT_TRUE(company.vat_id.has_value());
  EXPECT_EQ(company.contact.email, "ar@muster.example");
  EXPECT_EQ(company.timezone, "Europe/Berlin");
  ASSERT_EQ(company.bank_accounts.size(), 1u);
  EXPECT_EQ(company.bank_accounts[0].ledger_account, "1200");
  EXPECT_NE(company.bank_account("DE02370502990000684712"), nullptr);
}

TEST(KontorConfig, UnreadableFileIsOneErrorNamingTheFile) {
  auto loaded = load_config("/nonexistent/kontor.yaml", declarations(), environment());
  ASSERT_EQ(loaded.errors.size(), 1u);
  EXPECT_EQ(to_string(loaded.errors[0]),
            "/nonexistent/kontor.yaml: cannot read configuration: No such file or directory");
  EXPECT_FALSE(loaded.config.has_value());
}

}  // namespace
}  // namespace kontor::config
