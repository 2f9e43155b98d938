// The deliver_invoices job as an operator runs it: kontord --once on the demo's configuration
// with a `deliver-invoices` job added, and an ERP export whose invoices name their PDFs. Each new
// invoice reaches its customer once — by e-mail with the PDF attached (read back by Python's
// email package) or as the same PDF in the print shop's folder — old invoices are not mailed,
// and a document path that leads out of the documents folder is refused with a warning.
#include "dunning/dunning_job_fixture.hpp"
#include "kontor/model/sha256.hpp"

namespace kontor::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Not a real invoice, but bytes a PDF reader takes as one: the channels pass them on as they are.
std::string invoice_pdf(const std::string& number) {
  return "%PDF-1.4\n% invoice " + number + "\n%%EOF\n";
}

class DeliverInvoices : public DunningJob {
 protected:
  void SetUp() override {
    DunningJob::SetUp();
    fs::create_directories(documents() / "2026");
    std::string yaml = read_text(dir_ / "kontor.yaml");
    const auto jobs = yaml.find("\njobs:\n");
    ASSERT_NE(jobs, std::string::npos);
    yaml.insert(jobs + 7,
                "  deliver-invoices:\n"
                "    engine: deliver_invoices\n"
                "    outputs: [mail-out, letter-out]\n"
                "    with:\n"
                "      documents_dir: " +
                    documents().string() + "\n");
    dir_.write("kontor.yaml", yaml);
  }

  fs::path documents() const { return state() / "documents"; }

  // The demo's export with a `document` column: two new invoices with their PDFs, one whose path
  // leads out of the documents folder, and the old R-2026-1001 with a document too.
  void drop_export_with_documents() {
    const std::string demo =
        read_text(source_dir() / "config/demo-data/erp/2026-11-27_offene-posten.csv");
    std::string csv;
    std::size_t start = 0;
    bool header = true;
    while (start < demo.size()) {
      std::size_t end = demo.find('\n', start);
      if (end == std::string::npos) end = demo.size();
      std::string line = demo.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) {
        std::string document;
        if (header) document = "document";
        if (line.starts_with("R-2026-1001;")) document = "2026/R-2026-1001.pdf";
        csv += line + ";" + document + "\n";
      }
      header = false;
      start = end + 1;
    }
    csv +=
        "R-2026-3001;K-10001;Bäckerei Schmitz GmbH;Severinstraße 12;50678;Köln;DE;"
        "buchhaltung@baeckerei-schmitz.example;b2b;;20.11.2026;20.12.2026;119,00;100,00;19;EUR;"
        "invoice;;;email;2026/R-2026-3001.pdf\n"
        "R-2026-3002;K-10004;Gärtnerei Grünwald;Lindenallee 7;40211;Düsseldorf;DE;;b2c;;"
        "25.11.2026;09.12.2026;238,00;200,00;19;EUR;invoice;;;letter;2026/R-2026-3002.pdf\n"
        "R-2026-3003;K-10001;Bäckerei Schmitz GmbH;Severinstraße 12;50678;Köln;DE;"
        "buchhaltung@baeckerei-schmitz.example;b2b;;26.11.2026;26.12.2026;59,50;50,00;19;EUR;"
        "invoice;;;email;../outside.pdf\n";
    dir_.write("state/inbox/erp/2026-11-27_offene-posten.csv", csv);
    for (const char* number : {"R-2026-1001", "R-2026-3001", "R-2026-3002"}) {
      dir_.write("state/documents/2026/" + std::string(number) + ".pdf", invoice_pdf(number));
    }
    dir_.write("state/outside.pdf", invoice_pdf("not for customers"));
  }
};

TEST_F(DeliverInvoices, EachNewInvoiceReachesItsCustomerOnceByTheirChannel) {
  drop_export_with_documents();
  const Completed run = once(kDemoDay, {"import-items", "deliver-invoices"});
  ASSERT_EQ(run.status, 0) << run.err;

  // By e-mail: the covering mail with the ERP's PDF attached, byte for byte.
  const std::vector<fs::path> mails = emls();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].filename(), "kontor-notice-I-R-2026-3001.eml");
  const nlohmann::json mail = read_eml(mails[0]);
  EXPECT_EQ(mail["to"]["address"], "buchhaltung@baeckerei-schmitz.example");
  EXPECT_THAT(mail["subject"].get<std::string>(), HasSubstr("Ihre Rechnung R-2026-3001"));
  EXPECT_THAT(mail["text"].get<std::string>(), HasSubstr("119,00 €"));
  ASSERT_EQ(mail["attachments"].size(), 1u);
  EXPECT_EQ(mail["attachments"][0]["content_type"], "application/pdf");
  EXPECT_EQ(mail["attachments"][0]["sha256"], Sha256::hex_of(invoice_pdf("R-2026-3001")));

  // By letter: the same PDF in the print shop's folder.
  const std::vector<fs::path> spooled = letters();
  ASSERT_EQ(spooled.size(), 1u);
  EXPECT_EQ(read_text(spooled[0]), invoice_pdf("R-2026-3002"));

  // The path out of the folder is refused, named; the old invoice is not mailed.
  EXPECT_THAT(run.err, HasSubstr("invoice R-2026-3003: document ../outside.pdf is not inside"));
  for (const fs::path& mail_file : mails) {
    EXPECT_THAT(read_text(mail_file), Not(HasSubstr("R-2026-1001")));
  }
  const std::vector<store::StoredNotice> stored = notices();
  ASSERT_EQ(stored.size(), 2u);
  for (const store::StoredNotice& notice : stored) {
    EXPECT_EQ(notice.notice.kind, NoticeKind::invoice);
    EXPECT_EQ(notice.notice.delivery_state, DeliveryState::delivered);
  }

  // Once: the next run sends nothing again.
  const Completed again = once("2026-11-28T15:00", {"deliver-invoices"});
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(emls().size(), 1u);
  EXPECT_EQ(letters().size(), 1u);
  EXPECT_EQ(notices().size(), 2u);
}

}  // namespace
}  // namespace kontor::testing
