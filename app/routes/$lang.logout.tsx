import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { destroySession } from "~/modules/accounts/session.server";
import { isLanguage } from "~/modules/i18n/config";

// Logging out changes state, so it is a POST (a link or a prefetch must not sign anyone out).
export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = isLanguage(params.lang) ? params.lang : "en";
  const cookie = await destroySession(context, request);
  return redirect(`/${language}`, { headers: { "Set-Cookie": cookie } });
}

export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/${isLanguage(params.lang) ? params.lang : "en"}`);
}
