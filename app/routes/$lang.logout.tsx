import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { destroySession, signedOutHeaders } from "~/modules/accounts/session.server";
import { languageParam } from "~/modules/http/params.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

// Logging out changes state, so it is a POST (a link or a prefetch must not sign anyone out).
export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "account:enter");
  const cookie = await destroySession(context, request);
  return redirect(`/${language}`, { headers: signedOutHeaders(cookie) });
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "account:enter");
  return redirect(`/${language}`);
}
