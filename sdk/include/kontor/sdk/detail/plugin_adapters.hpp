// Plugin side of the boundary: the C sinks and readers the host passes in, seen as the SDK's
// C++ interfaces, and the guard that turns every exception into a status. Internal to the SDK.
#pragma once

#include <exception>
#include <functional>

#include "kontor/plugin_abi.h"
#include "kontor/sdk/host.hpp"
#include "kontor/sdk/roles.hpp"

namespace kontor::sdk::detail {

class CByteSink final : public ByteSink {
 public:
  explicit CByteSink(const kontor_bytes_sink* sink) : sink_(sink) {}
  Status write(std::span<const std::uint8_t> chunk) override;
  using ByteSink::write;

 private:
  const kontor_bytes_sink* sink_;
};

class CDocumentList final : public DocumentList {
 public:
  explicit CDocumentList(const kontor_document_sink* sink) : sink_(sink) {}
  Status add(const DocumentInfo& document) override;

 private:
  const kontor_document_sink* sink_;
};

class CDocumentReader final : public DocumentReader {
 public:
  explicit CDocumentReader(const kontor_reader* reader);
  const std::string& name() const override { return name_; }
  std::int64_t size() const override { return reader_->size; }
  Result<std::size_t> read(std::span<std::uint8_t> buffer) override;

 private:
  const kontor_reader* reader_;
  std::string name_;
};

class CParseSink final : public ParseSink {
 public:
  explicit CParseSink(const kontor_parse_sink* sink) : sink_(sink) {}
  Status statement(const StatementInfo& statement) override;
  Status entry(const StatementEntry& entry) override;
  Status detail(const EntryDetail& detail) override;
  Status customer(const ImportedCustomer& customer) override;
  Status open_item(const ImportedOpenItem& item) override;
  void warning(std::int64_t line, std::string_view code, std::string_view message) override;

 private:
  const kontor_parse_sink* sink_;
};

// Thrown by a plugin's constructor when its configuration cannot work (a folder that does not
// exist, a key file that is not a key): the host reports it like a schema error.
class InvalidConfig : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Runs `call`, reports a non-OK status's message through host->set_error, and turns any
// exception into KONTOR_INTERNAL (InvalidConfig into KONTOR_INVALID_CONFIG) with its what().
kontor_status guarded(const Host& host, const std::function<Status()>& call) noexcept;

}  // namespace kontor::sdk::detail

namespace kontor::sdk {
using detail::InvalidConfig;
}
