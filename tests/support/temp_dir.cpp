#include "support/temp_dir.hpp"

#include <stdlib.h>

#include <fstream>
#include <stdexcept>

namespace kontor::testing {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "kontor-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path TempDir::write(const std::string& name, const std::string& text) const {
  const auto file = path_ / name;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

std::filesystem::path shared_dir() {
  return KONTOR_SHARED_DIR;
}
std::filesystem::path source_dir() {
  return KONTOR_SOURCE_DIR;
}
std::filesystem::path binary_dir() {
  return KONTOR_BINARY_DIR;
}

}  // namespace kontor::testing
