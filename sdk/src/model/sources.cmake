# Sources of the model values, added to kontor_sdk (owned by the model/store work).
# Standard library only: plugins compile against these.
target_sources(kontor_sdk PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/allocation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bank_statement.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bank_transaction.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bic.cpp
  ${CMAKE_CURRENT_LIST_DIR}/booking.cpp
  ${CMAKE_CURRENT_LIST_DIR}/creditor_reference.cpp
  ${CMAKE_CURRENT_LIST_DIR}/currency.cpp
  ${CMAKE_CURRENT_LIST_DIR}/customer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/date.cpp
  ${CMAKE_CURRENT_LIST_DIR}/decimal.cpp
  ${CMAKE_CURRENT_LIST_DIR}/iban.cpp
  ${CMAKE_CURRENT_LIST_DIR}/identifier_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/money.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/note.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice.cpp
  ${CMAKE_CURRENT_LIST_DIR}/open_item.cpp
  ${CMAKE_CURRENT_LIST_DIR}/percentage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sha256.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vat_id.cpp)

if(KONTOR_BUILD_TESTS)
  kontor_add_test(model_test SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/bank_transaction_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/bic_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/booking_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/creditor_reference_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/currency_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/date_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/decimal_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/enum_text_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/iban_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/money_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/notice_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/open_item_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/percentage_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sha256_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/vat_id_test.cpp
    LIBS kontor_sdk)
endif()
