import { parseWithZod } from "@conform-to/zod";
import { z } from "~/modules/forms/messages";
import { badRequest } from "./responses.server";

/**
 * The one reader of a posted form. A body that cannot be read as a form (multipart without its
 * boundary, cut short, or not a form at all) is the client's mistake: a 400, never a 500. So is a
 * form whose Conform control fields (`__intent__`, `__state__`: JSON that Conform parses before any
 * schema, in every action's parseWithZod) are forged. The HTTP edge refuses most bad bodies first;
 * this keeps the answer right for whatever reaches an action.
 */
export async function readFormData(request: Request): Promise<FormData> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch (error) {
    // undici rejects an unreadable body with a TypeError; an aborted request's reason is rethrown as it is.
    if (error instanceof TypeError) badRequest();
    throw error;
  }
  if (formData.has("__intent__") || formData.has("__state__")) {
    try {
      parseWithZod(formData, { schema: z.any() });
    } catch {
      badRequest();
    }
  }
  return formData;
}
