// letter: the channel that sends notices (reminders, statements) as printed letters.
//
// The host has rendered each letter as a PDF (DIN 5008, window envelope); this channel hands it
// on, in one of two modes:
// - spool: it writes <key>.pdf and then its manifest <key>.json (letter_manifest.hpp) into a
//   folder a print-and-mail service's transfer picks up from — the PDF first, because the shop's
//   software starts on the manifest. Both files are written atomically (sdk/spool_file.hpp);
//   files already there mean the letter was spooled before, and nothing is written again.
// - http: it POSTs the manifest with the PDF in base64 to a print-and-mail service's REST
//   endpoint through the host's transfer service, with the notice's idempotency key as
//   Idempotency-Key; the service answering 409 has the letter from an earlier delivery.
//
// Outcomes: ok (sent now or before); failed for what no retry can fix (no PDF, an incomplete
// postal address, a country that is not an ISO code, a request the service refuses with 4xx);
// retry when the file system refuses, the service cannot be reached or answers 408, 429, 5xx.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kontor/sdk/http_login.hpp"
#include "kontor/sdk/plugin.hpp"
#include "letter_manifest.hpp"

namespace kontor::plugins::letter {

class LetterChannel final : public sdk::Channel {
 public:
  static sdk::PluginInfo info();
  static std::vector<sdk::ConfigField> schema();

  LetterChannel(sdk::Host host, const sdk::Config& config);

  sdk::Status deliver(const sdk::NoticeMessage& notice) override;

 private:
  // The notice is checked; `recipient` has its country.
  sdk::Status spool(const sdk::NoticeMessage& notice, const std::string& which,
                    const sdk::Party& recipient);
  sdk::Status upload(const sdk::NoticeMessage& notice, const std::string& which,
                     const sdk::Party& recipient);
  // The POST with the instance's credentials (secrets read for this request only).
  sdk::Status prepare(sdk::TransferRequest& request) const;

  sdk::Host host_;
  bool upload_;  // mode http
  std::filesystem::path spool_dir_;
  std::string url_;
  sdk::HttpLogin login_;
  std::string ca_file_;
  std::chrono::milliseconds timeout_;
  PrintOptions print_;
};

// The URL as a message may show it (the SDK's).
using sdk::shown_url;

// At most 200 bytes of a response body for a message: control characters as blanks, a UTF-8
// sequence the cut would split left off, "..." when there was more.
std::string body_excerpt(std::string_view body);

}  // namespace kontor::plugins::letter
