# The scheduler benchmark (owned by the scheduler work): next-run computations per second
# against a minute-by-minute scan in the same run, and wake-ups of a planner with 1,000 jobs.
add_executable(scheduler_bench ${CMAKE_CURRENT_LIST_DIR}/scheduler_bench.cpp)
target_link_libraries(scheduler_bench PRIVATE kontor_scheduler kontor_config fmt::fmt)
