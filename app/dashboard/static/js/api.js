// The only module that talks to the server, and only to the public `/v1` API.

/** An error answer from the API, carrying its RFC 9457 problem document. */
export class ApiError extends Error {
  constructor(problem) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.problem = problem;
  }
}

/** A query string from an object: arrays repeat their key, empty values are left out. */
export function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && item !== undefined && item !== "") search.append(key, String(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

async function problemOf(response) {
  if ((response.headers.get("content-type") ?? "").includes("json")) {
    try {
      return await response.json();
    } catch {
      // Not JSON after all: fall through to a generic problem.
    }
  }
  return { title: `HTTP ${response.status}`, status: response.status, detail: response.statusText };
}

async function request(path, params, accept, signal) {
  if (!path.startsWith("/v1/")) throw new Error(`not an API path: ${path}`);
  let response;
  try {
    response = await fetch(path + queryString(params), { headers: { Accept: accept }, signal });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError({ title: "Network error", detail: "The API could not be reached." });
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  return response;
}

/** GET a JSON document. */
export async function getJson(path, params = {}, signal = undefined) {
  return (await request(path, params, "application/json", signal)).json();
}

/** GET a plain-text document. */
export async function getText(path, params = {}) {
  return (await request(path, params, "text/plain", undefined)).text();
}
