import { NotVisibleError, RoleRefusedError } from "~/modules/permissions/permissions";
import { ConflictError, TransitionError, UnknownOutcomeError } from "~/modules/progress/progress.server";
import { WorkflowError } from "~/modules/hubs/lifecycle.server";
import { CallConflictError } from "~/modules/calls/calls.server";
import { EvaluationError } from "~/modules/calls/evaluation.server";
import { forbidden, notFound } from "./responses.server";

/**
 * The one mapping from refusals and domain errors to HTTP. Guards and routes throw the responses of
 * responses.server.ts; domain modules throw typed errors (WorkflowError, ConflictError, TransitionError,
 * UnknownOutcomeError, NotVisibleError, RoleRefusedError) and
 * `formFailure` turns them into the locale key shown beside the form and its status. A domain error
 * that means "this does not exist for you" is thrown on as a 404; anything unknown is a bug and is rethrown.
 */

export interface FormFailure {
  /** Locale key (namespace:key) for the form's error list. */
  message: string;
  status: 400 | 403 | 409;
}

/**
 * What the user sees beside the form for an expected domain failure. A conflict (stale version or a
 * status moved on meanwhile) is a 409 with the input kept; a missing message a 400; a refusal a 403.
 * `conflictMessage` lets a page word the conflict its own way (the council's review form does).
 */
export function formFailure(error: unknown, options: { conflictMessage?: string } = {}): FormFailure {
  const conflictMessage = options.conflictMessage ?? "validation:conflict";
  if (error instanceof NotVisibleError) notFound();
  if (error instanceof RoleRefusedError) forbidden();
  if (error instanceof ConflictError || error instanceof TransitionError) return { message: conflictMessage, status: 409 };
  if (error instanceof CallConflictError) return { message: error.reason === "conflict" ? conflictMessage : `calls:errors.${error.reason}`, status: 409 };
  if (error instanceof EvaluationError) {
    if (error.reason === "notAssigned") notFound();
    return { message: `calls:errors.${error.reason}`, status: error.reason === "scoreEveryCriterion" || error.reason === "notCouncil" ? 400 : 409 };
  }
  if (error instanceof UnknownOutcomeError) return { message: "monitoring:form.unknownOutcome", status: 400 };
  if (error instanceof WorkflowError) {
    switch (error.reason) {
      case "notFound":
        return notFound();
      case "conflict":
        return { message: conflictMessage, status: 409 };
      case "messageRequired":
        return { message: `proposals:errors.${error.reason}`, status: 400 };
      case "notAllowed":
        return { message: `proposals:errors.${error.reason}`, status: 403 };
      case "wrongStatus":
      case "unverified":
        return { message: `proposals:errors.${error.reason}`, status: 409 };
      case "callClosed":
      case "callRequired":
      case "notEligible":
      case "timelineTooLong":
        return { message: `calls:errors.${error.reason}`, status: 409 };
    }
  }
  throw error;
}
