// Template: the small, safe template language of notices — values, sections over lists,
// conditionals and comments; no code, no includes, no file access, bounded output.
//
//   {{name}} {{a.b}}                     a value (text); `a.b` is field `b` of map `a`
//   {{#each list}}…{{/each}}             the body once per element; inside, names resolve in
//                                        the element first, then outside
//   {{#if name}}…{{else}}…{{/if}}        true when the value is text that is neither empty nor
//                                        "0" nor "false", a non-empty list or a non-empty map
//   {{!comment}}                         nothing
//
// A section tag, `{{else}}` or a comment alone on its line takes the whole line with it, so
// text templates can put their control flow on lines of their own without leaving blank lines.
//
// A template is parsed once into a node tree; a parse error names the template, line and
// column ("reminder-1.de.txt:12:5: ..."). A name that does not resolve is an error naming it,
// never an empty string: a typo in a template must be found by a test or a configuration
// check (check()), not by a customer reading a letter with a hole in it.
//
// Escaping is chosen per template by the caller: none for text, HTML for HTML parts, where
// & < > " ' of every value are escaped (the template's own text is taken as written).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kontor/result.hpp"

namespace kontor::render {

// A value a template can show: text, a list (of maps) or a map of named values.
class TemplateValue {
 public:
  enum class Kind { text, list, map };

  TemplateValue() = default;                                   // empty text
  TemplateValue(std::string text) : text_(std::move(text)) {}  // NOLINT: implicit by design
  TemplateValue(const char* text) : text_(text) {}             // NOLINT: implicit by design
  static TemplateValue list(std::vector<TemplateValue> elements = {});
  static TemplateValue map();

  // Adds or replaces field `name` of a map (precondition: is a map); returns *this to chain.
  TemplateValue& set(std::string name, TemplateValue value);
  // Appends to a list (precondition: is a list).
  void push_back(TemplateValue element);

  Kind kind() const { return kind_; }
  const std::string& text() const { return text_; }
  const std::vector<TemplateValue>& elements() const { return elements_; }
  // Field `name` of a map, or nullptr (also for text and lists).
  const TemplateValue* find(std::string_view name) const;
  bool truthy() const;

 private:
  Kind kind_ = Kind::text;
  std::string text_;
  std::vector<TemplateValue> elements_;  // a list's elements, or a map's values
  std::vector<std::string> names_;       // a map's names, parallel to elements_
};

enum class Escaping { none, html };

// Where a template's source starts in its file, so that errors in a part cut from a file (the
// subject line, the body after it) still name the file's line and column.
struct SourceOrigin {
  int line = 1;
  int column = 1;
};

class Template {
 public:
  static constexpr std::size_t kMaxOutputBytes = std::size_t{1} << 20;

  // `name` is what errors call the template, usually its file name.
  static Result<Template> parse(std::string_view name, std::string_view source, Escaping escaping,
                                SourceOrigin origin = {});

  // Renders against `root` (a map). Errors: a name that does not resolve, a list or map where
  // a value is shown, a value where a list is iterated, output beyond `max_output_bytes`.
  Result<std::string> render(const TemplateValue& root,
                             std::size_t max_output_bytes = kMaxOutputBytes) const;

  // Whether every name the template uses resolves against `sample`, in every branch and every
  // section body (each list of `sample` must hold at least one element to stand for all).
  // Checks the names without depending on which branches the data of one notice takes.
  Status check(const TemplateValue& sample) const;

  const std::string& name() const;

 private:
  struct Parsed;
  explicit Template(std::shared_ptr<const Parsed> parsed) : parsed_(std::move(parsed)) {}
  std::shared_ptr<const Parsed> parsed_;
};

// & < > " ' as HTML character references.
std::string escape_html(std::string_view text);

}  // namespace kontor::render
