# The mt940 parser's core (plugins/mt940) on arbitrary bytes; the replay also feeds it every
# MT940 and MT942 fixture of the shared corpus.
kontor_add_fuzz_target(mt940
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/mt940_fuzz.cpp
  LIBS kontor_mt940_core
  CORPUS_DIRS ${KONTOR_SHARED_DIR}/fixtures/bank/mt940 ${KONTOR_SHARED_DIR}/fixtures/bank/mt942)
