"use client";
// Create a tenant with its first owner and plan. The owner's initial password comes back once:
// it is shown here with a copy button and cannot be shown again.
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CopyButton } from "@/components/account/CopyButton";
import { ErrorAlert } from "@/components/ui/Alert";
import { INPUT_CLASS, LABEL_CLASS } from "@/components/account/fields";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { slugProblem } from "@/server/modules/platform/platform.schema";
import { formatRupiah } from "@/components/ui/format";
import { serverFieldErrors as fieldErrorsOf } from "@/components/ui/form";
import { TIME_ZONES } from "@/components/console/time-zones";

type Created = { tenantId: string; slug: string; name: string; email: string; password: string };

function FieldError({ messages }: { messages?: string[] }) {
  if (!messages?.length) return null;
  return <span className="mt-1 block text-xs font-normal text-red-700">{messages.join(" ")}</span>;
}

export function CreateTenantForm({ rootHost }: { rootHost: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const plans = useQuery(trpc.platform.catalog.listPlans.queryOptions());
  const create = useMutation(trpc.platform.tenants.create.mutationOptions());
  const [slug, setSlug] = useState("");
  const [name, setName] = useState("");
  const [timezone, setTimezone] = useState("Asia/Jakarta");
  const [planId, setPlanId] = useState("");
  const [ownerName, setOwnerName] = useState("");
  const [ownerEmail, setOwnerEmail] = useState("");
  const [created, setCreated] = useState<Created | null>(null);

  const activePlans = plans.data?.filter((p) => p.active) ?? [];
  const chosenPlan = planId || activePlans[0]?.id || "";
  const localSlugProblem = slug ? slugProblem(slug) : null;
  const fields = fieldErrorsOf(create.error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (localSlugProblem) return;
    const result = await create
      .mutateAsync({ slug, name, timezone, planId: chosenPlan, owner: { name: ownerName, email: ownerEmail } })
      .catch(() => null);
    if (!result) return;
    setCreated({ tenantId: result.tenant.id, slug: result.tenant.slug, name: result.tenant.name, email: ownerEmail.trim().toLowerCase(), password: result.initialPassword });
    await queryClient.invalidateQueries({ queryKey: trpc.platform.tenants.list.queryKey() });
  }

  if (created) {
    return (
      <div role="status" className="rounded-xl border border-emerald-300 bg-emerald-50 p-4" data-testid="one-time-password">
        <p className="text-sm font-semibold text-emerald-900">
          {created.name} is live at <span className="font-mono">{created.slug}.{rootHost}</span>. Give the owner ({created.email}) this initial password:
        </p>
        <p className="mt-2 break-all rounded-md bg-white px-3 py-2 font-mono text-base text-slate-900 ring-1 ring-emerald-200" data-testid="one-time-password-value">
          {created.password}
        </p>
        <p className="mt-2 text-xs text-emerald-900">It is shown only now and stored only as a hash. The owner can change it under My account after signing in.</p>
        <div className="mt-3 flex flex-wrap gap-2">
          <CopyButton value={created.password} label="Copy password" />
          <Link href={`/tenants/${created.tenantId}`} className="inline-flex min-h-9 items-center rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
            Open tenant
          </Link>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Card title="ISP">
        <div className="grid gap-4 sm:grid-cols-2">
          <label className={LABEL_CLASS}>
            Name
            <input className={INPUT_CLASS} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} name="name" />
            <FieldError messages={fields.name} />
          </label>
          <label className={LABEL_CLASS}>
            Address (slug)
            <input
              className={INPUT_CLASS}
              required
              maxLength={32}
              value={slug}
              onChange={(e) => setSlug(e.target.value.trim())}
              name="slug"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              aria-describedby="slug-help"
            />
            <span id="slug-help" className="mt-1 block break-all text-xs font-normal text-slate-500">
              {slug || "slug"}.{rootHost} — lowercase letters, digits and hyphens, 3–32 characters.
            </span>
            <FieldError messages={localSlugProblem ? [localSlugProblem] : fields.slug} />
          </label>
          <label className={LABEL_CLASS}>
            Time zone
            <select className={INPUT_CLASS} value={timezone} onChange={(e) => setTimezone(e.target.value)} name="timezone">
              {TIME_ZONES.map((z) => (
                <option key={z.value} value={z.value}>
                  {z.label}
                </option>
              ))}
            </select>
            <FieldError messages={fields.timezone} />
          </label>
          <label className={LABEL_CLASS}>
            Plan
            <select className={INPUT_CLASS} value={chosenPlan} onChange={(e) => setPlanId(e.target.value)} name="planId" disabled={!activePlans.length}>
              {activePlans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} — {formatRupiah(p.priceIdr)}/month
                </option>
              ))}
            </select>
            <FieldError messages={fields.planId} />
          </label>
        </div>
        <ErrorAlert error={plans.error} title="Could not load the plans." />
      </Card>
      <Card title="First owner">
        <div className="grid gap-4 sm:grid-cols-2">
          <label className={LABEL_CLASS}>
            Name
            <input className={INPUT_CLASS} required maxLength={100} value={ownerName} onChange={(e) => setOwnerName(e.target.value)} name="ownerName" />
            <FieldError messages={fields["owner.name"]} />
          </label>
          <label className={LABEL_CLASS}>
            Email
            <input className={INPUT_CLASS} type="email" required maxLength={200} value={ownerEmail} onChange={(e) => setOwnerEmail(e.target.value)} name="ownerEmail" autoComplete="off" />
            <FieldError messages={fields["owner.email"]} />
          </label>
        </div>
        <p className="mt-3 text-xs text-slate-500">A strong initial password is generated and shown once after the tenant is created.</p>
      </Card>
      <ErrorAlert error={create.error} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={create.isPending || !chosenPlan}>
          {create.isPending ? "Creating…" : "Create tenant"}
        </Button>
        <Link href="/" className="inline-flex min-h-9 items-center rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">
          Cancel
        </Link>
      </div>
    </form>
  );
}
