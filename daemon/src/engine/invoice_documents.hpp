// The ERP's invoice PDFs, read for delivery. The path comes from the ERP's export — untrusted
// input, and whatever it names would be mailed to a customer — so only a PDF inside the
// configured documents folder is ever read: no absolute path elsewhere, no `..`, no symbolic link
// leading out, a regular file of at most kMaxInvoiceDocumentBytes that starts like a PDF.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "kontor/result.hpp"

namespace kontor::engine {

inline constexpr std::uintmax_t kMaxInvoiceDocumentBytes = 20u * 1024 * 1024;

// The bytes of `document_path` (relative to `documents_dir`, or absolute inside it), or an
// Error saying why it is not delivered.
Result<std::string> read_invoice_document(const std::filesystem::path& documents_dir,
                                          const std::string& document_path);

}  // namespace kontor::engine
