import { z } from "~/modules/forms/messages";

/** The confirmation page's one button (a POST: mail scanners follow GET links). */
export const ConfirmEmailSchema = z.object({ intent: z.literal("confirm") });
