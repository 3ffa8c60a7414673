import type { ReactNode } from "react";
import { CodeBadge } from "./CodeBadge";
import { Wordmark } from "./Wordmark";

type StatusScreenProps = { code: string; title: string; children: ReactNode };

/** Full-page message for host-level outcomes (unknown ISP, suspended ISP, 404). */
export function StatusScreen({ code, title, children }: StatusScreenProps) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-10">
      <div className="w-full max-w-lg rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <Wordmark className="text-lg" />
        <div className="mt-6">
          <CodeBadge code={code} />
        </div>
        <h1 className="mt-3 text-xl font-bold text-slate-900 sm:text-2xl">{title}</h1>
        <div className="mt-3 space-y-3 text-sm leading-relaxed text-slate-600">{children}</div>
      </div>
    </main>
  );
}
