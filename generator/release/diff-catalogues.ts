// What changed between two catalogues, code by code, and what that means for semver: a removed code,
// a renamed or removed export or a changed class parent breaks consumers (major); an added code or
// product, a deprecation, changed run-time metadata (`retryable`, `fault`) or a new class between a
// code and its old parent (every `instanceof` still holds) is a feature (minor); text is a fix (patch).
import type { Catalogue, CatalogueCode } from "../catalogue/catalogue.ts";

export type Level = "major" | "minor" | "patch";

export type ChangeKind =
  | "added"
  | "removed"
  | "renamed"
  | "parent"
  | "description"
  | "description_zh"
  | "retryable"
  | "fault"
  | "deprecated"
  | "undeprecated"
  | "product-added"
  | "product-removed"
  | "product-version"
  | "export-removed";

export interface Change {
  readonly kind: ChangeKind;
  readonly level: Level;
  /** The product the change is in; absent for the root spec. */
  readonly product?: string;
  readonly code?: string;
  /** For `export-removed`: the entry point and the name. */
  readonly entry?: string;
  readonly name?: string;
  readonly before?: string | boolean | null;
  readonly after?: string | boolean | null;
  /** One line of markdown that holds no spec text (codes, identifiers and versions only). */
  readonly summary: string;
}

const LEVELS: readonly Level[] = ["major", "minor", "patch"];

export function diffCatalogues(before: Catalogue, after: Catalogue): Change[] {
  const changes: Change[] = [];
  const productsBefore = new Map(before.products.map((product) => [product.name, product]));
  const productsAfter = new Map(after.products.map((product) => [product.name, product]));
  const countIn = (catalogue: Catalogue, product: string) => catalogue.codes.filter((code) => code.product === product).length;
  for (const [name, product] of productsBefore) {
    const now = productsAfter.get(name);
    if (!now) changes.push({ kind: "product-removed", level: "major", product: name, summary: `Removed product \`${name}\` (${countIn(before, name)} codes) and its entry point \`./${name}\`` });
    else if (now.version !== product.version) {
      changes.push({ kind: "product-version", level: "patch", product: name, before: product.version, after: now.version, summary: `\`${name}\`: API version ${product.version} → ${now.version}` });
    }
  }
  for (const name of productsAfter.keys()) {
    if (!productsBefore.has(name)) changes.push({ kind: "product-added", level: "minor", product: name, summary: `Added product \`${name}\` (${countIn(after, name)} codes) at \`./${name}\`` });
  }

  const key = (code: CatalogueCode) => `${code.product ?? ""}\0${code.code}`;
  const codesAfter = new Map(after.codes.map((code) => [key(code), code]));
  const codesBefore = new Map(before.codes.map((code) => [key(code), code]));
  const parentsAfter = new Map([...after.codes.map((code) => [code.className, code.parent] as const), ...after.categoryClasses.map((entry) => [entry.className, entry.parent] as const)]);
  const descendsFrom = (name: string, ancestor: string) => {
    for (let at: string | undefined = name, steps = 0; at !== undefined && steps <= parentsAfter.size; at = parentsAfter.get(at), steps++) if (at === ancestor) return true;
    return false;
  };
  /** Class names gone because their code went or was renamed: their export removals need no line of their own. */
  const explained = new Set<string>();
  for (const old of before.codes) {
    if (old.product !== undefined && !productsAfter.has(old.product)) continue;
    const now = codesAfter.get(key(old));
    const where = old.product === undefined ? "" : `\`${old.product}\`: `;
    const subject = `${where}\`${old.code}\``;
    if (!now) {
      explained.add(old.className);
      const wasDeprecated = old.deprecated === undefined ? "" : ", which was deprecated";
      changes.push({ ...at(old), kind: "removed", level: "major", summary: `Removed ${subject} (\`${old.className}\`)${wasDeprecated}` });
      continue;
    }
    if (now.identifier !== old.identifier || now.className !== old.className) {
      explained.add(old.className);
      changes.push({ ...at(old), kind: "renamed", level: "major", before: old.className, after: now.className, summary: `Renamed ${subject}: \`${old.className}\` → \`${now.className}\` (enum member \`${old.identifier}\` → \`${now.identifier}\`)` });
    }
    if (now.parent !== old.parent) {
      // A new class between the code and its old parent (a code added in between) keeps every `instanceof` true.
      const narrowed = descendsFrom(now.parent, old.parent);
      changes.push({
        ...at(old),
        kind: "parent",
        level: narrowed ? "minor" : "major",
        before: old.parent,
        after: now.parent,
        summary: narrowed ? `${subject} now extends \`${now.parent}\`, itself a \`${old.parent}\`` : `${subject} now extends \`${now.parent}\` instead of \`${old.parent}\``,
      });
    }
    if (now.retryable !== old.retryable) {
      changes.push({ ...at(old), kind: "retryable", level: "minor", before: old.retryable, after: now.retryable, summary: `${subject} is ${now.retryable ? "now" : "no longer"} retryable` });
    }
    if (now.fault !== old.fault) {
      changes.push({ ...at(old), kind: "fault", level: "minor", before: old.fault ?? null, after: now.fault ?? null, summary: `${subject}: fault ${old.fault ?? "unset"} → ${now.fault ?? "unset"}` });
    }
    if (now.deprecated !== old.deprecated || now.since !== old.since) {
      if (old.deprecated === undefined) changes.push({ ...at(old), kind: "deprecated", level: "minor", after: now.deprecated ?? null, summary: `Deprecated ${subject}${now.since ? ` (since ${now.since})` : ""}` });
      else if (now.deprecated === undefined) changes.push({ ...at(old), kind: "undeprecated", level: "minor", before: old.deprecated, summary: `${subject} is no longer deprecated` });
      else changes.push({ ...at(old), kind: "deprecated", level: "patch", before: old.deprecated, after: now.deprecated, summary: `${subject}: deprecation note changed` });
    }
    if (now.description !== old.description) {
      changes.push({ ...at(old), kind: "description", level: "patch", before: old.description ?? null, after: now.description ?? null, summary: `${subject}: description changed` });
    }
    if (now.descriptionZh !== old.descriptionZh) {
      changes.push({ ...at(old), kind: "description_zh", level: "patch", before: old.descriptionZh ?? null, after: now.descriptionZh ?? null, summary: `${subject}: Chinese description changed` });
    }
  }
  for (const now of after.codes) {
    if (codesBefore.has(key(now)) || (now.product !== undefined && !productsBefore.has(now.product))) continue;
    const where = now.product === undefined ? "" : `\`${now.product}\`: `;
    changes.push({ ...at(now), kind: "added", level: "minor", summary: `Added ${where}\`${now.code}\` (\`${now.className}\`)` });
  }

  for (const [entry, names] of Object.entries(before.entries)) {
    const kept = after.entries[entry];
    if (kept === undefined) continue; // its product's removal says it
    const present = new Set(kept);
    for (const name of names) {
      if (present.has(name) || explained.has(name)) continue;
      changes.push({ kind: "export-removed", level: "major", entry, name, summary: `\`${entry}\` no longer exports \`${name}\`` });
    }
  }
  return changes.sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
}

function at(code: CatalogueCode): Pick<Change, "product" | "code"> {
  return code.product === undefined ? { code: code.code } : { product: code.product, code: code.code };
}

/** The highest level among the changes; undefined when there are none. */
export function levelOf(changes: readonly Change[]): Level | undefined {
  return LEVELS.find((level) => changes.some((change) => change.level === level));
}

interface Version {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease: readonly string[];
}

function parseVersion(version: string): Version {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/.exec(version);
  if (!match) throw new Error(`not a semver version: ${version}`);
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), prerelease: match[4]?.split(".") ?? [] };
}

/**
 * The next version after `version` for a change of `level`, as `npm version` does it: a prerelease of
 * the same level is released as is (`2.0.0-beta.1` + major → `2.0.0`). Below 1.0.0 a breaking change
 * bumps the minor and anything else the patch, as npm's caret ranges read 0.x versions.
 */
export function bumpVersion(version: string, level: Level): string {
  const v = parseVersion(version);
  const pre = v.prerelease.length > 0;
  const effective: Level = v.major === 0 ? (level === "major" ? "minor" : "patch") : level;
  if (effective === "major") return pre && v.minor === 0 && v.patch === 0 ? `${v.major}.0.0` : `${v.major + 1}.0.0`;
  if (effective === "minor") return pre && v.patch === 0 ? `${v.major}.${v.minor}.0` : `${v.major}.${v.minor + 1}.0`;
  return pre ? `${v.major}.${v.minor}.${v.patch}` : `${v.major}.${v.minor}.${v.patch + 1}`;
}

/** The version a release takes after `previous` for changes of `level`: bumped, but never below `floor` (the spec's own). */
export function nextVersion(previous: string, level: Level | undefined, floor: string): string {
  const bumped = level === undefined ? previous : bumpVersion(previous, level);
  return compareVersions(bumped, floor) >= 0 ? bumped : floor;
}

/** Semver precedence: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  const core = x.major - y.major || x.minor - y.minor || x.patch - y.patch;
  if (core !== 0) return core;
  if (x.prerelease.length === 0 || y.prerelease.length === 0) return y.prerelease.length - x.prerelease.length;
  for (let i = 0; i < Math.max(x.prerelease.length, y.prerelease.length); i++) {
    const p = x.prerelease[i];
    const q = y.prerelease[i];
    if (p === undefined || q === undefined) return p === undefined ? -1 : 1;
    if (p === q) continue;
    const numeric = /^\d+$/.test(p) && /^\d+$/.test(q);
    if (numeric) return Number(p) - Number(q);
    if (/^\d+$/.test(p)) return -1;
    if (/^\d+$/.test(q)) return 1;
    return p < q ? -1 : 1;
  }
  return 0;
}
