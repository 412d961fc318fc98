import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { languageOfRequest } from "~/modules/i18n/i18next.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

/** `/` sends the visitor to their language: cookie, then Accept-Language, then English. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "public:read");
  const language = await languageOfRequest(request);
  return redirect(`/${language}`, { headers: { Vary: "Cookie, Accept-Language" } });
}
