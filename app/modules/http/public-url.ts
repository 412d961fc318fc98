/**
 * PUBLIC_URL, the one origin absolute URLs are built from: http or https, no credentials, and
 * nothing after the host but an optional "/". Returns the origin (no trailing slash) or why not.
 */
export function parsePublicUrl(value: string): string | { error: string } {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { error: "must be an absolute URL such as https://hubs.example.org" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { error: "must start with https:// or http://" };
  if (url.username || url.password) return { error: "must not contain a user name or password" };
  if (url.pathname !== "/" || url.search || url.hash) return { error: "must be an origin only (no path, query or fragment beyond a final /)" };
  return url.origin;
}
