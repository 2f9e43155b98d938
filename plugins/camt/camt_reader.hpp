// read_camt: the camt parser's core — reads a camt.052, camt.053 or camt.054 document once,
// front to back, and hands each statement, entry, transaction detail and warning to the sink
// as soon as it is read, so that memory stays bounded by one entry whatever the file's size.
//
// A file that cannot be read (not XML, no camt namespace, truncated, an entry without amount)
// fails with "LINE:COLUMN: what is wrong" — what was handed on before belongs to a file the
// caller must then discard as a whole. What banks get wrong but can be read is read, with a
// warning (README.md lists the codes).
#pragma once

#include <cstdint>
#include <functional>

#include "kontor/sdk/roles.hpp"

namespace kontor::plugins::camt {

inline constexpr std::uint64_t kDefaultMaxFileSize = 256 * 1024 * 1024;

struct CamtOptions {
  std::uint64_t max_file_size = kDefaultMaxFileSize;
  std::size_t read_size = 1024 * 1024;  // bytes asked from the reader at a time
};

struct CamtCounts {
  std::int64_t statements = 0, entries = 0, details = 0;
};

sdk::Status read_camt(sdk::DocumentReader& document, const CamtOptions& options,
                      sdk::ParseSink& sink, CamtCounts& counts,
                      const std::function<bool()>& cancelled = {});

}  // namespace kontor::plugins::camt
