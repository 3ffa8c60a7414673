// Links that leave the app for the phone's own apps: turn-by-turn directions to a site (the
// geo: URI opens the phone's chosen maps app; the maps URL works everywhere else).
export type Site = { latitude: number | null; longitude: number | null; address: string | null };

export function directionsUrl(site: Site): string | null {
  if (site.latitude !== null && site.longitude !== null) return `https://www.google.com/maps/dir/?api=1&destination=${site.latitude},${site.longitude}`;
  return site.address ? `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(site.address)}` : null;
}

export function geoUri(site: Site): string | null {
  if (site.latitude === null || site.longitude === null) return null;
  return `geo:${site.latitude},${site.longitude}?q=${site.latitude},${site.longitude}`;
}
