// Tests: what the template language shows, how it escapes, and that every mistake in a
// template is an error naming where it is rather than a hole in a customer's letter.

#include "render/template.hpp"

#include <gtest/gtest.h>

namespace kontor::render {
namespace {

std::string rendered(std::string_view source, const TemplateValue& values,
                     Escaping escaping = Escaping::none) {
  Result<Template> parsed = Template::parse("test.txt", source, escaping);
  if (!parsed) return "parse error: " + parsed.error().message;
  Result<std::string> out = parsed->render(values);
  return out ? *out : "render error: " + out.error().message;
}

TemplateValue invoice(std::string number, std::string open) {
  return TemplateValue::map().set("number", std::move(number)).set("open", std::move(open));
}

TemplateValue customer_values() {
  return TemplateValue::map()
      .set("customer", TemplateValue::map().set("name", "Jürgen Groß").set("number", "10001"))
      .set("items", TemplateValue::list({invoice("RE-1", "10,00 €"), invoice("RE-2", "5,50 €")}))
      .set("none", TemplateValue::list())
      .set("zero", "0")
      .set("no", "false")
      .set("empty", "")
      .set("yes", "true");
}

TEST(Template, ShowsValuesAndFieldsOfMaps) {
  EXPECT_EQ(rendered("Kunde {{customer.number}}: {{customer.name}}", customer_values()),
            "Kunde 10001: Jürgen Groß");
}

TEST(Template, BlanksInsideATagAreAllowed) {
  EXPECT_EQ(rendered("{{ customer.name }}", customer_values()), "Jürgen Groß");
}

TEST(Template, EachRepeatsItsBodyPerElement) {
  EXPECT_EQ(rendered("{{#each items}}[{{number}} {{open}}]{{/each}}", customer_values()),
            "[RE-1 10,00 €][RE-2 5,50 €]");
}

TEST(Template, NamesInsideEachResolveInTheElementFirstThenOutside) {
  const TemplateValue values = customer_values().set("number", "outer");
  EXPECT_EQ(rendered("{{#each items}}{{number}}/{{customer.number}} {{/each}}{{number}}", values),
            "RE-1/10001 RE-2/10001 outer");
}

TEST(Template, IfIsTrueForTextThatIsNotEmptyZeroOrFalse) {
  const std::string source =
      "{{#if yes}}a{{/if}}{{#if empty}}b{{/if}}{{#if zero}}c{{/if}}{{#if no}}d{{/if}}";
  EXPECT_EQ(rendered(source, customer_values()), "a");
}

TEST(Template, IfIsTrueForANonEmptyList) {
  EXPECT_EQ(
      rendered("{{#if items}}x{{else}}y{{/if}}{{#if none}}x{{else}}y{{/if}}", customer_values()),
      "xy");
}

TEST(Template, CommentsShowNothing) {
  EXPECT_EQ(rendered("a{{! why this line is here }}b", customer_values()), "ab");
}

TEST(Template, ASectionTagAloneOnItsLineTakesTheLineWithIt) {
  const std::string source =
      "Posten:\n"
      "{{#each items}}\n"
      "  - {{number}}\n"
      "{{/each}}\n"
      "{{#if none}}\n"
      "nie\n"
      "{{/if}}\n"
      "  {{! comment }}  \r\n"
      "Ende\n";
  EXPECT_EQ(rendered(source, customer_values()), "Posten:\n  - RE-1\n  - RE-2\nEnde\n");
}

TEST(Template, AnInlineSectionTagKeepsItsLine) {
  EXPECT_EQ(rendered("a {{#if yes}}b{{/if}}\nc", customer_values()), "a b\nc");
}

TEST(Template, TextTemplatesDoNotEscape) {
  const TemplateValue values = TemplateValue::map().set("name", "Müller & Söhne <KG>");
  EXPECT_EQ(rendered("{{name}}", values), "Müller & Söhne <KG>");
}

TEST(Template, HtmlTemplatesEscapeEveryValue) {
  const TemplateValue values = TemplateValue::map().set("name", R"(<b>"O'Neil" & Co</b>)");
  EXPECT_EQ(rendered("<p>{{name}}</p>", values, Escaping::html),
            "<p>&lt;b&gt;&quot;O&#39;Neil&quot; &amp; Co&lt;/b&gt;</p>");
}

TEST(Template, UnknownNameInTemplateIsAnError) {
  const std::string out = rendered("Hallo\n  {{custmer.name}}", customer_values());
  EXPECT_EQ(out, "render error: test.txt:2:3: unknown name 'custmer.name'");
}

TEST(Template, UnknownFieldOfAKnownMapIsAnError) {
  EXPECT_EQ(rendered("{{customer.nmae}}", customer_values()),
            "render error: test.txt:1:1: unknown name 'customer.nmae'");
}

TEST(Template, ShowingAListIsAnError) {
  EXPECT_EQ(rendered("{{items}}", customer_values()),
            "render error: test.txt:1:1: 'items' is a list, not a value to show");
}

TEST(Template, EachOverAValueIsAnError) {
  EXPECT_EQ(rendered("{{#each zero}}x{{/each}}", customer_values()),
            "render error: test.txt:1:1: 'zero' is not a list to go through");
}

TEST(Template, ParseErrorsNameTemplateLineAndColumn) {
  EXPECT_EQ(rendered("Zeile 1\nZeile {{ 2", customer_values()),
            "parse error: test.txt:2:7: '{{' without a closing '}}'");
  EXPECT_EQ(rendered("a\n{{#each items}}\nb", customer_values()),
            "parse error: test.txt:2:1: '{{#each items}}' is never closed");
  EXPECT_EQ(rendered("{{#if yes}}{{/each}}", customer_values()),
            "parse error: test.txt:1:12: '{{/each}}' closes '{{#if yes}}' (line 1); expected "
            "'{{/if}}'");
  EXPECT_EQ(rendered("{{/if}}", customer_values()),
            "parse error: test.txt:1:1: '{{/if}}' without an open section");
  EXPECT_EQ(rendered("{{else}}", customer_values()),
            "parse error: test.txt:1:1: '{{else}}' outside '{{#if}}'");
  EXPECT_EQ(rendered("{{#with x}}{{/with}}", customer_values()),
            "parse error: test.txt:1:1: unknown section '#with' (expected #each or #if)");
  EXPECT_EQ(rendered("{{a..b}}", customer_values()),
            "parse error: test.txt:1:1: 'a..b' is not a name (letters, digits, '_', '-', parts "
            "joined by '.')");
  EXPECT_EQ(rendered("{{}}", customer_values()), "parse error: test.txt:1:1: empty tag '{{}}'");
}

TEST(Template, ColumnsCountCharactersNotBytes) {
  EXPECT_EQ(rendered("Grüße {{", customer_values()),
            "parse error: test.txt:1:7: '{{' without a closing '}}'");
}

TEST(Template, ErrorPositionCountsFromTheOriginInTheFile) {
  Result<Template> parsed =
      Template::parse("r.de.txt", "x\n{{#if}}", Escaping::none, {.line = 3, .column = 1});
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().message, "r.de.txt:4:1: '#if' needs a name");
  EXPECT_EQ(parsed.error().position, 4);
}

TEST(Template, DeepNestingIsAnError) {
  std::string source;
  for (int k = 0; k < 40; ++k) source += "{{#if yes}}";
  EXPECT_NE(rendered(source, customer_values()).find("nested deeper than 32"), std::string::npos);
}

TEST(Template, OutputBeyondTheLimitIsAnError) {
  Result<Template> parsed =
      Template::parse("big.txt", "{{#each items}}0123456789{{/each}}", Escaping::none);
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->render(customer_values(), 20));
  Result<std::string> out = parsed->render(customer_values(), 19);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().message, "big.txt: output exceeds 19 bytes");
}

TEST(Template, CheckFindsAnUnknownNameInABranchTheDataDoesNotTake) {
  Result<Template> parsed = Template::parse(
      "t.txt", "{{#if none}}{{#each none}}{{nmuber}}{{/each}}{{else}}ok{{/if}}", Escaping::none);
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->render(customer_values()));
  const TemplateValue sample =
      customer_values().set("none", TemplateValue::list({invoice("RE-9", "1,00 €")}));
  Status checked = parsed->check(sample);
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().message, "t.txt:1:27: unknown name 'nmuber'");
}

TEST(Template, CheckAcceptsNamesThatResolve) {
  Result<Template> parsed = Template::parse(
      "t.txt", "{{#each items}}{{number}}{{customer.name}}{{/each}}{{#if zero}}{{yes}}{{/if}}",
      Escaping::none);
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->check(customer_values()));
}

}  // namespace
}  // namespace kontor::render
