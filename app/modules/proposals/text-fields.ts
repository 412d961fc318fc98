/**
 * The translatable text fields of a HUB proposal, in form order. Kept apart from the form's zod
 * schema (proposal-schema.ts re-exports them) so pages that only show proposals, such as the public
 * HUB page, do not ship zod to the browser.
 */
export const TEXT_FIELDS = ["title", "summary", "description", "localGlobalLink", "acceleration", "synchronisation"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
