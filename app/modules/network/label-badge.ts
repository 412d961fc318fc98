/**
 * The "Local4Action HUB by UCLG" label as an SVG badge: a pure function of the words it shows, so
 * the three languages and the escaping are tested without a database. Every text is escaped for
 * XML here (a HUB's name is typed by a city), and characters XML 1.0 forbids are dropped.
 */

export const BADGE_WIDTH = 360;
export const BADGE_HEIGHT = 96;
const NAME_MAX = 44;

export interface BadgeWords {
  /** "Local4Action HUB by UCLG", in the badge's language. */
  label: string;
  hubName: string;
  /** "Recognised in 2026", in the badge's language. */
  recognised: string;
  /** The accessible name: label, HUB and year in one sentence. */
  title: string;
  /** The HUB's public page (absolute, from PUBLIC_URL). */
  href: string;
  language: string;
}

/** Text for an XML text node or attribute value. */
export function xmlEscape(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** A long name is shortened on the badge (the accessible title keeps it whole). */
export function badgeName(name: string): string {
  const chars = [...name.trim()];
  return chars.length > NAME_MAX ? `${chars.slice(0, NAME_MAX - 1).join("").trimEnd()}…` : chars.join("");
}

export function badgeSvg(words: BadgeWords): string {
  const e = xmlEscape;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${BADGE_WIDTH}" height="${BADGE_HEIGHT}" viewBox="0 0 ${BADGE_WIDTH} ${BADGE_HEIGHT}" role="img" aria-labelledby="l4a-badge-title" lang="${e(words.language)}">`,
    `<title id="l4a-badge-title">${e(words.title)}</title>`,
    `<a href="${e(words.href)}">`,
    `<rect width="${BADGE_WIDTH}" height="${BADGE_HEIGHT}" rx="8" fill="#0b3d62"/>`,
    `<rect x="8" y="8" width="8" height="${BADGE_HEIGHT - 16}" rx="2" fill="#f2b134"/>`,
    `<g font-family="Arial, Helvetica, sans-serif" fill="#ffffff">`,
    `<text x="28" y="30" font-size="15" font-weight="700">${e(words.label)}</text>`,
    `<text x="28" y="56" font-size="14">${e(badgeName(words.hubName))}</text>`,
    `<text x="28" y="80" font-size="12" fill="#dbe7f0">${e(words.recognised)}</text>`,
    `</g>`,
    `</a>`,
    `</svg>`,
  ].join("\n");
}

/** The HTML a city copies onto its own website: the badge, linked to the HUB's page. */
export function badgeSnippet({ href, src, alt }: { href: string; src: string; alt: string }): string {
  return `<a href="${xmlEscape(href)}"><img src="${xmlEscape(src)}" alt="${xmlEscape(alt)}" width="${BADGE_WIDTH}" height="${BADGE_HEIGHT}"></a>`;
}
