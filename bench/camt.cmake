# The camt parser (plugins/camt): a generator of German camt.053 statements and the parse
# benchmark against a read-and-count floor. Built in CI, run by hand (README.md).
find_package(pugixml REQUIRED)
add_executable(camt_gen ${CMAKE_CURRENT_LIST_DIR}/camt_gen.cpp)
add_executable(camt_parse_bench ${CMAKE_CURRENT_LIST_DIR}/camt_parse_bench.cpp)
target_link_libraries(camt_parse_bench PRIVATE kontor_camt_core pugixml::pugixml)
add_dependencies(camt_parse_bench camt_gen)
