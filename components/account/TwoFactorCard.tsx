"use client";
// Two-factor sign-in: set-up (QR code or typed secret, then a code), recovery codes shown
// once, new recovery codes, and turning it off (refused while it is mandatory: the ISP requires
// it of staff, or an operator in production).
import Image from "next/image";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { formatDateTime } from "@/components/ui/time";
import { useAccountApi, type AccountApi, type AccountScope } from "./account-api";
import { CopyButton } from "./CopyButton";
import { ErrorNote } from "./ErrorNote";
import { INPUT_CLASS, LABEL_CLASS } from "./fields";
import { RecoveryCodesPanel } from "./RecoveryCodesPanel";

export function TwoFactorCard({ timezone, scope }: { timezone: string; scope?: AccountScope }) {
  const account = useAccountApi(scope);
  const queryClient = useQueryClient();
  const router = useRouter();
  const status = useQuery(account.twoFactor.status.queryOptions());
  const [codes, setCodes] = useState<string[] | null>(null);
  const [mode, setMode] = useState<"idle" | "disable" | "regenerate">("idle");

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: account.twoFactor.status.queryKey() });
    router.refresh(); // the layout's banner and redirect read the session again
  };

  const begin = useMutation(account.twoFactor.begin.mutationOptions());
  const confirm = useMutation(
    account.twoFactor.confirm.mutationOptions({
      onSuccess: async (data) => {
        setCodes(data.recoveryCodes);
        begin.reset();
        await refresh();
      },
    }),
  );

  const data = status.data;
  return (
    <Card
      title="Two-factor sign-in"
      action={data && <Badge tone={data.enabled ? "success" : "warning"}>{data.enabled ? "On" : "Off"}</Badge>}
    >
      {status.isPending && <Skeleton className="h-20" />}
      <ErrorNote error={status.error} title="Could not load the two-factor status." />
      {codes && <RecoveryCodesPanel codes={codes} onDone={() => setCodes(null)} />}

      {data && !data.enabled && !codes && (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">
            After your password, sign-in asks for a 6-digit code from an authenticator app on your phone (Google Authenticator,
            Microsoft Authenticator, 2FAS, Aegis…).
          </p>
          {!begin.data ? (
            <>
              <Button variant="primary" onClick={() => begin.mutate()} disabled={begin.isPending}>
                {begin.isPending ? "Preparing…" : "Set up two-factor sign-in"}
              </Button>
              <ErrorNote error={begin.error} />
            </>
          ) : (
            <EnrollStep
              qrDataUrl={begin.data.qrDataUrl}
              secret={begin.data.secret}
              busy={confirm.isPending}
              error={confirm.error}
              onConfirm={(code) => confirm.mutate({ code })}
              onCancel={() => {
                begin.reset();
                confirm.reset();
              }}
            />
          )}
        </div>
      )}

      {data?.enabled && !codes && (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">
            On since {data.enabledAt ? formatDateTime(new Date(data.enabledAt), timezone) : "—"}.{" "}
            <span data-testid="recovery-codes-left">{data.recoveryCodesLeft}</span> unused recovery code
            {data.recoveryCodesLeft === 1 ? "" : "s"} left.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => setMode(mode === "regenerate" ? "idle" : "regenerate")}>New recovery codes</Button>
            {!data.requiredReason && <Button onClick={() => setMode(mode === "disable" ? "idle" : "disable")}>Turn off</Button>}
          </div>
          {data.requiredReason && <p className="text-sm text-slate-500">{data.requiredReason}</p>}
          {mode === "regenerate" && (
            <RegenerateForm
              account={account}
              onDone={async (newCodes) => {
                setMode("idle");
                setCodes(newCodes);
                await refresh();
              }}
            />
          )}
          {mode === "disable" && !data.requiredReason && (
            <DisableForm
              account={account}
              onDone={async () => {
                setMode("idle");
                await refresh();
              }}
            />
          )}
        </div>
      )}
    </Card>
  );
}

function EnrollStep(props: {
  qrDataUrl: string;
  secret: string;
  busy: boolean;
  error: Parameters<typeof ErrorNote>[0]["error"];
  onConfirm: (code: string) => void;
  onCancel: () => void;
}) {
  const [code, setCode] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onConfirm(code.replace(/\s/g, ""));
  };
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
        <li>Scan this QR code with your authenticator app.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <div className="flex flex-col items-start gap-4 sm:flex-row">
        <Image
          src={props.qrDataUrl}
          alt="QR code for your authenticator app"
          width={200}
          height={200}
          unoptimized
          className="rounded-lg border border-slate-200 bg-white"
          data-testid="totp-qr"
        />
        <div className="min-w-0 text-sm text-slate-600">
          <p>Cannot scan? Type this key into the app instead:</p>
          <p className="mt-1 break-all rounded-md bg-slate-100 px-2 py-1 font-mono text-slate-900" data-testid="totp-secret">
            {props.secret}
          </p>
          <CopyButton value={props.secret} label="Copy key" className="mt-2" />
        </div>
      </div>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <label className={LABEL_CLASS}>
          Code from the app
          <input
            className={`${INPUT_CLASS} max-w-40 font-mono tracking-widest`}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            placeholder="123456"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
        <ErrorNote error={props.error} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="primary" disabled={props.busy || code.replace(/\s/g, "").length !== 6}>
            {props.busy ? "Checking…" : "Turn on"}
          </Button>
          <Button onClick={props.onCancel}>Cancel</Button>
        </div>
      </form>
    </div>
  );
}

function RegenerateForm({ account, onDone }: { account: AccountApi; onDone: (codes: string[]) => void }) {
  const [code, setCode] = useState("");
  const regenerate = useMutation(account.twoFactor.regenerateRecoveryCodes.mutationOptions({ onSuccess: (data) => onDone(data.recoveryCodes) }));
  return (
    <form
      className="space-y-3 rounded-lg border border-slate-200 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        regenerate.mutate({ code });
      }}
      noValidate
    >
      <p className="text-sm text-slate-600">Your current recovery codes stop working and ten new ones are shown.</p>
      <label className={LABEL_CLASS}>
        Code from your app (or a recovery code)
        <input className={INPUT_CLASS} name="code" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
      </label>
      <ErrorNote error={regenerate.error} />
      <Button type="submit" variant="primary" disabled={regenerate.isPending || code.trim().length < 6}>
        {regenerate.isPending ? "Making codes…" : "Make new codes"}
      </Button>
    </form>
  );
}

function DisableForm({ account, onDone }: { account: AccountApi; onDone: () => void }) {
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const disable = useMutation(account.twoFactor.disable.mutationOptions({ onSuccess: () => onDone() }));
  return (
    <form
      className="space-y-3 rounded-lg border border-red-200 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        disable.mutate({ password, code });
      }}
      noValidate
    >
      <p className="text-sm text-slate-600">Sign-in will then ask only for your password.</p>
      <label className={LABEL_CLASS}>
        Password
        <input className={INPUT_CLASS} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <label className={LABEL_CLASS}>
        Code from your app (or a recovery code)
        <input className={INPUT_CLASS} autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
      </label>
      <ErrorNote error={disable.error} />
      <Button type="submit" disabled={disable.isPending || !password || code.trim().length < 6} className="border-red-300 text-red-700 hover:bg-red-50">
        {disable.isPending ? "Turning off…" : "Turn off two-factor sign-in"}
      </Button>
    </form>
  );
}
