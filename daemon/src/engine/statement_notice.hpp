// Statement notice: one customer's statement of account for one period as a notice — the
// figures (statements/account_statement.hpp) from the store's history, the view the templates
// and the letter see, and the rendering (subject, text, HTML and always the PDF, which an
// e-mail carries as its attachment and a letter is). Shared by the `statements` engine and the
// admin API's on-demand statement, so both show the same thing.
#pragma once

#include <optional>
#include <string>

#include "engine/notice_setup.hpp"
#include "render/notice_renderer.hpp"
#include "render/notice_view.hpp"
#include "statements/account_statement.hpp"
#include "store/store.hpp"

namespace kontor::engine {

inline constexpr const char* kStatementTemplate = "statement";

// "S-2026-10-": the numbers of a period's statements start with it, then six digits.
std::string statement_number_prefix(const statements::StatementPeriod& period);

// The company's calendar day of a UTC instant the store wrote.
statements::CompanyDay company_day(const NoticeSetup& setup);

// The customer's statement figures for `period`, from the store.
Result<render::StatementView> statement_of(store::Reader& reader, const Customer& customer,
                                           const statements::StatementPeriod& period,
                                           const NoticeSetup& setup);

struct RenderedStatement {
  render::NoticeView view;
  render::RenderedNotice rendered;
  std::string pdf;
};

// Renders statement `number`; `reference` is its RF reference (printed form), empty for a
// preview that no notice carries: its GiroCode then quotes the number as text.
Result<RenderedStatement> render_statement(const render::StatementView& statement,
                                           const Customer& customer, const std::string& number,
                                           const std::string& reference, const NoticeSetup& setup);

}  // namespace kontor::engine
