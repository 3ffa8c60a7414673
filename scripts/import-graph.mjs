// dependency-cruiser reporter (scripts/lint-imports.sh: `npm run lint`, `npm run graph`): prints
// every violation of the rules in .dependency-cruiser.cjs and a summary line, and exits non-zero
// when there is any violation or module cycle. With IMPORT_GRAPH_REPORT=1 (`npm run graph`) it
// also prints the figures of the graph — module cycles, cross-module repository imports and the
// rest, per rule — and which module imports which. A module is a folder under server/modules/
// (billing/gateway is part of billing).
const MODULE = /^server\/modules\/([^/]+)\//;

/** Strongly connected components with more than one member (Tarjan). */
function cycles(graph) {
  let index = 0;
  const stack = [];
  const state = new Map();
  const found = [];
  const visit = (node) => {
    const s = { index, low: index, onStack: true };
    index += 1;
    state.set(node, s);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const t = state.get(next);
      if (!t) {
        visit(next);
        s.low = Math.min(s.low, state.get(next).low);
      } else if (t.onStack) {
        s.low = Math.min(s.low, t.index);
      }
    }
    if (s.low === s.index) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        state.get(member).onStack = false;
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

/** module -> modules it imports directly, and the files behind each edge. */
function moduleGraph(modules) {
  const graph = new Map();
  const evidence = new Map();
  for (const m of modules) {
    const from = MODULE.exec(m.source)?.[1];
    if (!from) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const d of m.dependencies) {
      const to = MODULE.exec(d.resolved)?.[1];
      if (!to || to === from) continue;
      graph.get(from).add(to);
      const key = `${from} -> ${to}`;
      if (!evidence.has(key)) evidence.set(key, `${m.source} -> ${d.resolved}`);
    }
  }
  return { graph, evidence };
}

const RULE_LABELS = {
  "no-circular": "file-level import cycles",
  "no-foreign-repository": "cross-module repository imports",
  "no-repository-from-outside": "repository imports from outside server/modules",
  "module-public-surface": "cross-module imports past the public surface (service/schema/events/pure)",
  "infra-module-surface": "infrastructure importing module internals",
  "routers-only-from-root": "routers mounted outside server/trpc/root.ts",
  "endpoints-only-from-app": "endpoints imported outside app/",
  "services-no-trpc-or-next": "services/repositories/jobs importing tRPC, Next or next-auth",
  "schemas-are-pure": "schemas importing server code",
  "pure-modules-are-pure": "pure modules importing server code",
  "components-server-surface": "components/ importing server code beyond schemas and pure modules",
  "components-router-type-only": "components/ importing the router itself (not its type)",
  "app-server-surface": "app/ importing server code beyond schemas, pure modules and entry points",
  "server-not-ui": "server code importing app/ or components/",
  "unscoped-db-system-only": "unscoped database client outside system code",
  "prisma-client-types-only": "Prisma client value imports outside system code",
  "for-tenant-at-edges": "forTenant() imported outside the edges",
  "server-only-marker": "server files without import \"server-only\"",
};

export default function report(result) {
  const lines = [];
  const violations = result.summary.violations ?? [];
  for (const v of violations) {
    const where = v.type === "cycle" || v.cycle ? [v.from, ...v.cycle.map((c) => c.name)].join(" -> ") : v.to && v.to !== v.from ? `${v.from} -> ${v.to}` : v.from;
    lines.push(`  ${v.rule.severity} ${v.rule.name}: ${where}`);
  }
  const { graph, evidence } = moduleGraph(result.modules);
  const moduleCycles = cycles(graph);
  const edges = [...graph.values()].reduce((n, set) => n + set.size, 0);
  const byRule = new Map(Object.keys(RULE_LABELS).map((name) => [name, 0]));
  for (const v of violations) byRule.set(v.rule.name, (byRule.get(v.rule.name) ?? 0) + 1);

  const full = process.env.IMPORT_GRAPH_REPORT === "1";
  if (!full) {
    lines.push(
      `import boundaries: ${result.summary.totalCruised} files, ${result.summary.totalDependenciesCruised} imports, ${moduleCycles.length} module cycles, ${violations.length} rule violations${violations.length + moduleCycles.length ? " (npm run graph for the figures)" : ""}`,
    );
    return { output: `${lines.join("\n")}\n`, exitCode: violations.length + moduleCycles.length > 0 ? 1 : 0 };
  }
  if (lines.length) lines.push("");
  lines.push(`import graph: ${result.summary.totalCruised} files, ${result.summary.totalDependenciesCruised} imports`);
  lines.push(`modules (server/modules/*): ${graph.size}, module-to-module dependencies: ${edges}`);
  const mutual = [...graph].flatMap(([from, to]) => [...to].filter((t) => from < t && graph.get(t)?.has(from)).map((t) => `${from} <-> ${t}`));
  lines.push(`module cycles: ${moduleCycles.length}${moduleCycles.length ? ` (${moduleCycles.map((c) => `{${c.join(", ")}}`).join("; ")})` : ""}, modules importing each other: ${mutual.length}${mutual.length ? ` (${mutual.join("; ")})` : ""}`);
  for (const component of moduleCycles) {
    for (const from of component) {
      for (const to of component) {
        const why = evidence.get(`${from} -> ${to}`);
        if (why) lines.push(`    ${from} -> ${to}: ${why}`);
      }
    }
  }
  for (const [name, count] of byRule) lines.push(`${String(count).padStart(5)}  ${RULE_LABELS[name] ?? name} [${name}]`);
  lines.push(`${String(violations.length).padStart(5)}  rule violations in all`);
  lines.push("", "module dependencies:");
  for (const [from, to] of [...graph].sort(([a], [b]) => a.localeCompare(b))) lines.push(`  ${from} -> ${[...to].sort().join(", ") || "(none)"}`);
  return { output: `${lines.join("\n")}\n`, exitCode: violations.length + moduleCycles.length > 0 ? 1 : 0 };
}
