import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatNumber } from "~/modules/i18n/format";
import type { Language } from "~/modules/i18n/config";

/** Colour-blind-safe palette (Okabe–Ito), dark enough on white for lines and bars. */
const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#6a5acd", "#8a6d00", "#000000", "#56B4E9"];

/** About 7.5 px a character at 12 px in the widest labels (French SDG names): 24 fit the 192 px label column. */
const MAX_LABEL_CHARACTERS = 24;

export interface BarDatum {
  label: string;
  value: number;
  color?: string;
}

/**
 * A horizontal bar chart drawn on the server as SVG, with a title and description for screen
 * readers and the same figures in a table (read by assistive technology and printed).
 */
export function BarChart({ title, description, data, valueHeader, language }: { title: string; description: string; data: BarDatum[]; valueHeader: string; language: Language }) {
  const id = useId();
  const labelWidth = 200;
  const barArea = 300;
  const rowHeight = 26;
  const max = Math.max(1, ...data.map((datum) => datum.value));
  const height = Math.max(1, data.length) * rowHeight + 8;
  return (
    <figure className="chart">
      <figcaption id={`${id}-caption`} className="chart__caption">
        {title}
      </figcaption>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${labelWidth + barArea + 70} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {data.map((datum, index) => {
          const y = index * rowHeight + 4;
          const width = (datum.value / max) * barArea;
          return (
            <g key={datum.label}>
              {/* Shortened to fit its column (about 7 px a character at 12 px); the full label is in the title and the table. */}
              <text x={labelWidth - 8} y={y + 16} textAnchor="end" className="chart__label">
                <title>{datum.label}</title>
                {datum.label.length > MAX_LABEL_CHARACTERS ? `${datum.label.slice(0, MAX_LABEL_CHARACTERS - 1)}…` : datum.label}
              </text>
              <rect x={labelWidth} y={y + 3} width={Math.max(width, 1)} height={rowHeight - 8} fill={datum.color ?? PALETTE[0]} stroke="#1b1b1b" strokeWidth={0.5} />
              <text x={labelWidth + width + 6} y={y + 16} className="chart__value">
                {formatNumber(datum.value, language)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="chart__table visually-hidden-screen">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((datum) => (
            <tr key={datum.label}>
              <th scope="row">{datum.label}</th>
              <td>{formatNumber(datum.value, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export interface OutcomeSeries {
  outcomeId: number;
  statement: string;
  points: { date: string; fraction: number | null }[];
}

/**
 * Each outcome's progress (0–100 % of the way from baseline to target) at the end of every
 * accepted reporting period: one line per outcome, numbered like the table behind it.
 */
export function OutcomeProgressChart({ outcomes, language, title }: { outcomes: OutcomeSeries[]; language: Language; title?: string }) {
  const { t } = useTranslation("monitoring");
  const id = useId();
  const dates = [...new Set(outcomes.flatMap((outcome) => outcome.points.map((point) => point.date)))].sort();
  const heading = title ?? t("chart.outcomesTitle");
  if (dates.length === 0) return <p className="empty">{t("chart.noData")}</p>;
  const width = 560;
  const height = 240;
  const left = 56;
  // Room for half of the last date's label ("30 sept. 2026" is about 80 px at 12 px), centred on its point.
  const right = 48;
  const top = 16;
  const bottom = 40;
  const x = (date: string) => (dates.length === 1 ? left + (width - left - right) / 2 : left + (dates.indexOf(date) / (dates.length - 1)) * (width - left - right));
  const y = (fraction: number) => top + (1 - fraction) * (height - top - bottom);
  const percent = (fraction: number | null) => (fraction === null ? "–" : formatNumber(fraction, language, { style: "percent", maximumFractionDigits: 0 }));
  return (
    <figure className="chart">
      <figcaption className="chart__caption">{heading}</figcaption>
      <svg className="chart__svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        <title id={`${id}-title`}>{heading}</title>
        <desc id={`${id}-desc`}>{t("chart.outcomesDescription", { count: outcomes.length })}</desc>
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
          <g key={tick}>
            <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} stroke="#c8ccd2" strokeWidth={1} />
            <text x={left - 6} y={y(tick) + 4} textAnchor="end" className="chart__axis">
              {percent(tick)}
            </text>
          </g>
        ))}
        {dates.map((date) => (
          <text key={date} x={x(date)} y={height - bottom + 18} textAnchor="middle" className="chart__axis">
            {formatDate(date, language)}
          </text>
        ))}
        {outcomes.map((outcome, index) => {
          const color = PALETTE[index % PALETTE.length];
          const known = outcome.points.filter((point): point is { date: string; fraction: number } => point.fraction !== null);
          return (
            <g key={outcome.outcomeId}>
              {known.length > 1 ? (
                <polyline points={known.map((point) => `${x(point.date)},${y(point.fraction)}`).join(" ")} fill="none" stroke={color} strokeWidth={2.5} />
              ) : null}
              {known.map((point) => (
                <g key={point.date}>
                  <circle cx={x(point.date)} cy={y(point.fraction)} r={4} fill={color} />
                  <text x={x(point.date) + 6} y={y(point.fraction) - 6} className="chart__marker" fill={color}>
                    {index + 1}
                  </text>
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <ol className="chart__legend">
        {outcomes.map((outcome, index) => (
          <li key={outcome.outcomeId}>
            <span className="chart__swatch" style={{ backgroundColor: PALETTE[index % PALETTE.length] }} aria-hidden="true" /> {outcome.statement}
          </li>
        ))}
      </ol>
      <table className="chart__table visually-hidden-screen">
        <caption>{heading}</caption>
        <thead>
          <tr>
            <th scope="col">{t("chart.outcome")}</th>
            {dates.map((date) => (
              <th key={date} scope="col">
                {formatDate(date, language)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {outcomes.map((outcome) => (
            <tr key={outcome.outcomeId}>
              <th scope="row">{outcome.statement}</th>
              {dates.map((date) => (
                <td key={date}>{percent(outcome.points.find((point) => point.date === date)?.fraction ?? null)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
