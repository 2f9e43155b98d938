// Writes one data record field by field, collecting its errors and changes, so that every field
// is checked even after the first error and the caller learns everything wrong with the record
// at once.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "extf_fields.hpp"
#include "extf_record.hpp"
#include "extf_written.hpp"

namespace kontor::plugins::datev {

class RecordWriter {
 public:
  // `record` is the record's 1-based number in the file, named by every error and change.
  RecordWriter(std::span<const ExtfColumn> columns, std::int64_t record);

  FieldPlace place(int column) const;

  // A field already in its written form (unquoted number, or quoted text).
  void set(int column, std::string field) { fields_.set(column, std::move(field)); }
  void fail(int column, std::string_view reason);
  void fail(const Error& error);
  void note(std::string message);

  // text_field(): set when it can be written, its change noted; an error otherwise.
  void text(int column, std::string_view utf8, const TextRule& rule);
  // account_kind(): set and its kind returned when it can be written; an error otherwise.
  std::optional<AccountKind> account(int column, std::string_view account, int account_length);

  // The record's line when there is no error; its changes and errors.
  ExtfWritten finish() &&;

 private:
  std::span<const ExtfColumn> columns_;
  std::int64_t record_;
  ExtfRecord fields_;
  ExtfWritten out_;
};

}  // namespace kontor::plugins::datev
