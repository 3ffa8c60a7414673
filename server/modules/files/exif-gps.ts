// Reads the GPS position from an image's EXIF block (as sharp's metadata().exif returns it:
// "Exif\0\0" + a TIFF structure). Only the four tags a position needs; anything malformed is
// "no position", never an error — the photo itself is still good.
export function exifGps(exif: Buffer | undefined): { latitude: number; longitude: number } | null {
  if (!exif || exif.length < 14) return null;
  const tiff = exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? exif.subarray(6) : exif;
  const order = tiff.subarray(0, 2).toString("latin1");
  if (order !== "II" && order !== "MM") return null;
  const le = order === "II";
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  try {
    const entries = (ifd: number) => {
      const out = new Map<number, { type: number; count: number; at: number }>();
      const n = u16(ifd);
      for (let i = 0; i < n; i++) {
        const e = ifd + 2 + i * 12;
        out.set(u16(e), { type: u16(e + 2), count: u32(e + 4), at: e + 8 });
      }
      return out;
    };
    const gpsPointer = entries(u32(4)).get(0x8825);
    if (!gpsPointer) return null;
    const gps = entries(u32(gpsPointer.at));
    const ref = (tag: number) => {
      const e = gps.get(tag);
      return e && e.type === 2 ? String.fromCharCode(tiff[e.at]!) : null;
    };
    const degrees = (tag: number) => {
      const e = gps.get(tag);
      if (!e || e.type !== 5 || e.count !== 3) return null;
      const base = u32(e.at);
      const part = (i: number) => {
        const den = u32(base + i * 8 + 4);
        return den === 0 ? 0 : u32(base + i * 8) / den;
      };
      return part(0) + part(1) / 60 + part(2) / 3600;
    };
    const lat = degrees(2);
    const lon = degrees(4);
    if (lat === null || lon === null || lat > 90 || lon > 180) return null;
    return { latitude: ref(1) === "S" ? -lat : lat, longitude: ref(3) === "W" ? -lon : lon };
  } catch {
    return null;
  }
}
