// Tests: RF references as payers quote them — grouped, wrapped, lower case — and what is not one.
#include "matching/creditor_reference_search.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace kontor::matching {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> electronic(const std::vector<CreditorReference>& references) {
  std::vector<std::string> result;
  for (const CreditorReference& reference : references) result.push_back(reference.electronic());
  return result;
}

// The ISO 11649 example reference.
constexpr std::string_view kIsoExample = "RF18539007547034";

TEST(CreditorReferenceSearch, AReferenceWrittenInGroupsOfFourIsFound) {
  EXPECT_THAT(electronic(find_creditor_references("Zahlung RF18 5390 0754 7034")),
              ElementsAre(kIsoExample));
}

TEST(CreditorReferenceSearch, AReferenceFollowedByAWordIsFoundWithoutTheWord) {
  const std::vector<std::string> found =
      electronic(find_creditor_references("RF18 5390 0754 7034 Danke"));
  EXPECT_NE(std::find(found.begin(), found.end(), kIsoExample), found.end());
}

TEST(CreditorReferenceSearch, AReferenceWrappedAcrossLinesIsFound) {
  EXPECT_THAT(electronic(find_creditor_references("Ref RF18 5390 07\n54 7034")),
              ElementsAre(kIsoExample));
}

TEST(CreditorReferenceSearch, LowerCaseIsAccepted) {
  EXPECT_THAT(electronic(find_creditor_references("rf18539007547034")), ElementsAre(kIsoExample));
}

TEST(CreditorReferenceSearch, WrongCheckDigitsFindNothing) {
  EXPECT_TRUE(find_creditor_references("RF19 5390 0754 7034").empty());
}

TEST(CreditorReferenceSearch, RfInsideAWordIsNotAReference) {
  EXPECT_TRUE(find_creditor_references("XRF18539007547034").empty());
}

TEST(CreditorReferenceSearch, AGeneratedInvoiceReferenceIsFoundBesideOtherText) {
  const std::string reference = CreditorReference::from_number("RE-2026/0012")->formatted();
  EXPECT_THAT(electronic(find_creditor_references("Kd 4711, " + reference + ", Danke")),
              ElementsAre(CreditorReference::from_number("RE-2026/0012")->electronic()));
}

// Texts as they stand in the shared bank fixtures (camt.054 FI sample, cmxl MT940).
TEST(CreditorReferenceSearch, ReferencesFromRealBankFilesAreFoundAndLookAlikesAreNot) {
  EXPECT_THAT(electronic(find_creditor_references("RF7812345 ")), ElementsAre("RF7812345"));
  EXPECT_THAT(electronic(find_creditor_references("RF0812344")), ElementsAre("RF0812344"));
  EXPECT_TRUE(find_creditor_references("RFB/557742358").empty());
  // The MT940 :61: transaction type NTRF followed by the customer reference.
  EXPECT_TRUE(
      find_creditor_references(":61:1409010902DR000000000001,62NTRF0000549855700010//0254985")
          .empty());
}

}  // namespace
}  // namespace kontor::matching
