// Host side of the boundary: calling a loaded plugin instance through its descriptor with C++
// values, and presenting the host's C++ sinks to it as C sinks. Used by kontord's plugin host
// and by the fake host in sdk/testing, so both speak to plugins exactly the same way.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>

#include "kontor/plugin_abi.h"
#include "kontor/result.hpp"
#include "kontor/sdk/roles.hpp"
#include "kontor/sdk/status.hpp"

namespace kontor::sdk {

class InstanceProxy {
 public:
  // `take_error` returns (and forgets) what the plugin passed to set_error during the last call.
  InstanceProxy(const kontor_plugin_descriptor* descriptor, kontor_plugin_instance* instance,
                std::function<std::string()> take_error)
      : descriptor_(descriptor), instance_(instance), take_error_(std::move(take_error)) {}

  bool has_role(std::uint32_t role) const { return (descriptor_->roles & role) != 0; }

  Status list(DocumentList& documents) const;
  Status fetch(const std::string& id, ByteSink& content) const;
  Status ack(const std::string& id, AckOutcome outcome, const std::string& reason) const;
  // The source's wake descriptor, if it offers one (an older plugin's table may end before it).
  std::optional<int> wake_descriptor() const;
  Result<int> probe(const std::string& name, std::span<const std::uint8_t> prefix) const;
  Status parse(DocumentReader& document, ParseSink& sink) const;
  Status deliver(const NoticeMessage& notice) const;
  Status stage(const ExportBatch& batch) const;
  Status publish(const std::string& batch_id) const;
  Status discard(const std::string& batch_id) const;

 private:
  Status finish(kontor_status status, const Status& host_side_failure) const;

  const kontor_plugin_descriptor* descriptor_;
  kontor_plugin_instance* instance_;
  std::function<std::string()> take_error_;
};

}  // namespace kontor::sdk
