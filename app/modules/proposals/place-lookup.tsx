import { useRef } from "react";
import { useTranslation } from "react-i18next";

/** The look-up's intents: "find" and a picked result. The proposal's checks do not apply to them (server and browser). */
export const FIND_PLACE_INTENT = "findPlace";
const PICK_PLACE_PREFIX = "pick:";

export function isPlaceIntent(intent: unknown): boolean {
  return typeof intent === "string" && (intent === FIND_PLACE_INTENT || intent.startsWith(PICK_PLACE_PREFIX));
}

/** The coordinates of a picked result ("pick:LAT:LNG"), or undefined for any other intent. */
export function pickedCoordinates(intent: string): { latitude: string; longitude: string } | undefined {
  if (!intent.startsWith(PICK_PLACE_PREFIX)) return undefined;
  const [, latitude, longitude] = intent.split(":");
  return Number.isFinite(Number(latitude)) && Number.isFinite(Number(longitude)) ? { latitude, longitude } : undefined;
}

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
  const findButton = useRef<HTMLButtonElement>(null);
  return (
    <div className="field">
      <label htmlFor="placeQuery">{t("form.placeQuery.label")}</label>
      <p id="placeQuery-help" className="field-help">
        {t("form.placeQuery.help")}
      </p>
      <div className="inline-search">
        <input
          id="placeQuery"
          name="placeQuery"
          type="search"
          defaultValue={placeQuery ?? ""}
          aria-describedby="placeQuery-help"
          maxLength={100}
          onKeyDown={(event) => {
            // Enter here means "find", not the form's default button (saving the draft).
            if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
            event.preventDefault();
            findButton.current?.form?.requestSubmit(findButton.current);
          }}
        />
        <button ref={findButton} type="submit" name="intent" value={FIND_PLACE_INTENT} className="button button--secondary" formNoValidate>
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
                  value={`${PICK_PLACE_PREFIX}${place.latitude}:${place.longitude}`}
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
