// letter: the channel that sends notices (reminders, statements) as printed letters.
//
// The host has rendered each letter as a PDF (DIN 5008, window envelope); this channel hands it
// on. In `spool` mode, the only one so far, it writes <key>.pdf and then its manifest <key>.json
// (letter_manifest.hpp) into a folder a print-and-mail service's transfer picks up from — the
// PDF first, because the shop's software starts on the manifest. Both files are written
// atomically (sdk/spool_file.hpp); files already there mean the letter was spooled before, and
// nothing is written again.
//
// Outcomes: ok (spooled now or before); failed for what no retry can fix (no PDF, an incomplete
// postal address, a country that is not an ISO code); retry when the file system refuses.
#pragma once

#include <filesystem>
#include <vector>

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
  sdk::Host host_;
  std::filesystem::path spool_dir_;
  PrintOptions print_;
};

}  // namespace kontor::plugins::letter
