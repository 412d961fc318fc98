import type { DB } from "../../../db/index";
import type { Language } from "~/modules/i18n/config";
import { listHubPolicyCouncils, type PolicyCouncil } from "./policy-councils.server";

/**
 * What the public HUB page shows of the HUB network, in one query function so the page's loader
 * adds one call (and the page one component, `HubNetworkSections`).
 */
export interface HubNetwork {
  councils: Omit<PolicyCouncil, "id">[];
}

export async function hubNetworkFor(db: DB, hubId: number, language: Language): Promise<HubNetwork> {
  const councils = await listHubPolicyCouncils(db, hubId, language);
  return { councils: councils.map(({ slug, name }) => ({ slug, name })) };
}
