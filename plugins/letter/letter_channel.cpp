#include "letter_channel.hpp"

#include <chrono>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>

#include "kontor/sdk/spool_file.hpp"

namespace kontor::plugins::letter {
namespace fs = std::filesystem;
using sdk::Status;

namespace {

bool is_country_code(const std::string& text) {
  return text.size() == 2 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'A' && text[1] <= 'Z';
}

// "street, city" of what a letter cannot go without; empty when nothing is missing.
std::string missing_address_parts(const sdk::Party& recipient) {
  std::string missing;
  auto need = [&](const std::string& value, const char* part) {
    if (!value.empty()) return;
    if (!missing.empty()) missing += ", ";
    missing += part;
  };
  need(recipient.name, "name");
  need(recipient.address.street, "street");
  need(recipient.address.postcode, "postcode");
  need(recipient.address.city, "city");
  return missing;
}

std::optional<std::string> read_whole_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(content).str();
}

}  // namespace

sdk::PluginInfo LetterChannel::info() {
  return {"letter", "1.0.0", "Notices as printed letters (a PDF and its manifest per notice)"};
}

std::vector<sdk::ConfigField> LetterChannel::schema() {
  using sdk::ConfigField;
  return {
      ConfigField::text("mode",
                        "How letters leave: spool (a PDF and a JSON manifest per notice in a "
                        "folder a print shop picks up from)")
          .choices({"spool"})
          .defaults("spool"),
      ConfigField::text("spool_dir", "Absolute folder the PDFs and manifests are written to")
          .required(),
      ConfigField::flag("duplex", "Print on both sides of the paper").defaults("true"),
      ConfigField::flag("color", "Print in colour (often dearer); otherwise black and white")
          .defaults("false"),
      ConfigField::text("mail_class", "Postal service: standard, priority or registered")
          .choices({"standard", "priority", "registered"})
          .defaults("standard"),
  };
}

LetterChannel::LetterChannel(sdk::Host host, const sdk::Config& config)
    : host_(host),
      spool_dir_(config.text("spool_dir")),
      print_{.duplex = config.flag("duplex"),
             .color = config.flag("color"),
             .mail_class = config.text("mail_class")} {
  // kontord runs as a service; a relative folder would depend on its working directory.
  if (!spool_dir_.is_absolute()) throw sdk::InvalidConfig("spool_dir must be an absolute path");
}

Status LetterChannel::deliver(const sdk::NoticeMessage& notice) {
  const std::string which = "notice " + notice.notice_number;
  if (notice.idempotency_key.empty()) return Status::failed(which + " has no idempotency key");
  if (notice.pdf.empty()) return Status::failed("no PDF was rendered for " + which);

  sdk::Party recipient = notice.recipient;
  if (const std::string missing = missing_address_parts(recipient); !missing.empty()) {
    return Status::failed(which + ": the customer's postal address is incomplete, no " + missing);
  }
  // A domestic letter leaves the country off the address, and so may the customer's record;
  // the print shop still needs to know where the letter goes.
  if (recipient.address.country.empty()) recipient.address.country = notice.sender.address.country;
  if (recipient.address.country.empty()) {
    return Status::failed(which +
                          ": the customer's postal address has no country, nor has the sender's");
  }
  if (!is_country_code(recipient.address.country)) {
    return Status::failed(which + ": the customer's country \"" + recipient.address.country +
                          "\" is not an ISO 3166-1 alpha-2 code such as DE");
  }

  const std::string pdf_name = sdk::spool_file_name(notice.idempotency_key, ".pdf");
  const std::string manifest_name = sdk::spool_file_name(notice.idempotency_key, ".json");
  const fs::path manifest_path = spool_dir_ / manifest_name;
  // The manifest is written last: once it is there, the letter was spooled before. Not writing
  // the PDF again either keeps a shop that has already taken the PDF from getting a stray copy.
  std::error_code error;
  if (fs::is_regular_file(fs::symlink_status(manifest_path, error))) {
    host_.info(which + ": " + manifest_name + " is already in the spool folder (delivered before)");
    return Status::ok();
  }

  Result<sdk::SpoolOutcome> pdf_written = sdk::write_spool_file(spool_dir_, pdf_name, notice.pdf);
  if (!pdf_written) return Status::retry(which + ": " + pdf_written.error().message);

  // An earlier delivery wrote the PDF and stopped before its manifest. The manifest describes
  // the PDF in the folder, which a new rendering need not match byte for byte.
  std::string document = notice.pdf;
  if (*pdf_written == sdk::SpoolOutcome::kAlreadyThere) {
    std::optional<std::string> spooled = read_whole_file(spool_dir_ / pdf_name);
    if (!spooled) {
      return Status::retry(which + ": cannot read " + (spool_dir_ / pdf_name).string() +
                           ", spooled before without its manifest");
    }
    if (*spooled != notice.pdf) {
      host_.info(which + ": " + pdf_name +
                 " was spooled before and differs from this rendering; its manifest describes "
                 "the file in the folder");
    }
    document = std::move(*spooled);
  }

  const std::string manifest =
      manifest_json({.notice_number = notice.notice_number,
                     .kind = notice.kind,
                     .document = pdf_name,
                     .recipient = recipient,
                     .sender = notice.sender,
                     .print = print_,
                     .created = std::chrono::floor<std::chrono::seconds>(host_.now())},
                    document);
  Result<sdk::SpoolOutcome> manifest_written =
      sdk::write_spool_file(spool_dir_, manifest_name, manifest);
  if (!manifest_written) {
    return Status::retry(which + ": " + pdf_name +
                         " is spooled, its manifest is not: " + manifest_written.error().message);
  }
  if (*manifest_written == sdk::SpoolOutcome::kAlreadyThere) {
    host_.info(which + ": " + manifest_name + " is already in the spool folder (delivered before)");
    return Status::ok();
  }
  host_.count("letters_spooled");
  host_.debug(which + ": spooled as " + (spool_dir_ / pdf_name).string() + " and " + manifest_name);
  return Status::ok();
}

}  // namespace kontor::plugins::letter

KONTOR_PLUGIN(kontor::plugins::letter::LetterChannel)
