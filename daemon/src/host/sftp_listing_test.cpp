#include "host/sftp_listing.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::host {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

// What OpenSSH's sftp-server sends for a bank's outgoing folder.
constexpr std::string_view kOpenSshLongListing =
    "drwxr-xr-x    4 bank     bank         4096 Nov 28 09:10 .\n"
    "drwxr-xr-x    3 root     root         4096 Nov  2  2025 ..\n"
    "-rw-r--r--    1 bank     bank        18133 Nov 28 06:02 camt053_20261127.xml\n"
    "drwxr-xr-x    2 bank     bank         4096 Nov 27 06:03 processed\n"
    "lrwxrwxrwx    1 bank     bank           20 Nov 28 06:02 latest.xml\n"
    "-rw-r--r--    1 bank     bank          512 Nov 28 06:02 Kontoauszug 27.11.sta\n"
    "prw-r--r--    1 bank     bank            0 Nov 28 06:02 pipe\n";

TEST(SftpListing, NamesLeaveOutTheDirectoryItselfAndItsParent) {
  EXPECT_THAT(listed_names(".\n..\na.xml\r\nb c.sta\n\n"), ElementsAre("a.xml", "b c.sta"));
}

TEST(SftpListing, TypesComeFromTheFirstCharacterOfEachNamesLongLine) {
  const std::vector<std::string> names = {"camt053_20261127.xml", "processed", "latest.xml",
                                          "Kontoauszug 27.11.sta", "pipe"};
  EXPECT_THAT(entry_types(names, kOpenSshLongListing),
              UnorderedElementsAre(Pair("camt053_20261127.xml", EntryType::kFile),
                                   Pair("processed", EntryType::kDirectory),
                                   Pair("latest.xml", EntryType::kSymlink),
                                   Pair("Kontoauszug 27.11.sta", EntryType::kFile),
                                   Pair("pipe", EntryType::kOther)));
}

TEST(SftpListing, ALineBelongsToTheLongestNameItEndsWith) {
  // "b.xml" is also the end of "a b.xml"'s line: the directory must not be taken for the file.
  const std::string listing =
      "drwxr-xr-x 2 u g 4096 Nov 28 09:10 a b.xml\n"
      "-rw-r--r-- 1 u g   10 Nov 28 09:10 b.xml\n";
  EXPECT_THAT(entry_types({"b.xml", "a b.xml"}, listing),
              UnorderedElementsAre(Pair("b.xml", EntryType::kFile),
                                   Pair("a b.xml", EntryType::kDirectory)));
}

TEST(SftpListing, ASymlinkLineWithItsTargetBelongsToTheLink) {
  EXPECT_THAT(
      entry_types({"latest.xml", "a.xml"}, "lrwxrwxrwx 1 u g 5 Nov 28 09:10 latest.xml -> a.xml\n"),
      UnorderedElementsAre(Pair("latest.xml", EntryType::kSymlink),
                           Pair("a.xml", EntryType::kUnknown)));
}

TEST(SftpListing, ANameWithoutALongLineInLsFormIsOfUnknownType) {
  EXPECT_THAT(
      entry_types({"a.xml", "b.xml"}, "a.xml\n<b.xml 10 bytes> b.xml\n"),
      UnorderedElementsAre(Pair("a.xml", EntryType::kUnknown), Pair("b.xml", EntryType::kUnknown)));
}

TEST(SftpListing, AnswerLinesAreTabSeparated) {
  EXPECT_EQ(listing_line(EntryType::kFile, 18133, 1'795'845'720, "camt053.xml"),
            "f\t18133\t1795845720\tcamt053.xml\n");
  EXPECT_EQ(listing_line(EntryType::kDirectory, -1, 0, "processed"), "d\t-1\t0\tprocessed\n");
}

}  // namespace
}  // namespace kontor::host
