# Payment matching (daemon/src/matching): a scenario of customers, open items and labelled
# credits shared by the quality generator (files for `kontorctl match`, bench/match_quality.sh)
# and the in-memory speed benchmark. Built in CI, run by hand (README.md).
add_library(kontor_match_scenario STATIC
  ${CMAKE_CURRENT_LIST_DIR}/match_scenario.cpp
  ${CMAKE_CURRENT_LIST_DIR}/match_wording.cpp)
target_include_directories(kontor_match_scenario PUBLIC ${CMAKE_CURRENT_LIST_DIR})

add_executable(match_quality_gen ${CMAKE_CURRENT_LIST_DIR}/match_quality_gen.cpp)
target_link_libraries(match_quality_gen PRIVATE kontor_match_scenario)

add_executable(reconcile_bench ${CMAKE_CURRENT_LIST_DIR}/reconcile_bench.cpp)
target_link_libraries(reconcile_bench PRIVATE kontor_match_scenario kontor_matching)
