import type { LoaderFunctionArgs } from "@remix-run/node";
import { languageParam } from "~/modules/http/params.server";
import { notFound } from "~/modules/http/responses.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

/** Any unknown path inside a language: the localised 404 page. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "public:read");
  languageParam(params.lang);
  notFound();
}

// A page route, not a resource route: the thrown 404 renders in the root's error boundary, localised.
export default function NotFound() {
  return null;
}
