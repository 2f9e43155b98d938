#include "owner_information.hpp"

namespace kontor::plugins::mt940 {
namespace {

constexpr std::size_t kSwiftLineLength = 65;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string_view trim_right(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Characters, not bytes: a line of 65 characters with umlauts is longer in UTF-8.
std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

void assign(std::string& field, std::string_view value) {
  field.assign(value.data(), value.size());
}

}  // namespace

void join_free_text(const std::vector<std::string_view>& lines, std::string& out) {
  out.clear();
  std::size_t previous_length = 0;
  for (std::string_view line : lines) {
    line = trim_right(line);
    if (line.empty()) continue;
    if (!out.empty() && previous_length < kSwiftLineLength && line.front() != '/') out += ' ';
    out += line;
    previous_length = characters(line);
  }
}

void OwnerInformationReader::read(const std::vector<std::string_view>& lines,
                                  OwnerInformation& out) {
  out.details = sdk::PaymentDetails{};
  out.posting_text.clear();
  out.customer_reference.clear();
  out.structured = false;

  joined_.clear();
  for (std::string_view line : lines) joined_ += line;
  if (german_.split(trim(joined_))) {
    out.structured = true;
    read_german(out);
    return;
  }

  // Slash codes are one string wrapped at 65 characters, like the German subfields.
  if (slash_.split(trim(joined_))) {
    read_slash_codes(out);
    return;
  }
  join_free_text(lines, joined_);
  const std::string_view text = trim(joined_);
  if (text.starts_with("999")) {
    // The DK format's "unstructured" code: the text follows the GVC.
    assign(out.details.bank_transaction_code, "999");
    assign(out.details.remittance, trim(text.substr(3)));
    return;
  }
  assign(out.details.remittance, text);
}

void OwnerInformationReader::read_german(OwnerInformation& out) {
  sdk::PaymentDetails& details = out.details;
  assign(details.bank_transaction_code, german_.gvc());
  assign(out.posting_text, trim(german_.value(0)));

  purpose_.clear();
  purpose_subfields_.clear();
  german_.append_range(20, 29, purpose_, &purpose_subfields_);
  german_.append_range(60, 63, purpose_, &purpose_subfields_);
  sepa_.split(purpose_, purpose_subfields_);
  if (sepa_.any()) {
    assign(details.end_to_end_id, sepa_.value(SepaKeyword::eref));
    assign(details.mandate_id, sepa_.value(SepaKeyword::mref));
    assign(details.creditor_id, sepa_.value(SepaKeyword::cred));
    assign(details.ultimate_debtor, sepa_.value(SepaKeyword::abwa));
    assign(details.ultimate_creditor, sepa_.value(SepaKeyword::abwe));
    assign(out.customer_reference, sepa_.value(SepaKeyword::kref));
    assign(details.remittance,
           sepa_.has(SepaKeyword::svwz) ? sepa_.value(SepaKeyword::svwz) : sepa_.free_text());
  } else {
    assign(details.remittance, trim(purpose_));
  }

  std::string_view bic = trim(german_.value(30));
  if (bic.empty()) bic = sepa_.value(SepaKeyword::bic);
  assign(details.counterparty_bic, bic);
  std::string_view account = trim(german_.value(38));
  if (account.empty()) account = trim(german_.value(31));
  if (account.empty()) account = sepa_.value(SepaKeyword::iban);
  assign(details.counterparty_account, account);
  name_.clear();
  german_.append_range(32, 33, name_);
  assign(details.counterparty_name, trim(name_));
}

void OwnerInformationReader::read_slash_codes(OwnerInformation& out) {
  sdk::PaymentDetails& details = out.details;
  assign(details.end_to_end_id, slash_.value("EREF"));
  assign(details.mandate_id, slash_.value("MARF"));
  assign(details.creditor_id, slash_.value("CSID"));
  assign(details.return_reason, slash_.value("RTRN"));
  assign(details.ultimate_debtor, slash_.value("ULTD"));
  assign(details.ultimate_creditor, slash_.value("ULTC"));

  std::string_view remittance = slash_.value("REMI");
  if (remittance.starts_with("USTD//")) {
    remittance = trim(remittance.substr(6));
  } else if (remittance.starts_with("STRD/")) {
    // STRD/CUR/<reference>: a structured creditor reference, also the remittance.
    std::string_view rest = remittance.substr(5);
    const std::size_t slash = rest.find('/');
    remittance = trim(slash == std::string_view::npos ? rest : rest.substr(slash + 1));
    assign(details.creditor_reference, remittance);
  }
  if (!slash_.has("REMI")) remittance = trim(joined_);
  assign(details.remittance, remittance);

  // /CNTP/account/BIC/name/city/
  const std::string_view counterparty = slash_.value("CNTP");
  std::string_view parts[3];
  std::size_t from = 0;
  for (std::string_view& part : parts) {
    const std::size_t slash = counterparty.find('/', from);
    part = trim(counterparty.substr(
        std::min(from, counterparty.size()),
        slash == std::string_view::npos ? std::string_view::npos : slash - from));
    if (slash == std::string_view::npos) break;
    from = slash + 1;
  }
  assign(details.counterparty_account, slash_.has("IBAN") ? slash_.value("IBAN") : parts[0]);
  assign(details.counterparty_bic, slash_.has("BIC") ? slash_.value("BIC") : parts[1]);
  assign(details.counterparty_name, slash_.has("NAME") ? slash_.value("NAME") : parts[2]);
}

}  // namespace kontor::plugins::mt940
