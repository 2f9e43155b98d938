#include "xml_tokens.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing_support.hpp"

namespace kontor::plugins::camt {
namespace {

using Kind = XmlToken::Kind;

// "kind:text" of every token, the window reading `piece` bytes at a time.
std::vector<std::string> tokens_of(const std::string& xml, std::size_t piece = 3) {
  testing::StringReader reader(xml, piece);
  ByteWindow window(reader, 1 << 20, 16);
  XmlTokenizer tokens(window);
  std::vector<std::string> out;
  while (true) {
    Result<XmlToken> token = tokens.next();
    if (!token) {
      out.push_back("error@" + std::to_string(token.error().position) + ": " +
                    token.error().message);
      return out;
    }
    if (token->kind == Kind::end_of_document) return out;
    const std::string text(window.at(token->begin), token->end - token->begin);
    static const char* names[] = {"text",  "start", "end",     "empty", "comment",
                                  "cdata", "pi",    "doctype", "eod"};
    out.push_back(std::string(names[static_cast<int>(token->kind)]) + ":" + text);
  }
}

TEST(XmlTokenizerTest, CutsADocumentIntoItsPiecesWhateverTheReadSize) {
  const std::string xml =
      "<?xml version=\"1.0\"?><!-- a > b --><D a='x>y' b=\"<\"><![CDATA[<T>]]>t<E/></D>";
  const std::vector<std::string> expected = {"pi:<?xml version=\"1.0\"?>",
                                             "comment:<!-- a > b -->",
                                             "start:<D a='x>y' b=\"<\">",
                                             "cdata:<![CDATA[<T>]]>",
                                             "text:t",
                                             "empty:<E/>",
                                             "end:</D>"};
  for (std::size_t piece : {1, 2, 5, 1000}) EXPECT_EQ(tokens_of(xml, piece), expected) << piece;
}

TEST(XmlTokenizerTest, NamesTagsAsWritten) {
  testing::StringReader reader("<ns2:Ntry x='1'>");
  ByteWindow window(reader, 1 << 20, 16);
  XmlTokenizer tokens(window);
  Result<XmlToken> token = tokens.next();
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(tokens.tag_name(*token), "ns2:Ntry");
}

TEST(XmlTokenizerTest, SaysWhereABrokenPieceStarts) {
  EXPECT_EQ(tokens_of("<a><!-- open").back(), "error@3: comment <!-- is not closed");
  EXPECT_EQ(tokens_of("<a x='1>").back(), "error@0: attribute value of a tag is not closed");
  EXPECT_EQ(tokens_of("<a><b <c>").back(), "error@3: '<' inside a tag");
  EXPECT_EQ(tokens_of("<!ENTITY x 'y'>").back(),
            "error@0: '<!' starts neither a comment nor a CDATA section");
  EXPECT_EQ(tokens_of("< a>").back(), "error@0: '<' not followed by an element name");
}

TEST(XmlTokenizerTest, ReportsADoctypeWithoutReadingIt) {
  EXPECT_EQ(tokens_of("<!DOCTYPE x [<!ENTITY a 'b'>]>").front(), "doctype:<!DOCTYPE");
}

}  // namespace
}  // namespace kontor::plugins::camt
