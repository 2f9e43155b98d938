# The open-items parser's core (plugins/open-items) on arbitrary bytes.
kontor_add_fuzz_target(open_items
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/open_items_fuzz.cpp
  LIBS kontor_open_items_core)
