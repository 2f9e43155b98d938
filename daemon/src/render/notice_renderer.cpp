#include "render/notice_renderer.hpp"

#include <fmt/format.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>
#include <vector>

#include "render/local_format.hpp"
#include "render/notice_values.hpp"
#include "render/shipped_templates.hpp"
#include "render/template.hpp"

namespace kontor::render {
namespace {

// No notice template is anywhere near this; a larger file is a mistake, not a template.
constexpr std::uintmax_t kMaxTemplateFileBytes = std::uintmax_t{1} << 20;

struct TemplateSource {
  std::string display_name;  // what errors call the file
  std::string text;
};

// The files of one template name in one language: the text file (subject and body) is the
// template; the HTML file belongs to it. A directory's text file replaces the shipped pair as a
// whole, so a customised text never goes out beside the shipped HTML.
struct TemplatePair {
  std::optional<TemplateSource> text;
  std::optional<TemplateSource> html;
  std::optional<TemplateSource> letter;
};

struct NoticeTemplates {
  Template subject;
  Template text;
  std::optional<Template> html;
  std::optional<Template> letter;
};

enum class Part { text, html, letter };

struct FileName {
  std::string key;  // "reminder-1.de"
  std::string language;
  Part part = Part::text;
};

std::optional<TemplateSource>& part_of(TemplatePair& pair, Part part) {
  switch (part) {
    case Part::html:
      return pair.html;
    case Part::letter:
      return pair.letter;
    case Part::text:
      break;
  }
  return pair.text;
}

std::optional<FileName> template_file_name(std::string_view file_name) {
  Part part = Part::text;
  if (file_name.ends_with(".txt")) {
    file_name.remove_suffix(4);
  } else if (file_name.ends_with(".html")) {
    file_name.remove_suffix(5);
    part = Part::html;
  } else if (file_name.ends_with(".letter")) {
    file_name.remove_suffix(7);
    part = Part::letter;
  } else {
    return std::nullopt;
  }
  const std::size_t dot = file_name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == file_name.size()) {
    return std::nullopt;
  }
  return FileName{.key = std::string(file_name),
                  .language = std::string(file_name.substr(dot + 1)),
                  .part = part};
}

// Editors on other systems save CRLF and a byte order mark; neither belongs in a notice.
std::string normalised(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::string out;
  out.reserve(text.size());
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (text[k] == '\r' && k + 1 < text.size() && text[k + 1] == '\n') continue;
    out += text[k];
  }
  return out;
}

Error file_error(const std::string& display_name, int line, int column, std::string_view what) {
  return Error{.message = fmt::format("{}:{}:{}: {}", display_name, line, column, what),
               .position = line};
}

Result<NoticeTemplates> parse_pair(const TemplatePair& pair) {
  const TemplateSource& source = *pair.text;
  const std::string_view text = source.text;
  constexpr std::string_view kSubject = "Subject:";
  const std::size_t first_end = text.find('\n');
  const std::string_view first_line = text.substr(0, first_end);
  if (!first_line.starts_with(kSubject)) {
    return file_error(source.display_name, 1, 1, "expected 'Subject: ...' as the first line");
  }
  if (first_end == std::string_view::npos || text.find('\n', first_end + 1) != first_end + 1) {
    return file_error(source.display_name, 2, 1,
                      "expected a blank line between the subject and the text");
  }
  std::size_t subject_start = kSubject.size();
  while (subject_start < first_line.size() && first_line[subject_start] == ' ') ++subject_start;
  Result<Template> subject =
      Template::parse(source.display_name, first_line.substr(subject_start), Escaping::none,
                      {.line = 1, .column = static_cast<int>(subject_start) + 1});
  if (!subject) return subject.error();
  Result<Template> body = Template::parse(source.display_name, text.substr(first_end + 2),
                                          Escaping::none, {.line = 3, .column = 1});
  if (!body) return body.error();
  std::optional<Template> html;
  if (pair.html) {
    Result<Template> parsed =
        Template::parse(pair.html->display_name, pair.html->text, Escaping::html);
    if (!parsed) return parsed.error();
    html = std::move(parsed).value();
  }
  std::optional<Template> letter;
  if (pair.letter) {
    Result<Template> parsed =
        Template::parse(pair.letter->display_name, pair.letter->text, Escaping::none);
    if (!parsed) return parsed.error();
    letter = std::move(parsed).value();
  }
  return NoticeTemplates{.subject = std::move(subject).value(),
                         .text = std::move(body).value(),
                         .html = std::move(html),
                         .letter = std::move(letter)};
}

// A template that names something a notice does not have fails here, at load (configuration
// check, reload), instead of on the one notice whose data reaches that branch.
Status check_names(const NoticeTemplates& templates, const std::string& language) {
  const TemplateValue sample = notice_values(sample_notice(), local_style(language));
  if (Status status = templates.subject.check(sample); !status) return status;
  if (Status status = templates.text.check(sample); !status) return status;
  if (templates.html) {
    if (Status status = templates.html->check(sample); !status) return status;
  }
  if (templates.letter) return templates.letter->check(sample);
  return {};
}

Result<std::string> read_file(const std::filesystem::path& path) {
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error) return Error{.message = fmt::format("{}: {}", path.string(), error.message())};
  if (size > kMaxTemplateFileBytes) {
    return Error{.message = fmt::format("{}: a template of {} bytes is too large (at most {})",
                                        path.string(), size, kMaxTemplateFileBytes)};
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in) return Error{.message = fmt::format("{}: cannot read", path.string())};
  return content.str();
}

Status add_directory(const std::filesystem::path& directory,
                     std::map<std::string, TemplatePair>& pairs) {
  std::error_code error;
  std::filesystem::directory_iterator files(directory, error);
  if (error) {
    return Error{.message =
                     fmt::format("template directory {}: {}", directory.string(), error.message())};
  }
  std::map<std::string, TemplatePair> overrides;
  for (const std::filesystem::directory_entry& entry : files) {
    if (!entry.is_regular_file()) continue;
    const std::string file_name = entry.path().filename().string();
    if (!file_name.ends_with(".txt") && !file_name.ends_with(".html") &&
        !file_name.ends_with(".letter")) {
      continue;
    }
    const std::optional<FileName> parsed = template_file_name(file_name);
    if (!parsed) {
      return Error{.message = fmt::format("{}: a template file is named <name>.<language>.txt, "
                                          "<name>.<language>.html or <name>.<language>.letter",
                                          entry.path().string())};
    }
    Result<std::string> text = read_file(entry.path());
    if (!text) return text.error();
    TemplatePair& pair = overrides[parsed->key];
    part_of(pair, parsed->part) =
        TemplateSource{.display_name = entry.path().string(), .text = normalised(*text)};
  }
  for (auto& [key, pair] : overrides) {
    if (!pair.text) {
      const TemplateSource& other = pair.html ? *pair.html : *pair.letter;
      return Error{.message = fmt::format("{}: has no {}.txt with the subject and the text",
                                          other.display_name, key)};
    }
    pairs[key] = std::move(pair);
  }
  return {};
}

// Replaces every line break (CR, LF, NEL, U+2028, U+2029) and control character a value may
// carry by one blank: a subject is a mail header, and a line break in it would end the header.
std::string one_line(std::string_view text) {
  std::string out;
  auto blank = [&out] {
    if (!out.empty() && out.back() != ' ') out += ' ';
  };
  for (std::size_t k = 0; k < text.size(); ++k) {
    const auto c = static_cast<unsigned char>(text[k]);
    if (c < 0x20 || c == 0x7F) {
      blank();
    } else if (c == 0xC2 && k + 1 < text.size() &&
               static_cast<unsigned char>(text[k + 1]) == 0x85) {
      blank();
      k += 1;
    } else if (text.substr(k, 3) == "\xE2\x80\xA8" || text.substr(k, 3) == "\xE2\x80\xA9") {
      blank();
      k += 2;
    } else {
      out += text[k];
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A letter template's line of exactly "---" marks where the table of items goes.
void split_at_table_mark(const std::string& letter, std::string& before, std::string& after) {
  std::size_t start = 0;
  while (start < letter.size()) {
    std::size_t end = letter.find('\n', start);
    if (end == std::string::npos) end = letter.size();
    if (std::string_view(letter).substr(start, end - start) == "---") {
      before = letter.substr(0, start);
      after = end < letter.size() ? letter.substr(end + 1) : "";
      return;
    }
    start = end + 1;
  }
  before = letter;
  after.clear();
}

}  // namespace

struct NoticeRenderer::Templates {
  std::map<std::string, NoticeTemplates, std::less<>> by_key;  // "reminder-1.de"

  const NoticeTemplates* find(std::string_view name, std::string_view language) const {
    const auto found = by_key.find(fmt::format("{}.{}", name, language));
    return found == by_key.end() ? nullptr : &found->second;
  }
};

Result<NoticeRenderer> NoticeRenderer::load(const std::filesystem::path& directory,
                                            std::string fallback_language) {
  std::map<std::string, TemplatePair> pairs;
  for (const ShippedTemplate& shipped : shipped_templates()) {
    const std::optional<FileName> parsed = template_file_name(shipped.file_name);
    if (!parsed) continue;
    TemplatePair& pair = pairs[parsed->key];
    part_of(pair, parsed->part) = TemplateSource{.display_name = std::string(shipped.file_name),
                                                 .text = normalised(shipped.text)};
  }
  if (!directory.empty()) {
    if (Status status = add_directory(directory, pairs); !status) return status.error();
  }
  auto templates = std::make_shared<Templates>();
  for (const auto& [key, pair] : pairs) {
    if (!pair.text) continue;  // a shipped HTML part without text cannot be chosen
    Result<NoticeTemplates> parsed = parse_pair(pair);
    if (!parsed) return parsed.error();
    const std::string language = template_file_name(key + ".txt")->language;
    if (Status names = check_names(*parsed, language); !names) return names.error();
    templates->by_key.emplace(key, std::move(parsed).value());
  }
  NoticeRenderer renderer;
  renderer.templates_ = std::move(templates);
  renderer.fallback_language_ = std::move(fallback_language);
  return renderer;
}

Status NoticeRenderer::check(std::string_view name) const {
  for (std::string_view language : {std::string_view(fallback_language_), std::string_view("de")}) {
    if (!language.empty() && templates_->find(name, language) != nullptr) return {};
  }
  return Error{.message = fmt::format("no notice template '{}' for language '{}' nor 'de'", name,
                                      fallback_language_.empty() ? "de" : fallback_language_)};
}

Result<RenderedNotice> NoticeRenderer::render(const NoticeView& notice) const {
  const NoticeTemplates* templates = nullptr;
  std::string_view language;
  for (std::string_view candidate :
       {std::string_view(notice.language), std::string_view(fallback_language_),
        std::string_view("de")}) {
    if (candidate.empty()) continue;
    templates = templates_->find(notice.template_name, candidate);
    if (templates != nullptr) {
      language = candidate;
      break;
    }
  }
  if (templates == nullptr) {
    return Error{.message = fmt::format("no notice template '{}' for language '{}', '{}' nor 'de'",
                                        notice.template_name, notice.language, fallback_language_)};
  }
  // The template's language, not the customer's, decides the notation: a customer writing
  // French who gets the German letter reads German amounts and dates.
  const TemplateValue values = notice_values(notice, local_style(language));
  Result<std::string> subject = templates->subject.render(values);
  if (!subject) return subject.error();
  Result<std::string> text = templates->text.render(values);
  if (!text) return text.error();
  std::string html;
  if (templates->html) {
    Result<std::string> rendered = templates->html->render(values);
    if (!rendered) return rendered.error();
    html = std::move(rendered).value();
  }
  RenderedNotice rendered{.subject = one_line(*subject),
                          .text = std::move(text).value(),
                          .html = std::move(html),
                          .language = std::string(language),
                          .letter_before_table = {},
                          .letter_after_table = {},
                          .has_letter = templates->letter.has_value()};
  if (templates->letter) {
    Result<std::string> letter = templates->letter->render(values);
    if (!letter) return letter.error();
    split_at_table_mark(*letter, rendered.letter_before_table, rendered.letter_after_table);
  }
  return rendered;
}

}  // namespace kontor::render
