import { badRequest } from "./responses.server";

/**
 * The one reader of a posted form. A body that cannot be read as a form (multipart without its
 * boundary, cut short, or not a form at all) is the client's mistake: a 400, never a 500. The HTTP
 * edge refuses most of these first; this keeps the answer right for whatever reaches an action.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch (error) {
    // undici rejects an unreadable body with a TypeError; an aborted request's reason is rethrown as it is.
    if (error instanceof TypeError) badRequest();
    throw error;
  }
}
