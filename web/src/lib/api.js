// The JSON API on the same origin.

export class APIError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function request(method, path, body) {
  const init = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const res = await fetch("/api/v1" + path, init);
  if (res.status === 204) return null;
  let data = null;
  try { data = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) {
    const e = data?.error ?? {};
    throw new APIError(res.status, e.code ?? "http_" + res.status, e.message ?? `The server answered ${res.status}`);
  }
  return data;
}

export const get = (path) => request("GET", path);
export const post = (path, body) => request("POST", path, body);
export const put = (path, body) => request("PUT", path, body);

/** library reads every track address owns, following the API's pages of 100 (the API answers a
 * page per request), as { library: [...] }. */
export async function library(address) {
  const items = [];
  let cursor = "";
  do {
    const page = await get(`/accounts/${address}/library${qs({ limit: 100, cursor })}`);
    items.push(...page.library);
    cursor = page.nextCursor ?? "";
  } while (cursor);
  return { library: items };
}

/** qs builds a query string from the set values of obj. */
export function qs(obj) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== null && v !== "") p.set(k, v);
  const s = p.toString();
  return s ? "?" + s : "";
}

/** poll calls fn every interval ms until it returns a truthy value or timeout ms pass. */
export async function poll(fn, { interval = 500, timeout = 60000 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch { /* try again */ }
    if (Date.now() > end) return null;
    await new Promise((r) => setTimeout(r, interval));
  }
}
