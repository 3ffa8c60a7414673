// The zones a new ISP can be given: Indonesia's first, the ones it almost always needs. The
// abbreviation is the same in both languages.
export const TIME_ZONES = [
  { value: "Asia/Jakarta", label: "Asia/Jakarta (WIB)" },
  { value: "Asia/Pontianak", label: "Asia/Pontianak (WIB)" },
  { value: "Asia/Makassar", label: "Asia/Makassar (WITA)" },
  { value: "Asia/Jayapura", label: "Asia/Jayapura (WIT)" },
];
