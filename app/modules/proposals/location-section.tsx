import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { ClientOnly } from "remix-utils/client-only";
import { TextField } from "~/modules/forms/fields";
import { MultiSelectField } from "~/modules/forms/fields";
import { loadLeafletStylesheet } from "~/modules/map/leaflet-stylesheet";
import { PlaceLookup, type PlaceResult } from "./place-lookup";
import type { ProposalFields, ProposalFormMetadata, ProposalFormOptions } from "./proposal-form-types";

/** Leaflet touches `window` when loaded: load the map module only in the browser, when it is shown. */
const LocationMap = lazy(() =>
  Promise.all([import("./location-map.client"), loadLeafletStylesheet()]).then(([module]) => ({ default: module.LocationMap })),
);

/**
 * Where the HUB is and who takes part. The coordinates can be typed, found by city name or (with
 * JavaScript) picked on the map; the two look-ups fill in the same latitude and longitude fields.
 */
export function LocationSection({
  form,
  fields,
  options,
  places,
  placeQuery,
}: {
  form: ProposalFormMetadata;
  fields: Pick<ProposalFields, "latitude" | "longitude" | "participants">;
  options: Pick<ProposalFormOptions, "organisations">;
  places?: PlaceResult[] | null;
  placeQuery?: string;
}) {
  const { t } = useTranslation("proposals");
  const setCoordinates = (latitude: number, longitude: number) => {
    form.update({ name: fields.latitude.name, value: String(latitude) });
    form.update({ name: fields.longitude.name, value: String(longitude) });
  };
  return (
    <fieldset className="form-section">
      <legend>{t("form.sections.location")}</legend>
      <PlaceLookup places={places} placeQuery={placeQuery} onPick={setCoordinates} />
      <ClientOnly fallback={null}>
        {() => (
          <div className="field">
            <p className="field-help">{t("form.mapHelp")}</p>
            <Suspense fallback={null}>
              <LocationMap
                latitude={Number(fields.latitude.value ?? fields.latitude.initialValue)}
                longitude={Number(fields.longitude.value ?? fields.longitude.initialValue)}
                onPick={setCoordinates}
              />
            </Suspense>
          </div>
        )}
      </ClientOnly>
      <div className="field-row">
        <TextField meta={fields.latitude} inputMode="decimal" label={t("form.latitude.label")} help={t("form.latitude.help")} />
        <TextField meta={fields.longitude} inputMode="decimal" label={t("form.longitude.label")} help={t("form.longitude.help")} />
      </div>
      <MultiSelectField
        meta={fields.participants}
        label={t("form.participants.label")}
        help={t("form.participants.help")}
        size={8}
        options={options.organisations.map((organisation) => ({
          value: String(organisation.id),
          label: `${organisation.name} (${organisation.city}, ${organisation.countryCode})`,
        }))}
      />
    </fieldset>
  );
}
