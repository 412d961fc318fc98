import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit, requestSource } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { isoToday } from "~/modules/hubs/lifecycle";
import { countryName } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { parseDashboardFilters } from "~/modules/progress/dashboard";
import { listDashboardRows } from "~/modules/progress/dashboard.server";
import { languageParam } from "~/modules/http/params.server";
import { toCsvDocument } from "~/modules/opendata/csv.server";

/** The dashboard table as CSV, with the same filters and order as the page (they come in the URL). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const url = new URL(request.url);
  const user = await requirePermission(context, request, "dashboard:export");
  const today = isoToday();
  const [{ rows: filtered }, t] = await Promise.all([
    listDashboardRows(context.db, { today, language, filters: parseDashboardFilters(url.searchParams) }),
    getTranslator(language),
  ]);
  const header = ["hub", "slug", "city", "country", "region", "sdg", "lastStatus", "lastDate", "nextDue", "overdue", "progress"].map((key) =>
    key === "slug" ? "slug" : t(`monitoring:table.${key}`),
  );
  const data = filtered.map((row) => [
    row.title,
    row.slug,
    row.city,
    countryName(row.countryCode, language),
    t(`monitoring:regions.${row.region}`),
    row.primarySdg ?? "",
    row.lastStatus ? t(`monitoring:overall.${row.lastStatus}`) : "",
    row.lastDate ?? "",
    row.nextDue ?? "",
    row.overdueCount,
    row.progress === null ? "" : Math.round(row.progress * 100),
  ]);
  // Who took which data out of the registry, with the filters as they came.
  await recordAudit(context.db, {
    entity: "export",
    entityId: null,
    actorUserId: user.id,
    action: "export_dashboard_csv",
    comment: `${filtered.length} rows${url.search ? ` ${url.search}` : ""}`,
    source: requestSource(context, request),
  });
  // Titles and names are typed by cities: the one CSV writer keeps a leading "=" from running as a formula.
  const csv = toCsvDocument(header, data);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="hubs-${today}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
