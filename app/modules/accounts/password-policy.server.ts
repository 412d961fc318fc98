import commonPasswords from "./reference/common-passwords.json";
import { message } from "~/modules/forms/messages";
import { PASSWORD_MAX, PASSWORD_MIN } from "./schemas";

// ~54,000 entries (see reference/SOURCE.md), lower case.
const COMMON = new Set<string>(commonPasswords as string[]);

/**
 * What is wrong with a new password, as a validation message key (translated by the form), or null.
 * Length is also checked by the forms' schemas; the rest needs the server (the list) or the e-mail.
 */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN) return message("validation:tooShort", { min: PASSWORD_MIN });
  if (password.length > PASSWORD_MAX) return message("validation:tooLong", { max: PASSWORD_MAX });
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(lower.trim())) return "accounts:password.common";
  if (new Set(lower).size < 4) return "accounts:password.common";
  if (email) {
    const normalised = email.trim().toLowerCase();
    const localPart = normalised.split("@")[0] ?? "";
    if (lower === normalised || (localPart.length >= 3 && lower.includes(localPart))) return "accounts:password.containsEmail";
  }
  return null;
}
