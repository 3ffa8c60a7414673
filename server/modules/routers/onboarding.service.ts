// The RouterOS script (.rsc) an owner pastes into a new router's terminal: an API group and user
// with the `api` policy (the password is the one saved in RRNET, so it is never shown — the
// script asks for it with :local), API-SSL with a self-signed certificate, the isolation
// address list with its firewall redirect to the ISP's pay page, the RADIUS client and incoming
// CoA (`/radius incoming set accept=yes port=3799`), and — when RRNET's hub is configured — a
// WireGuard tunnel to it for routers behind NAT. docs/ROUTEROS.md describes the hub side.
import "server-only";
import { env } from "@/server/config/env";
import type { TenantDb } from "@/server/db";
import { defaultPayPageUrl } from "./network-settings.service";
import { findIsolationSettings } from "./network-account.repository";
import { getRouterRowOrThrow, listRouters } from "./router.service";

/** RouterOS string literal: backslash, quote and `$` escaped. */
const q = (value: string) => `"${value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;

export type OnboardingFacts = {
  routerName: string;
  apiUser: string;
  apiPort: number;
  /** The walled garden's target: the setting, or the ISP's own RRNET host. */
  payPageUrl: string;
  isolation: { addressList: string; profile: string; rateLimit: string };
  radius: { address: string | null };
  wireguard: { endpoint: string; publicKey: string; routerAddress: string; hubAddress: string; prefix: number } | null;
};

/** The script itself (pure; the service fills in the facts). */
export function renderOnboardingScript(f: OnboardingFacts): string {
  const lines = [
    `# RRNET onboarding for ${f.routerName} — paste into the router's terminal (RouterOS 7).`,
    `# Set the API password first; it must match the one saved in RRNET:`,
    `:local rrnetPassword "GANTI-DENGAN-SANDI-API"`,
    ``,
    `# 1. API group and user (the api policy; without it RouterOS answers "not allowed (9)").`,
    `/user group add name=rrnet-api policy=read,write,api,rest-api,test,sensitive,!ftp,!policy,!reboot comment="RRNET"`,
    `/user add name=${q(f.apiUser)} group=rrnet-api password=$rrnetPassword comment="RRNET"`,
    ``,
    `# 2. API-SSL with a self-signed certificate (RRNET can then verify it; see docs/ROUTEROS.md).`,
    `/certificate add name=rrnet-api-ssl common-name=${q(f.routerName)} days-valid=3650 key-usage=digital-signature,key-encipherment,tls-server`,
    `/certificate sign rrnet-api-ssl`,
    `:delay 5s`,
    `/ip service set api-ssl certificate=rrnet-api-ssl port=${f.apiPort === 8728 ? 8729 : f.apiPort} disabled=no`,
    ``,
    `# 3. Isolation: the profile RRNET moves isolated customers to, and the redirect of its address list.`,
    `/ppp profile add name=${q(f.isolation.profile)} rate-limit=${q(f.isolation.rateLimit)} address-list=${q(f.isolation.addressList)} comment="rrnet:isolation"`,
    `/ip hotspot user profile add name=${q(f.isolation.profile)} rate-limit=${q(f.isolation.rateLimit)} address-list=${q(f.isolation.addressList)}`,
    `/ip firewall address-list add list=${q(f.isolation.addressList)} address=0.0.0.0 disabled=yes comment="rrnet:isolation placeholder"`,
    `/ip firewall filter add chain=forward src-address-list=${q(f.isolation.addressList)} protocol=udp dst-port=53 action=accept comment="rrnet:isolation dns"`,
    // A DNS name in an address list is resolved (and kept current) by RouterOS itself.
    `/ip firewall address-list add list=rrnet-pay-page address=${q(new URL(f.payPageUrl).hostname)} comment="rrnet:isolation pay page"`,
    `/ip firewall filter add chain=forward src-address-list=${q(f.isolation.addressList)} dst-address-list=rrnet-pay-page action=accept comment="rrnet:isolation pay page"`,
    `/ip firewall nat add chain=dstnat src-address-list=${q(f.isolation.addressList)} dst-address-list=!rrnet-pay-page protocol=tcp dst-port=80 action=redirect to-ports=8080 comment="rrnet:isolation redirect"`,
    `/ip proxy set enabled=yes port=8080`,
    `/ip proxy access add action=redirect action-data=${q(f.payPageUrl)} comment="rrnet:isolation pay page"`,
    `/ip firewall filter add chain=forward src-address-list=${q(f.isolation.addressList)} action=drop comment="rrnet:isolation drop the rest"`,
    ``,
    `# 4. RADIUS client and incoming CoA / disconnect (used when the router is in RADIUS mode).`,
    f.radius.address
      ? `/radius add service=ppp,hotspot address=${q(f.radius.address)} secret="RADIUS-SECRET-DARI-RRNET" timeout=3s comment="RRNET"`
      : `# RADIUS_SERVER_ADDRESS is not configured in RRNET: add /radius once it is.`,
    `/radius incoming set accept=yes port=3799`,
    `/ppp aaa set use-radius=yes accounting=yes interim-update=5m`,
  ];
  if (f.wireguard) {
    const w = f.wireguard;
    lines.push(
      ``,
      `# 5. WireGuard tunnel to the RRNET hub (routers behind NAT). Send the public key this prints to RRNET.`,
      `/interface wireguard add name=wg-rrnet listen-port=13231 comment="RRNET"`,
      `/interface wireguard peers add interface=wg-rrnet public-key=${q(w.publicKey)} endpoint-address=${q(w.endpoint.split(":")[0]!)} endpoint-port=${w.endpoint.split(":")[1]} allowed-address=${w.hubAddress}/32 persistent-keepalive=25s comment="RRNET hub"`,
      `/ip address add address=${w.routerAddress}/${w.prefix} interface=wg-rrnet comment="RRNET"`,
      `/ip firewall filter add chain=input in-interface=wg-rrnet protocol=tcp dst-port=8728,8729 src-address=${w.hubAddress} action=accept place-before=0 comment="RRNET API via hub"`,
      `:put [/interface wireguard get wg-rrnet public-key]`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The address router number `index` gets in the hub network (the hub is .1). */
export function tunnelAddressOf(network: string, index: number): { routerAddress: string; hubAddress: string; prefix: number } {
  const [base, prefixText] = network.split("/") as [string, string];
  const [a, b, c] = base.split(".").map(Number) as [number, number, number];
  const n = c * 256 + index + 2;
  return { routerAddress: `${a}.${b}.${Math.floor(n / 256)}.${n % 256}`, hubAddress: `${a}.${b}.${c}.1`, prefix: Number(prefixText) };
}

export async function onboardingScript(db: TenantDb, routerId: string): Promise<{ filename: string; script: string }> {
  const router = await getRouterRowOrThrow(db, routerId);
  const settings = await findIsolationSettings(db);
  const tenant = await db.tenant.findFirstOrThrow({ select: { slug: true } });
  const config = env();
  const index = (await listRouters(db)).sort((x, y) => x.createdAt.localeCompare(y.createdAt)).findIndex((r) => r.id === router.id);
  const wireguard =
    config.WIREGUARD_HUB_ENDPOINT && config.WIREGUARD_HUB_PUBLIC_KEY
      ? { endpoint: config.WIREGUARD_HUB_ENDPOINT, publicKey: config.WIREGUARD_HUB_PUBLIC_KEY, ...tunnelAddressOf(config.WIREGUARD_HUB_NETWORK, Math.max(index, 0)) }
      : null;
  const script = renderOnboardingScript({
    routerName: router.name,
    apiUser: router.username,
    apiPort: router.port,
    payPageUrl: settings.isolationRedirectUrl ?? defaultPayPageUrl(tenant.slug),
    isolation: { addressList: settings.isolationAddressList, profile: settings.isolationProfile, rateLimit: settings.isolationRateLimit },
    radius: { address: config.RADIUS_SERVER_ADDRESS ?? null },
    wireguard,
  });
  const slug = router.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "router";
  return { filename: `rrnet-${slug}.rsc`, script };
}
