#include "kontor/model/allocation.hpp"

#include "kontor/model/enum_text.hpp"

namespace kontor {
namespace {

constexpr EnumName<AllocationMethod> kMethods[] = {
    {AllocationMethod::creditor_reference, "creditor_reference"},
    {AllocationMethod::end_to_end_id, "end_to_end_id"},
    {AllocationMethod::notice_reference, "notice_reference"},
    {AllocationMethod::invoice_number, "invoice_number"},
    {AllocationMethod::amount_and_payer, "amount_and_payer"},
    {AllocationMethod::several_items, "several_items"},
    {AllocationMethod::debt_order, "debt_order"},
    {AllocationMethod::skonto, "skonto"},
    {AllocationMethod::bank_charges, "bank_charges"},
    {AllocationMethod::credit_note, "credit_note"},
    {AllocationMethod::manual, "manual"},
    {AllocationMethod::reversal, "reversal"},
    {AllocationMethod::write_off, "write_off"},
    {AllocationMethod::write_off_recovery, "write_off_recovery"},
};

}  // namespace

std::string_view to_string(AllocationMethod method) {
  return enum_to_text(kMethods, method);
}
Result<AllocationMethod> parse_allocation_method(std::string_view text) {
  return enum_from_text(kMethods, "allocation method", text);
}

}  // namespace kontor
