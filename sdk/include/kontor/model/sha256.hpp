// Sha256: the SHA-256 digest (FIPS 180-4), how Kontor knows a file it has seen before and how a
// bank transaction's remittance text enters its identity. Implemented here so that the SDK
// needs nothing beyond the standard library.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace kontor {

class Sha256 {
 public:
  using Digest = std::array<std::uint8_t, 32>;

  Sha256();
  // Feed bytes in as many pieces as convenient (a file streams through in blocks).
  void update(std::string_view bytes);
  // The digest of everything fed in; the hasher is then spent (create a new one to reuse).
  Digest finish();

  // 64 lower-case hexadecimal digits.
  static std::string hex(const Digest& digest);
  static std::string hex_of(std::string_view bytes);

 private:
  void compress(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

}  // namespace kontor
