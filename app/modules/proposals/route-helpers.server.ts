import type { AppLoadContext } from "@remix-run/node";
import { requireUser, type SessionUser } from "~/modules/accounts/session.server";
import { isLanguage, type Language } from "~/modules/i18n/config";
import type { UserRole } from "../../../db/schema";

export function languageParam(lang: string | undefined): Language {
  if (!isLanguage(lang)) throw new Response("Not found", { status: 404 });
  return lang;
}

/** Signed in (else to the login page) with one of `roles`; anyone else is answered 404, like a page that is not there. */
export async function requireRoleOr404(context: AppLoadContext, request: Request, roles: UserRole[]): Promise<SessionUser> {
  const user = await requireUser(context, request);
  if (!roles.includes(user.role)) throw new Response("Not found", { status: 404 });
  if (user.role === "city" && user.organisationId === null) throw new Response("Not found", { status: 404 });
  return user;
}
