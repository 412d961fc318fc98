import type { AppLoadContext } from "@remix-run/node";
import { isLanguage, type Language } from "~/modules/i18n/config";

/** The page's language from the URL, or a 404. */
export function languageParam(lang: string | undefined): Language {
  if (!isLanguage(lang)) throw new Response("Not found", { status: 404 });
  return lang;
}

/** Where links in e-mails point: PUBLIC_URL when set, else this request's origin. */
export function publicOrigin(context: AppLoadContext, request: Request): string {
  return (context.env.PUBLIC_URL ?? new URL(request.url).origin).replace(/\/$/, "");
}

/** The client's IP for throttling: Express's req.ip (proxy headers only count when `trust proxy` is set). */
export function clientIp(context: AppLoadContext): string {
  return context.clientIp ?? "unknown";
}
