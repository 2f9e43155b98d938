# The store benchmark (owned by the model/store work): 1M open items and 1M bank transactions
# through the Store, against `sqlite3 .import` of the same rows. Built in CI, run by hand.
add_executable(store_bench ${CMAKE_CURRENT_LIST_DIR}/store_bench.cpp)
target_link_libraries(store_bench PRIVATE kontor_store fmt::fmt)
