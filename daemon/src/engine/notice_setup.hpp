// Notice setup: what an engine that sends notices of its own (invoice delivery, statements of
// account) needs besides the store — the company, its "today", the job's channels and the
// template renderer — and the one rule of which channel reaches a customer.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "common/clock.hpp"
#include "config/kontor_config.hpp"
#include "kontor/model/company.hpp"
#include "kontor/model/customer.hpp"
#include "render/notice_renderer.hpp"

namespace kontor::engine {

struct NoticeSetup {
  Company company;
  Date today;                                   // the company's day of the run
  std::map<std::string, std::string> channels;  // "email" / "letter" → the job's instance
  std::string default_language = "de";          // dunning.default_language
  std::optional<render::NoticeRenderer> renderer;
};

// Reads the `company:` section, the job's channels (at least one is required) and the templates
// (dunning.template_dir, else the shipped ones), and checks that `template_name` exists.
// Without a job (a notice shown on demand, never sent) no channel is needed.
Result<NoticeSetup> notice_setup(const config::KontorConfig& config, const config::JobSettings* job,
                                 TimePoint now, const std::string& template_name);

bool has_postal_address(const Customer& customer);

// The channel the customer asked for ("email" or "letter"), else the other one that can reach
// them; none when neither of the job's channels can (no e-mail address, no full address).
std::optional<std::string> channel_for(const Customer& customer, const NoticeSetup& setup);

// Where a notice to `customer` goes by channel `kind`: the e-mail address, or the postal
// address on one line.
std::string recipient_for(const Customer& customer, const std::string& kind);

// The language of the customer's notices: theirs, else the configured default.
std::string language_for(const Customer& customer, const NoticeSetup& setup);

}  // namespace kontor::engine
