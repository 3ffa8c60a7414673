// How a time zone is named next to a time of day: WIB / WITA / WIT in Indonesia (they read the
// same in English), else what Intl calls it. Pure: the UI's format module and server messages
// (WhatsApp notices) name zones one way.

const INDONESIAN_ZONES: Record<string, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

/** The zone's abbreviation at `at`: WIB / WITA / WIT in Indonesia, else what Intl calls it ("CET", "GMT+8"). */
export function zoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  const indonesian = INDONESIAN_ZONES[timeZone];
  if (indonesian) return indonesian;
  const part = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}
