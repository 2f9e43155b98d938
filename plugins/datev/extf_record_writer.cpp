#include "extf_record_writer.hpp"

namespace kontor::plugins::datev {

RecordWriter::RecordWriter(std::span<const ExtfColumn> columns, std::int64_t record)
    : columns_(columns), record_(record), fields_(columns) {}

FieldPlace RecordWriter::place(int column) const {
  return FieldPlace{.record = record_,
                    .column = column,
                    .heading = columns_[static_cast<std::size_t>(column - 1)].heading};
}

void RecordWriter::fail(int column, std::string_view reason) {
  out_.errors.push_back(field_error(place(column), reason));
}

void RecordWriter::fail(const Error& error) {
  out_.errors.push_back(error);
}

void RecordWriter::note(std::string message) {
  out_.changes.push_back(ExtfChange{.record = record_, .message = std::move(message)});
}

void RecordWriter::text(int column, std::string_view utf8, const TextRule& rule) {
  Result<WrittenField> field = text_field(utf8, rule, place(column));
  if (!field.ok()) return fail(field.error());
  if (!field->change.empty()) note(std::move(field->change));
  set(column, std::move(field->text));
}

std::optional<AccountKind> RecordWriter::account(int column, std::string_view account,
                                                 int account_length) {
  Result<AccountKind> kind = account_kind(account, account_length, place(column));
  if (!kind.ok()) {
    fail(kind.error());
    return std::nullopt;
  }
  set(column, std::string(account));
  return *kind;
}

ExtfWritten RecordWriter::finish() && {
  if (out_.ok()) out_.text = fields_.line();
  return std::move(out_);
}

}  // namespace kontor::plugins::datev
