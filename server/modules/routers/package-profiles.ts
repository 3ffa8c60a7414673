// How a service package appears on a router: a PPP profile (PPPoE packages) or a hotspot user
// profile (hotspot packages) named after the package, with the package's speeds as RouterOS's
// rate-limit. RouterOS reads `rx/tx` from the router's side of the client's link: rx is what it
// receives, the client's upload; tx the client's download. Pure: the package page shows them.

export type PackageForProfile = { id: string; name: string; speedDownKbps: number; speedUpKbps: number; type: "pppoe" | "hotspot"; active: boolean };

export const PROFILE_COMMENT_PREFIX = "rrnet:package:";

/** "Rumah 10 Mbps" -> "rrnet-rumah-10-mbps" (RouterOS names allow more, people type less). */
export function profileNameOf(pkg: Pick<PackageForProfile, "name">): string {
  const slug = pkg.name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return `rrnet-${slug || "paket"}`;
}

/** 5000 kbps up, 10000 down -> "5M/10M"; speeds that are not whole Mbps stay in k. */
export function rateLimitOf(pkg: Pick<PackageForProfile, "speedDownKbps" | "speedUpKbps">): string {
  const unit = (kbps: number) => (kbps % 1000 === 0 ? `${kbps / 1000}M` : `${kbps}k`);
  return `${unit(pkg.speedUpKbps)}/${unit(pkg.speedDownKbps)}`;
}

export type RouterProfile = { id: string; name?: string; rateLimit?: string; comment?: string };

export type ProfilePlan = {
  add: Array<{ packageId: string; name: string; rateLimit: string }>;
  set: Array<{ packageId: string; id: string; name: string; rateLimit: string; from: string | null }>;
  unchanged: Array<{ packageId: string; name: string }>;
  /** A profile of that name exists but RRNET did not make it: left alone. */
  conflicts: Array<{ packageId: string; name: string }>;
};

/**
 * What to change so every active package of `type` has its profile: compares the router's
 * profiles (one read) with the packages and lists only the differences. PPP profiles RRNET made
 * carry the package id in their comment, so a renamed package's profile is found and renamed,
 * and a same-named profile someone else made is left alone (a conflict).
 */
export function planProfiles(packages: readonly PackageForProfile[], profiles: readonly RouterProfile[], type: PackageForProfile["type"]): ProfilePlan {
  const plan: ProfilePlan = { add: [], set: [], unchanged: [], conflicts: [] };
  // Hotspot user profiles have no comment: there the `rrnet-` name is the mark.
  const marked = type === "pppoe";
  const byComment = new Map(profiles.filter((p) => p.comment?.startsWith(PROFILE_COMMENT_PREFIX)).map((p) => [p.comment!.slice(PROFILE_COMMENT_PREFIX.length), p]));
  const byName = new Map(profiles.map((p) => [p.name, p]));
  for (const pkg of packages) {
    if (!pkg.active || pkg.type !== type) continue;
    const name = profileNameOf(pkg);
    const rateLimit = rateLimitOf(pkg);
    const ours = marked ? byComment.get(pkg.id) : byName.get(name);
    if (ours) {
      if (ours.name === name && ours.rateLimit === rateLimit) plan.unchanged.push({ packageId: pkg.id, name });
      else plan.set.push({ packageId: pkg.id, id: ours.id, name, rateLimit, from: ours.rateLimit ?? null });
      continue;
    }
    if (byName.has(name)) plan.conflicts.push({ packageId: pkg.id, name });
    else plan.add.push({ packageId: pkg.id, name, rateLimit });
  }
  return plan;
}
