import type { Env } from "~/modules/config/env.server";

/**
 * The only place absolute URLs are built (e-mail links, canonical, og:url, hreflang, feeds, open
 * data links). Never from the request: its Host and X-Forwarded-Host are the client's to choose,
 * and a reset link pointing at a host of the attacker's choice leaks the token. PUBLIC_URL is
 * required in production; in development and tests without it, the local server's address.
 */
export function publicOrigin(env: Pick<Env, "PUBLIC_URL" | "PORT">): string {
  return env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}

/** `path` (starting with "/") on the public origin. */
export function absoluteUrl(env: Pick<Env, "PUBLIC_URL" | "PORT">, path: string): string {
  return `${publicOrigin(env)}${path}`;
}
