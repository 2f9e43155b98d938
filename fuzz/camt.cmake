# The camt parser's core (plugins/camt) on arbitrary bytes; the replay also feeds every file of
# the shared camt fixtures.
kontor_add_fuzz_target(camt
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/camt_fuzz.cpp
  LIBS kontor_camt_core
  CORPUS_DIRS ${KONTOR_SHARED_DIR}/fixtures/bank/camt052
              ${KONTOR_SHARED_DIR}/fixtures/bank/camt053
              ${KONTOR_SHARED_DIR}/fixtures/bank/camt054)
