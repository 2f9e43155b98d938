// The four roles a plugin can play, as C++ interfaces. A plugin class derives from one or more
// of Source, Parser, Channel, Exporter and is exported with KONTOR_PLUGIN (plugin.hpp).
//
// The small "sink" and "reader" interfaces are how data streams through a call without either
// side owning the other's memory; the SDK implements them over the C ABI on both sides.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "kontor/result.hpp"
#include "kontor/sdk/status.hpp"
#include "kontor/sdk/values.hpp"

namespace kontor::sdk {

// --- Streams --------------------------------------------------------------------------------
class ByteSink {
 public:
  virtual ~ByteSink() = default;
  virtual Status write(std::span<const std::uint8_t> chunk) = 0;
  Status write(std::string_view chunk) {
    return write(std::span(reinterpret_cast<const std::uint8_t*>(chunk.data()), chunk.size()));
  }
};

class DocumentReader {
 public:
  virtual ~DocumentReader() = default;
  virtual const std::string& name() const = 0;
  virtual std::int64_t size() const = 0;  // -1 when unknown
  // Up to buffer.size() bytes; 0 at the end.
  virtual Result<std::size_t> read(std::span<std::uint8_t> buffer) = 0;
  // The whole document; an error naming the document when it cannot be read or is larger than
  // `max_bytes` (a parser's `max_file_size`) — refused before reading when its size is known.
  // `spare`: room reserved beyond the size, for content that grows in place (a single-byte
  // encoding decoded to UTF-8).
  Result<std::string> read_all(std::size_t max_bytes, std::size_t spare = 0);
};

// --- Source ---------------------------------------------------------------------------------
class DocumentList {
 public:
  virtual ~DocumentList() = default;
  virtual Status add(const DocumentInfo& document) = 0;
};

class Source {
 public:
  virtual ~Source() = default;
  // Every document ready for import now (a file still being written is not ready).
  virtual Status list(DocumentList& documents) = 0;
  virtual Status fetch(const std::string& id, ByteSink& content) = 0;
  // After the import committed (kCommitted) or refused the document (kRejected, with why).
  virtual Status ack(const std::string& id, AckOutcome outcome, const std::string& reason) = 0;
  // A descriptor that becomes readable when list() may find something new (see plugin_abi.h),
  // or none: then the source is only read on its jobs' schedules.
  virtual std::optional<int> wake_descriptor() { return std::nullopt; }
};

// --- Parser ---------------------------------------------------------------------------------
class ParseSink {
 public:
  virtual ~ParseSink() = default;
  virtual Status statement(const StatementInfo& statement) = 0;
  virtual Status entry(const StatementEntry& entry) = 0;
  virtual Status detail(const EntryDetail& detail) = 0;
  virtual Status customer(const ImportedCustomer& customer) = 0;
  // The item's tax lines travel with it.
  virtual Status open_item(const ImportedOpenItem& item) = 0;
  // `code`: the kind of problem in [a-z_] ("balance_mismatch"); `message`: for people.
  virtual void warning(std::int64_t line, std::string_view code, std::string_view message) = 0;
};

class Parser {
 public:
  virtual ~Parser() = default;
  // 0..100: how sure the parser is that it can read a document starting with `prefix`.
  virtual int probe(std::string_view name, std::span<const std::uint8_t> prefix) = 0;
  virtual Status parse(DocumentReader& document, ParseSink& sink) = 0;
};

// --- Channel --------------------------------------------------------------------------------
class Channel {
 public:
  virtual ~Channel() = default;
  // ok = delivered; retry = try again later; failed = permanent, the message says why.
  virtual Status deliver(const NoticeMessage& notice) = 0;
};

// --- Exporter -------------------------------------------------------------------------------
// Hands a batch of bookings to external bookkeeping, two-phase and exactly once per batch id:
// stage() prepares the batch out of sight, publish() makes it visible once, discard() drops what
// is staged; each may be repeated after a crash and must then do nothing twice. A batch holds
// balanced bookings — with `facts` and `due_date` for the items booked — and, since ABI 1.1, the
// customers behind their debtor accounts for master data; from an older host both are absent.
class Exporter {
 public:
  virtual ~Exporter() = default;
  virtual Status stage(const ExportBatch& batch) = 0;
  virtual Status publish(const std::string& batch_id) = 0;
  virtual Status discard(const std::string& batch_id) = 0;
};

}  // namespace kontor::sdk
