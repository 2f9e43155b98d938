# The mt940 parser (plugins/mt940): a generator of German MT940 statements and the parse benchmark
# against a line-splitting floor. Built in CI, run by hand (README.md).
add_executable(mt940_gen ${CMAKE_CURRENT_LIST_DIR}/mt940_gen.cpp)
add_executable(mt940_parse_bench ${CMAKE_CURRENT_LIST_DIR}/mt940_parse_bench.cpp)
target_link_libraries(mt940_parse_bench PRIVATE kontor_mt940_core)
add_dependencies(mt940_parse_bench mt940_gen)
