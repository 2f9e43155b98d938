// Tests: the EPC QR payload exactly as EPC069-12 writes it (expected texts written by hand from
// the guideline), every limit and refusal, and the QR code read back by an independent decoder
// (zbarimg) byte for byte.

#include "render/epc_qr.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace kontor::render {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

std::string repeated(std::string_view text, int times) {
  std::string result;
  for (int k = 0; k < times; ++k) result += text;
  return result;
}

// A reminder of Beispiel GmbH for 214.00 EUR, quoting the notice's RF reference.
EpcPayment worked_example() {
  return {.creditor_name = "Beispiel GmbH",
          .iban = "DE89 3704 0044 0532 0130 00",
          .bic = "COBADEFFXXX",
          .amount = eur(21400),
          .reference = "RF36 M202 6000 001",
          .remittance = "",
          .note = ""};
}

// The same creditor with umlauts, no BIC, remittance text instead of a reference, and a note.
EpcPayment umlaut_example() {
  return {.creditor_name = "Müller & Söhne GmbH",
          .iban = "DE89370400440532013000",
          .bic = "",
          .amount = eur(123450),
          .reference = "",
          .remittance = "Rechnung RE-2026/0412 Größe M",
          .note = "Zahlbar bis 30.04.2026, danke schön"};
}

// 70 two-byte characters, no BIC, 140 characters of text: exactly 331 bytes.
EpcPayment largest_example() {
  return {.creditor_name = repeated("Ä", 70),
          .iban = "DE89370400440532013000",
          .bic = "",
          .amount = eur(21400),
          .reference = "",
          .remittance = repeated("x", 140),
          .note = ""};
}

std::vector<std::string> lines_of(const std::string& payload) {
  std::vector<std::string> lines;
  std::istringstream in(payload);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string amount_line(std::int64_t cents) {
  EpcPayment payment = worked_example();
  payment.amount = eur(cents);
  const Result<std::string> payload = epc_payload(payment);
  if (!payload) return "error: " + payload.error().message;
  return lines_of(*payload).at(7);
}

Error refusal(const EpcPayment& payment) {
  const Result<std::string> payload = epc_payload(payment);
  if (payload) return Error{"accepted: " + *payload, 0};
  return payload.error();
}

TEST(EpcPayload, WorkedExampleIsTheGuidelinesTextExactly) {
  const Result<std::string> payload = epc_payload(worked_example());
  ASSERT_TRUE(payload) << payload.error().message;
  EXPECT_EQ(*payload,
            "BCD\n002\n1\nSCT\nCOBADEFFXXX\nBeispiel GmbH\nDE89370400440532013000\nEUR214.00\n"
            "\nRF36M2026000001");
}

TEST(EpcPayload, RemittanceTextTakesTheEleventhLineAndTheNoteTheTwelfth) {
  const Result<std::string> payload = epc_payload(umlaut_example());
  ASSERT_TRUE(payload) << payload.error().message;
  EXPECT_EQ(*payload,
            "BCD\n002\n1\nSCT\n\nMüller & Söhne GmbH\nDE89370400440532013000\nEUR1234.50\n\n\n"
            "Rechnung RE-2026/0412 Größe M\nZahlbar bis 30.04.2026, danke schön");
}

TEST(EpcPayload, NoteAfterAReferenceLeavesTheRemittanceLineEmpty) {
  EpcPayment payment = worked_example();
  payment.note = "Danke";
  const Result<std::string> payload = epc_payload(payment);
  ASSERT_TRUE(payload) << payload.error().message;
  EXPECT_EQ(*payload,
            "BCD\n002\n1\nSCT\nCOBADEFFXXX\nBeispiel GmbH\nDE89370400440532013000\nEUR214.00\n"
            "\nRF36M2026000001\n\nDanke");
}

TEST(EpcPayload, NothingFollowsTheLastElementGiven) {
  EpcPayment payment = worked_example();
  payment.reference = "";
  const Result<std::string> payload = epc_payload(payment);
  ASSERT_TRUE(payload) << payload.error().message;
  EXPECT_EQ(*payload,
            "BCD\n002\n1\nSCT\nCOBADEFFXXX\nBeispiel GmbH\nDE89370400440532013000\nEUR214.00");
}

TEST(EpcPayload, AmountIsWrittenWithTwoDecimalsAndAPoint) {
  EXPECT_EQ(amount_line(21400), "EUR214.00");
  EXPECT_EQ(amount_line(123450), "EUR1234.50");
  EXPECT_EQ(amount_line(123456), "EUR1234.56");
  EXPECT_EQ(amount_line(1005), "EUR10.05");
  EXPECT_EQ(amount_line(1), "EUR0.01");
  EXPECT_EQ(amount_line(99), "EUR0.99");
  EXPECT_EQ(amount_line(99'999'999'999), "EUR999999999.99");
}

TEST(EpcPayload, AmountFromOneCentToJustBelowOneBillionEuros) {
  for (const std::int64_t cents :
       {std::int64_t{0}, std::int64_t{-1}, std::int64_t{-21400}, std::int64_t{100'000'000'000}}) {
    EpcPayment payment = worked_example();
    payment.amount = eur(cents);
    const Error error = refusal(payment);
    EXPECT_THAT(error.message, HasSubstr("EPC QR amount: ")) << cents;
    EXPECT_THAT(error.message, HasSubstr("out of range")) << cents;
  }
}

TEST(EpcPayload, OnlyEurosCanBeRequested) {
  EpcPayment payment = worked_example();
  payment.amount = Money(21400, Currency::from_code("USD").value());
  const Error error = refusal(payment);
  EXPECT_THAT(error.message, HasSubstr("EPC QR amount: "));
  EXPECT_THAT(error.message, HasSubstr("USD"));
}

TEST(EpcPayload, CreditorNameIsRequired) {
  EpcPayment payment = worked_example();
  payment.creditor_name = "";
  EXPECT_THAT(refusal(payment).message, HasSubstr("EPC QR creditor_name: is empty"));
}

TEST(EpcPayload, CreditorNameHasAtMostSeventyCharacters) {
  EpcPayment payment = worked_example();
  payment.creditor_name = repeated("x", 70);
  EXPECT_TRUE(epc_payload(payment));
  payment.creditor_name = repeated("x", 71);
  const Error error = refusal(payment);
  EXPECT_THAT(error.message, HasSubstr("EPC QR creditor_name: has 71 characters; at most 70"));
  EXPECT_EQ(error.position, 71);
}

TEST(EpcPayload, CreditorNameWithUmlautsIsCountedInCharactersNotBytes) {
  EpcPayment payment = worked_example();
  payment.creditor_name = repeated("Ä", 70);  // 140 bytes
  const Result<std::string> payload = epc_payload(payment);
  ASSERT_TRUE(payload) << payload.error().message;
  EXPECT_EQ(lines_of(*payload).at(5), repeated("Ä", 70));

  payment.creditor_name = repeated("Ä", 71);
  EXPECT_THAT(refusal(payment).message,
              HasSubstr("EPC QR creditor_name: has 71 characters; at most 70"));
}

TEST(EpcPayload, RemittanceHasAtMost140Characters) {
  EpcPayment payment = worked_example();
  payment.reference = "";
  payment.remittance = repeated("x", 139) + "ü";  // 141 bytes
  EXPECT_TRUE(epc_payload(payment));
  payment.remittance = repeated("x", 140) + "ü";
  EXPECT_THAT(refusal(payment).message,
              HasSubstr("EPC QR remittance: has 141 characters; at most 140"));
}

TEST(EpcPayload, NoteHasAtMostSeventyCharacters) {
  EpcPayment payment = worked_example();
  payment.note = repeated("ö", 70);
  EXPECT_TRUE(epc_payload(payment));
  payment.note = repeated("ö", 71);
  EXPECT_THAT(refusal(payment).message, HasSubstr("EPC QR note: has 71 characters; at most 70"));
}

TEST(EpcPayload, IbanIsWrittenWithoutBlanksInUpperCase) {
  EpcPayment payment = worked_example();
  payment.iban = "de89 3704 0044 0532 0130 00";
  const Result<std::string> payload = epc_payload(payment);
  ASSERT_TRUE(payload) << payload.error().message;
  EXPECT_EQ(lines_of(*payload).at(6), "DE89370400440532013000");
}

TEST(EpcPayload, IbanWithWrongCheckDigitsIsRefused) {
  EpcPayment payment = worked_example();
  payment.iban = "DE88370400440532013000";
  EXPECT_THAT(refusal(payment).message, HasSubstr("EPC QR iban: "));
  payment.iban = "";
  EXPECT_THAT(refusal(payment).message, HasSubstr("EPC QR iban: "));
}

TEST(EpcPayload, BicMayBeLeftOutInVersion002) {
  EpcPayment payment = worked_example();
  payment.bic = "";
  const Result<std::string> payload = epc_payload(payment);
  ASSERT_TRUE(payload) << payload.error().message;
  EXPECT_EQ(lines_of(*payload).at(4), "");
  EXPECT_EQ(lines_of(*payload).at(5), "Beispiel GmbH");
}

TEST(EpcPayload, BicGivenMustHaveTheShapeOfABic) {
  EpcPayment payment = worked_example();
  payment.bic = "cobadeff";
  const Result<std::string> payload = epc_payload(payment);
  ASSERT_TRUE(payload) << payload.error().message;
  EXPECT_EQ(lines_of(*payload).at(4), "COBADEFF");
  payment.bic = "COBADE";
  EXPECT_THAT(refusal(payment).message, HasSubstr("EPC QR bic: "));
}

TEST(EpcPayload, ReferenceIsWrittenWithoutBlanksInUpperCase) {
  EpcPayment payment = worked_example();
  payment.reference = "rf18 5390 0754 7034";
  const Result<std::string> payload = epc_payload(payment);
  ASSERT_TRUE(payload) << payload.error().message;
  EXPECT_EQ(lines_of(*payload).at(9), "RF18539007547034");
}

TEST(EpcPayload, ReferenceMustBeAValidRfReference) {
  EpcPayment payment = worked_example();
  payment.reference = "RF37 M202 6000 001";  // check digits off by one
  EXPECT_THAT(refusal(payment).message, HasSubstr("EPC QR reference: "));
  payment.reference = "RE-2026/0412";  // an invoice number, not an RF reference
  EXPECT_THAT(refusal(payment).message, HasSubstr("EPC QR reference: "));
}

TEST(EpcPayload, ReferenceAndRemittanceTextTogetherAreRefused) {
  EpcPayment payment = worked_example();
  payment.remittance = "Rechnung RE-2026/0412";
  const Error error = refusal(payment);
  EXPECT_THAT(error.message, HasSubstr("EPC QR reference: "));
  EXPECT_THAT(error.message, HasSubstr("remittance"));
}

TEST(EpcPayload, LineBreaksAreRefusedInEveryField) {
  struct Case {
    std::string field;
    EpcPayment payment;
  };
  std::vector<Case> cases;
  EpcPayment payment = worked_example();
  payment.creditor_name = "Beispiel\nGmbH";
  cases.push_back({.field = "creditor_name", .payment = payment});
  payment = worked_example();
  payment.iban = "DE89370400440532013000\n";
  cases.push_back({.field = "iban", .payment = payment});
  payment = worked_example();
  payment.bic = "COBADEFF\nXXX";
  cases.push_back({.field = "bic", .payment = payment});
  payment = worked_example();
  payment.reference = "RF36M2026000001\n";
  cases.push_back({.field = "reference", .payment = payment});
  payment = worked_example();
  payment.reference = "";
  payment.remittance = "Rechnung\r\nRE-2026/0412";
  cases.push_back({.field = "remittance", .payment = payment});
  payment = worked_example();
  payment.note = "Danke\u2028schön";  // the Unicode line separator breaks a line, too
  cases.push_back({.field = "note", .payment = payment});

  for (const Case& c : cases) {
    EXPECT_THAT(refusal(c.payment).message, HasSubstr("EPC QR " + c.field + ": ")) << c.field;
  }
}

TEST(EpcPayload, ControlCharactersAreNamedWithTheirPosition) {
  EpcPayment payment = worked_example();
  payment.note = "Dank\tschön";
  const Error error = refusal(payment);
  EXPECT_THAT(error.message, HasSubstr("found U+0009 at character 5"));
  EXPECT_EQ(error.position, 5);
}

TEST(EpcPayload, TextThatIsNotUtf8IsRefused) {
  EpcPayment payment = worked_example();
  payment.creditor_name = "M\xFCller GmbH";  // Latin-1
  EXPECT_THAT(refusal(payment).message, HasSubstr("EPC QR creditor_name: not UTF-8"));
  payment.creditor_name = "M\xC3";  // cut off in the middle of a character
  EXPECT_THAT(refusal(payment).message, HasSubstr("EPC QR creditor_name: not UTF-8"));
  payment.creditor_name = "M\xC0\xAF";  // overlong '/'
  EXPECT_THAT(refusal(payment).message, HasSubstr("EPC QR creditor_name: not UTF-8"));
}

TEST(EpcPayload, PayloadOf331BytesIsAcceptedAndOneMoreIsRefused) {
  const Result<std::string> payload = epc_payload(largest_example());
  ASSERT_TRUE(payload) << payload.error().message;
  EXPECT_EQ(payload->size(), 331u);

  EpcPayment payment = largest_example();
  payment.amount = eur(214000);  // EUR2140.00: one byte more
  EXPECT_THAT(refusal(payment).message, HasSubstr("EPC QR payload: has 332 bytes; at most 331"));
}

TEST(EpcQrMatrix, HasFinderPatternsInThreeCornersAndNoQuietZone) {
  const Result<QrMatrix> matrix = epc_qr_matrix(epc_payload(worked_example()).value());
  ASSERT_TRUE(matrix) << matrix.error().message;
  ASSERT_EQ((matrix->size - 17) % 4, 0) << matrix->size;  // 4 * version + 17
  ASSERT_EQ(matrix->dark.size(), static_cast<std::size_t>(matrix->size * matrix->size));
  const int last = matrix->size - 1;
  const std::vector<std::pair<int, int>> finder_corners = {
      {0, 0}, {6, 0}, {0, 6}, {6, 6}, {last, 0}, {last - 6, 6}, {0, last}, {6, last - 6}};
  for (const auto& [x, y] : finder_corners) {
    EXPECT_TRUE(matrix->at(x, y)) << x << "," << y;
  }
  // The light ring inside each finder pattern, and the light separator around it.
  EXPECT_FALSE(matrix->at(1, 1));
  EXPECT_FALSE(matrix->at(7, 0));
  EXPECT_FALSE(matrix->at(last - 7, 0));
  EXPECT_FALSE(matrix->at(0, last - 7));
}

TEST(EpcQrMatrix, LargestPayloadFitsVersion13) {
  const Result<QrMatrix> matrix = epc_qr_matrix(epc_payload(largest_example()).value());
  ASSERT_TRUE(matrix) << matrix.error().message;
  EXPECT_EQ(matrix->size, 4 * 13 + 17);
}

TEST(EpcQrMatrix, PayloadBeyondVersion13OrEmptyIsRefused) {
  const Result<QrMatrix> too_long = epc_qr_matrix(std::string(332, 'x'));
  ASSERT_FALSE(too_long);
  EXPECT_THAT(too_long.error().message, HasSubstr("EPC QR payload: has 332 bytes"));
  const Result<QrMatrix> empty = epc_qr_matrix("");
  ASSERT_FALSE(empty);
  EXPECT_THAT(empty.error().message, HasSubstr("EPC QR payload: is empty"));
}

// Paints the code as a greyscale PGM ("P5"), 4 pixels per module, with the 4-module quiet zone
// a scanner needs.
void write_pgm(const QrMatrix& matrix, const fs::path& file) {
  constexpr int kPixelsPerModule = 4;
  constexpr int kQuietModules = 4;
  const int pixels = (matrix.size + 2 * kQuietModules) * kPixelsPerModule;
  std::ofstream out(file, std::ios::binary);
  out << "P5\n" << pixels << ' ' << pixels << "\n255\n";
  for (int row = 0; row < pixels; ++row) {
    for (int column = 0; column < pixels; ++column) {
      const int x = column / kPixelsPerModule - kQuietModules;
      const int y = row / kPixelsPerModule - kQuietModules;
      const bool inside = x >= 0 && y >= 0 && x < matrix.size && y < matrix.size;
      out.put(inside && matrix.at(x, y) ? '\0' : '\xFF');
    }
  }
}

class EpcQrDecode : public ::testing::Test {
 protected:
  // What zbarimg reads from the painted code. -Sbinary hands over the bytes as encoded: without
  // it, zbar guesses a character set for byte-mode data that has no ECI header and re-encodes
  // UTF-8 umlauts wrongly. --nodbus: there may be no system bus.
  std::string decoded(const std::string& payload, const std::string& name) {
    const Result<QrMatrix> matrix = epc_qr_matrix(payload);
    if (!matrix) return "error: " + matrix.error().message;
    const fs::path image = dir_ / (name + ".pgm");
    write_pgm(*matrix, image);
    const fs::path output = dir_ / name;
    fs::create_directories(output);
    const kontor::testing::Completed zbarimg = kontor::testing::run_to_end(
        {.argv = {"/usr/bin/zbarimg", "--nodbus", "--raw", "-q", "-Sbinary", image.string()},
         .output_dir = output,
         .set_env = {},
         .unset_env = {}});
    if (zbarimg.status != 0) {
      return "zbarimg exit " + std::to_string(zbarimg.status) + ": " + zbarimg.err;
    }
    std::string text = zbarimg.out;
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
  }

  kontor::testing::TempDir dir_;
};

TEST_F(EpcQrDecode, ScannerReadsTheWorkedExampleByteForByte) {
  const std::string payload = epc_payload(worked_example()).value();
  EXPECT_EQ(decoded(payload, "worked"), payload);
}

TEST_F(EpcQrDecode, ScannerReadsUmlautsByteForByte) {
  const std::string payload = epc_payload(umlaut_example()).value();
  EXPECT_EQ(decoded(payload, "umlauts"), payload);
}

TEST_F(EpcQrDecode, ScannerReadsTheLargestCodeByteForByte) {
  const std::string payload = epc_payload(largest_example()).value();
  EXPECT_EQ(decoded(payload, "largest"), payload);
}

}  // namespace
}  // namespace kontor::render
