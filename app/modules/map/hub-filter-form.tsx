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
          <div className="hub-filters__field hub-filters__field--goal">
            <label htmlFor="filter-sdg">{t("map:filters.sdg")}</label>
            <select id="filter-sdg" name="sdg" defaultValue={filters.sdg ?? ""} key={`sdg${filters.sdg ?? ""}`}>
              <option value="">{t("map:filters.any")}</option>
              {goals.map((goal) => (
                <option key={goal.number} value={goal.number}>
                  {t("map:filters.sdgOption", { number: goal.number, name: goal.short, hubs: formatNumber(sdgCounts[goal.number] ?? 0, language) })}
                </option>
              ))}
            </select>
          </div>
          <details className="hub-filters__more">
            <summary className="hub-filters__toggle">{moreActive > 0 ? t("map:filters.moreActive", { count: moreActive }) : t("map:filters.more")}</summary>
            <div className="hub-filters__more-panel">
              <div className="hub-filters__field">
                <label htmlFor="filter-target">{t("map:filters.target")}</label>
                <select
                  id="filter-target"
                  name="target"
                  defaultValue={filters.target ?? ""}
                  key={`target${filters.sdg ?? ""}${filters.target ?? ""}`}
                  aria-describedby={targets.length === 0 ? "filter-target-hint" : undefined}
                >
                  <option value="">{t("map:filters.any")}</option>
                  {targets.map((target) => (
                    <option key={target.id} value={target.id}>
                      {target.id} {truncate(target.title, 70)}
                    </option>
                  ))}
                </select>
                {targets.length === 0 ? (
                  <p id="filter-target-hint" className="hub-filters__hint">
                    {t("map:filters.targetHint")}
                  </p>
                ) : null}
              </div>
              <div className="hub-filters__field">
                <label htmlFor="filter-theme">{t("map:filters.theme")}</label>
                <select id="filter-theme" name="theme" defaultValue={filters.theme ?? ""} key={`theme${filters.theme ?? ""}`}>
                  <option value="">{t("map:filters.any")}</option>
                  {options.themes.map((theme) => (
                    <option key={theme.slug} value={theme.slug}>
                      {theme.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="hub-filters__field">
                <label htmlFor="filter-council">{t("map:filters.council")}</label>
                <select id="filter-council" name="council" defaultValue={filters.council ?? ""} key={`council${filters.council ?? ""}`}>
                  <option value="">{t("map:filters.any")}</option>
                  {options.councils.map((council) => (
                    <option key={council.slug} value={council.slug}>
                      {council.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="hub-filters__field">
                <label htmlFor="filter-region">{t("map:filters.region")}</label>
                <select id="filter-region" name="region" defaultValue={filters.region ?? ""} key={`region${filters.region ?? ""}`}>
                  <option value="">{t("map:filters.any")}</option>
                  {WORLD_REGIONS.map((region) => (
                    <option key={region} value={region}>
                      {t(`map:regions.${region}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="hub-filters__field">
                <label htmlFor="filter-country">{t("map:filters.country")}</label>
                <select id="filter-country" name="country" defaultValue={filters.country ?? ""} key={`country${filters.country ?? ""}`}>
                  <option value="">{t("map:filters.any")}</option>
                  {options.countries.map((country) => (
                    <option key={country.code} value={country.code}>
                      {country.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="hub-filters__field">
                <label htmlFor="filter-status">{t("map:filters.status")}</label>
                <select id="filter-status" name="status" defaultValue={filters.status ?? ""} key={`status${filters.status ?? ""}`}>
                  <option value="">{t("map:filters.any")}</option>
                  {PUBLIC_HUB_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`hubs:status.${status}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="hub-filters__field">
                <label htmlFor="filter-year">{t("map:filters.year")}</label>
                <select id="filter-year" name="year" defaultValue={filters.year ?? ""} key={`year${filters.year ?? ""}`}>
                  <option value="">{t("map:filters.any")}</option>
                  {options.years.map((year) => (
                    <option key={year} value={year}>
                      {year}
                    </option>
                  ))}
                </select>
              </div>
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

function truncate(text: string, length: number) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
