import { z } from "~/modules/forms/messages";

/** The login form; shared by the action and the browser's constraints. */
export const LoginSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
  redirectTo: z.string().optional(),
});
