"""A brief naming two people only outside its claims, statements and events: Angela Merkel
in Context & Impact, Mark Rutte in an extra "What to Watch" section."""

from __future__ import annotations

MERKEL = """\
Lead: On March 3, 2025 in Berlin, German Chancellor Olaf Scholz met French President \
Emmanuel Macron to discuss European defence spending.
Key Takeaways
- Scholz and Macron agreed to coordinate a joint defence procurement plan.
Verified Facts
Scholz hosted Macron at the Chancellery for two hours of talks on defence procurement.
Context & Impact
The talks echo the 2017 Franco-German push led by former Chancellor Angela Merkel, whose \
government first proposed a common defence fund.
Official Statements
“Europe must spend together.”
Emmanuel Macron, President of France
Unconfirmed
- Whether other capitals will join the plan before June.
What to Watch
- Whether NATO Secretary General Mark Rutte endorses the plan at the June summit.
Bottom Line
Berlin and Paris want a common plan before the June summit.
"""

# The same brief revised: Merkel is no longer named, Rutte is named twice.
MERKEL_REVISED = MERKEL.replace(
    "led by former Chancellor Angela Merkel, whose government", "whose sponsors"
).replace("the June summit.\nBottom", "the June summit, as Mark Rutte hinted.\nBottom")
