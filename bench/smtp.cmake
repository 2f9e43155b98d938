# SMTP delivery (issue 11): kontord's transfer service against a real aiosmtpd on loopback, with
# Python's smtplib on the same server as the peer. Built in CI, run by hand (README.md "SMTP").
# The server and certificate helpers are the tests' own; a release build (tests off) compiles
# them here.
if(TARGET kontor_test_support)
  set(kontor_smtp_peers kontor_test_support)
else()
  add_library(kontor_bench_peers STATIC
    ${PROJECT_SOURCE_DIR}/tests/support/child_process.cpp
    ${PROJECT_SOURCE_DIR}/tests/support/loopback.cpp
    ${PROJECT_SOURCE_DIR}/tests/support/smtp_server.cpp
    ${PROJECT_SOURCE_DIR}/tests/support/temp_dir.cpp
    ${PROJECT_SOURCE_DIR}/tests/support/throwaway_tls.cpp)
  target_include_directories(kontor_bench_peers PUBLIC ${PROJECT_SOURCE_DIR}/tests)
  target_compile_definitions(kontor_bench_peers PRIVATE
    KONTOR_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    KONTOR_BINARY_DIR="${PROJECT_BINARY_DIR}"
    KONTOR_SHARED_DIR="${KONTOR_SHARED_DIR}")
  set(kontor_smtp_peers kontor_bench_peers)
endif()

add_executable(smtp_bench ${CMAKE_CURRENT_LIST_DIR}/smtp_bench.cpp)
target_link_libraries(smtp_bench PRIVATE kontor_host kontor_email_core ${kontor_smtp_peers})
target_compile_definitions(smtp_bench PRIVATE
  KONTOR_SMTP_PEER_SCRIPT="${CMAKE_CURRENT_LIST_DIR}/smtp_peer.py")
