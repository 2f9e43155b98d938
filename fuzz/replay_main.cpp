// The main of a fuzz target in a build without libFuzzer (GCC, the ci preset): runs every input
// it is given through LLVMFuzzerTestOneInput once — each file named, each regular file of each
// directory named (recursively, in path order, dot files skipped). A directory that does not
// exist is skipped with a note (crashes/NAME/ exists only once something was found).
//
// It prints every input before running it, so a crash names its input; a crash ends the process
// through the sanitizers (abort, non-zero exit). It fails when it ran no input at all: a replay
// test that checks nothing would pass forever.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

bool hidden(const fs::path& path) {
  return path.filename().string().starts_with(".");
}

void collect(const fs::path& path, std::vector<fs::path>& inputs) {
  std::error_code error;
  if (fs::is_directory(path, error)) {
    for (const auto& entry : fs::recursive_directory_iterator(path, error)) {
      if (entry.is_regular_file() && !hidden(entry.path())) inputs.push_back(entry.path());
    }
  } else if (fs::is_regular_file(path, error)) {
    inputs.push_back(path);
  } else {
    std::printf("replay: %s does not exist, skipped\n", path.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) collect(argv[i], inputs);
  std::sort(inputs.begin(), inputs.end());
  for (const fs::path& path : inputs) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
      std::fprintf(stderr, "replay: cannot read %s\n", path.c_str());
      return 2;
    }
    std::printf("replay: %s (%zu bytes)\n", path.c_str(), bytes.size());
    std::fflush(stdout);
    // An exact-size heap copy, as libFuzzer passes it: reading one byte past the end is caught.
    auto data = std::make_unique<std::uint8_t[]>(bytes.size());
    std::copy(bytes.begin(), bytes.end(), data.get());
    LLVMFuzzerTestOneInput(data.get(), bytes.size());
  }
  std::printf("replay: %zu inputs ran\n", inputs.size());
  if (inputs.empty()) {
    std::fprintf(stderr, "replay: no inputs found; give corpus directories or files\n");
    return 1;
  }
  return 0;
}
