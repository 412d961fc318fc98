import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { languageParam } from "~/modules/http/params.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

/** Every page lives under /en, /es or /fr; any other first segment is a 404. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  return null;
}

export default function LanguageLayout() {
  return <Outlet />;
}
