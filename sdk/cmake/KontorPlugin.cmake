# kontor_add_plugin(NAME SOURCES src... [LIBS lib...] [OUTPUT_DIRECTORY dir])
#
# Builds the plugin NAME ([a-z0-9-]) as kontor-NAME.so: a MODULE library with every symbol
# hidden except the entry point, and no undefined symbols (a plugin gets host services through
# the ABI's table, never by linking against kontord), so a missing symbol fails at build time.
function(kontor_add_plugin name)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY" "SOURCES;LIBS" ${ARGN})
  if(NOT name MATCHES "^[a-z0-9][a-z0-9-]*$")
    message(FATAL_ERROR "kontor_add_plugin: '${name}' is not a plugin name ([a-z0-9-])")
  endif()
  set(target kontor-${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE Kontor::sdk ${ARG_LIBS})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME kontor-${name}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  # Hidden visibility covers the plugin's own code only: what it takes from static libraries (the
  # SDK among them) and libstdc++'s template instances would stay exported, and calls to them
  # would bind to whatever copy kontord or a library loaded before exports first. A version
  # script keeps the promise: the entry point, nothing else.
  set(exports ${CMAKE_CURRENT_BINARY_DIR}/${target}.exports)
  file(CONFIGURE OUTPUT ${exports} CONTENT "{\n  global: kontor_plugin_entry_v1;\n  local: *;\n};\n")
  target_link_options(${target} PRIVATE -Wl,--no-undefined -Wl,--version-script=${exports})
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${exports})
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY})
  endif()
endfunction()
