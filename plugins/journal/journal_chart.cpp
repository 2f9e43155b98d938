#include "journal_chart.hpp"

namespace kontor::plugins::journal {
namespace {

// One chart's numbers; the names are the same words in both charts.
struct ChartNumbers {
  const char* bank;
  const char* receivables;
  const char* revenue_19;
  const char* revenue_7;
  const char* reductions_19;
  const char* reductions_7;
  const char* skonto_19;
  const char* skonto_7;
  const char* write_offs_19;
  const char* write_offs_7;
  const char* write_offs;
  const char* interest;
  const char* fees;
  const char* bank_charges;
  const char* vat_19;
  const char* vat_7;
};

constexpr ChartNumbers kSkr03{.bank = "1200",
                              .receivables = "1400",
                              .revenue_19 = "8400",
                              .revenue_7 = "8300",
                              .reductions_19 = "8720",
                              .reductions_7 = "8710",
                              .skonto_19 = "8736",
                              .skonto_7 = "8731",
                              .write_offs_19 = "2406",
                              .write_offs_7 = "2401",
                              .write_offs = "2400",
                              .interest = "2650",
                              .fees = "8600",
                              .bank_charges = "4970",
                              .vat_19 = "1776",
                              .vat_7 = "1771"};

constexpr ChartNumbers kSkr04{.bank = "1800",
                              .receivables = "1200",
                              .revenue_19 = "4400",
                              .revenue_7 = "4300",
                              .reductions_19 = "4720",
                              .reductions_7 = "4710",
                              .skonto_19 = "4736",
                              .skonto_7 = "4731",
                              .write_offs_19 = "6936",
                              .write_offs_7 = "6931",
                              .write_offs = "6930",
                              .interest = "7100",
                              .fees = "4830",
                              .bank_charges = "6855",
                              .vat_19 = "3806",
                              .vat_7 = "3801"};

JournalChart chart_of(const ChartNumbers& n) {
  JournalChart chart;
  auto name = [&](const char* number, std::string_view group, std::string_view words) {
    chart.account_names[number] = std::string(group) + ":" + number + " " + std::string(words);
  };
  name(n.bank, "Aktiva:Bank", "Bank");
  name(n.receivables, "Aktiva:Forderungen", "Forderungen aus Lieferungen und Leistungen");
  name(n.revenue_19, "Erlöse", "Erlöse 19% USt");
  name(n.revenue_7, "Erlöse", "Erlöse 7% USt");
  name(n.reductions_19, "Erlöse", "Erlösschmälerungen 19% USt");
  name(n.reductions_7, "Erlöse", "Erlösschmälerungen 7% USt");
  name(n.skonto_19, "Erlöse", "Gewährte Skonti 19% USt");
  name(n.skonto_7, "Erlöse", "Gewährte Skonti 7% USt");
  name(n.write_offs_19, "Aufwand", "Forderungsverluste 19% USt");
  name(n.write_offs_7, "Aufwand", "Forderungsverluste 7% USt");
  name(n.write_offs, "Aufwand", "Forderungsverluste");
  name(n.interest, "Erlöse", "Zinserträge");
  name(n.fees, "Erlöse", "Sonstige Erlöse");
  name(n.bank_charges, "Aufwand", "Nebenkosten des Geldverkehrs");
  name(n.vat_19, "Passiva:Umsatzsteuer", "Umsatzsteuer 19%");
  name(n.vat_7, "Passiva:Umsatzsteuer", "Umsatzsteuer 7%");

  const VatShare at_19{.percent = 19, .vat_account = n.vat_19};
  const VatShare at_7{.percent = 7, .vat_account = n.vat_7};
  for (const char* account : {n.revenue_19, n.reductions_19, n.skonto_19, n.write_offs_19}) {
    chart.automatic_accounts[account] = at_19;
  }
  for (const char* account : {n.revenue_7, n.reductions_7, n.skonto_7, n.write_offs_7}) {
    chart.automatic_accounts[account] = at_7;
  }
  // DATEV's sales-side keys (reference §5): 3 = 19 % USt, 2 = 7 % USt — the booking rules'
  // defaults for lines on non-automatic accounts.
  chart.tax_keys["3"] = at_19;
  chart.tax_keys["2"] = at_7;
  return chart;
}

}  // namespace

std::optional<JournalChart> standard_journal_chart(std::string_view chart) {
  if (chart == "skr03") return chart_of(kSkr03);
  if (chart == "skr04") return chart_of(kSkr04);
  return std::nullopt;
}

}  // namespace kontor::plugins::journal
