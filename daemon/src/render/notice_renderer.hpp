// The notice renderer: turns a NoticeView into the finished parts a channel delivers — subject,
// plain text and HTML — from templates per name and language.
//
// Templates are files `<name>.<language>.txt` (first line `Subject: ...`, a blank line, then
// the text body), optionally `<name>.<language>.html` (the HTML body) and
// `<name>.<language>.letter` (the text of the PDF letter, letter_pdf.hpp). A configured
// directory is searched first; templates shipped with Kontor (config/templates/, compiled in)
// are the fallback. A missing language falls back to `fallback_language`, then to "de".
//
// The template syntax is small and safe (template.hpp): values, sections over lists,
// conditionals; no code, no includes, no file access. HTML parts escape every value.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "kontor/result.hpp"
#include "render/notice_view.hpp"

namespace kontor::render {

struct RenderedNotice {
  std::string subject;  // one line: no CR or LF
  std::string text;
  std::string html;      // empty when no HTML template exists
  std::string language;  // of the template used: amounts and dates are written its way
  // The letter's text (a `.letter` template, for the PDF): what stands before and after the
  // table of items, which the line "---" marks. Empty without a letter template.
  std::string letter_before_table;
  std::string letter_after_table;
  bool has_letter = false;
};

class NoticeRenderer {
 public:
  // Loads and parses every template in `directory` (may be empty: only the shipped ones).
  // A template that does not parse is an error naming the file, line and column.
  static Result<NoticeRenderer> load(const std::filesystem::path& directory,
                                     std::string fallback_language);

  // Whether a template `name` exists for `language` (or the fallbacks): for checking the
  // configuration before any notice is decided.
  Status check(std::string_view name) const;

  Result<RenderedNotice> render(const NoticeView& notice) const;

 private:
  struct Templates;
  std::shared_ptr<const Templates> templates_;
  std::string fallback_language_;
};

}  // namespace kontor::render
