import { z } from "~/modules/forms/messages";

/** The forms of "Your sessions": end one (named by its key), end the others, end all (this one too). */
export const SessionsSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("end"), key: z.string().regex(/^[0-9a-f]{16}$/) }),
  z.object({ intent: z.literal("endOthers") }),
  z.object({ intent: z.literal("endAll") }),
]);
