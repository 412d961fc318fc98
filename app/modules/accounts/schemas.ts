import { message, z } from "~/modules/forms/messages";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import { COUNTRY_CODES } from "./countries";

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

export const SignupSchema = z
  .object({
    displayName,
    email,
    password: newPassword,
    passwordConfirm: z.string().min(1).max(PASSWORD_MAX),
    language: z.enum(SUPPORTED_LANGUAGES),
    mode: z.enum(["create", "join"]),
    organisationName: z.string().trim().max(200).optional(),
    kind: z.enum(ORGANISATION_KINDS).optional(),
    countryCode: z
      .string()
      .refine((code) => (COUNTRY_CODES as readonly string[]).includes(code), { message: message("validation:choice") })
      .optional(),
    region: z.enum(WORLD_REGIONS).optional(),
    city: z.string().trim().max(200).optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    organisationId: z.number().int().positive().optional(),
  })
  .superRefine((value, context) => {
    confirmation(value, context);
    const required = (path: string) => context.addIssue({ code: "custom", path: [path], message: message("validation:required") });
    if (value.mode === "create") {
      for (const field of ["organisationName", "kind", "countryCode", "region", "city", "latitude", "longitude"] as const) {
        if (value[field] === undefined || value[field] === "") required(field);
      }
    } else if (value.organisationId === undefined) {
      required("organisationId");
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
