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
  target_link_options(${target} PRIVATE -Wl,--no-undefined)
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY})
  endif()
endfunction()
