// The host's HTTPS transfers against a real server with a certificate from a throwaway CA: the
// final response's header lines reach the plugin, and a certificate from a CA the request does
// not trust is refused for good (FAILED), before any request is sent.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "host/transfer_service.hpp"
#include "kontor/sdk/views.hpp"
#include "log/logging.hpp"
#include "support/https_server.hpp"

namespace kontor::host {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

struct Answer {
  kontor_status status = KONTOR_INTERNAL;
  int code = -1;
  std::string message;
  std::vector<std::string> headers;
};

class HttpsTransferTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_THAT(server_.error(), IsEmpty());
    std::ofstream(server_.files() / "camt053.xml") << "<Document/>";
    instance_.name = "bank";
    instance_.plugin = "https-test";
    instance_.context = &context_;
    instance_.log = log::get("plugin:bank");
  }

  Answer get(const std::string& url, const std::string& ca_file) {
    const kontor_bytes_sink sink{sizeof(kontor_bytes_sink), nullptr,
                                 [](void*, kontor_bytes) -> kontor_status { return KONTOR_OK; }};
    kontor_transfer_request request{};
    request.struct_size = sizeof(request);
    request.url = sdk::view(url);
    request.method = sdk::view("GET");
    request.ca_file = sdk::view(ca_file);
    kontor_transfer_result result{};
    result.struct_size = sizeof(result);
    Answer answer;
    answer.status = transfer_.perform(instance_, request, sink, result);
    answer.code = result.code;
    answer.message = sdk::copy(result.message);
    answer.headers = sdk::copy(result.headers);
    return answer;
  }

  testing::HttpsServer server_;
  TransferService transfer_;
  HostContext context_;
  HostInstance instance_;
};

TEST_F(HttpsTransferTest, TheFinalResponsesHeaderLinesReachThePlugin) {
  const Answer answer = get(server_.url("camt053.xml"), server_.ca_file().string());
  ASSERT_EQ(answer.status, KONTOR_OK) << answer.message;
  EXPECT_EQ(answer.code, 200);
  EXPECT_THAT(answer.headers, Contains(StartsWith("ETag: \"")));
  EXPECT_THAT(answer.headers, Contains(StartsWith("Last-Modified: ")));
  EXPECT_THAT(answer.headers, Contains("Content-Length: 11"));
}

TEST_F(HttpsTransferTest, ACertificateFromAnUntrustedCaIsFailedAndNothingIsSent) {
  const Answer answer = get(server_.url("camt053.xml"), server_.other_ca_file().string());
  EXPECT_EQ(answer.status, KONTOR_FAILED);
  EXPECT_THAT(answer.message, HasSubstr("GET " + server_.url("camt053.xml")));
  EXPECT_THAT(server_.requests(), IsEmpty());
}

TEST_F(HttpsTransferTest, WithoutTheCaTheSystemStoreDoesNotTrustATestCertificate) {
  EXPECT_EQ(get(server_.url("camt053.xml"), "").status, KONTOR_FAILED);
}

}  // namespace
}  // namespace kontor::host
