#!/bin/sh
# packaging_test.man_pages: the hand-written man pages format without a single groff warning.
# Usage: man_pages_test.sh PAGE...
set -eu
status=0
for page in "$@"; do
  warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1) || status=1
  if [ -n "$warnings" ]; then
    echo "$page:" >&2
    echo "$warnings" >&2
    status=1
  fi
done
exit $status
