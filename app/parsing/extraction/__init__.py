"""Stage 3, extracting claims and statements: units, quotations, reported speech and the
Lead's date, place and event."""
