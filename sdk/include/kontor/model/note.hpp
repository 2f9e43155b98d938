// Note: what an account manager records about a customer or one of its items — a call or a
// complaint — with its status. An open complaint blocks dunning of what it is about until it
// is resolved.
#pragma once

#include <cstdint>
#include <string>

#include "kontor/result.hpp"

namespace kontor {

enum class NoteKind { call, complaint };
enum class NoteStatus { open, resolved };

std::string_view to_string(NoteKind kind);
Result<NoteKind> parse_note_kind(std::string_view text);
std::string_view to_string(NoteStatus status);
Result<NoteStatus> parse_note_status(std::string_view text);

struct Note {
  std::int64_t id = 0;  // assigned by the store
  NoteKind kind = NoteKind::call;
  std::string customer_number;  // the customer it is about (set by the store from the item)
  std::string item_number;      // empty when it is about the customer as a whole
  std::string text;
  NoteStatus status = NoteStatus::open;

  bool blocks_dunning() const { return kind == NoteKind::complaint && status == NoteStatus::open; }
  bool operator==(const Note&) const = default;
};

}  // namespace kontor
