// Reading an invoice's document (see the header).
#include "engine/invoice_documents.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <system_error>

namespace kontor::engine {

namespace fs = std::filesystem;

Result<std::string> read_invoice_document(const fs::path& documents_dir,
                                          const std::string& document_path) {
  if (document_path.empty()) return Error{"the invoice names no document"};
  if (document_path.find('\0') != std::string::npos) {
    return Error{"the document path holds a NUL character"};
  }
  std::error_code error;
  const fs::path folder = fs::canonical(documents_dir, error);
  if (error) {
    return Error{fmt::format("documents folder {}: {}", documents_dir.string(), error.message())};
  }
  const fs::path named(document_path);
  // canonical() resolves every symbolic link and `..`: what is left must still be inside.
  const fs::path file = fs::canonical(named.is_absolute() ? named : folder / named, error);
  if (error) return Error{fmt::format("document {}: {}", document_path, error.message())};
  const auto [outside, inside] =
      std::mismatch(folder.begin(), folder.end(), file.begin(), file.end());
  if (outside != folder.end() || inside == file.end()) {
    return Error{fmt::format("document {} is not inside the documents folder {}", document_path,
                             folder.string())};
  }
  if (!fs::is_regular_file(file, error)) {
    return Error{fmt::format("document {} is not a regular file", document_path)};
  }
  const std::uintmax_t size = fs::file_size(file, error);
  if (error) return Error{fmt::format("document {}: {}", document_path, error.message())};
  if (size > kMaxInvoiceDocumentBytes) {
    return Error{fmt::format("document {} has {} bytes, more than the {} an invoice may have",
                             document_path, size, kMaxInvoiceDocumentBytes)};
  }
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return Error{fmt::format("document {}: cannot read", document_path)};
  if (!bytes.starts_with("%PDF-")) {
    return Error{
        fmt::format("document {} is not a PDF (it does not start with %PDF-)", document_path)};
  }
  return bytes;
}

}  // namespace kontor::engine
