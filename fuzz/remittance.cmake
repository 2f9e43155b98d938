# The payment-matching scanners (daemon/src/matching) on arbitrary remittance text; the replay
# also feeds the MT940 fixtures of the shared corpus for the real texts in their :86: fields.
kontor_add_fuzz_target(remittance
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/remittance_fuzz.cpp
  LIBS kontor_matching
  CORPUS_DIRS ${KONTOR_SHARED_DIR}/fixtures/bank/mt940)
