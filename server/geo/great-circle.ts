// Distance between two points on the earth's surface, for geofences (attendance, work-order
// check-in). Pure: shared by the modules that judge a reported position against a site.

export type LatLng = { lat: number; lng: number };

/** Great-circle distance in whole metres (haversine, mean earth radius). */
export function distanceM(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)));
}
