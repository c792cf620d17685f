/* global process, __dirname, require, module */
// `npm run deps`: the dependency check that works offline from package-lock.json (npm audit is refused
// by the registry used here). It lists the packages deprecated upstream (the hand-kept list in
// deprecated.json: the lock file carries no deprecation flags) with the chain that pulls each one in,
// and the licence of every production package (read from node_modules/<path>/package.json, else the
// lock), failing on a deprecated production package or a licence outside the allow-list.
// Lock file format: npm's package-lock.json, lockfileVersion 2 and 3 ("packages" keyed by install path).

import fs from "node:fs";
import path from "node:path";

export interface LockPackage {
  version?: string;
  license?: string;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface DeprecatedEntry {
  name: string;
  /** "*" or "<major". */
  versions: string;
  message: string;
  source: string;
}

export interface DepsPolicy {
  packages: DeprecatedEntry[];
  licences: { allowed: string[] };
}

export interface Finding {
  name: string;
  version: string;
  /** Install path in the lock file. */
  at: string;
  production: boolean;
  /** From the project: "exceljs@4.4.0 > unzipper@0.10.14 > fstream@1.0.12". */
  chain: string;
  message: string;
  source: string;
}

export interface LicenceRow {
  name: string;
  version: string;
  licence: string;
  /** Where the licence was read: the package's package.json or the lock file. */
  from: "package.json" | "lock";
  allowed: boolean;
}

export interface DepsReport {
  /** Direct runtime dependencies (package.json "dependencies"). */
  runtime: string[];
  productionPackages: number;
  devPackages: number;
  deprecated: Finding[];
  licences: LicenceRow[];
}

const nameOf = (at: string) => at.slice(at.lastIndexOf("node_modules/") + "node_modules/".length);

/** Node's resolution inside the lock: the nearest node_modules/<name> from `from` upwards. */
export function resolveIn(
  packages: Record<string, LockPackage>,
  from: string,
  name: string
): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ""}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const i = base.lastIndexOf("/node_modules/");
    base = i < 0 ? "" : base.slice(0, i);
  }
}

/** Whether `version` falls in `range` ("*" or "<major"). */
export function inRange(version: string, range: string): boolean {
  if (range === "*") return true;
  const m = /^<(\d+)$/.exec(range);
  if (!m)
    throw new Error(`deprecated.json: the range ${JSON.stringify(range)} is not "*" or "<major"`);
  const major = Number(/^(\d+)/.exec(version)?.[1] ?? NaN);
  return Number.isFinite(major) && major < Number(m[1]);
}

/** An SPDX expression against the allow-list: OR needs one allowed side, AND all of them. */
export function licenceAllowed(expression: string, allowed: readonly string[]): boolean {
  const text = expression.replace(/[()]/g, " ").trim();
  if (text === "") return false;
  return text
    .split(/\s+OR\s+/i)
    .some((side) => side.split(/\s+AND\s+/i).every((id) => allowed.includes(id.trim())));
}

function licenceText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "type" in value)
    return String((value as { type: unknown }).type);
  if (Array.isArray(value)) {
    const parts = value.map(licenceText).filter((x): x is string => !!x);
    return parts.length ? parts.join(" OR ") : undefined;
  }
  return undefined;
}

/** The check on the project at `root` (its package-lock.json and node_modules). */
export function checkDeps(root: string, policy: DepsPolicy): DepsReport {
  const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
    lockfileVersion?: number;
    packages?: Record<string, LockPackage>;
  };
  if (!lock.packages || (lock.lockfileVersion ?? 0) < 2)
    throw new Error("package-lock.json: lockfileVersion 2 or 3 is needed (npm 7 or later)");
  const packages = lock.packages;
  const project = packages[""] ?? {};

  // Shortest chain from the project to every installed package (breadth first).
  const parent = new Map<string, string>([["", ""]]);
  const queue = [""];
  while (queue.length > 0) {
    const at = queue.shift() as string;
    const p = packages[at] ?? {};
    const deps = {
      ...p.dependencies,
      ...p.optionalDependencies,
      ...p.peerDependencies,
      ...(at === "" ? p.devDependencies : {}),
    };
    for (const name of Object.keys(deps)) {
      const to = resolveIn(packages, at, name);
      if (to === undefined || parent.has(to)) continue;
      parent.set(to, at);
      queue.push(to);
    }
  }
  const chain = (at: string): string => {
    const steps: string[] = [];
    for (let p = at; p !== ""; p = parent.get(p) ?? "") {
      steps.unshift(`${nameOf(p)}@${packages[p]?.version ?? "?"}`);
      if (!parent.has(p)) break;
    }
    return steps.join(" > ");
  };

  const deprecated: Finding[] = [];
  const licences: LicenceRow[] = [];
  let productionPackages = 0;
  let devPackages = 0;
  for (const [at, p] of Object.entries(packages)) {
    if (at === "" || p.link) continue;
    const name = nameOf(at);
    const version = p.version ?? "?";
    const production = !p.dev;
    if (production) productionPackages++;
    else devPackages++;
    for (const d of policy.packages)
      if (d.name === name && inRange(version, d.versions))
        deprecated.push({
          name,
          version,
          at,
          production,
          chain: chain(at),
          message: d.message,
          source: d.source,
        });
    if (!production) continue;
    let licence: string | undefined;
    let from: LicenceRow["from"] = "lock";
    try {
      const manifest = JSON.parse(
        fs.readFileSync(path.join(root, at, "package.json"), "utf8")
      ) as Record<string, unknown>;
      licence = licenceText(manifest.license ?? manifest.licenses);
      from = "package.json";
    } catch {
      licence = p.license;
    }
    licence = licence ?? p.license ?? "(none given)";
    licences.push({
      name,
      version,
      licence,
      from,
      allowed: licenceAllowed(licence, policy.licences.allowed),
    });
  }
  return {
    runtime: Object.keys(project.dependencies ?? {}),
    productionPackages,
    devPackages,
    deprecated,
    licences,
  };
}

/** Why ExcelJS's zip writer stays on archiver 5 (said in the report, see package.json overrides). */
export const OVERRIDES_NOTE = [
  "package.json overrides move ExcelJS's deprecated transitive packages to maintained versions:",
  "  unzipper 0.10 -> ^0.12.3 (drops fstream, rimraf 2, and the licence-less buffers/chainsaw);",
  "  fast-csv 4 -> ^5.0.8 (drops lodash.isequal and seven other lodash.* packages);",
  "  glob 7 -> ^10.5.0 under archiver-utils (drops inflight). archiver itself stays at 5: archiver 7",
  '  refuses ExcelJS\'s streaming writer ("input source must be valid Stream or Buffer instance":',
  "  ExcelJS 4.4 passes its own stream class), and archiver 6 needs glob 8 (deprecated too).",
  "  test/deps/deps.test.ts writes and reads a workbook through ExcelJS's streaming and CSV paths.",
].join("\n");

export function formatReport(r: DepsReport): string {
  const lines: string[] = [];
  const refused = r.licences.filter((l) => !l.allowed);
  const byLicence = new Map<string, number>();
  for (const l of r.licences) byLicence.set(l.licence, (byLicence.get(l.licence) ?? 0) + 1);
  lines.push(
    `Runtime dependencies (${r.runtime.length}): ${r.runtime.join(", ")}`,
    `Installed: ${r.productionPackages} production packages, ${r.devPackages} for development only`,
    "",
    "Deprecated upstream (test/deps/deprecated.json):"
  );
  if (r.deprecated.length === 0) lines.push("  none");
  for (const d of [...r.deprecated].sort((a, b) => Number(b.production) - Number(a.production)))
    lines.push(
      `  ${d.production ? "PRODUCTION" : "dev only  "} ${d.name}@${d.version}: ${d.message}`,
      `             pulled in by ${d.chain}`
    );
  lines.push("", OVERRIDES_NOTE, "", "Licences of production packages:");
  for (const [licence, n] of [...byLicence].sort((a, b) => b[1] - a[1]))
    lines.push(`  ${String(n).padStart(4)}  ${licence}`);
  if (refused.length > 0) {
    lines.push("", "Licences not in the allow-list:");
    for (const l of refused) lines.push(`  ${l.name}@${l.version}: ${l.licence} (${l.from})`);
  }
  const prodDeprecated = r.deprecated.filter((d) => d.production);
  lines.push(
    "",
    prodDeprecated.length === 0 && refused.length === 0
      ? "OK: no deprecated production package, every production licence allowed."
      : `FAILED: ${prodDeprecated.length} deprecated production package(s), ${refused.length} licence(s) not allowed.`
  );
  return lines.join("\n") + "\n";
}

export function loadPolicy(): DepsPolicy {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "deprecated.json"), "utf8")) as DepsPolicy;
}

if (require.main === module) {
  const report = checkDeps(path.resolve(__dirname, "../.."), loadPolicy());
  process.stdout.write(formatReport(report));
  const failed =
    report.deprecated.some((d) => d.production) || report.licences.some((l) => !l.allowed);
  process.exitCode = failed ? 1 : 0;
}
