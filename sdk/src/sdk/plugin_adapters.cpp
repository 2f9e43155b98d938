#include "kontor/sdk/detail/plugin_adapters.hpp"

#include "kontor/sdk/abi_convert.hpp"
#include "kontor/sdk/views.hpp"

namespace kontor::sdk::detail {
namespace {

Status from_host(kontor_status status, const char* what) {
  if (status == KONTOR_OK) return Status::ok();
  return Status::from_code(status, std::string("the host refused ") + what);
}

}  // namespace

Status CByteSink::write(std::span<const std::uint8_t> chunk) {
  return from_host(sink_->write(sink_->context, {chunk.data(), chunk.size()}), "the content");
}

Status CDocumentList::add(const DocumentInfo& document) {
  const kontor_document_info info = to_c(document);
  return from_host(sink_->document(sink_->context, &info), "the document");
}

CDocumentReader::CDocumentReader(const kontor_reader* reader)
    : reader_(reader), name_(copy(reader->name)) {}

Result<std::size_t> CDocumentReader::read(std::span<std::uint8_t> buffer) {
  const std::int64_t got = reader_->read(reader_->context, buffer.data(), buffer.size());
  if (got < 0) return Error{"cannot read " + name_};
  return static_cast<std::size_t>(got);
}

Status CParseSink::statement(const StatementInfo& statement) {
  const kontor_statement c = to_c(statement);
  return from_host(sink_->statement(sink_->context, &c), "the statement");
}

Status CParseSink::entry(const StatementEntry& entry) {
  const kontor_entry c = to_c(entry);
  return from_host(sink_->entry(sink_->context, &c), "the entry");
}

Status CParseSink::detail(const EntryDetail& detail) {
  const kontor_entry_detail c = to_c(detail);
  return from_host(sink_->detail(sink_->context, &c), "the transaction detail");
}

Status CParseSink::customer(const ImportedCustomer& customer) {
  std::vector<kontor_str> ibans;
  const kontor_customer c = to_c(customer, ibans);
  return from_host(sink_->customer(sink_->context, &c), "the customer");
}

Status CParseSink::open_item(const ImportedOpenItem& item) {
  const kontor_open_item c = to_c(item);
  Status status = from_host(sink_->open_item(sink_->context, &c), "the open item");
  for (const auto& line : item.tax_lines) {
    if (!status) break;
    const kontor_tax_line tax = to_c(line, item.number);
    status = from_host(sink_->tax_line(sink_->context, &tax), "the tax line");
  }
  return status;
}

void CParseSink::warning(std::int64_t line, std::string_view code, std::string_view message) {
  sink_->warning(sink_->context, line, view(code), view(message));
}

kontor_status guarded(const Host& host, const std::function<Status()>& call) noexcept {
  try {
    Status status = call();
    if (!status) host.api()->set_error(host.instance(), view(status.message()));
    return static_cast<kontor_status>(status.code());
  } catch (const InvalidConfig& e) {
    host.api()->set_error(host.instance(), view(e.what()));
    return KONTOR_INVALID_CONFIG;
  } catch (const std::exception& e) {
    host.api()->set_error(host.instance(), view(e.what()));
    return KONTOR_INTERNAL;
  } catch (...) {
    host.api()->set_error(host.instance(), view("unknown exception"));
    return KONTOR_INTERNAL;
  }
}

}  // namespace kontor::sdk::detail
