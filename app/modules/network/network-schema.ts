import { z } from "~/modules/forms/messages";
import { databaseId, databaseInt } from "~/modules/forms/values";

/** The secretariat's edit of one Policy Council (names in the three languages, order), with its version. */
export const PolicyCouncilSchema = z.object({
  id: databaseId,
  version: databaseInt({ min: 1 }),
  nameEn: z.string().trim().min(1).max(200),
  nameEs: z.string().trim().min(1).max(200),
  nameFr: z.string().trim().min(1).max(200),
  position: databaseInt({ max: 1000 }),
});

/** The councils a HUB is linked to: checkboxes, none allowed. */
export const HubPolicyCouncilsSchema = z.object({
  councilIds: z.array(databaseId).max(50).default([]),
});
