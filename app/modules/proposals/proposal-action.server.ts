import { parseForm } from "~/modules/forms/parse.server";
import { json, redirect } from "@remix-run/node";
import type { DB } from "../../../db/index";
import type { SessionUser } from "~/modules/accounts/session.server";
import { z } from "~/modules/forms/messages";
import type { Language } from "~/modules/i18n/config";
import { searchPlaces } from "~/modules/places/places.server";
import { DraftProposalSchema, ProposalConstraintSchema, SubmitProposalSchema } from "./proposal-schema";
import { BASELINE_STATUSES, referenceErrors, saveProposal } from "./proposal-store.server";
import { formFailure } from "~/modules/http/errors.server";
import { isPlaceIntent, pickedCoordinates } from "./place-lookup";

const Anything = z.object({}).passthrough();

/**
 * The proposal form's action, shared by "new" and "edit": place look-up (no JavaScript needed),
 * Conform list intents (add/remove rows), save as draft (light checks) and submit (full checks).
 */
export async function handleProposalForm(db: DB, user: SessionUser, language: Language, hubId: number | undefined, formData: FormData) {
  const intent = String(formData.get("intent") ?? "");
  const placeQuery = String(formData.get("placeQuery") ?? "").slice(0, 100);

  // Handled before any validation: looking up a city never depends on the rest of the form.
  if (isPlaceIntent(intent)) {
    const submission = parseForm(formData, { schema: Anything, limits: ProposalConstraintSchema });
    const result = submission.reply();
    const picked = pickedCoordinates(intent);
    if (picked) result.initialValue = { ...(result.initialValue ?? {}), ...picked };
    return json({ result, places: searchPlaces(placeQuery), placeQuery });
  }

  // A recognised HUB stays complete: its saves are checked like a submission.
  const status = hubId === undefined ? undefined : (await db.selectFrom("hubs").select("status").where("id", "=", hubId).executeTakeFirst())?.status;
  const schema = intent === "submit" || (status && BASELINE_STATUSES.includes(status)) ? SubmitProposalSchema : DraftProposalSchema;
  const submission = parseForm(formData, { schema });
  if (submission.status !== "success") {
    // A list intent (add/remove a row) is not an error: it re-renders the form with the new row.
    return json({ result: submission.reply(), places: null, placeQuery }, { status: submission.status === "error" ? 400 : 200 });
  }
  const fieldErrors = await referenceErrors(db, submission.value, hubId);
  if (Object.keys(fieldErrors).length) {
    return json({ result: submission.reply({ fieldErrors }), places: null, placeQuery }, { status: 400 });
  }
  try {
    const saved = await saveProposal(db, user, hubId, submission.value, { submit: intent === "submit" });
    const flag = intent === "submit" ? "submitted" : saved.changeRequested ? "changeRequested" : "saved";
    return redirect(`/${language}/my/hubs/${saved.hubId}?${flag}=1`);
  } catch (error) {
    const failure = formFailure(error);
    const result = submission.reply({ formErrors: [failure.message] });
    if (failure.message === "validation:conflict" && hubId !== undefined) {
      // Keep everything typed; the next save is made knowingly over the newer version.
      const current = await db.selectFrom("hubs").select("version").where("id", "=", hubId).executeTakeFirst();
      if (current) result.initialValue = { ...(result.initialValue ?? {}), version: String(current.version) };
    }
    return json({ result, places: null, placeQuery }, { status: failure.status });
  }
}
