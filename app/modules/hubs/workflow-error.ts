/**
 * A refused HUB workflow step (app/modules/hubs/lifecycle.server.ts), also thrown by the modules it
 * asks (calls: the call a proposal answers). Its own file so that those modules need not import the
 * lifecycle that imports them.
 */
export class WorkflowError extends Error {
  constructor(
    /** i18n key (namespace proposals) of what the user is told. */
    public readonly reason:
      | "notFound"
      | "notAllowed"
      | "wrongStatus"
      | "unverified"
      | "conflict"
      | "messageRequired"
      // Calls for proposals (app/modules/calls): the call is not open, none was chosen among several, the organisation or timeline does not fit it.
      | "callClosed"
      | "callRequired"
      | "notEligible"
      | "timelineTooLong",
  ) {
    super(reason);
  }
}
