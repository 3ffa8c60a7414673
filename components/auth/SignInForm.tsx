"use client";
// Email + password sign-in through next-auth, with the second step (TOTP or recovery code)
// asked for when the account has two-factor sign-in.
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { describeSignInError } from "./sign-in-errors";

export function SignInForm({ afterSignIn = "/" }: { afterSignIn?: string }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", { email, password, code: needsCode ? code : "", redirect: false });
    if (result?.ok && !result.error) {
      // A full load, not a client navigation: nothing cached for the previous visitor survives.
      window.location.replace(new URL(afterSignIn, window.location.origin).href);
      return;
    }
    const described = describeSignInError(result?.error ?? "INTERNAL");
    if (described.code === "TWO_FACTOR_REQUIRED") setNeedsCode(true);
    setError(described.code === "TWO_FACTOR_REQUIRED" && !needsCode ? null : described);
    setBusy(false);
  }

  const input = "mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/20";
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <label className="block text-sm font-medium text-slate-700">
        Email
        <input className={input} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        Password
        <input className={input} type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {needsCode && (
        <label className="block text-sm font-medium text-slate-700">
          Authentication code
          <input
            className={input}
            name="code"
            inputMode="text"
            autoComplete="one-time-code"
            autoFocus
            placeholder="123456 or a recovery code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <span className="mt-1 block text-xs font-normal text-slate-500">From your authenticator app, or one of your recovery codes.</span>
        </label>
      )}
      {error && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-error-code={error.code}>
          {error.message}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-lg bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-900 disabled:opacity-60"
      >
        {busy ? "Signing in…" : needsCode ? "Verify and sign in" : "Sign in"}
      </button>
    </form>
  );
}
