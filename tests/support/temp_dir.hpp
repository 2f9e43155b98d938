// TempDir: a fresh directory for one test, removed with everything in it afterwards.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kontor::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  // Writes `text` to `name` inside the directory and returns the full path.
  std::filesystem::path write(const std::string& name, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

// The bytes of a file ("" when it cannot be read).
std::string read_file(const std::filesystem::path& path);
// The names of the entries of a folder, sorted (none when it does not exist).
std::vector<std::string> file_names_in(const std::filesystem::path& folder);

// The directory holding fixtures/ and reference/ (../shared beside the checkout).
std::filesystem::path shared_dir();
std::filesystem::path source_dir();
std::filesystem::path binary_dir();

}  // namespace kontor::testing
