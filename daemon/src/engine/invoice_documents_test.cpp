// Which invoice documents may be read for delivery: a PDF inside the documents folder, nothing
// an ERP's path could point at elsewhere.
#include "engine/invoice_documents.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace kontor::engine {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr const char* kPdf = "%PDF-1.4\n% an invoice\n%%EOF\n";

class InvoiceDocumentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("kontor-invoice-docs-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(documents() / "2026");
    fs::create_directories(root_ / "elsewhere");
  }
  void TearDown() override { fs::remove_all(root_); }

  fs::path documents() const { return root_ / "documents"; }
  void write(const fs::path& path, const std::string& bytes) const {
    std::ofstream(path, std::ios::binary) << bytes;
  }

  fs::path root_;
};

TEST_F(InvoiceDocumentsTest, APdfInsideTheFolderIsRead) {
  write(documents() / "2026/R-2026-1004.pdf", kPdf);
  Result<std::string> read = read_invoice_document(documents(), "2026/R-2026-1004.pdf");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(*read, kPdf);
  Result<std::string> absolute =
      read_invoice_document(documents(), (documents() / "2026/R-2026-1004.pdf").string());
  EXPECT_TRUE(absolute.ok());
}

TEST_F(InvoiceDocumentsTest, NoPathLeadsOutOfTheFolder) {
  write(root_ / "elsewhere/secret.pdf", kPdf);
  for (const std::string& path :
       {std::string("../elsewhere/secret.pdf"), (root_ / "elsewhere/secret.pdf").string(),
        std::string("2026/../../elsewhere/secret.pdf")}) {
    Result<std::string> read = read_invoice_document(documents(), path);
    ASSERT_FALSE(read.ok()) << path;
    EXPECT_THAT(read.error().message, HasSubstr("not inside the documents folder")) << path;
  }
  fs::create_symlink(root_ / "elsewhere/secret.pdf", documents() / "link.pdf");
  Result<std::string> linked = read_invoice_document(documents(), "link.pdf");
  ASSERT_FALSE(linked.ok());
  EXPECT_THAT(linked.error().message, HasSubstr("not inside the documents folder"));
}

TEST_F(InvoiceDocumentsTest, OnlyARegularPdfFileIsRead) {
  write(documents() / "notes.txt", "not a PDF");
  EXPECT_THAT(read_invoice_document(documents(), "notes.txt").error().message,
              HasSubstr("is not a PDF"));
  EXPECT_THAT(read_invoice_document(documents(), "2026").error().message,
              HasSubstr("not a regular file"));
  EXPECT_FALSE(read_invoice_document(documents(), "missing.pdf").ok());
  EXPECT_FALSE(read_invoice_document(documents(), "").ok());
  EXPECT_FALSE(read_invoice_document(documents(), ".").ok()) << "the folder itself";
}

TEST_F(InvoiceDocumentsTest, AnOversizedFileIsRefused) {
  std::ofstream big(documents() / "big.pdf", std::ios::binary);
  big << "%PDF-1.4\n";
  big.seekp(static_cast<std::streamoff>(kMaxInvoiceDocumentBytes) + 1);
  big << '\n';
  big.close();
  EXPECT_THAT(read_invoice_document(documents(), "big.pdf").error().message,
              HasSubstr("more than"));
}

}  // namespace
}  // namespace kontor::engine
