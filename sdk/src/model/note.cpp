#include "kontor/model/note.hpp"

#include "kontor/model/enum_text.hpp"

namespace kontor {
namespace {

constexpr EnumName<NoteKind> kKinds[] = {{NoteKind::call, "call"},
                                         {NoteKind::complaint, "complaint"}};
constexpr EnumName<NoteStatus> kStatuses[] = {{NoteStatus::open, "open"},
                                              {NoteStatus::resolved, "resolved"}};

}  // namespace

std::string_view to_string(NoteKind kind) {
  return enum_to_text(kKinds, kind);
}
Result<NoteKind> parse_note_kind(std::string_view text) {
  return enum_from_text(kKinds, "note kind", text);
}
std::string_view to_string(NoteStatus status) {
  return enum_to_text(kStatuses, status);
}
Result<NoteStatus> parse_note_status(std::string_view text) {
  return enum_from_text(kStatuses, "note status", text);
}

}  // namespace kontor
