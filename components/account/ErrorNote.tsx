// A refused or failed call, as the user sees it: the message and the stable code to quote.
import { CodeBadge } from "@/components/ui/CodeBadge";

export type ShownError = { message: string; data?: { code?: string | null } | null } | null | undefined;

export function ErrorNote({ error, title }: { error: ShownError; title?: string }) {
  if (!error) return null;
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {title && <p className="font-medium">{title}</p>}
      <p className={title ? "mt-0.5" : undefined}>{error.message}</p>
      {error.data?.code && (
        <p className="mt-1.5">
          <CodeBadge code={error.data.code} />
        </p>
      )}
    </div>
  );
}
