#include "admin/bearer_token.hpp"

#include <fmt/format.h>

namespace kontor::admin {
namespace {

Sha256::Digest digest_of(std::string_view text) {
  Sha256 hasher;
  hasher.update(text);
  return hasher.finish();
}

// RFC 6750 b64token characters: what a token in an Authorization header may consist of.
bool is_token_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=';
}

}  // namespace

Result<BearerToken> BearerToken::from_secret(std::string_view secret) {
  if (secret.size() < kMinimumLength) {
    return Error{
        fmt::format("the token is shorter than {} characters (make one with `openssl rand "
                    "-hex 32`)",
                    kMinimumLength)};
  }
  for (char c : secret) {
    if (!is_token_character(c)) {
      return Error{
          "the token may contain only letters, digits and - . _ ~ + / = (make one with "
          "`openssl rand -hex 32`)"};
    }
  }
  return BearerToken(digest_of(secret));
}

bool BearerToken::accepts(std::string_view authorization) const {
  // The scheme is case-insensitive (RFC 7235); one space separates it from the token.
  constexpr std::string_view kScheme = "bearer ";
  bool scheme_ok = authorization.size() > kScheme.size();
  for (std::size_t i = 0; scheme_ok && i < kScheme.size(); ++i) {
    const char c = authorization[i];
    scheme_ok = (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) == kScheme[i];
  }
  // Digests of equal length, compared without an early exit: the time does not depend on the
  // presented value.
  const Sha256::Digest presented =
      digest_of(scheme_ok ? authorization.substr(kScheme.size()) : std::string_view());
  unsigned char difference = scheme_ok ? 0 : 1;
  for (std::size_t i = 0; i < presented.size(); ++i) {
    difference |= static_cast<unsigned char>(presented[i] ^ digest_[i]);
  }
  return difference == 0;
}

}  // namespace kontor::admin
