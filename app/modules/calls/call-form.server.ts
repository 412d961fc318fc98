import { json, redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { requestSource } from "~/modules/audit/audit.server";
import { parseForm } from "~/modules/forms/parse.server";
import { formFailure } from "~/modules/http/errors.server";
import { listThemeNames } from "~/modules/hubs/themes.server";
import type { Language } from "~/modules/i18n/config";
import { listSdgGoals } from "~/modules/sdg/sdg.server";
import { CallSchema } from "./call-schema";
import { saveCall } from "./calls.server";

/** What the call form offers: the themes and the SDG goals, in the page's language. */
export async function callFormOptions(context: AppLoadContext, language: Language) {
  const [themes, goals] = await Promise.all([listThemeNames(context.db, language), listSdgGoals(context.db, language)]);
  return { themes: themes.map(({ id, name }) => ({ id, name })), goals: goals.map(({ number, short }) => ({ number, short })) };
}

/** The call form's save (new or existing call): errors beside their fields, a conflict as 409 with the input kept. */
export async function handleCallForm(context: AppLoadContext, request: Request, userId: number, language: Language, callId: number | undefined, formData: FormData) {
  const submission = parseForm(formData, { schema: CallSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  try {
    const id = await saveCall(context.db, userId, callId, submission.value, new Date(), requestSource(context, request));
    return redirect(`/${language}/admin/calls/${id}?saved=1`);
  } catch (error) {
    const failure = formFailure(error);
    if (failure.message === "calls:errors.slugTaken") return json({ result: submission.reply({ fieldErrors: { slug: [failure.message] } }) }, { status: 400 });
    return json({ result: submission.reply({ formErrors: [failure.message] }) }, { status: failure.status });
  }
}
