#include "kontor/build_info.hpp"

#include "kontor/version.hpp"

namespace kontor {

#define KONTOR_STRINGIFY2(x) #x
#define KONTOR_STRINGIFY(x) KONTOR_STRINGIFY2(x)

const char* sdk_build_info() {
  return "Kontor SDK "
#ifdef KONTOR_VERSION_TEXT
      KONTOR_VERSION_TEXT
#endif
         ", "
#if defined(__clang__)
         "clang " __clang_version__
#elif defined(__GNUC__)
         "GCC " KONTOR_STRINGIFY(__GNUC__) "." KONTOR_STRINGIFY(__GNUC_MINOR__)
#endif
         ", C++ " KONTOR_STRINGIFY(__cplusplus);
}

}  // namespace kontor
