#include "render/template.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kontor::render {

TemplateValue TemplateValue::list(std::vector<TemplateValue> elements) {
  TemplateValue value;
  value.kind_ = Kind::list;
  value.elements_ = std::move(elements);
  return value;
}

TemplateValue TemplateValue::map() {
  TemplateValue value;
  value.kind_ = Kind::map;
  return value;
}

TemplateValue& TemplateValue::set(std::string name, TemplateValue value) {
  for (std::size_t k = 0; k < names_.size(); ++k) {
    if (names_[k] == name) {
      elements_[k] = std::move(value);
      return *this;
    }
  }
  names_.push_back(std::move(name));
  elements_.push_back(std::move(value));
  return *this;
}

void TemplateValue::push_back(TemplateValue element) {
  elements_.push_back(std::move(element));
}

const TemplateValue* TemplateValue::find(std::string_view name) const {
  if (kind_ != Kind::map) return nullptr;
  for (std::size_t k = 0; k < names_.size(); ++k) {
    if (names_[k] == name) return &elements_[k];
  }
  return nullptr;
}

bool TemplateValue::truthy() const {
  switch (kind_) {
    case Kind::text:
      return !text_.empty() && text_ != "0" && text_ != "false";
    case Kind::list:
    case Kind::map:
      return !elements_.empty();
  }
  return false;
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

// Deep enough for any real notice; shallow enough that rendering cannot exhaust the stack.
constexpr int kMaxNesting = 32;

struct Node {
  enum class Kind { text, value, each, if_ };
  Kind kind = Kind::text;
  std::string text;               // text: the literal; otherwise the name as written
  std::vector<std::string> path;  // the name split at '.'
  int line = 0;
  int column = 0;
  std::vector<Node> body;
  std::vector<Node> otherwise;  // {{else}} part of an {{#if}}
};

bool is_name_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (is_blank(text.front()) || text.front() == '\n')) text.remove_prefix(1);
  while (!text.empty() && (is_blank(text.back()) || text.back() == '\n')) text.remove_suffix(1);
  return text;
}

}  // namespace

struct Template::Parsed {
  std::string name;
  Escaping escaping = Escaping::none;
  std::vector<Node> nodes;
};

namespace {

class Parser {
 public:
  Parser(std::string_view name, std::string_view source, SourceOrigin origin)
      : name_(name), source_(source), origin_(origin) {}

  Result<std::vector<Node>> parse() {
    std::vector<Node> root;
    stack_.push_back({nullptr, &root, false});
    std::size_t pos = 0;
    while (pos < source_.size()) {
      const std::size_t open = source_.find("{{", pos);
      if (open == std::string_view::npos) {
        add_text(source_.substr(pos));
        break;
      }
      const std::size_t close = source_.find("}}", open + 2);
      if (close == std::string_view::npos) return error_at(open, "'{{' without a closing '}}'");
      const std::string_view inner = source_.substr(open + 2, close - open - 2);
      std::size_t text_end = open;
      std::size_t next = close + 2;
      if (is_block_tag(inner)) take_standalone_line(pos, open, text_end, next);
      add_text(source_.substr(pos, text_end - pos));
      if (Status tag = add_tag(open, inner); !tag) return tag.error();
      pos = next;
    }
    if (stack_.size() > 1) {
      const Node& unclosed = *stack_.back().section;
      return error(unclosed.line, unclosed.column,
                   fmt::format("'{{{{#{} {}}}}}' is never closed",
                               unclosed.kind == Node::Kind::each ? "each" : "if", unclosed.text));
    }
    return root;
  }

 private:
  struct Frame {
    Node* section;  // nullptr for the template's top level
    std::vector<Node>* target;
    bool in_else;
  };

  static bool is_block_tag(std::string_view inner) {
    const std::string_view tag = trimmed(inner);
    return (!inner.empty() && inner.front() == '!') ||
           (!tag.empty() && (tag.front() == '#' || tag.front() == '/')) || tag == "else";
  }

  // A block tag alone on its line (only blanks around it) removes the line: the blanks before
  // it and the line break after it do not reach the output.
  void take_standalone_line(std::size_t pos, std::size_t open, std::size_t& text_end,
                            std::size_t& next) const {
    const std::size_t line_start = open == 0 ? 0 : source_.rfind('\n', open - 1) + 1;
    if (line_start < pos) return;  // another tag on the same line before this one
    for (std::size_t k = line_start; k < open; ++k) {
      if (!is_blank(source_[k])) return;
    }
    std::size_t after = next;
    while (after < source_.size() && is_blank(source_[after])) ++after;
    if (after == source_.size()) {
      // end of the template: the line is the last one
    } else if (source_[after] == '\n') {
      after += 1;
    } else if (source_.substr(after, 2) == "\r\n") {
      after += 2;
    } else {
      return;
    }
    text_end = line_start;
    next = after;
  }

  void add_text(std::string_view text) {
    if (text.empty()) return;
    std::vector<Node>& target = *stack_.back().target;
    if (!target.empty() && target.back().kind == Node::Kind::text) {
      target.back().text += text;
      return;
    }
    target.push_back(Node{.kind = Node::Kind::text,
                          .text = std::string(text),
                          .path = {},
                          .line = 0,
                          .column = 0,
                          .body = {},
                          .otherwise = {}});
  }

  Status add_tag(std::size_t open, std::string_view inner) {
    if (!inner.empty() && inner.front() == '!') return {};
    const std::string_view tag = trimmed(inner);
    if (tag.empty()) return error_at(open, "empty tag '{{}}'");
    if (tag == "else") return add_else(open);
    if (tag.front() == '/') return close_section(open, trimmed(tag.substr(1)));
    if (tag.front() == '#') {
      const std::string_view rest = tag.substr(1);
      const std::size_t blank = rest.find_first_of(" \t\n");
      const std::string_view keyword = rest.substr(0, blank);
      const std::string_view name =
          blank == std::string_view::npos ? std::string_view() : trimmed(rest.substr(blank));
      if (keyword != "each" && keyword != "if") {
        return error_at(open,
                        fmt::format("unknown section '#{}' (expected #each or #if)", keyword));
      }
      return open_section(open, keyword == "each" ? Node::Kind::each : Node::Kind::if_, keyword,
                          name);
    }
    Result<Node> value = named_node(open, Node::Kind::value, tag);
    if (!value) return value.error();
    stack_.back().target->push_back(std::move(value).value());
    return {};
  }

  Result<Node> named_node(std::size_t open, Node::Kind kind, std::string_view name) {
    std::vector<std::string> path;
    std::size_t start = 0;
    while (true) {
      const std::size_t dot = name.find('.', start);
      const std::string_view part = name.substr(start, dot - start);
      if (part.empty() || !std::all_of(part.begin(), part.end(), is_name_character)) {
        return error_at(open, fmt::format("'{}' is not a name (letters, digits, '_', '-', "
                                          "parts joined by '.')",
                                          name));
      }
      path.emplace_back(part);
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    const auto [line, column] = position_of(open);
    return Node{.kind = kind,
                .text = std::string(name),
                .path = std::move(path),
                .line = line,
                .column = column,
                .body = {},
                .otherwise = {}};
  }

  Status open_section(std::size_t open, Node::Kind kind, std::string_view keyword,
                      std::string_view name) {
    if (name.empty()) return error_at(open, fmt::format("'#{}' needs a name", keyword));
    if (stack_.size() > kMaxNesting) {
      return error_at(open, fmt::format("sections nested deeper than {}", kMaxNesting));
    }
    Result<Node> section = named_node(open, kind, name);
    if (!section) return section.error();
    std::vector<Node>& target = *stack_.back().target;
    target.push_back(std::move(section).value());
    stack_.push_back({&target.back(), &target.back().body, false});
    return {};
  }

  Status add_else(std::size_t open) {
    Frame& frame = stack_.back();
    if (frame.section == nullptr || frame.section->kind != Node::Kind::if_) {
      return error_at(open, "'{{else}}' outside '{{#if}}'");
    }
    if (frame.in_else) return error_at(open, "a second '{{else}}' in one '{{#if}}'");
    frame.in_else = true;
    frame.target = &frame.section->otherwise;
    return {};
  }

  Status close_section(std::size_t open, std::string_view keyword) {
    const Frame& frame = stack_.back();
    if (frame.section == nullptr) {
      return error_at(open, fmt::format("'{{{{/{}}}}}' without an open section", keyword));
    }
    const std::string_view expected = frame.section->kind == Node::Kind::each ? "each" : "if";
    if (keyword != expected) {
      return error_at(
          open, fmt::format("'{{{{/{}}}}}' closes '{{{{#{} {}}}}}' (line {}); expected "
                            "'{{{{/{}}}}}'",
                            keyword, expected, frame.section->text, frame.section->line, expected));
    }
    stack_.pop_back();
    return {};
  }

  // Line and column (1-based, counted in characters, not bytes) of `offset` in the file.
  std::pair<int, int> position_of(std::size_t offset) const {
    int line = origin_.line;
    int column = origin_.column;
    for (std::size_t k = 0; k < offset; ++k) {
      const char c = source_[k];
      if (c == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++column;  // UTF-8 continuation bytes belong to the character before
      }
    }
    return {line, column};
  }

  Error error(int line, int column, std::string_view message) const {
    return Error{.message = fmt::format("{}:{}:{}: {}", name_, line, column, message),
                 .position = line};
  }

  Error error_at(std::size_t offset, std::string_view message) const {
    const auto [line, column] = position_of(offset);
    return error(line, column, message);
  }

  std::string_view name_;
  std::string_view source_;
  SourceOrigin origin_;
  std::vector<Frame> stack_;
};

// Walks the node tree either to render it against one notice's values or to check every name
// against a sample in every branch: one resolver, so both agree on what a name means.
class Walker {
 public:
  enum class Mode { render, check };

  Walker(const std::string& name, Escaping escaping, Mode mode, std::size_t max_output)
      : name_(name), escaping_(escaping), mode_(mode), max_output_(max_output) {}

  Status walk(const std::vector<Node>& nodes, const TemplateValue& root) {
    if (root.kind() != TemplateValue::Kind::map) {
      return Error{.message = name_ + ": the values to render must be a map", .position = 0};
    }
    scopes_.push_back(&root);
    return walk(nodes);
  }

  std::string take_output() { return std::move(out_); }

 private:
  Status walk(const std::vector<Node>& nodes) {
    for (const Node& node : nodes) {
      Status status = walk(node);
      if (!status) return status;
    }
    return {};
  }

  Status walk(const Node& node) {
    if (node.kind == Node::Kind::text) return append(node.text);
    Result<const TemplateValue*> found = resolve(node);
    if (!found) return found.error();
    const TemplateValue& value = **found;
    switch (node.kind) {
      case Node::Kind::text:
        break;
      case Node::Kind::value:
        if (value.kind() != TemplateValue::Kind::text) {
          return error(node,
                       fmt::format("'{}' is a {}, not a value to show", node.text,
                                   value.kind() == TemplateValue::Kind::list ? "list" : "map"));
        }
        return append(escaping_ == Escaping::html ? escape_html(value.text()) : value.text());
      case Node::Kind::each:
        return each(node, value);
      case Node::Kind::if_:
        if (mode_ == Mode::check) {
          Status body = walk(node.body);
          return body ? walk(node.otherwise) : body;
        }
        return walk(value.truthy() ? node.body : node.otherwise);
    }
    return {};
  }

  Status each(const Node& node, const TemplateValue& list) {
    if (list.kind() != TemplateValue::Kind::list) {
      return error(node, fmt::format("'{}' is not a list to go through", node.text));
    }
    if (mode_ == Mode::check) {
      if (list.elements().empty()) {
        return error(node, fmt::format("cannot check the names inside '{{{{#each {}}}}}': the "
                                       "sample list is empty",
                                       node.text));
      }
      return walk_in(node.body, list.elements().front());
    }
    for (const TemplateValue& element : list.elements()) {
      Status status = walk_in(node.body, element);
      if (!status) return status;
    }
    return {};
  }

  Status walk_in(const std::vector<Node>& body, const TemplateValue& element) {
    scopes_.push_back(&element);
    Status status = walk(body);
    scopes_.pop_back();
    return status;
  }

  Result<const TemplateValue*> resolve(const Node& node) const {
    const TemplateValue* value = nullptr;
    for (auto scope = scopes_.rbegin(); scope != scopes_.rend() && value == nullptr; ++scope) {
      value = (*scope)->find(node.path.front());
    }
    for (std::size_t k = 1; k < node.path.size() && value != nullptr; ++k) {
      value = value->find(node.path[k]);
    }
    if (value == nullptr) return error(node, fmt::format("unknown name '{}'", node.text));
    return value;
  }

  Status append(std::string_view text) {
    if (mode_ == Mode::check) return {};
    if (text.size() > max_output_ - out_.size()) {
      return Error{.message = fmt::format("{}: output exceeds {} bytes", name_, max_output_),
                   .position = 0};
    }
    out_ += text;
    return {};
  }

  Error error(const Node& node, std::string_view message) const {
    return Error{.message = fmt::format("{}:{}:{}: {}", name_, node.line, node.column, message),
                 .position = node.line};
  }

  const std::string& name_;
  Escaping escaping_;
  Mode mode_;
  std::size_t max_output_;
  std::vector<const TemplateValue*> scopes_;
  std::string out_;
};

}  // namespace

Result<Template> Template::parse(std::string_view name, std::string_view source, Escaping escaping,
                                 SourceOrigin origin) {
  Result<std::vector<Node>> nodes = Parser(name, source, origin).parse();
  if (!nodes) return nodes.error();
  auto parsed = std::make_shared<Parsed>();
  parsed->name = std::string(name);
  parsed->escaping = escaping;
  parsed->nodes = std::move(nodes).value();
  return Template(std::move(parsed));
}

Result<std::string> Template::render(const TemplateValue& root,
                                     std::size_t max_output_bytes) const {
  Walker walker(parsed_->name, parsed_->escaping, Walker::Mode::render, max_output_bytes);
  Status status = walker.walk(parsed_->nodes, root);
  if (!status) return status.error();
  return walker.take_output();
}

Status Template::check(const TemplateValue& sample) const {
  return Walker(parsed_->name, parsed_->escaping, Walker::Mode::check, kMaxOutputBytes)
      .walk(parsed_->nodes, sample);
}

const std::string& Template::name() const {
  return parsed_->name;
}

}  // namespace kontor::render
