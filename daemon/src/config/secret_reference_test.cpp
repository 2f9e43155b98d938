#include "config/secret_reference.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "config/validator.hpp"
#include "config/yaml_reader.hpp"

namespace kontor::config {
namespace {

namespace fs = std::filesystem;

class SecretReferenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kontor-secret-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> validate_errors(const std::string& yaml) {
    ConfigErrors errors;
    auto document = read_yaml(yaml, "p.yaml");
    Validator validator(process_environment(), errors);
    (void)validator.validate(document.root, section({required("password", secret_value(), "")}),
                             "instances.bank");
    std::vector<std::string> lines;
    for (const auto& e : errors) lines.push_back(to_string(e));
    return lines;
  }

  fs::path dir_;
};

TEST_F(SecretReferenceTest, InlinePasswordIsRefusedWithTheReason) {
  EXPECT_EQ(validate_errors("password: hunter2\n"),
            std::vector<std::string>{
                "p.yaml:1:11: 'instances.bank.password': a secret may not be written into the "
                "configuration; expected exactly one of {env: NAME}, {file: PATH}, {credential: "
                "NAME}"});
}

TEST_F(SecretReferenceTest, ExactlyOneKnownSource) {
  EXPECT_EQ(validate_errors("password: {env: A, file: B}\n"),
            std::vector<std::string>{"p.yaml:1:11: 'instances.bank.password': expected exactly one "
                                     "of {env: NAME}, {file: PATH}, {credential: NAME}"});
  EXPECT_EQ(validate_errors("password: {vault: x}\n"),
            std::vector<std::string>{"p.yaml:1:12: 'instances.bank.password': unknown secret "
                                     "source 'vault'; expected exactly one of {env: NAME}, "
                                     "{file: PATH}, {credential: NAME}"});
  EXPECT_TRUE(validate_errors("password: {credential: bank-password}\n").empty());
}

TEST_F(SecretReferenceTest, ResolvesFromEnvironmentFileAndCredentials) {
  SecretEnvironment environment;
  environment.variables = [](const std::string& name) -> std::optional<std::string> {
    if (name == "BANK_TOKEN") return "t0ken";
    return std::nullopt;
  };
  environment.credentials_directory = dir_.string();
  std::ofstream(dir_ / "smtp") << "s3cret\n";
  std::ofstream(dir_ / "key.txt") << "k3y";

  EXPECT_EQ(*resolve_secret({SecretReference::Source::kEnv, "BANK_TOKEN"}, environment), "t0ken");
  EXPECT_EQ(*resolve_secret({SecretReference::Source::kCredential, "smtp"}, environment), "s3cret");
  EXPECT_EQ(
      *resolve_secret({SecretReference::Source::kFile, (dir_ / "key.txt").string()}, environment),
      "k3y");
}

TEST_F(SecretReferenceTest, ErrorsNameTheReferenceNeverAValue) {
  SecretEnvironment environment;
  environment.variables = [](const std::string&) { return std::nullopt; };
  auto missing = resolve_secret({SecretReference::Source::kEnv, "NOPE"}, environment);
  EXPECT_EQ(missing.error().message, "secret 'env:NOPE': environment variable is not set");
  auto no_dir = resolve_secret({SecretReference::Source::kCredential, "smtp"}, environment);
  EXPECT_EQ(no_dir.error().message,
            "secret 'credential:smtp': $CREDENTIALS_DIRECTORY is not set (use LoadCredential= "
            "in the unit)");
  environment.credentials_directory = dir_.string();
  auto escape =
      resolve_secret({SecretReference::Source::kCredential, "../etc/shadow"}, environment);
  EXPECT_EQ(escape.error().message,
            "secret 'credential:../etc/shadow': a credential name may not contain '/'");
}

}  // namespace
}  // namespace kontor::config
