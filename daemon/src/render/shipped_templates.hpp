// The notice templates shipped with Kontor (config/templates/), compiled into the library so
// that kontord renders notices without any template file on disk. The build generates the
// definition (shipped_templates.cpp in the build tree) from the files; see CMakeLists.txt.
#pragma once

#include <span>
#include <string_view>

namespace kontor::render {

struct ShippedTemplate {
  std::string_view file_name;  // "reminder-1.de.txt"
  std::string_view text;       // the file's bytes
};

// Every shipped template file, sorted by file name.
std::span<const ShippedTemplate> shipped_templates();

}  // namespace kontor::render
