// Uploads end to end through the router: types by their bytes, images resized with the EXIF
// position kept and the rest stripped, bad uploads refused on `dataUrl` with nothing stored,
// a failed row write removing the stored object, and no file readable from another tenant.
import { afterAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { userActor } from "@/server/actor/actor";
import { forTenant } from "@/server/db";
import { userWithRole } from "@/server/testing/callers";
import { failure } from "@/server/testing/errors";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";
import { exifGps } from "../exif-gps";
import { uploadFile } from "../files.service";
import type { FileStorage } from "../storage";
import { MAX_UPLOAD_BYTES, sniffType } from "../upload-rules";

afterAll(closeConnections);

const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString("base64")}`;
const photo = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } });

/** A JPEG with GPS 6°12'30" S, 106°49'12" E in its EXIF (Jakarta) and a camera serial. */
async function jpegWithGps(width = 400, height = 300): Promise<Buffer> {
  return photo(width, height)
    .jpeg()
    .withExif({
      IFD0: { Make: "TestCam", Model: "X1" },
      IFD3: { GPSLatitudeRef: "S", GPSLatitude: "6/1 12/1 30/1", GPSLongitudeRef: "E", GPSLongitude: "106/1 49/1 12/1" },
    })
    .toBuffer();
}

class MemoryStorage implements FileStorage {
  objects = new Map<string, Buffer>();
  async put(key: string, bytes: Buffer) {
    this.objects.set(key, bytes);
  }
  async get(key: string) {
    return this.objects.get(key) ?? null;
  }
  async delete(key: string) {
    this.objects.delete(key);
  }
}

describe("upload rules", () => {
  it("knows types by their bytes, not by their claim", async () => {
    expect(sniffType(await photo(8, 8).png().toBuffer())).toBe("image/png");
    expect(sniffType(await photo(8, 8).webp().toBuffer())).toBe("image/webp");
    expect(sniffType(await photo(8, 8).jpeg().toBuffer())).toBe("image/jpeg");
    expect(sniffType(Buffer.from("%PDF-1.4\n%âãÏÓ\n"))).toBe("application/pdf");
    expect(sniffType(Buffer.from("<html><script>alert(1)</script></html>"))).toBeNull();
  });

  it("reads the EXIF GPS position; anything malformed is no position", async () => {
    const meta = await sharp(await jpegWithGps()).metadata();
    const gps = exifGps(meta.exif);
    expect(gps?.latitude).toBeCloseTo(-(6 + 12 / 60 + 30 / 3600), 6);
    expect(gps?.longitude).toBeCloseTo(106 + 49 / 60 + 12 / 3600, 6);
    expect(exifGps(undefined)).toBeNull();
    expect(exifGps(Buffer.from("Exif\0\0MM\0*\0\0\0\x08\xff\xff"))).toBeNull();
    expect(exifGps((await sharp(await photo(8, 8).jpeg().toBuffer()).metadata()).exif)).toBeNull();
  });
});

describe("files router", () => {
  it("resizes a big photo, keeps its position, strips the rest, and serves it to the tenant only", async () => {
    const { tenant } = await createTenantWithUser("files");
    const collector = await userWithRole(tenant, "collector");
    const upload = await collector.caller.files.upload({ purpose: "collection_photo", dataUrl: dataUrl("image/jpeg", await jpegWithGps(3200, 2400)) });
    expect(upload).toMatchObject({ purpose: "collection_photo", mime: "image/jpeg", width: 1600, height: 1200, url: `/api/files/${upload.id}` });
    expect(upload.latitude).toBeCloseTo(-6.208333, 5);
    expect(upload.longitude).toBeCloseTo(106.82, 5);

    const finance = await userWithRole(tenant, "finance");
    const content = await finance.caller.files.content({ id: upload.id });
    const bytes = Buffer.from(content.base64, "base64");
    expect(bytes.byteLength).toBe(upload.size);
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([1600, 1200, undefined]);

    const audit = await forTenant(tenant.id).auditEvent.findFirst({ where: { action: "file.uploaded" } });
    expect(audit?.targetId).toBe(upload.id);

    const other = await createTenantWithUser("files-other");
    const stranger = await userWithRole(other.tenant, "owner");
    expect((await failure(stranger.caller.files.get({ id: upload.id }))).code).toBe("NOT_FOUND");
    expect((await failure(stranger.caller.files.content({ id: upload.id }))).code).toBe("NOT_FOUND");
  });

  it("turns PNG and WebP photos into JPEG and keeps PDFs as they are where attachments are allowed", async () => {
    const { tenant } = await createTenantWithUser("files-types");
    const staff = await userWithRole(tenant, "technician");
    const png = await staff.caller.files.upload({ purpose: "work_order_photo", dataUrl: dataUrl("image/png", await photo(20, 10).png().toBuffer()) });
    expect([png.mime, png.width, png.height]).toEqual(["image/jpeg", 20, 10]);
    const webp = await staff.caller.files.upload({ purpose: "work_order_photo", dataUrl: dataUrl("image/webp", await photo(30, 40).webp().toBuffer()) });
    expect([webp.mime, webp.width, webp.height]).toEqual(["image/jpeg", 30, 40]);
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const attachment = await staff.caller.files.upload({ purpose: "ticket_attachment", dataUrl: dataUrl("application/pdf", pdf) });
    expect([attachment.mime, attachment.size, attachment.width]).toEqual(["application/pdf", pdf.byteLength, null]);
  });

  it("refuses bad uploads on dataUrl with a clear message and stores nothing", async () => {
    const { tenant } = await createTenantWithUser("files-bad");
    const staff = await userWithRole(tenant, "collector");
    const refused = async (purpose: "collection_photo" | "ticket_attachment", url: string) => (await failure(staff.caller.files.upload({ purpose, dataUrl: url }))).details;

    // HTML claiming to be a JPEG; a PDF where only photos go; a JPEG header with garbage after it.
    expect(await refused("collection_photo", dataUrl("image/jpeg", Buffer.from("<html><body>not a photo</body></html>")))).toMatchObject({ fields: { dataUrl: ["files.validation.notAFile"] } });
    expect(await refused("collection_photo", dataUrl("application/pdf", Buffer.from("%PDF-1.4\n%%EOF\n")))).toMatchObject({ fields: { dataUrl: ["files.validation.typeNotAllowed"] } });
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]);
    expect(await refused("collection_photo", dataUrl("image/jpeg", broken))).toMatchObject({ fields: { dataUrl: ["files.validation.unreadableImage"] } });
    // Over the limit (decoded), and not a data URL at all.
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(MAX_UPLOAD_BYTES, 32)]);
    expect(await refused("ticket_attachment", dataUrl("application/pdf", big))).toMatchObject({ fields: { dataUrl: ["files.validation.tooLarge"] } });
    expect(JSON.stringify(await refused("collection_photo", "https://example.com/x.jpg"))).toContain("files.validation.notAFile");

    expect(await forTenant(tenant.id).storedFile.count()).toBe(0);
  });

  it("removes the stored object again when the row cannot be written", async () => {
    const { tenant, user } = await createTenantWithUser("files-rollback");
    const storage = new MemoryStorage();
    const db = forTenant(tenant.id);
    const failing = new Proxy(db, { get: (target, prop) => (prop === "$transaction" ? () => Promise.reject(new Error("database went away")) : Reflect.get(target, prop)) });
    const actor = userActor({ userId: user.id, tenantId: tenant.id, role: "owner", email: user.email, name: user.name });
    await expect(uploadFile(failing, actor, { purpose: "collection_photo", dataUrl: dataUrl("image/jpeg", await jpegWithGps()) }, storage)).rejects.toThrow("database went away");
    expect(storage.objects.size).toBe(0);
    expect(await db.storedFile.count()).toBe(0);
  });
});
