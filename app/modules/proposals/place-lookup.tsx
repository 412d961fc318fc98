import { useTranslation } from "react-i18next";

export interface PlaceResult {
  name: string;
  countryCode: string;
  latitude: number;
  longitude: number;
}

/**
 * Finding the HUB's coordinates by city name. Without JavaScript, "find" and each result submit the form
 * (the action searches, or fills in the chosen place's coordinates); with it, a result fills them in at once.
 */
export function PlaceLookup({
  places,
  placeQuery,
  onPick,
}: {
  places?: PlaceResult[] | null;
  placeQuery?: string;
  onPick: (latitude: number, longitude: number) => void;
}) {
  const { t } = useTranslation("proposals");
  return (
    <div className="field">
      <label htmlFor="placeQuery">{t("form.placeQuery.label")}</label>
      <p id="placeQuery-help" className="field-help">
        {t("form.placeQuery.help")}
      </p>
      <div className="inline-search">
        <input id="placeQuery" name="placeQuery" type="search" defaultValue={placeQuery ?? ""} aria-describedby="placeQuery-help" maxLength={100} />
        <button type="submit" name="intent" value="findPlace" className="button button--secondary" formNoValidate>
          {t("form.placeQuery.find")}
        </button>
      </div>
      {places ? (
        places.length ? (
          <ul className="place-results" aria-label={t("form.placeQuery.results")}>
            {places.map((place) => (
              <li key={`${place.name}-${place.latitude}-${place.longitude}`}>
                <button
                  type="submit"
                  name="intent"
                  value={`pick:${place.latitude}:${place.longitude}`}
                  className="button--link"
                  formNoValidate
                  onClick={(event) => {
                    event.preventDefault();
                    onPick(place.latitude, place.longitude);
                  }}
                >
                  {t("form.placeQuery.pick", { name: place.name, country: place.countryCode, lat: String(place.latitude), lon: String(place.longitude) })}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p role="status">{t("form.placeQuery.none")}</p>
        )
      ) : null}
      <p className="field-help credit">{t("form.placeQuery.credit")}</p>
    </div>
  );
}
