import type { AppLoadContext } from "@remix-run/node";
import { jsonObjectFrom } from "kysely/helpers/postgres";
import type { DB } from "../../../db/index";
import { reusableStatement } from "../../../db/reusable-statement";
import { presentPublicHub, publicHubQuery } from "~/modules/hubs/public-hub-detail.server";
import { hubPageVersion } from "~/modules/hubs/public-cache.server";
import type { Language } from "~/modules/i18n/config";
import { hubNetworkFrom, networkOverviewQuery } from "~/modules/network/hub-network.server";
import { acceptedProgressQuery, presentPublishedProgress } from "~/modules/progress/published-progress.server";
import { presentPublicDetails, publicDetailsQuery } from "~/modules/proposals/public-details.server";

/**
 * Everything the public HUB page reads, in one statement compiled once per language: the HUB
 * (hubs module), its accepted progress (progress), what the proposal workflow shows (proposals) and
 * its part of the network (network), each module's own query nested as a JSON object and turned into
 * its result by the module's own `present…` function. Four statements before, three of them each a
 * write to its own connection and a PostgreSQL backend woken for it (decision 120, section 10).
 *
 * The HUB's row is a subquery (`hub`), so the nested queries, which all read `hubs as h`, are joined
 * on `hub.id` and never on an `h` of their own by mistake.
 */
const hubPageStatement = reusableStatement("HUB page", (db: DB, { slug }: { slug: string }, language: Language) =>
  db
    .selectFrom(publicHubQuery(db, slug, language).as("hub"))
    .selectAll("hub")
    .select((eb) => [
      jsonObjectFrom(acceptedProgressQuery(db, eb.ref("hub.id"))).as("progress"),
      jsonObjectFrom(publicDetailsQuery(db, eb.ref("hub.id"))).as("details"),
      jsonObjectFrom(networkOverviewQuery(db, eb.ref("hub.id"), language)).as("network"),
      // The page's version (getHubPageVersion's two parts), read with its data: the page cache needs no read of its own.
      eb.selectFrom("public_reference_version as r").select("r.version").where("r.id", "=", 1).as("reference_version"),
      eb.selectFrom("hub_public_versions as v").select("v.version").whereRef("v.hub_id", "=", "hub.id").as("hub_version"),
    ]),
);

/** The public HUB page's data for `slug` on `today`, or null when there is no public HUB by that slug. */
export async function hubPageData(context: AppLoadContext, request: Request, { slug, language, today }: { slug: string; language: Language; today: string }) {
  const [row] = await hubPageStatement.execute(context.db, { slug }, language);
  if (!row) return null;
  const { progress, details, network, reference_version, hub_version, ...hubRow } = row;
  context.onPageVersion?.(hubPageVersion(reference_version, hub_version));
  const hub = presentPublicHub(hubRow, language, today);
  return {
    hub,
    progress: presentPublishedProgress(progress, language),
    details: details ? presentPublicDetails(details, language) : null,
    network: await hubNetworkFrom(context, request, { hubId: hub.id, language }, network),
  };
}
