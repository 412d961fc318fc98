import { Form, useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/modules/i18n/format";
import type { Language } from "~/modules/i18n/config";
import { hasFilters, WORLD_REGIONS, type HubFilters } from "~/modules/hubs/hub-filters";
import { PUBLIC_HUB_STATUSES } from "~/modules/hubs/lifecycle";
import type { SdgGoal } from "~/modules/sdg/sdg";

export interface FilterFormOptions {
  themes: { slug: string; name: string }[];
  /** UCLG's Policy Councils. */
  councils: { slug: string; name: string }[];
  countries: { code: string; name: string }[];
  years: number[];
  targets: { id: string; goal: number; title: string }[];
}

/** The filters behind "More filters": the search and the goal stay in the bar. */
const MORE_FILTERS = ["target", "theme", "council", "region", "country", "status", "year"] as const;

/**
 * The filters as a plain GET form: works without JavaScript, and every choice ends up in the URL.
 * A compact bar: the search, then a "Filters" disclosure (the sheet on a phone) that holds the goal
 * and a "More filters" disclosure with the rest. map.css makes each disclosure transparent where it
 * is not wanted: the sheet on wide screens, "More filters" on narrow ones.
 */
export function HubFilterForm({
  action,
  language,
  filters,
  goals,
  sdgCounts,
  options,
  hidden = {},
  resetHref,
}: {
  action: string;
  language: Language;
  filters: HubFilters;
  goals: SdgGoal[];
  sdgCounts: Record<number, number>;
  options: FilterFormOptions;
  hidden?: Record<string, string | undefined>;
  /** Where "Clear all filters" leads (default: `action`, with no parameter). */
  resetHref?: string;
}) {
  const { t } = useTranslation(["map", "hubs"]);
  const targets = filters.sdg ? options.targets.filter((target) => target.goal === filters.sdg) : [];
  const moreActive = MORE_FILTERS.filter((key) => filters[key] !== undefined).length;
  const active = moreActive + (filters.sdg === undefined ? 0 : 1);
  const submit = useSubmit();
  const any = t("map:filters.any");
  // With JavaScript: a URL without the empty fields (shorter to share), and the open panels close
  // on the results. Without it, the browser submits the form as it is.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === "string" && value.trim() !== "") params.append(name, value);
    form.querySelectorAll("details[open]").forEach((details) => details.removeAttribute("open"));
    submit(params, { method: "get", action, preventScrollReset: true });
  };
  return (
    <Form method="get" action={action} className="hub-filters" role="search" aria-label={t("map:filters.label")} onSubmit={onSubmit}>
      {Object.entries(hidden).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <div className="hub-filters__field hub-filters__field--search">
        <label htmlFor="filter-q">{t("map:filters.q")}</label>
        <input id="filter-q" type="search" name="q" defaultValue={filters.q ?? ""} key={`q${filters.q ?? ""}`} />
      </div>
      <details className="hub-filters__sheet">
        <summary className="hub-filters__toggle">{active > 0 ? t("map:filters.sheetActive", { count: active }) : t("map:filters.sheet")}</summary>
        <div className="hub-filters__sheet-panel">
          <FilterSelect
            name="sdg"
            className="hub-filters__field--goal"
            label={t("map:filters.sdg")}
            any={any}
            value={filters.sdg}
            choices={goals.map((goal) => [goal.number, t("map:filters.sdgOption", { number: goal.number, name: goal.short, hubs: formatNumber(sdgCounts[goal.number] ?? 0, language) })])}
          />
          <details className="hub-filters__more">
            <summary className="hub-filters__toggle">{moreActive > 0 ? t("map:filters.moreActive", { count: moreActive }) : t("map:filters.more")}</summary>
            <div className="hub-filters__more-panel">
              <FilterSelect
                name="target"
                label={t("map:filters.target")}
                any={any}
                value={filters.target}
                // A new goal offers other targets: the select starts again.
                resetKey={`${filters.sdg ?? ""}${filters.target ?? ""}`}
                choices={targets.map((target) => [target.id, `${target.id} ${truncate(target.title, 70)}`])}
                hint={targets.length === 0 ? t("map:filters.targetHint") : undefined}
              />
              <FilterSelect name="theme" label={t("map:filters.theme")} any={any} value={filters.theme} choices={options.themes.map((theme) => [theme.slug, theme.name])} />
              <FilterSelect name="council" label={t("map:filters.council")} any={any} value={filters.council} choices={options.councils.map((council) => [council.slug, council.name])} />
              <FilterSelect name="region" label={t("map:filters.region")} any={any} value={filters.region} choices={WORLD_REGIONS.map((region) => [region, t(`map:regions.${region}`)])} />
              <FilterSelect name="country" label={t("map:filters.country")} any={any} value={filters.country} choices={options.countries.map((country) => [country.code, country.name])} />
              <FilterSelect name="status" label={t("map:filters.status")} any={any} value={filters.status} choices={PUBLIC_HUB_STATUSES.map((status) => [status, t(`hubs:status.${status}`)])} />
              <FilterSelect name="year" label={t("map:filters.year")} any={any} value={filters.year} choices={options.years.map((year) => [year, String(year)])} />
            </div>
          </details>
          <div className="hub-filters__actions">
            <button type="submit" className="button">
              {t("map:filters.apply")}
            </button>
            {hasFilters(filters) ? (
              <a href={resetHref ?? action} className="hub-filters__reset">
                {t("map:filters.reset")}
              </a>
            ) : null}
          </div>
        </div>
      </details>
    </Form>
  );
}

/**
 * One filter: a labelled select whose first choice is "any". Keyed by its value, so a new URL (back,
 * a shared link) shows its choice instead of what the browser kept.
 */
function FilterSelect({
  name,
  label,
  any,
  value,
  choices,
  hint,
  className,
  resetKey,
}: {
  name: string;
  label: string;
  any: string;
  value: string | number | undefined;
  choices: [value: string | number, text: string][];
  hint?: string;
  className?: string;
  resetKey?: string;
}) {
  const id = `filter-${name}`;
  return (
    <div className={className ? `hub-filters__field ${className}` : "hub-filters__field"}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} key={`${name}${resetKey ?? value ?? ""}`} aria-describedby={hint ? `${id}-hint` : undefined}>
        <option value="">{any}</option>
        {choices.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="hub-filters__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function truncate(text: string, length: number) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
