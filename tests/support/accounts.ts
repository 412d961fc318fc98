import type { AppLoadContext } from "@remix-run/node";
import { parseEnv } from "~/modules/config/env.server";
import type { TestDatabase } from "./database";

export const DEMO_PASSWORD = "demo-hub-2030";

// One environment per test file: the session cookie is signed with its (generated) secret.
const env = parseEnv({});

export function contextFor(database: TestDatabase, clientIp = "203.0.113.7"): AppLoadContext {
  return { db: database.db, dbKind: database.kind, env, clientIp };
}

export function form(values: Record<string, string | number | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) data.append(key, String(value));
  return data;
}

export function post(url: string, values: Record<string, string | number | undefined>, cookie?: string): Request {
  return new Request(`http://localhost${url}`, { method: "POST", body: form(values), headers: cookie ? { Cookie: cookie } : {} });
}

export function get(url: string, cookie?: string): Request {
  return new Request(`http://localhost${url}`, { headers: cookie ? { Cookie: cookie } : {} });
}

/** Runs a loader or action; a thrown Response is returned, like Remix would send it. */
export async function run(fn: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await fn();
    if (result instanceof Response) return result;
    throw new Error(`expected a Response, got ${JSON.stringify(result)}`);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

/** "name=value" from a Set-Cookie header, for the next request's Cookie header. */
export function cookieOf(response: Response): string {
  const header = response.headers.get("Set-Cookie");
  if (!header) throw new Error(`no Set-Cookie (status ${response.status})`);
  return header.split(";")[0];
}
