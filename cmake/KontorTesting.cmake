# kontor_add_test(NAME SOURCES... [LIBS ...]): one GoogleTest binary, its tests known to ctest.
# Each test gets the fixture location and, in sanitizer builds, the leak suppressions for
# system libraries (never for our own code).
set(KONTOR_TEST_ENV
    "KONTOR_SOURCE_DIR=${CMAKE_SOURCE_DIR}"
    "KONTOR_BINARY_DIR=${CMAKE_BINARY_DIR}"
    "KONTOR_SHARED_DIR=${KONTOR_SHARED_DIR}")
if(KONTOR_SANITIZE)
  list(APPEND KONTOR_TEST_ENV
       "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0"
       "ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1"
       "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
endif()

function(kontor_add_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gmock GTest::gtest_main)
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  gtest_discover_tests(${name}
    DISCOVERY_MODE PRE_TEST
    PROPERTIES ENVIRONMENT "${KONTOR_TEST_ENV}" TIMEOUT ${ARG_TIMEOUT})
endfunction()
