import { message, z } from "~/modules/forms/messages";
import { decimalField } from "~/modules/forms/decimal";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import { databaseId } from "~/modules/forms/values";
import { COUNTRY_CODES, regionOfCountry } from "./countries";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export const ORGANISATION_KINDS = ["local_government", "regional_government", "association"] as const;
export const WORLD_REGIONS = [
  "africa",
  "asia_pacific",
  "eurasia",
  "europe",
  "latin_america",
  "middle_east_west_asia",
  "north_america",
] as const;
export const INVITED_ROLES = ["council", "secretariat"] as const;

const email = z.string().trim().toLowerCase().email().max(254);
const newPassword = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
const displayName = z.string().trim().min(1).max(120);

function confirmation<T extends { password: string; passwordConfirm: string }>(value: T, context: z.RefinementCtx) {
  if (value.password !== value.passwordConfirm) {
    context.addIssue({ code: "custom", path: ["passwordConfirm"], message: message("accounts:password.mismatch") });
  }
}

const signupCommon = {
  displayName,
  email,
  password: newPassword,
  passwordConfirm: z.string().min(1).max(PASSWORD_MAX),
  language: z.enum(SUPPORTED_LANGUAGES),
};

/**
 * Sign-up: either a new organisation (every field of it required) or a request to join a registered one.
 * A discriminated union, so every missing field is reported at once, whichever the choice.
 */
export const SignupSchema = z
  .discriminatedUnion("mode", [
    z.object({
      ...signupCommon,
      mode: z.literal("create"),
      organisationName: z.string().trim().min(1).max(200),
      kind: z.enum(ORGANISATION_KINDS),
      countryCode: z.string().refine((code) => (COUNTRY_CODES as readonly string[]).includes(code), { message: message("validation:choice") }),
      // Derived from the country when left empty (regionOfCountry); another region than the country's is refused.
      region: z.enum(WORLD_REGIONS).optional(),
      city: z.string().trim().min(1).max(200),
      latitude: decimalField(z.number().min(-90).max(90)),
      longitude: decimalField(z.number().min(-180).max(180)),
    }),
    z.object({
      ...signupCommon,
      mode: z.literal("join"),
      organisationId: databaseId,
    }),
  ])
  .superRefine(confirmation)
  .superRefine((value, context) => {
    if (value.mode !== "create") return;
    const derived = regionOfCountry(value.countryCode);
    if (!value.region && !derived) context.addIssue({ code: "custom", path: ["region"], message: message("validation:required") });
    if (value.region && derived && value.region !== derived) {
      context.addIssue({ code: "custom", path: ["region"], message: message("accounts:signup.regionOfCountry") });
    }
  });
export type SignupInput = z.infer<typeof SignupSchema>;

export const ForgotPasswordSchema = z.object({ email });

export const ResetPasswordSchema = z
  .object({ password: newPassword, passwordConfirm: z.string().min(1).max(PASSWORD_MAX) })
  .superRefine(confirmation);

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_MAX),
    password: newPassword,
    passwordConfirm: z.string().min(1).max(PASSWORD_MAX),
  })
  .superRefine(confirmation);

export const InvitationSchema = z.object({
  email,
  role: z.enum(INVITED_ROLES),
  language: z.enum(SUPPORTED_LANGUAGES),
});

export const AcceptInvitationSchema = z
  .object({ displayName, password: newPassword, passwordConfirm: z.string().min(1).max(PASSWORD_MAX) })
  .superRefine(confirmation);
