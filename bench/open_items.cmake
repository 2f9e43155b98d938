# The open-items parser (plugins/open-items): a generator of German ERP exports and the parse
# benchmark against a line-splitting floor. Built in CI, run by hand (README.md).
add_executable(open_items_gen ${CMAKE_CURRENT_LIST_DIR}/open_items_gen.cpp)
add_executable(open_items_parse_bench ${CMAKE_CURRENT_LIST_DIR}/open_items_parse_bench.cpp)
target_link_libraries(open_items_parse_bench PRIVATE kontor_open_items_core)
add_dependencies(open_items_parse_bench open_items_gen)
