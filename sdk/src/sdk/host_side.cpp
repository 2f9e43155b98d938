#include "kontor/sdk/host_side.hpp"

#include <cstddef>

#include "kontor/sdk/abi_convert.hpp"
#include "kontor/sdk/views.hpp"

namespace kontor::sdk {
namespace {

// Each bridge remembers the first thing that went wrong on the host's side (a value the plugin
// sent that cannot be, or the host's own sink refusing), so the call reports that rather than
// whatever the plugin says after being told to stop.
struct Bridge {
  Status failure;
  kontor_status fail(Status status) {
    if (failure) failure = std::move(status);
    return static_cast<kontor_status>(failure.code());
  }
  kontor_status pass(Status status) {
    if (status) return KONTOR_OK;
    return fail(std::move(status));
  }
};

struct DocumentBridge : Bridge {
  DocumentList* target;
  static kontor_status document(void* context, const kontor_document_info* info) {
    auto* self = static_cast<DocumentBridge*>(context);
    auto value = from_c(*info);
    if (!value) return self->fail(Status::internal("source listed " + value.error().message));
    return self->pass(self->target->add(*value));
  }
};

struct BytesBridge : Bridge {
  ByteSink* target;
  static kontor_status write(void* context, kontor_bytes chunk) {
    auto* self = static_cast<BytesBridge*>(context);
    return self->pass(self->target->write(std::span(chunk.data, chunk.size)));
  }
};

struct ReaderBridge {
  DocumentReader* source;
  std::string name;
  static int64_t read(void* context, uint8_t* buffer, size_t capacity) {
    auto* self = static_cast<ReaderBridge*>(context);
    auto got = self->source->read(std::span(buffer, capacity));
    return got ? static_cast<int64_t>(*got) : -1;
  }
};

struct ParseBridge : Bridge {
  ParseSink* target;
  std::string current_item;       // tax lines belong to the open item before them
  ImportedOpenItem pending_item;  // held until its tax lines have arrived
  bool has_pending = false;

  kontor_status flush() {
    if (!has_pending) return KONTOR_OK;
    has_pending = false;
    return pass(target->open_item(pending_item));
  }

  template <typename C, typename Deliver>
  static kontor_status convert(void* context, const C* value, const char* what, Deliver deliver) {
    auto* self = static_cast<ParseBridge*>(context);
    if (kontor_status flushed = self->flush(); flushed != KONTOR_OK) return flushed;
    auto converted = from_c(*value);
    if (!converted) {
      return self->fail(Status::internal(std::string("parser reported ") + what +
                                         " that cannot be: " + converted.error().message));
    }
    return self->pass(deliver(*self->target, *converted));
  }
  static kontor_status statement(void* context, const kontor_statement* value) {
    return convert(context, value, "a statement",
                   [](ParseSink& sink, const StatementInfo& v) { return sink.statement(v); });
  }
  static kontor_status entry(void* context, const kontor_entry* value) {
    return convert(context, value, "an entry",
                   [](ParseSink& sink, const StatementEntry& v) { return sink.entry(v); });
  }
  static kontor_status detail(void* context, const kontor_entry_detail* value) {
    return convert(context, value, "a transaction detail",
                   [](ParseSink& sink, const EntryDetail& v) { return sink.detail(v); });
  }
  static kontor_status customer(void* context, const kontor_customer* value) {
    return convert(context, value, "a customer",
                   [](ParseSink& sink, const ImportedCustomer& v) { return sink.customer(v); });
  }
  static kontor_status open_item(void* context, const kontor_open_item* value) {
    auto* self = static_cast<ParseBridge*>(context);
    if (kontor_status flushed = self->flush(); flushed != KONTOR_OK) return flushed;
    auto converted = from_c(*value);
    if (!converted) {
      return self->fail(Status::internal("parser reported an open item that cannot be: " +
                                         converted.error().message));
    }
    self->pending_item = std::move(converted).value();
    self->has_pending = true;
    return KONTOR_OK;
  }
  static kontor_status tax_line(void* context, const kontor_tax_line* value) {
    auto* self = static_cast<ParseBridge*>(context);
    auto converted = from_c(*value);
    if (!converted) {
      return self->fail(Status::internal("parser reported a tax line that cannot be: " +
                                         converted.error().message));
    }
    if (!self->has_pending || copy(value->item_number) != self->pending_item.number) {
      return self->fail(Status::internal("parser reported a tax line of '" +
                                         copy(value->item_number) +
                                         "' that does not follow its open item"));
    }
    self->pending_item.tax_lines.push_back(*converted);
    return KONTOR_OK;
  }
  static void warning(void* context, int64_t line, kontor_str code, kontor_str message) {
    static_cast<ParseBridge*>(context)->target->warning(line, copy(code), copy(message));
  }
};

}  // namespace

Status InstanceProxy::finish(kontor_status status, const Status& host_side_failure) const {
  std::string message = take_error_();
  if (!host_side_failure) return host_side_failure;
  if (status == KONTOR_OK) return Status::ok();
  if (message.empty()) message = std::string("returned ") + to_string(static_cast<Code>(status));
  if (status < KONTOR_OK || status > KONTOR_INTERNAL) {
    return Status::internal("returned an unknown status " + std::to_string(status) + ": " +
                            message);
  }
  return Status::from_code(status, message);
}

Status InstanceProxy::list(DocumentList& documents) const {
  if (descriptor_->source == nullptr) return Status::unsupported("is not a source");
  DocumentBridge bridge;
  bridge.target = &documents;
  const kontor_document_sink sink{sizeof(sink), &bridge, &DocumentBridge::document};
  return finish(descriptor_->source->list(instance_, &sink), bridge.failure);
}

Status InstanceProxy::fetch(const std::string& id, ByteSink& content) const {
  if (descriptor_->source == nullptr) return Status::unsupported("is not a source");
  BytesBridge bridge;
  bridge.target = &content;
  const kontor_bytes_sink sink{sizeof(sink), &bridge, &BytesBridge::write};
  return finish(descriptor_->source->fetch(instance_, view(id), &sink), bridge.failure);
}

Status InstanceProxy::ack(const std::string& id, AckOutcome outcome,
                          const std::string& reason) const {
  if (descriptor_->source == nullptr) return Status::unsupported("is not a source");
  return finish(
      descriptor_->source->ack(instance_, view(id), static_cast<int32_t>(outcome), view(reason)),
      Status::ok());
}

std::optional<int> InstanceProxy::wake_descriptor() const {
  const kontor_source_api* source = descriptor_->source;
  if (source == nullptr ||
      source->struct_size < offsetof(kontor_source_api, wake_descriptor) + sizeof(void*) ||
      source->wake_descriptor == nullptr) {
    return std::nullopt;
  }
  int32_t fd = -1;
  const kontor_status status = source->wake_descriptor(instance_, &fd);
  take_error_();  // "no wake descriptor" is an answer, not an error
  if (status != KONTOR_OK || fd < 0) return std::nullopt;
  return fd;
}

Result<int> InstanceProxy::probe(const std::string& name,
                                 std::span<const std::uint8_t> prefix) const {
  if (descriptor_->parser == nullptr) return Error{"is not a parser"};
  int32_t confidence = 0;
  Status status = finish(descriptor_->parser->probe(instance_, view(name),
                                                    {prefix.data(), prefix.size()}, &confidence),
                         Status::ok());
  if (!status) return Error{status.message()};
  return static_cast<int>(confidence);
}

Status InstanceProxy::parse(DocumentReader& document, ParseSink& sink) const {
  if (descriptor_->parser == nullptr) return Status::unsupported("is not a parser");
  ReaderBridge reader_bridge{&document, document.name()};
  const kontor_reader reader{sizeof(kontor_reader), &reader_bridge, view(reader_bridge.name),
                             document.size(), &ReaderBridge::read};
  ParseBridge bridge;
  bridge.target = &sink;
  const kontor_parse_sink c_sink{sizeof(c_sink),          &bridge,
                                 &ParseBridge::statement, &ParseBridge::entry,
                                 &ParseBridge::detail,    &ParseBridge::customer,
                                 &ParseBridge::open_item, &ParseBridge::tax_line,
                                 &ParseBridge::warning};
  const kontor_status status = descriptor_->parser->parse(instance_, &reader, &c_sink);
  if (status == KONTOR_OK) bridge.flush();  // the last open item and its tax lines
  return finish(status, bridge.failure);
}

Status InstanceProxy::deliver(const NoticeMessage& notice) const {
  if (descriptor_->channel == nullptr) return Status::unsupported("is not a channel");
  CNoticeMessage c;
  to_c(notice, c);
  return finish(descriptor_->channel->deliver(instance_, &c.message), Status::ok());
}

Status InstanceProxy::stage(const ExportBatch& batch) const {
  if (descriptor_->exporter == nullptr) return Status::unsupported("is not an exporter");
  CExportBatch c;
  to_c(batch, c);
  return finish(descriptor_->exporter->stage(instance_, &c.batch), Status::ok());
}

Status InstanceProxy::publish(const std::string& batch_id) const {
  if (descriptor_->exporter == nullptr) return Status::unsupported("is not an exporter");
  return finish(descriptor_->exporter->publish(instance_, view(batch_id)), Status::ok());
}

Status InstanceProxy::discard(const std::string& batch_id) const {
  if (descriptor_->exporter == nullptr) return Status::unsupported("is not an exporter");
  return finish(descriptor_->exporter->discard(instance_, view(batch_id)), Status::ok());
}

}  // namespace kontor::sdk
