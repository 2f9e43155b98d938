#include "engine/notice_setup.hpp"

#include <fmt/format.h>

#include "config/company_section.hpp"
#include "config/config_node.hpp"
#include "engine/outbox_delivery.hpp"

namespace kontor::engine {

Result<NoticeSetup> notice_setup(const config::KontorConfig& config, const config::JobSettings* job,
                                 TimePoint now, const std::string& template_name) {
  NoticeSetup setup;
  const config::ConfigNode* company = config.root.find("company");
  if (company == nullptr) return Error{"the configuration has no `company:` section"};
  setup.company = config::company_of(*company);
  std::string zone = setup.company.timezone;
  if (zone.empty()) zone = job != nullptr ? job->timezone : "UTC";
  Result<Date> today = local_date(now, zone);
  if (!today) return today.error();
  setup.today = *today;
  if (job != nullptr) {
    setup.channels = notice_channels(config, *job);
    if (setup.channels.empty()) {
      return Error{fmt::format(
          "job '{}' has no channel in `outputs` (an instance of plugin email or letter)",
          job->name)};
    }
  }
  std::string template_dir;
  if (const config::ConfigNode* dunning = config.root.find("dunning"); dunning != nullptr) {
    template_dir = config::text_or(dunning->find("template_dir"), "");
    setup.default_language = config::text_or(dunning->find("default_language"), "de");
  }
  Result<render::NoticeRenderer> renderer =
      render::NoticeRenderer::load(template_dir, setup.default_language);
  if (!renderer) return Error{"templates: " + renderer.error().message};
  if (Status found = renderer->check(template_name); !found) return found.error();
  setup.renderer = std::move(*renderer);
  return setup;
}

bool has_postal_address(const Customer& customer) {
  return !customer.address.street.empty() && !customer.address.postcode.empty() &&
         !customer.address.city.empty();
}

std::optional<std::string> channel_for(const Customer& customer, const NoticeSetup& setup) {
  const bool email = !customer.email.empty() && setup.channels.count("email") > 0;
  const bool letter = has_postal_address(customer) && setup.channels.count("letter") > 0;
  const bool wants_letter = customer.preferred_delivery
                                ? *customer.preferred_delivery == Delivery::letter
                                : customer.email.empty();
  if (wants_letter && letter) return "letter";
  if (!wants_letter && email) return "email";
  if (email) return "email";
  if (letter) return "letter";
  return std::nullopt;
}

std::string recipient_for(const Customer& customer, const std::string& kind) {
  if (kind == "email") return customer.email;
  return fmt::format("{}, {}, {} {}", customer.name, customer.address.street,
                     customer.address.postcode, customer.address.city);
}

std::string language_for(const Customer& customer, const NoticeSetup& setup) {
  return customer.language.empty() ? setup.default_language : customer.language;
}

}  // namespace kontor::engine
