import type { AppLoadContext } from "@remix-run/node";

/** The client's IP for throttling: Express's req.ip (proxy headers only count when `trust proxy` is set). */
export function clientIp(context: AppLoadContext): string {
  return context.clientIp ?? "unknown";
}
