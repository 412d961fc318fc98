import type { AppLoadContext } from "@remix-run/node";
import { parseEnv, type Env } from "~/modules/config/env.server";
import type { TestDatabase } from "./database";

/**
 * One environment per test file (a vitest worker): every session cookie of the file is signed
 * with its generated secret, so `cookieFor` and the routes agree.
 */
export const testEnv = parseEnv({});

export function contextFor(database: TestDatabase, clientIp = "203.0.113.7", env: Env = testEnv): AppLoadContext {
  return { db: database.db, dbKind: database.kind, env, clientIp };
}

export type FormValues = Record<string, string | number | string[] | undefined>;

export function form(values: FormValues): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, String(item));
  }
  return data;
}

export interface RouteCall {
  /** The path and query, e.g. "/en/login?redirectTo=%2Fen"; an absolute URL is kept as it is. */
  path: string;
  params?: Record<string, string>;
  /** POST when a body is given, GET otherwise. */
  method?: string;
  body?: FormData | FormValues;
  cookie?: string;
  headers?: Record<string, string>;
  clientIp?: string;
  /** Another environment than the file's (e.g. with SMTP_URL); sessions signed with testEnv stay valid only if the secret is the same. */
  env?: Env;
}

/**
 * Calls a route's loader or action as Remix would. A thrown Response (redirect, 404, 409) is
 * returned like a returned one; plain data comes back as a 200 JSON Response.
 */
export function callRoute(fn: (args: any) => Promise<unknown>, database: TestDatabase, call: RouteCall): Promise<Response> {
  return responseOf(() => fn({ request: requestFor(call), params: call.params ?? {}, context: contextFor(database, call.clientIp, call.env) }));
}

/** The Request a browser would send (for `callRoute`, or a guard such as `requireUser`). */
export function requestFor({ path, method, body, cookie, headers }: Omit<RouteCall, "params" | "clientIp" | "env">): Request {
  const data = body === undefined || body instanceof FormData ? body : form(body);
  const url = /^https?:/.test(path) ? path : `http://localhost${path}`;
  return new Request(url, { method: method ?? (data ? "POST" : "GET"), body: data, headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}) } });
}

/** What Remix would send for `run`: a thrown Response is returned like a returned one; data becomes JSON. */
export async function responseOf(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    return result instanceof Response ? result : Response.json(result);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** "name=value" from a Set-Cookie header, for the next request's Cookie header. */
export function cookieOf(response: Response): string {
  const header = response.headers.get("Set-Cookie");
  if (!header) throw new Error(`no Set-Cookie (status ${response.status})`);
  return header.split(";")[0];
}
