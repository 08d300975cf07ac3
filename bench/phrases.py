"""Sentence templates for generated briefs; `{slots}` are filled by `bench.generator`.

Templates use straight apostrophes and no double quotes: the generator picks the quotation
and apostrophe style per brief. Sentences use abbreviations that are not sentence ends (U.S.,
U.N., Dr., Gen., No., a.m., p.m., St.) and decimals on purpose.
"""

from __future__ import annotations

LEADS = (
    "On {date} in {place}, {a} and {b} held talks on {subject}, with {org} attending as an "
    "observer.",
    "On {date} in {place}, {a} met {b} to discuss {subject} and {measure}, in the first meeting "
    "at this level since {prev_year}.",
    "{a} and {b} met on {date} in {place}, where they negotiated {subject} while {c_seat} "
    "signalled it would not accept {measure} without guarantees.",
)

TITLES = (
    "{a_adj} and {b_adj} Officials Meet in {city} on {headline}",
    "{headline} Talks Open in {city}",
    "{a_short} and {b_short} Discuss {headline}",
    "New Round of {headline} Talks in {city}",
)

TAKEAWAYS = (
    "{a_short} and {b_short} agreed to continue talks on {subject} within {num} days.",
    "{a_seat} said any deal must include {measure}, a condition {b_cap} has so far resisted.",
    "Officials from {org} attended the session in {city} as observers.",
    "{b} said {b_country} was ready to consider {measure} if the terms were reciprocal.",
    "The talks began at about {time} and ran for more than {hours} hours, according to the host "
    "delegation.",
    "{c} joined the final session by video link from {c_cap}.",
    "Negotiators discussed a cap of {pct1} percent for the first phase of the arrangement.",
    "{a_adj} officials said the U.S. and the U.N. had been briefed on the outcome.",
    "{b_cap} described the meeting as constructive but said key differences remained.",
    "The delegations set up working groups on {measure} and on verification.",
)

FACTS = (
    "{a} arrived in {city} on the eve of the talks and met {b} for {hours} hours.",
    "According to the host government, the first session opened at {time} on {date}.",
    "{b_title} told reporters that {b_country} had proposed {measure} in writing.",
    "The draft text, circulated as Document No. {num}, runs to {pages} pages.",
    "{org} said its technical team would report on {subject} by the end of the month.",
    "{c} said {c_country} supported the process but would not join any enforcement mechanism.",
    "The technical briefing was led by Dr. {d_name}, who presented figures showing a {pct2} "
    "percent fall in incidents since January.",
    "Gen. {e_name} attended the military working group on behalf of {e_country}.",
    "The previous round, held in St. Petersburg in {prev_year}, ended without agreement.",
    "{a_seat} confirmed the meeting in a statement issued at {time2} local time.",
    "Trade between {a_country} and {b_country} fell by {pct3} percent last year, according to "
    "customs data.",
    "Both sides said {measure} would be reviewed after {num} months.",
    "{b_cap} summoned the {a_adj} ambassador twice in the weeks before the meeting.",
    "U.N. officials said the talks were the first at this level since {prev_year}.",
    "{a_short}'s delegation included {num} experts on {subject}.",
    "The two delegations exchanged draft proposals at about {time2} local time on the first day.",
)

CONTEXTS = (
    "The talks on {subject} come after months of rising tension between {a_cap} and {b_cap}. "
    "Both governments face domestic pressure not to be seen making concessions.",
    "{org} has pushed for {measure} since {prev_year}, arguing that it is the only way to "
    "rebuild trust. Critics say the mechanism would lack enforcement powers.",
    "{a_country} and {b_country} have held {num} rounds of talks on {subject} without a final "
    "agreement. The outcome in {city} will shape the next round.",
    "For {b_country}, the issue is tied to its relations with its neighbours and the U.S. "
    "administration. For {a_country}, it is above all a question of credibility at home.",
)

IMPACTS = (
    "Political impact: An agreement on {subject} would strengthen {a_short}'s position at home.",
    "Economic impact: Markets in {b_cap} reacted cautiously, and the currency moved {pct1} "
    "percent after the talks.",
    "Security impact: {measure} would reduce the risk of incidents but requires verification.",
    "Humanitarian impact: Aid agencies said a deal could help about {num}0,000 people.",
    "Regional impact: Neighbouring governments are watching whether {measure} becomes a model.",
    "Legal impact: Any text would need ratification by the {a_adj} parliament.",
)

QUOTES = (
    "We came to {city} to find solutions, not to repeat old positions.",
    "There can be no agreement on {subject} without {measure}.",
    "Our position has not changed, and it will not change under pressure.",
    "This is a first step, and we are realistic about the distance still to cover.",
    "We will judge the other side by its actions, not by its words.",
    "The door to dialogue remains open, but time is not unlimited.",
    "Today's meeting shows that diplomacy can still deliver results.",
    "We don't accept preconditions, and we won't set any ourselves.",
    "Our partners know exactly what we are ready to offer.",
    "Nobody should expect a breakthrough overnight.",
)

UNCONFIRMED = (
    "Whether {b_country} would accept {measure} was not confirmed by officials.",
    "Reports that a second meeting could take place in {c_cap} were not confirmed.",
    "The size of a financial package, reported at {money}, has not been officially confirmed.",
    "It was unclear whether {c_country} would sign the final document.",
    "Details of the verification mechanism were not made public.",
    "Local media reported that {a_short} had threatened to leave the talks, which officials "
    "neither confirmed nor denied.",
    "The timing of the next round of talks remained unclear.",
)

DISPUTED = (
    "{a_seat} said the meeting produced a framework agreement, which {b_seat} denied.",
    "{b_adj} officials said the draft included {measure}; {a_adj} officials said it did not.",
    "Casualty figures cited by {a_short} were disputed by {org}.",
    "{c_country} rejected reports that it had blocked an earlier draft.",
    "The two sides gave conflicting accounts of who requested the meeting.",
)

BOTTOM_LINES = (
    "The {city} talks kept {subject} on the diplomatic agenda without settling it. Whether "
    "{measure} is agreed will depend on the next round.",
    "{a_short} and {b_short} left {city} with a process rather than a deal. The coming weeks will "
    "show whether either side is ready to move on {measure}.",
    "The meeting narrowed some gaps on {subject}, but the central disagreement over {measure} "
    "remains. Pressure from {org} is likely to grow.",
)

BACKGROUND = (
    "Relations between {a_country} and {b_country} have been strained since {prev_year}, when "
    "earlier talks on {subject} collapsed. The {city} meeting is the first at this level since "
    "then.",
)

REACTIONS = (
    "{c} welcomed the talks and urged both sides to agree on {measure} quickly. {org} called "
    "the meeting a useful step.",
)

TIMELINE = (
    "{prev_year}: Talks on {subject} break down after {num} rounds.",
    "Early this year: {org} proposes {measure}.",
    "{date}: {a_short} and {b_short} meet in {city}.",
)

NEXT_STEPS = (
    "Working groups are to meet again within {num} days.",
    "{org} is expected to present a technical report on {measure}.",
    "Both delegations will brief their governments in {a_cap} and {b_cap}.",
)
