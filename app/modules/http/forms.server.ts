import { badRequest } from "./responses.server";

/**
 * The one reader of a posted form. A body that cannot be read as a form (multipart without its
 * boundary, cut short, or not a form at all) is the client's mistake: a 400, never a 500. The HTTP
 * edge refuses most bad bodies first; this keeps the answer right for whatever reaches an action.
 * (Forged Conform control fields are refused where the form is parsed: forms/parse.server.ts.)
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
  return formData;
}
