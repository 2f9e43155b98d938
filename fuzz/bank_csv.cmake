# The bank-csv parser's core (plugins/bank-csv) on arbitrary bytes; the replay also feeds it every
# CSV fixture of the shared corpus.
kontor_add_fuzz_target(bank_csv
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/bank_csv_fuzz.cpp
  LIBS kontor_bank_csv_core
  CORPUS_DIRS ${KONTOR_SHARED_DIR}/fixtures/bank/csv)
