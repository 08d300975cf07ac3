"""A brief and its revision: two unconfirmed claims confirmed (moved to Verified Facts,
same text), one withdrawn, one added; the statement and the event stay."""

from __future__ import annotations

BEFORE = """\
Lead: On May 12, 2025 in Geneva, Swiss Foreign Minister Ignazio Cassis met UN Secretary-General \
António Guterres to discuss humanitarian access.
Verified Facts
Cassis and Guterres met for one hour at the Palais des Nations.
Official Statements
“Access must not depend on politics.”
António Guterres, UN Secretary-General
Unconfirmed
- A convoy of forty trucks crossed the border on Sunday.
- The talks will resume in June.
- A second envoy was appointed to the region.
Bottom Line
Geneva wants access restored before the summer.
"""

AFTER = """\
Lead: On May 12, 2025 in Geneva, Swiss Foreign Minister Ignazio Cassis met UN Secretary-General \
António Guterres to discuss humanitarian access.
Verified Facts
Cassis and Guterres met for one hour at the Palais des Nations.
A convoy of forty trucks crossed the border on Sunday.
The talks will resume in June.
Official Statements
“Access must not depend on politics.”
António Guterres, UN Secretary-General
Unconfirmed
- A field hospital will open in the north.
Bottom Line
Geneva wants access restored before the summer.
"""

CONFIRMED = (
    "A convoy of forty trucks crossed the border on Sunday.",
    "The talks will resume in June.",
)
WITHDRAWN = "A second envoy was appointed to the region."
ADDED = "A field hospital will open in the north."
