// Photos from phones: turned upright, scaled to fit MAX_IMAGE_SIDE, re-encoded as JPEG (WebP and
// PNG too, as JPEG), metadata stripped — the EXIF GPS position is read first and kept on the
// file's row, which is what field work needs; camera serials and the rest are dropped.
import "server-only";
import sharp from "sharp";
import { exifGps } from "./exif-gps";
import { MAX_IMAGE_SIDE } from "./upload-rules";

export type ProcessedImage = { bytes: Buffer; mime: "image/jpeg"; width: number; height: number; latitude: number | null; longitude: number | null };

/** The processed image, or null when the bytes do not decode as an image. */
export async function processImage(input: Buffer): Promise<ProcessedImage | null> {
  try {
    const meta = await sharp(input, { failOn: "error" }).metadata();
    const gps = exifGps(meta.exif);
    const { data, info } = await sharp(input, { failOn: "error" })
      .rotate()
      .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, mime: "image/jpeg", width: info.width, height: info.height, latitude: gps?.latitude ?? null, longitude: gps?.longitude ?? null };
  } catch {
    return null;
  }
}
