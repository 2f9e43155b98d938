#include "kontor/model/notice.hpp"

#include <gtest/gtest.h>

#include "kontor/model/note.hpp"

namespace kontor {
namespace {

TEST(Notice, OwnReferenceAndIdempotencyKeyFollowFromItsNumber) {
  Notice notice;
  notice.number = "M-2026-000042";
  ASSERT_TRUE(assign_references(notice));
  ASSERT_TRUE(notice.rf_reference.has_value());
  EXPECT_EQ(notice.rf_reference->reference(), "M2026000042");
  EXPECT_TRUE(CreditorReference::parse(notice.rf_reference->formatted()));
  EXPECT_EQ(notice.idempotency_key, "kontor-notice-M-2026-000042");
}

TEST(NoticeRejects, NumberThatCannotBecomeAReference) {
  Notice notice;
  notice.number = "Mahnung Nr. 42 für K-1001 vom 28.11.2026";
  Status status = assign_references(notice);
  ASSERT_FALSE(status);
  EXPECT_FALSE(notice.rf_reference.has_value());
}

TEST(Note, OnlyAnOpenComplaintBlocksDunning) {
  Note note;
  note.kind = NoteKind::complaint;
  EXPECT_TRUE(note.blocks_dunning());
  note.status = NoteStatus::resolved;
  EXPECT_FALSE(note.blocks_dunning());
  note.kind = NoteKind::call;
  note.status = NoteStatus::open;
  EXPECT_FALSE(note.blocks_dunning());
}

}  // namespace
}  // namespace kontor
