import type { AppLoadContext } from "@remix-run/node";

/** Where links in e-mails point: PUBLIC_URL when set, else this request's origin. */
export function publicOrigin(context: AppLoadContext, request: Request): string {
  return (context.env.PUBLIC_URL ?? new URL(request.url).origin).replace(/\/$/, "");
}

/** The client's IP for throttling: Express's req.ip (proxy headers only count when `trust proxy` is set). */
export function clientIp(context: AppLoadContext): string {
  return context.clientIp ?? "unknown";
}
