"use client";
// Custom domains: add one, create the TXT record shown, verify, and it is served once verified.
import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CopyButton } from "@/components/account/CopyButton";
import { ErrorAlert } from "@/components/ui/Alert";
import { INPUT_CLASS, LABEL_CLASS } from "@/components/account/fields";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import type { TCustomDomain } from "@/server/modules/tenant-settings/tenant-settings.schema";
import { useFormat } from "@/components/ui/use-format";

export function DomainsCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const domains = useQuery(trpc.settings.domains.list.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.settings.domains.list.queryKey() });
  const [domain, setDomain] = useState("");
  const add = useMutation(
    trpc.settings.domains.add.mutationOptions({
      onSuccess: async () => {
        setDomain("");
        await invalidate();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ domain });
  };

  return (
    <Card title="Custom domains">
      <p className="mb-3 text-sm text-slate-600">
        Serve this back office on your own address, such as <span className="font-mono">billing.myisp.net.id</span>. Point the domain
        at RRNET, add it here, then prove it is yours with a DNS TXT record.
      </p>
      <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row sm:items-end" noValidate>
        <label className={`${LABEL_CLASS} flex-1`}>
          Domain
          <input
            className={INPUT_CLASS}
            name="domain"
            inputMode="url"
            autoCapitalize="none"
            autoComplete="off"
            placeholder="billing.myisp.net.id"
            value={domain}
            onChange={(e) => setDomain(e.target.value)}
          />
        </label>
        <Button type="submit" variant="primary" disabled={add.isPending || !domain.trim()}>
          {add.isPending ? "Adding…" : "Add domain"}
        </Button>
      </form>
      <div className="mt-2">
        <ErrorAlert error={add.error} />
      </div>
      {domains.isPending && <Skeleton className="mt-4 h-20" />}
      <ErrorAlert error={domains.error} title="Could not load the domains." />
      {domains.data && domains.data.length === 0 && <p className="mt-4 text-sm text-slate-500">No custom domains yet.</p>}
      {domains.data && domains.data.length > 0 && (
        <ul className="mt-4 divide-y divide-slate-100" data-testid="domain-list">
          {domains.data.map((d) => (
            <DomainRow key={d.id} domain={d} onChanged={invalidate} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function DomainRow({ domain, onChanged }: { domain: TCustomDomain; onChanged: () => Promise<unknown> }) {
  const format = useFormat();
  const trpc = useTRPC();
  const verify = useMutation(trpc.settings.domains.verify.mutationOptions({ onSuccess: () => onChanged() }));
  const remove = useMutation(trpc.settings.domains.remove.mutationOptions({ onSuccess: () => onChanged() }));
  const found = verify.error?.shape?.details?.found;
  return (
    <li className="py-3" data-testid="domain-row" data-domain={domain.domain}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <span className="break-all font-mono text-sm font-medium text-slate-900">{domain.domain}</span>
          <Badge tone={domain.verifiedAt ? "success" : "warning"}>{domain.verifiedAt ? "Verified" : "Waiting for DNS"}</Badge>
        </div>
        <div className="flex flex-wrap gap-2">
          {!domain.verifiedAt && (
            <Button variant="primary" disabled={verify.isPending} onClick={() => verify.mutate({ domainId: domain.id })}>
              {verify.isPending ? "Checking…" : "Verify"}
            </Button>
          )}
          <Button
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Remove ${domain.domain}? It stops serving this back office at once.`)) remove.mutate({ domainId: domain.id });
            }}
          >
            Remove
          </Button>
        </div>
      </div>
      {domain.verifiedAt ? (
        <p className="mt-1 text-xs text-slate-500">
          Verified {format.dateTime(domain.verifiedAt)}. Open{" "}
          <a className="text-brand-700 underline" href={`https://${domain.domain}/`} rel="noreferrer">
            https://{domain.domain}
          </a>
          .
        </p>
      ) : (
        <div className="mt-2 rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm">
          <p className="text-slate-700">At your DNS provider, create this TXT record, then press Verify:</p>
          <dl className="mt-2 space-y-2">
            <RecordField label="Name" value={domain.record.name} testId="txt-name" />
            <RecordField label="Value" value={domain.record.value} testId="txt-value" />
          </dl>
        </div>
      )}
      <div className="mt-2 space-y-1">
        <ErrorAlert error={verify.error ?? remove.error} />
        {Array.isArray(found) && (
          <p className="text-xs text-slate-500">
            {found.length === 0 ? "No TXT record was found at that name yet." : `Found instead: ${found.map(String).join(", ")}`}
          </p>
        )}
      </div>
    </li>
  );
}

function RecordField({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <dt className="w-12 shrink-0 text-xs font-medium uppercase text-slate-500">{label}</dt>
      <dd className="min-w-0 flex-1 break-all font-mono text-slate-900" data-testid={testId}>
        {value}
      </dd>
      <CopyButton value={value} />
    </div>
  );
}
