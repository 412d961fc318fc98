import { z } from "~/modules/forms/messages";

/** Roles the tools may move an account between: the invited staff roles (a city account belongs to an organisation). */
export const STAFF_ROLES = ["council", "secretariat"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The secretariat's account tools, one form per change; a fresh second-factor code rides along (STEP_UP_FIELD). */
export const AccountAdminSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("disable") }),
  z.object({ intent: z.literal("enable") }),
  z.object({ intent: z.literal("changeRole"), role: z.enum(STAFF_ROLES) }),
  z.object({ intent: z.literal("resetTwoFactor") }),
]);

export const AccountSearchSchema = z.object({ q: z.string().trim().max(200).optional() });
