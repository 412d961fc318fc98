import { isIP } from "node:net";

/**
 * TRUST_PROXY, with Express's `trust proxy` semantics: which hops may speak for the client in
 * X-Forwarded-For / -Proto / -Host. Off by default: without a proxy that overwrites those headers,
 * trusting them lets a client choose its own IP (and escape the per-IP login limit).
 * - unset, "", "false", "0": off (req.ip is the socket's address);
 * - a whole number n ≥ 1: the n nearest hops are proxies;
 * - a comma-separated list of addresses, CIDR subnets or Express's names (loopback, linklocal,
 *   uniquelocal): those addresses are proxies.
 * "true" (trust every hop) is refused: it makes X-Forwarded-For the client's own choice.
 */
export type TrustProxy = false | number | string[];

const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

export function parseTrustProxy(value: string | undefined): TrustProxy | { error: string } {
  const trimmed = value?.trim() ?? "";
  if (trimmed === "" || trimmed === "false" || trimmed === "0") return false;
  if (/^\d+$/.test(trimmed)) {
    const hops = Number(trimmed);
    return hops <= 32 ? hops : { error: "a hop count must be between 1 and 32" };
  }
  if (trimmed === "true") return { error: '"true" trusts every hop, so any client picks its own IP: give a hop count (e.g. 1) or the proxies\' addresses' };
  const entries = trimmed.split(",").map((entry) => entry.trim());
  for (const entry of entries) {
    if (!validProxyEntry(entry)) return { error: `"${entry}" is not an IP address, a CIDR subnet, loopback, linklocal or uniquelocal` };
  }
  return entries;
}

function validProxyEntry(entry: string) {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split("/");
  if (rest.length > 0 || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d+$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
