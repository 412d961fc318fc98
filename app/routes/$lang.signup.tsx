import { getFormProps, getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseForm } from "~/modules/forms/parse.server";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useEffect } from "react";
import { countryOptions, regionOfCountry } from "~/modules/accounts/countries";
import { listVerifiedOrganisations } from "~/modules/accounts/organisations.server";
import { passwordProblem } from "~/modules/accounts/password-policy.server";
import { clientIp } from "~/modules/accounts/route-helpers.server";
import { languageParam } from "~/modules/http/params.server";
import { consumeRateLimit, passRetryAfter, rateLimitRules, retryAfterHeaders } from "~/modules/http/rate-limit.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { ORGANISATION_KINDS, SignupSchema, WORLD_REGIONS } from "~/modules/accounts/schemas";
import { getSessionUser } from "~/modules/accounts/session.server";
import { publicOrigin } from "~/modules/http/public-url.server";
import { sendQueuedMail } from "~/modules/mail/delivery.server";
import { signUp } from "~/modules/accounts/signup.server";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import { countryName } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { ErrorList, FormErrors, SelectField, TextField } from "~/modules/forms/fields";
import { readFormData } from "~/modules/http/forms.server";

export const handle = { i18n: ["common", "accounts", "validation"] };

export const headers = passRetryAfter;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "account:enter");
  if (await getSessionUser(context, request)) throw redirect(`/${language}/account`);
  const t = await getTranslator(language);
  const organisations = await listVerifiedOrganisations(context.db);
  return json({
    language,
    sent: new URL(request.url).searchParams.get("sent") === "1",
    title: t("accounts:signup.title"),
    countries: countryOptions(language),
    organisations: organisations.map((o) => ({ value: String(o.id), label: `${o.name} (${o.city}, ${countryName(o.country_code, language)})` })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "account:enter");
  const submission = parseForm(await readFormData(request), { schema: SignupSchema });
  const hidden = { hideFields: ["password", "passwordConfirm"] };
  if (submission.status !== "success") return json(submission.reply(hidden), { status: 400 });
  const problem = passwordProblem(submission.value.password, submission.value.email);
  if (problem) return json(submission.reply({ ...hidden, fieldErrors: { password: [problem] } }), { status: 400 });
  // Counted only for a sign-up about to hash a password (a form with mistakes costs nothing).
  const decision = await consumeRateLimit(context.db, rateLimitRules(context.env).signup, clientIp(context));
  if (!decision.allowed) return json(submission.reply({ ...hidden, formErrors: ["validation:tooManyRequests"] }), { status: 429, headers: retryAfterHeaders(decision) });
  const result = await signUp(context.db, submission.value, publicOrigin(context.env));
  if (!result.ok) {
    const fieldErrors: Record<string, string[]> =
      result.error === "emailTaken"
        ? { email: ["accounts:signup.emailTaken"] }
        : result.error === "organisationExists"
          ? { organisationName: ["accounts:signup.organisationExists"] }
          : { organisationId: ["accounts:signup.organisationUnavailable"] };
    return json(submission.reply({ ...hidden, fieldErrors }), { status: 400 });
  }
  // The same answer for a new address and one already registered: "check your e-mail".
  sendQueuedMail(context.db, context.env.SMTP_URL);
  return redirect(`/${language}/signup?sent=1`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

function Radio({ meta, value, id }: { meta: FieldMetadata<string>; value: string; id: string }) {
  const { key: _key, ...props } = getInputProps(meta, { type: "radio", value });
  return <input {...props} id={id} />;
}

export default function SignupPage() {
  const { language, countries, organisations, sent } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("accounts");
  const { t: tc } = useTranslation("common");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "signup",
    lastResult,
    defaultValue: { language, mode: "create" },
    constraint: getZodConstraint(SignupSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignupSchema }),
  });
  const mode = (fields.mode.value ?? fields.mode.initialValue ?? "create") as string;
  // The region follows the country (without JavaScript the server derives it from the country).
  const country = fields.countryCode.value;
  useEffect(() => {
    const region = country ? regionOfCountry(country) : undefined;
    if (region) form.update({ name: fields.region.name, value: region });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [country]);
  if (sent) {
    return (
      <div className="container narrow">
        <h1>{t("signup.sentTitle")}</h1>
        <p className="notice" role="status">
          {t("signup.sent")}
        </p>
      </div>
    );
  }
  return (
    <div className="container narrow">
      <h1>{t("signup.title")}</h1>
      <p>{t("signup.lead")}</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <fieldset>
          <legend>{t("signup.you")}</legend>
          <TextField meta={fields.displayName} label={t("fields.displayName")} autoComplete="name" />
          <TextField meta={fields.email} type="email" label={t("fields.email")} autoComplete="email" />
          <TextField
            meta={fields.password}
            type="password"
            label={t("fields.newPassword")}
            help={t("password.rules")}
            autoComplete="new-password"
          />
          <TextField meta={fields.passwordConfirm} type="password" label={t("fields.passwordConfirm")} autoComplete="new-password" />
          <SelectField
            meta={fields.language}
            label={t("fields.language")}
            options={SUPPORTED_LANGUAGES.map((value) => ({ value, label: tc(`languages.${value}`) }))}
          />
        </fieldset>
        <fieldset aria-describedby={fields.mode.errors?.length ? fields.mode.errorId : undefined}>
          <legend>{t("signup.organisation")}</legend>
          <div className="choice">
            <Radio meta={fields.mode} value="create" id="signup-mode-create" />
            <label htmlFor="signup-mode-create">{t("signup.modeCreate")}</label>
          </div>
          <div className="choice">
            <Radio meta={fields.mode} value="join" id="signup-mode-join" />
            <label htmlFor="signup-mode-join">{t("signup.modeJoin")}</label>
          </div>
          <ErrorList id={fields.mode.errorId} errors={fields.mode.errors} />
        </fieldset>
        {/* One of the two sections shows, by the choice above: CSS :has() follows the radio with or without JavaScript. */}
        <fieldset className={mode === "join" ? "signup-option signup-option--create signup-option--inactive" : "signup-option signup-option--create"}>
          <legend>{t("signup.newOrganisation")}</legend>
          <TextField meta={fields.organisationName} label={t("fields.organisationName")} autoComplete="organization" />
          <SelectField
            meta={fields.kind}
            label={t("fields.kind")}
            placeholder={t("fields.choose")}
            options={ORGANISATION_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
          />
          <SelectField meta={fields.countryCode} label={t("fields.country")} placeholder={t("fields.choose")} options={countries} />
          <SelectField
            meta={fields.region}
            label={t("fields.region")}
            help={t("fields.regionHelp")}
            placeholder={t("fields.choose")}
            options={WORLD_REGIONS.map((value) => ({ value, label: t(`regions.${value}`) }))}
          />
          <TextField meta={fields.city} label={t("fields.city")} autoComplete="address-level2" />
          <TextField meta={fields.latitude} label={t("fields.latitude")} help={t("fields.latitudeHelp")} inputMode="decimal" />
          <TextField meta={fields.longitude} label={t("fields.longitude")} help={t("fields.longitudeHelp")} inputMode="decimal" />
        </fieldset>
        <fieldset className={mode === "create" ? "signup-option signup-option--join signup-option--inactive" : "signup-option signup-option--join"}>
          <legend>{t("signup.existingOrganisation")}</legend>
          <SelectField
            meta={fields.organisationId}
            label={t("fields.organisation")}
            help={t("signup.joinHelp")}
            placeholder={t("fields.choose")}
            options={organisations}
          />
        </fieldset>
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("signup.submit")}
          </button>
        </div>
        <p>
          <Link to={`/${language}/login`}>{t("signup.haveAccount")}</Link>
        </p>
      </Form>
    </div>
  );
}
