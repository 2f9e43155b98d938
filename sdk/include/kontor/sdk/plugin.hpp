// KONTOR_PLUGIN(Class): exports an ordinary C++ class as a Kontor plugin.
//
//   class FolderSource final : public kontor::sdk::Source {
//    public:
//     static kontor::sdk::PluginInfo info() { return {"folder-source", "1.0.0", "Files from a
//     folder"}; } static std::vector<kontor::sdk::ConfigField> schema();
//     FolderSource(kontor::sdk::Host host, const kontor::sdk::Config& config);
//     kontor::sdk::Status list(kontor::sdk::DocumentList& documents) override;
//     ...
//   };
//   KONTOR_PLUGIN(FolderSource)
//
// The macro produces the one exported entry point kontor_plugin_entry_v1 (a BOOST_DLL_ALIAS in
// the "boostdll" section) returning a static descriptor whose roles follow from the base
// classes. Every entry point is noexcept: an exception becomes KONTOR_INTERNAL with its
// message (InvalidConfig from the constructor becomes KONTOR_INVALID_CONFIG).
#pragma once

#include <boost/dll/alias.hpp>
#include <memory>
#include <type_traits>
#include <vector>

#include "kontor/build_info.hpp"
#include "kontor/plugin_abi.h"
#include "kontor/sdk/abi_convert.hpp"
#include "kontor/sdk/config.hpp"
#include "kontor/sdk/config_schema.hpp"
#include "kontor/sdk/detail/plugin_adapters.hpp"
#include "kontor/sdk/host.hpp"
#include "kontor/sdk/roles.hpp"
#include "kontor/sdk/views.hpp"

namespace kontor::sdk {

struct PluginInfo {
  const char* name;  // [a-z0-9-]
  const char* version;
  const char* summary;  // one line
};

namespace detail {

template <typename T>
class PluginExport {
  struct Instance {
    Host host;
    std::unique_ptr<T> plugin;
  };
  static Instance* self(kontor_plugin_instance* instance) {
    return reinterpret_cast<Instance*>(instance);
  }

 public:
  static const kontor_plugin_descriptor* descriptor(const kontor_host_info* host) noexcept {
    if (host == nullptr || host->abi_major != KONTOR_ABI_MAJOR) return nullptr;
    try {
      static const kontor_plugin_descriptor descriptor = build();
      return &descriptor;
    } catch (...) {
      return nullptr;
    }
  }

 private:
  static const std::vector<ConfigField>& schema() {
    static const std::vector<ConfigField> fields = T::schema();
    return fields;
  }

  static kontor_plugin_descriptor build() {
    const PluginInfo info = T::info();
    const CSchema& c_schema = make_c_schema(schema());
    kontor_plugin_descriptor d{};
    d.struct_size = sizeof(d);
    d.abi_major = KONTOR_ABI_MAJOR;
    d.abi_minor = KONTOR_ABI_MINOR;
    d.name = info.name;
    d.version = info.version;
    d.summary = info.summary;
    d.build_info = sdk_build_info();
    d.config_fields = c_schema.c_fields.data();
    d.config_field_count = static_cast<std::uint32_t>(c_schema.c_fields.size());
    d.config_field_size = sizeof(kontor_config_field);
    d.create = &create;
    d.destroy = &destroy;
    if constexpr (std::is_base_of_v<Source, T>) {
      static const kontor_source_api api{sizeof(kontor_source_api), &list, &fetch, &ack,
                                         &wake_descriptor};
      d.roles |= KONTOR_ROLE_SOURCE;
      d.source = &api;
    }
    if constexpr (std::is_base_of_v<Parser, T>) {
      static const kontor_parser_api api{sizeof(kontor_parser_api), &probe, &parse};
      d.roles |= KONTOR_ROLE_PARSER;
      d.parser = &api;
    }
    if constexpr (std::is_base_of_v<Channel, T>) {
      static const kontor_channel_api api{sizeof(kontor_channel_api), &deliver};
      d.roles |= KONTOR_ROLE_CHANNEL;
      d.channel = &api;
    }
    if constexpr (std::is_base_of_v<Exporter, T>) {
      static const kontor_exporter_api api{sizeof(kontor_exporter_api), &stage, &publish, &discard};
      d.roles |= KONTOR_ROLE_EXPORTER;
      d.exporter = &api;
    }
    return d;
  }

  static kontor_status create(const kontor_host_api* api, kontor_host_instance* host_instance,
                              const kontor_config* config, kontor_plugin_instance** out) noexcept {
    Host host(api, host_instance);
    return guarded(host, [&]() -> Status {
      auto instance = std::make_unique<Instance>(Instance{host, nullptr});
      instance->plugin = std::make_unique<T>(host, Config::read(*api, config, schema()));
      *out = reinterpret_cast<kontor_plugin_instance*>(instance.release());
      return Status::ok();
    });
  }

  static void destroy(kontor_plugin_instance* instance) noexcept {
    try {
      delete self(instance);
    } catch (...) {
      // A destructor that throws has nowhere to report to; the instance is gone either way.
    }
  }

  // --- Source ---
  static kontor_status list(kontor_plugin_instance* instance,
                            const kontor_document_sink* sink) noexcept {
    if constexpr (std::is_base_of_v<Source, T>) {
      Instance* i = self(instance);
      return guarded(i->host, [&] {
        CDocumentList documents(sink);
        return static_cast<Source&>(*i->plugin).list(documents);
      });
    }
    return KONTOR_UNSUPPORTED;
  }
  static kontor_status fetch(kontor_plugin_instance* instance, kontor_str id,
                             const kontor_bytes_sink* sink) noexcept {
    if constexpr (std::is_base_of_v<Source, T>) {
      Instance* i = self(instance);
      return guarded(i->host, [&] {
        CByteSink content(sink);
        return static_cast<Source&>(*i->plugin).fetch(copy(id), content);
      });
    }
    return KONTOR_UNSUPPORTED;
  }
  static kontor_status ack(kontor_plugin_instance* instance, kontor_str id, int32_t outcome,
                           kontor_str reason) noexcept {
    if constexpr (std::is_base_of_v<Source, T>) {
      Instance* i = self(instance);
      return guarded(i->host, [&] {
        return static_cast<Source&>(*i->plugin)
            .ack(copy(id),
                 outcome == KONTOR_ACK_COMMITTED ? AckOutcome::kCommitted : AckOutcome::kRejected,
                 copy(reason));
      });
    }
    return KONTOR_UNSUPPORTED;
  }

  static kontor_status wake_descriptor(kontor_plugin_instance* instance, int32_t* fd) noexcept {
    if constexpr (std::is_base_of_v<Source, T>) {
      Instance* i = self(instance);
      return guarded(i->host, [&] {
        const std::optional<int> descriptor = static_cast<Source&>(*i->plugin).wake_descriptor();
        if (!descriptor) return Status::unsupported("no wake descriptor");
        *fd = *descriptor;
        return Status::ok();
      });
    }
    return KONTOR_UNSUPPORTED;
  }

  // --- Parser ---
  static kontor_status probe(kontor_plugin_instance* instance, kontor_str name, kontor_bytes prefix,
                             int32_t* confidence) noexcept {
    if constexpr (std::is_base_of_v<Parser, T>) {
      Instance* i = self(instance);
      return guarded(i->host, [&] {
        const int answer =
            static_cast<Parser&>(*i->plugin)
                .probe(std::string_view(name.data, name.size), std::span(prefix.data, prefix.size));
        *confidence = answer < 0 ? 0 : (answer > 100 ? 100 : answer);
        return Status::ok();
      });
    }
    return KONTOR_UNSUPPORTED;
  }
  static kontor_status parse(kontor_plugin_instance* instance, const kontor_reader* reader,
                             const kontor_parse_sink* sink) noexcept {
    if constexpr (std::is_base_of_v<Parser, T>) {
      Instance* i = self(instance);
      return guarded(i->host, [&] {
        CDocumentReader document(reader);
        CParseSink out(sink);
        return static_cast<Parser&>(*i->plugin).parse(document, out);
      });
    }
    return KONTOR_UNSUPPORTED;
  }

  // --- Channel ---
  static kontor_status deliver(kontor_plugin_instance* instance,
                               const kontor_notice_message* notice) noexcept {
    if constexpr (std::is_base_of_v<Channel, T>) {
      Instance* i = self(instance);
      return guarded(i->host, [&] {
        auto message = from_c(*notice);
        if (!message) return Status::internal("malformed notice: " + message.error().message);
        return static_cast<Channel&>(*i->plugin).deliver(*message);
      });
    }
    return KONTOR_UNSUPPORTED;
  }

  // --- Exporter ---
  static kontor_status stage(kontor_plugin_instance* instance,
                             const kontor_export_batch* batch) noexcept {
    if constexpr (std::is_base_of_v<Exporter, T>) {
      Instance* i = self(instance);
      return guarded(i->host, [&] {
        auto value = from_c(*batch);
        if (!value) return Status::internal("malformed export batch: " + value.error().message);
        return static_cast<Exporter&>(*i->plugin).stage(*value);
      });
    }
    return KONTOR_UNSUPPORTED;
  }
  static kontor_status publish(kontor_plugin_instance* instance, kontor_str batch_id) noexcept {
    if constexpr (std::is_base_of_v<Exporter, T>) {
      Instance* i = self(instance);
      return guarded(i->host,
                     [&] { return static_cast<Exporter&>(*i->plugin).publish(copy(batch_id)); });
    }
    return KONTOR_UNSUPPORTED;
  }
  static kontor_status discard(kontor_plugin_instance* instance, kontor_str batch_id) noexcept {
    if constexpr (std::is_base_of_v<Exporter, T>) {
      Instance* i = self(instance);
      return guarded(i->host,
                     [&] { return static_cast<Exporter&>(*i->plugin).discard(copy(batch_id)); });
    }
    return KONTOR_UNSUPPORTED;
  }
};

}  // namespace detail
}  // namespace kontor::sdk

// The entry point. kontor_plugin_entry_impl_v1 is also what a plugin's own tests hand to the
// fake host (sdk/testing) when they link the plugin's code into the test binary.
#define KONTOR_PLUGIN(Class)                                              \
  extern "C" const kontor_plugin_descriptor* kontor_plugin_entry_impl_v1( \
      const kontor_host_info* host) noexcept {                            \
    return ::kontor::sdk::detail::PluginExport<Class>::descriptor(host);  \
  }                                                                       \
  BOOST_DLL_ALIAS(kontor_plugin_entry_impl_v1, kontor_plugin_entry_v1)
