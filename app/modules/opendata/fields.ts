/** The field names in output order (CSV columns, documentation page). */
export const OPEN_DATA_FIELDS = [
  "slug",
  "url",
  "title",
  "summary",
  "description",
  "text_language",
  "original_language",
  "status",
  "start_date",
  "end_date",
  "theme",
  "primary_sdg",
  "sdg_goals",
  "sdg_targets",
  "lead_organisation",
  "city",
  "country_code",
  "region",
  "latitude",
  "longitude",
  "participating_cities",
  "synchronised_with",
  "website",
  "recognised_at",
] as const;

export type OpenDataField = (typeof OPEN_DATA_FIELDS)[number];
