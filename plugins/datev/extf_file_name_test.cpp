#include "extf_file_name.hpp"

#include <gtest/gtest.h>

namespace kontor::plugins::datev {
namespace {

Date day(int year, int month, int day) {
  return Date::from_ymd(year, month, day).value();
}

// ^EXTF_.+\.csv$ (reference §8), without std::regex.
bool is_extf_file_name(std::string_view name) {
  return name.size() > 9 && name.starts_with("EXTF_") && name.ends_with(".csv");
}

TEST(ExtfFileNameTest, BookingFileNameHasTheMonthAndTheBatch) {
  std::string name = booking_file_name(day(2024, 1, 1), "B-17");
  EXPECT_EQ(name, "EXTF_Buchungsstapel_202401_B-17.csv");
  EXPECT_TRUE(is_extf_file_name(name));
  EXPECT_EQ(booking_file_name(day(2024, 11, 1), "2024_11"),
            "EXTF_Buchungsstapel_202411_2024_11.csv");
}

TEST(ExtfFileNameTest, DebtorFileNameIsDebKredStammWithTheBatch) {
  std::string name = debtor_file_name("B-17");
  EXPECT_EQ(name, "EXTF_DebKred_Stamm_B-17.csv");
  EXPECT_TRUE(is_extf_file_name(name));
}

TEST(ExtfFileNameTest, WithoutABatchIdTheNameStillMatchesTheExtfPattern) {
  EXPECT_EQ(booking_file_name(day(2024, 1, 1), ""), "EXTF_Buchungsstapel_202401.csv");
  EXPECT_EQ(debtor_file_name(""), "EXTF_DebKred_Stamm.csv");
  EXPECT_TRUE(is_extf_file_name(debtor_file_name("")));
}

TEST(ExtfFileNameTest, OnlyLettersDigitsUnderscoreAndHyphenOfTheBatchAreKept) {
  EXPECT_EQ(file_name_part("2024/01 Lauf#3"), "2024_01_Lauf_3");
  EXPECT_EQ(file_name_part("../../etc"), "______etc");
  EXPECT_EQ(file_name_part("Müller€"), "M_ller_");  // one '_' per character, not per byte
  EXPECT_EQ(booking_file_name(day(2024, 1, 1), "a.b"), "EXTF_Buchungsstapel_202401_a_b.csv");
}

TEST(ExtfFileNameTest, LongBatchIdIsCutToSixtyFourCharacters) {
  EXPECT_EQ(file_name_part(std::string(100, 'x')), std::string(64, 'x'));
}

}  // namespace
}  // namespace kontor::plugins::datev
