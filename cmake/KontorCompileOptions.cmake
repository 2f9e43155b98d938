# Warnings and sanitizers for every target Kontor builds (plugins included).
add_compile_options(-Wall -Wextra -Wpedantic)
if(KONTOR_WERROR)
  add_compile_options(-Werror)
  # GCC 12 reports false positives for these inside libstdc++ and Boost at -O1 with sanitizers.
  add_compile_options(-Wno-error=restrict -Wno-error=stringop-overflow
                      -Wno-error=array-bounds -Wno-error=maybe-uninitialized)
endif()
if(KONTOR_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
# Asio and Beast are compiled once, in kontor_asio; every other file sees declarations only.
add_compile_definitions(BOOST_ASIO_SEPARATE_COMPILATION BOOST_BEAST_SEPARATE_COMPILATION
                        BOOST_ASIO_NO_DEPRECATED BOOST_DLL_USE_STD_FS)
