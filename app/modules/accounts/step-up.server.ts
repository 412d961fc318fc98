import type { AppLoadContext } from "@remix-run/node";
import { attemptSecondFactor } from "./login.server";
import { clientIp } from "./route-helpers.server";
import { recordSecondFactor, type SignedInUser } from "./session.server";
import { STEP_UP_FIELD } from "./two-factor";
import { stepUpNeeded } from "./two-factor.server";

/**
 * Step-up for a sensitive change (a recognition, a role change, disabling an account): when the
 * session's last code is older than 15 minutes, the form must carry a fresh one (STEP_UP_FIELD).
 * Returns null when the change may go ahead, else the message key to show beside the code field.
 * A wrong code counts toward the log-in throttle like any other.
 */
export async function stepUpProblem(context: AppLoadContext, request: Request, user: SignedInUser, formData: FormData): Promise<string | null> {
  if (!stepUpNeeded(user)) return null;
  const code = formData.get(STEP_UP_FIELD);
  if (typeof code !== "string" || code.trim() === "") return "accounts:stepUp.required";
  const result = await attemptSecondFactor(context.db, {
    userId: user.id,
    code,
    ip: clientIp(context),
    userAgent: request.headers.get("user-agent"),
    purpose: "step_up",
  });
  if (!result.ok) return "accounts:stepUp.failed";
  await recordSecondFactor(context.db, user.sessionId);
  return null;
}
