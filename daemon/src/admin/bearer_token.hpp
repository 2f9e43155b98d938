// BearerToken: the secret a client of the admin API's TCP listener must present as
// `Authorization: Bearer <token>`.
//
// The comparison takes the same time whatever the presented value is (it compares SHA-256
// digests byte by byte without an early exit), so timing tells an attacker nothing about how
// much of a guess was right, not even its length. The token itself is kept only here: never
// logged, never in an error message.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "kontor/model/sha256.hpp"
#include "kontor/result.hpp"

namespace kontor::admin {

class BearerToken {
 public:
  // Refuses a token shorter than kMinimumLength or with characters a header cannot carry.
  static Result<BearerToken> from_secret(std::string_view secret);

  // `authorization`: the request's Authorization header as it came (may be empty).
  bool accepts(std::string_view authorization) const;

  static constexpr std::size_t kMinimumLength = 16;

 private:
  explicit BearerToken(Sha256::Digest digest) : digest_(digest) {}
  Sha256::Digest digest_;
};

}  // namespace kontor::admin
