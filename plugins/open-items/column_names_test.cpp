#include "column_names.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::plugins::open_items {
namespace {

using ::testing::HasSubstr;
using ::testing::Optional;

TEST(ColumnNames, DefaultNamesMatchWhateverTheCaseAndBlanks) {
  const ColumnNames names;
  EXPECT_THAT(names.field_for("invoice_no"), Optional(Field::invoice_no));
  EXPECT_THAT(names.field_for(" Invoice_No\t"), Optional(Field::invoice_no));
  EXPECT_THAT(names.field_for("DUNNING_NOTICE_ON_INVOICE"),
              Optional(Field::dunning_notice_on_invoice));
  EXPECT_EQ(names.field_for("Rechnungsnummer"), std::nullopt);
}

TEST(ColumnNames, RenamesReplaceTheDefaultNames) {
  auto names = ColumnNames::with_renames({{"invoice_no", "Belegnummer"}, {"amount", "Brutto €"}});
  ASSERT_TRUE(names) << names.error().message;
  EXPECT_THAT(names->field_for("belegnummer"), Optional(Field::invoice_no));
  EXPECT_THAT(names->field_for("BRUTTO €"), Optional(Field::amount));
  EXPECT_EQ(names->field_for("invoice_no"), std::nullopt);
  EXPECT_THAT(names->field_for("due_date"), Optional(Field::due_date));
  EXPECT_EQ(names->label(Field::invoice_no), "'Belegnummer' (invoice_no)");
  EXPECT_EQ(names->label(Field::due_date), "due_date");
}

TEST(ColumnNames, ARenameTakesItsHeaderTextFromADefaultName) {
  auto names = ColumnNames::with_renames({{"amount", "net_amount"}});
  ASSERT_TRUE(names);
  EXPECT_THAT(names->field_for("net_amount"), Optional(Field::amount));
}

TEST(ColumnNames, RenamesOfNoFieldOrTwoFieldsToOneHeaderAreErrors) {
  auto unknown = ColumnNames::with_renames({{"invoice_number", "Beleg"}});
  ASSERT_FALSE(unknown);
  EXPECT_THAT(unknown.error().message, HasSubstr("'invoice_number' is not a field"));
  auto twice = ColumnNames::with_renames({{"amount", "Betrag"}, {"net_amount", "betrag"}});
  ASSERT_FALSE(twice);
  EXPECT_THAT(twice.error().message, HasSubstr("both name the column"));
  EXPECT_FALSE(ColumnNames::with_renames({{"amount", "  "}}));
}

}  // namespace
}  // namespace kontor::plugins::open_items
