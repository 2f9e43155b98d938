# kontor_add_test(NAME SOURCES... [LIBS ...] [TIMEOUT s]): one GoogleTest binary whose tests
# ctest knows one by one.
#
# Tests find the tree through compile definitions (KONTOR_SOURCE_DIR, KONTOR_BINARY_DIR,
# KONTOR_SHARED_DIR). In sanitizer builds every test gets LSAN_OPTIONS with the suppressions for
# leaks inside system libraries (never for our own code) as its ctest ENVIRONMENT; processes a
# test starts (kontord) inherit it.
if(KONTOR_SANITIZE)
  set(KONTOR_TEST_ENV "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
else()
  set(KONTOR_TEST_ENV "KONTOR_TEST=1")
endif()

function(kontor_add_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gmock GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    KONTOR_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
    KONTOR_BINARY_DIR="${CMAKE_BINARY_DIR}"
    KONTOR_SHARED_DIR="${KONTOR_SHARED_DIR}")
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  # One ENVIRONMENT entry only: CMake 3.25's discovery splits a list into separate arguments.
  # Test names carry their binary ("store_test.SqliteStoreTest.X") so `ctest -R store` works.
  gtest_discover_tests(${name}
    TEST_PREFIX "${name}."
    DISCOVERY_MODE PRE_TEST
    PROPERTIES ENVIRONMENT "${KONTOR_TEST_ENV}" TIMEOUT ${ARG_TIMEOUT})
endfunction()
