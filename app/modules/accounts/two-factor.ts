import { z } from "~/modules/forms/messages";

/**
 * The second-factor forms, shared by the actions and the browser's constraints. A code is the six
 * digits of the authenticator app or a recovery code ("abcde-23456"); spaces and dashes are ignored.
 */
const code = z.string().trim().min(6).max(20);

/** The sign-in code page (after the password). */
export const SignInCodeSchema = z.object({ code, redirectTo: z.string().optional() });

/** The two-factor page: confirm the enrolment, new recovery codes, turn off; each with a fresh code. */
export const TwoFactorSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("enrol"), code, redirectTo: z.string().optional() }),
  z.object({ intent: z.literal("regenerate"), code }),
  z.object({ intent: z.literal("disable"), code }),
]);

/** A step-up code given with a sensitive form (a recognition, a role change, disabling an account). */
export const STEP_UP_FIELD = "stepUpCode";
