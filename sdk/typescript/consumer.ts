/**
 * A consumer of the TypeScript types generated from Chancery's OpenAPI document
 * (`schema.d.ts`, written beside a copy of this file by `scripts/sdk.py`).
 *
 * `tsc --noEmit` on this file is the contract check: a change to the API that breaks a
 * client (a renamed field, a new verification status, a query parameter gone) stops it
 * type-checking.
 */
import type { components, operations } from "./schema";

export type ClaimItem = components["schemas"]["ClaimItem"];
export type ClaimStatus = components["schemas"]["ClaimStatus"];
export type ActorDetail = components["schemas"]["ActorDetail"];
export type BriefDetail = components["schemas"]["BriefDetail"];
export type Problem = components["schemas"]["Problem"];
export type RelatedActors = components["schemas"]["RelatedActors"];
export type RelatedQuery = NonNullable<operations["listRelatedActors"]["parameters"]["query"]>;
export type ClaimQuery = NonNullable<operations["listClaims"]["parameters"]["query"]>;
type ClaimPage = operations["listClaims"]["responses"][200]["content"]["application/json"];
type QueryValue = string | number | boolean | readonly string[] | null | undefined;

/** An error answer from the API, with its problem document. */
export class ChanceryError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.title}: ${problem.detail}`);
  }
}

function url(base: string, path: string, query: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item !== null && item !== undefined) search.append(key, String(item));
    }
  }
  return `${base}${path}?${search}`;
}

async function getJson<T>(address: string): Promise<T> {
  const response = await fetch(address, { headers: { Accept: "application/json" } });
  const body: unknown = await response.json();
  if (!response.ok) throw new ChanceryError(body as Problem);
  return body as T;
}

/** Every claim matching `query`, following `next_cursor` page after page. */
export async function* walkClaims(base: string, query: ClaimQuery): AsyncGenerator<ClaimItem> {
  let cursor: string | null = null;
  do {
    const page: ClaimPage = await getJson<ClaimPage>(url(base, "/v1/claims", { ...query, cursor }));
    yield* page.items;
    cursor = page.next_cursor;
  } while (cursor !== null);
}

/** One actor, by id or slug. */
export function getActor(base: string, idOrSlug: string): Promise<ActorDetail> {
  return getJson<ActorDetail>(url(base, `/v1/actors/${encodeURIComponent(idOrSlug)}`));
}

/** The actors co-mentioned with one, most shared first. */
export function getRelated(base: string, idOrSlug: string, query: RelatedQuery = {}): Promise<RelatedActors> {
  const path = `/v1/actors/${encodeURIComponent(idOrSlug)}/related`;
  return getJson<RelatedActors>(url(base, path, query));
}

/** "Name (n shared, last seen date)" for each neighbour; `label` names the brief as the API does. */
export async function neighbours(base: string, idOrSlug: string): Promise<string[]> {
  const related = await getRelated(base, idOrSlug, { status: ["verified"], limit: 10 });
  return related.items.map(
    (item) => `${item.actor.name} (${item.count} shared, last seen ${item.last_seen_on ?? "undated"})`,
  );
}

/** One brief with everything extracted from it. */
export function getBrief(base: string, id: number): Promise<BriefDetail> {
  return getJson<BriefDetail>(url(base, `/v1/briefs/${id}`));
}

/** The words a claim's badge shows; the switch must cover every status the API has. */
export function statusLabel(status: ClaimStatus): string {
  switch (status) {
    case "verified":
      return "Verified";
    case "unconfirmed":
      return "Unconfirmed";
    case "disputed":
      return "Disputed";
    case "reported":
      return "Reported";
    default: {
      const unknown: never = status;
      return unknown;
    }
  }
}

/** A one-line summary: date, status, text, actors, and where in the source it is. */
export function describeClaim(claim: ClaimItem): string {
  const actors = claim.actors.map((actor) => actor.name).join(", ");
  const where = `${claim.brief.label} [${claim.span.start}, ${claim.span.end})`;
  return `${claim.occurred_on ?? "undated"} ${statusLabel(claim.status)}: ${claim.text} (${actors}; ${where})`;
}

/** Verified and disputed claims about an actor in 2025, one line each. */
export async function example(base: string): Promise<string[]> {
  const query: ClaimQuery = {
    actor: ["emmanuel-macron"],
    date_from: "2025-01-01",
    date_to: "2025-12-31",
    status: ["verified", "disputed"],
    limit: 50,
  };
  const lines: string[] = [];
  for await (const claim of walkClaims(base, query)) lines.push(describeClaim(claim));
  return lines;
}

// @ts-expect-error: "rumoured" is not a verification status.
export const notAStatus: ClaimStatus = "rumoured";
