// The spool folder: file names no idempotency key can steer outside the folder, files that
// appear whole with the right permissions, and a file already there left as it is.
#include "kontor/sdk/spool_file.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "support/temp_dir.hpp"

namespace kontor::sdk {
namespace {

namespace fs = std::filesystem;
using kontor::testing::file_names_in;
using kontor::testing::read_file;
using ::testing::HasSubstr;

TEST(SpoolFileName, PlainKeyIsTheStemAsItIs) {
  EXPECT_EQ(spool_file_name("notice-M-1-email", ".eml"), "notice-M-1-email.eml");
  EXPECT_EQ(spool_file_name("notice-M-1-letter", ".pdf"), "notice-M-1-letter.pdf");
}

TEST(SpoolFileName, KeysThatDifferOnlyInReplacedCharactersGetTheirOwnFiles) {
  EXPECT_NE(spool_file_name("a/b", ".eml"), spool_file_name("a_b", ".eml"));
  EXPECT_NE(spool_file_name("a/b", ".eml"), spool_file_name("a:b", ".eml"));
  EXPECT_LE(spool_file_name(std::string(1000, 'k'), ".eml").size(), 200u);
}

TEST(SpoolFileName, NoKeyLeavesTheFolderOrHides) {
  for (const char* key : {"../../escaped", "/etc/escaped", "..", ".hidden", "a/b", "a\nb", ""}) {
    const std::string name = spool_file_name(key, ".pdf");
    EXPECT_EQ(name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                     "0123456789._-"),
              std::string::npos)
        << name;
    EXPECT_NE(name[0], '.') << name;
    EXPECT_TRUE(name.ends_with(".pdf")) << name;
  }
}

TEST(SpoolFileName, OneKeyGivesOneStemForEveryExtension) {
  for (const std::string& key :
       std::vector<std::string>{"notice-M-1-letter", "../x", std::string(300, 'k')}) {
    const std::string pdf = spool_file_name(key, ".pdf");
    const std::string json = spool_file_name(key, ".json");
    EXPECT_EQ(pdf.substr(0, pdf.size() - 4), json.substr(0, json.size() - 5)) << key;
  }
}

TEST(WriteSpoolFile, WritesTheBytesIntoAFolderItCreatesForTheGroupOnly) {
  kontor::testing::TempDir dir;
  const fs::path folder = dir / "spool" / "letters";
  const std::string bytes("%PDF-1.7\n\0\xff binary", 19);
  const Result<SpoolOutcome> written = write_spool_file(folder, "n.pdf", bytes);
  ASSERT_TRUE(written.ok()) << written.error().message;
  EXPECT_EQ(*written, SpoolOutcome::kWritten);
  EXPECT_EQ(read_file(folder / "n.pdf"), bytes);
  EXPECT_EQ(file_names_in(folder), std::vector<std::string>{"n.pdf"});  // no temporary file left
  struct stat st {};
  ASSERT_EQ(::stat(folder.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0750u);
  ASSERT_EQ(::stat((folder / "n.pdf").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
}

TEST(WriteSpoolFile, AFileAlreadyThereIsDeliveredBeforeAndLeftAlone) {
  kontor::testing::TempDir dir;
  ASSERT_TRUE(write_spool_file(dir.path(), "n.eml", "first").ok());
  const Result<SpoolOutcome> again = write_spool_file(dir.path(), "n.eml", "second");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(*again, SpoolOutcome::kAlreadyThere);
  EXPECT_EQ(read_file(dir / "n.eml"), "first");
}

TEST(WriteSpoolFile, AFolderInTheFilesPlaceIsAnErrorNotADelivery) {
  kontor::testing::TempDir dir;
  fs::create_directory(dir / "n.json");
  const Result<SpoolOutcome> written = write_spool_file(dir.path(), "n.json", "{}");
  ASSERT_FALSE(written.ok());
  EXPECT_THAT(written.error().message, HasSubstr((dir / "n.json").string()));
  EXPECT_EQ(file_names_in(dir.path()), std::vector<std::string>{"n.json"});
}

TEST(WriteSpoolFile, AFolderThatCannotBeCreatedIsAnErrorNamingThePath) {
  kontor::testing::TempDir dir;
  dir.write("blocker", "a file where the folder's parent should be");
  const Result<SpoolOutcome> written = write_spool_file(dir / "blocker" / "spool", "n.eml", "x");
  ASSERT_FALSE(written.ok());
  EXPECT_THAT(written.error().message, HasSubstr("blocker"));
}

}  // namespace
}  // namespace kontor::sdk
