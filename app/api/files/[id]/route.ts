// GET /api/files/<id> on a tenant's host: a stored photo or attachment, to signed-in staff of
// that tenant (files.content checks the capability; the tenant scope makes another tenant's id
// a 404). Never cached by anyone but the browser that asked; served with its checked type only.
import { withRequestCaller } from "@/server/trpc/request-caller";
import { AppError } from "@/server/errors/app-error";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withRequestCaller(request, async (api) => {
    if (!UUID.test(id)) throw new AppError("NOT_FOUND", { fileId: id }, "files.errors.fileNotFound");
    const file = await api.files.content({ id });
    const bytes = Buffer.from(file.base64, "base64");
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": file.mime,
        "content-length": String(bytes.byteLength),
        "content-disposition": `inline; filename="${file.id}"`,
        "cache-control": "private, max-age=3600",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      },
    });
  });
}
