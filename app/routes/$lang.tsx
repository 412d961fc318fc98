import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { isLanguage } from "~/modules/i18n/config";

/** Every page lives under /en, /es or /fr; any other first segment is a 404. */
export function loader({ params }: LoaderFunctionArgs) {
  if (!isLanguage(params.lang)) throw new Response("Not found", { status: 404 });
  return null;
}

export default function LanguageLayout() {
  return <Outlet />;
}
