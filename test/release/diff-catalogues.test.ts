// Catalogue diffs and semver: each kind of change with its level, version arithmetic, and the
// stability property: adding codes to a spec never renames or removes anything (only additions,
// classified minor).
import test from "ava";
import fc from "fast-check";
import type { Catalogue } from "../../generator/catalogue/catalogue.ts";
import { buildCatalogue } from "../../generator/emit/build-catalogue.ts";
import { bumpVersion, compareVersions, diffCatalogues, levelOf, type Change } from "../../generator/release/diff-catalogues.ts";
import { formatDiagnostic } from "../../generator/diagnostics.ts";
import { emitModules } from "../../generator/emit/emit-package.ts";
import { analyzeFiles, compileFiles } from "../../generator/errgen.ts";
import { memorySpecFiles } from "../../generator/load/spec-files.ts";
import { specText, type TestCode } from "../helpers/spec-text.ts";

function catalogueOf(root: string, products: Record<string, string> = {}): Catalogue {
  const analyzed = analyzeFiles(memorySpecFiles({ "spec.yaml": root, ...products }, "spec.yaml"));
  if (!analyzed.ok) throw new Error(analyzed.diagnostics.map(formatDiagnostic).join("\n"));
  return buildCatalogue(analyzed.model, emitModules(analyzed.model));
}

const BASE: TestCode[] = [
  { code: "Auth.Token", description: "Bad token." },
  { code: "Auth.Expired", description: "Expired." },
  { code: "Quota.Daily.Burst", description: "Burst spent." },
  { code: "Server.Down", description: "Down.", extra: "fault: server" },
];

/** The changes from BASE to BASE edited by `edit`, as [kind, level, code] rows. */
function changesAfter(edit: (codes: TestCode[]) => TestCode[]): [string, string, string | undefined][] {
  const before = catalogueOf(specText(BASE));
  const after = catalogueOf(specText(edit(BASE.map((code) => ({ ...code })))));
  return diffCatalogues(before, after).map((change) => [change.kind, change.level, change.code ?? change.name]);
}

const replace = (code: string, changed: Partial<TestCode>) => (codes: TestCode[]) => codes.map((entry) => (entry.code === code ? { ...entry, ...changed } : entry));

test("each kind of change in a spec, with its semver level", (t) => {
  t.deepEqual(changesAfter((codes) => codes), []);
  t.deepEqual(changesAfter((codes) => [...codes, { code: "Auth.New" }]), [["added", "minor", "Auth.New"]]);
  t.deepEqual(changesAfter((codes) => codes.filter((code) => code.code !== "Auth.Expired")), [["removed", "major", "Auth.Expired"]]);
  t.deepEqual(changesAfter(replace("Auth.Token", { extra: "name: AuthTokenInvalid" })), [["renamed", "major", "Auth.Token"]]);
  t.deepEqual(changesAfter(replace("Auth.Token", { description: "Bad token; sign again." })), [["description", "patch", "Auth.Token"]]);
  t.deepEqual(changesAfter(replace("Auth.Token", { extra: "description_zh: 令牌无效。" })), [["description_zh", "patch", "Auth.Token"]]);
  t.deepEqual(changesAfter(replace("Auth.Expired", { extra: "retryable: true" })), [["retryable", "minor", "Auth.Expired"]]);
  t.deepEqual(changesAfter(replace("Server.Down", { extra: "fault: client" })), [["fault", "minor", "Server.Down"]]);
  t.deepEqual(changesAfter(replace("Auth.Expired", { extra: "deprecated: Use Auth.Token." })), [["deprecated", "minor", "Auth.Expired"]]);
  // A code added between Quota.Daily.Burst and its category: every instanceof still holds.
  t.deepEqual(changesAfter((codes) => [...codes, { code: "Quota.Daily" }]), [
    ["parent", "minor", "Quota.Daily.Burst"],
    ["added", "minor", "Quota.Daily"],
  ]);
});

test("a removed parent class and a renamed enum are breaking; removing a deprecated code says so", (t) => {
  const withDaily = [...BASE, { code: "Quota.Daily", description: "Daily quota spent.", extra: "deprecated: Quotas are per hour now." }];
  const before = catalogueOf(specText(withDaily));
  const after = catalogueOf(specText(BASE).replace("codeEnum: TestErrorCode", "codeEnum: TestCode"));
  const changes = diffCatalogues(before, after);
  const rows = changes.map((change) => [change.kind, change.level, change.code ?? change.name]);
  t.deepEqual(rows, [
    ["removed", "major", "Quota.Daily"],
    ["parent", "major", "Quota.Daily.Burst"],
    ["export-removed", "major", "TestErrorCode"],
    ["export-removed", "major", "TestErrorCodes"],
    ["export-removed", "major", "isTestErrorCode"],
  ]);
  t.is(changes[0]!.summary, "Removed `Quota.Daily` (`QuotaDailyError`), which was deprecated");
  t.is(changes[1]!.summary, "`Quota.Daily.Burst` now extends `QuotaError` instead of `QuotaDailyError`");
  t.is(levelOf(changes), "major");
});

test("products: added is minor, removed is major, a new API version is a patch; their codes are not listed one by one", (t) => {
  const product = (version: string, codes: string[]) => `product: billing\nversion: "${version}"\ncodes:\n${codes.map((code) => `  ${code}: {description: x}`).join("\n")}\n`;
  const root = specText(BASE, { top: "products: [billing.yaml]" });
  const withProduct = catalogueOf(root, { "billing.yaml": product("1", ["Quota.Monthly", "Invoice.Void"]) });
  const without = catalogueOf(specText(BASE));
  const kinds = (changes: Change[]) => changes.map((change) => [change.kind, change.level, change.product]);
  t.deepEqual(kinds(diffCatalogues(without, withProduct)), [["product-added", "minor", "billing"]]);
  t.deepEqual(kinds(diffCatalogues(withProduct, without)), [["product-removed", "major", "billing"]]);
  const newer = catalogueOf(root, { "billing.yaml": product("2", ["Quota.Monthly", "Invoice.Void", "Invoice.Late"]) });
  t.deepEqual(kinds(diffCatalogues(withProduct, newer)), [
    ["added", "minor", "billing"],
    ["product-version", "patch", "billing"],
  ]);
});

test("the next version: by level, 0.x as npm's caret reads it, prereleases released as they are", (t) => {
  const cases: [string, "major" | "minor" | "patch", string][] = [
    ["1.2.3", "major", "2.0.0"],
    ["1.2.3", "minor", "1.3.0"],
    ["1.2.3", "patch", "1.2.4"],
    ["0.3.1", "major", "0.4.0"],
    ["0.3.1", "minor", "0.3.2"],
    ["0.3.1", "patch", "0.3.2"],
    ["2.0.0-beta.1", "major", "2.0.0"],
    ["1.2.0-rc.1", "minor", "1.2.0"],
    ["1.2.0-rc.1", "major", "2.0.0"],
    ["1.2.3-rc.1", "patch", "1.2.3"],
  ];
  for (const [from, level, to] of cases) t.is(bumpVersion(from, level), to, `${from} + ${level}`);
  const ordered = ["0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.10.0", "2.0.0"];
  for (let i = 0; i + 1 < ordered.length; i++) {
    t.true(compareVersions(ordered[i]!, ordered[i + 1]!) < 0, `${ordered[i]} < ${ordered[i + 1]}`);
    t.true(compareVersions(ordered[i + 1]!, ordered[i]!) > 0);
  }
  t.is(compareVersions("1.0.0", "1.0.0"), 0);
});

// Codes from a small alphabet, so that additions often land beside, below and above existing codes.
const segment = fc.constantFrom("Auth", "Quota", "Token", "Daily", "Limit", "Invalid", "Param", "Io", "A", "B");
const code = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("."));

/** Every file path, and what every entry point exports, of a compiled root spec (undefined when the spec is rejected). */
function surface(codes: readonly string[]) {
  const compiled = compileFiles(memorySpecFiles({ "spec.yaml": specText(codes.map((entry) => ({ code: entry }))) }, "spec.yaml"));
  if (!compiled.ok) return undefined;
  const catalogue = buildCatalogue(compiled.model, emitModules(compiled.model));
  return { paths: new Set(compiled.files.map((file) => file.path)), catalogue };
}

test("adding codes never renames or removes an identifier, export or file: diff says minor, additions only", (t) => {
  let compared = 0;
  fc.assert(
    fc.property(fc.uniqueArray(code, { minLength: 1, maxLength: 12 }), fc.uniqueArray(code, { minLength: 1, maxLength: 8 }), (base, more) => {
      const added = more.filter((entry) => !base.includes(entry));
      fc.pre(added.length > 0);
      const before = surface(base);
      fc.pre(before !== undefined);
      const after = surface([...base, ...added]);
      // Additions that collide with an existing identifier are refused with a diagnostic, never renamed.
      fc.pre(after !== undefined);
      compared++;
      for (const path of before.paths) if (!after.paths.has(path)) throw new Error(`file ${path} disappeared after adding ${added.join(", ")}`);
      const old = new Map(before.catalogue.codes.map((entry) => [entry.code, entry]));
      for (const entry of after.catalogue.codes) {
        const was = old.get(entry.code);
        if (was && (was.identifier !== entry.identifier || was.className !== entry.className)) throw new Error(`${entry.code} renamed: ${was.className} → ${entry.className}`);
      }
      for (const [entry, names] of Object.entries(before.catalogue.entries)) {
        const now = new Set(after.catalogue.entries[entry]);
        for (const name of names) if (!now.has(name)) throw new Error(`${entry} lost ${name}`);
      }
      const changes = diffCatalogues(before.catalogue, after.catalogue);
      if (levelOf(changes) !== "minor") throw new Error(`level ${levelOf(changes)}: ${changes.map((change) => change.summary).join("; ")}`);
      const addedCodes = changes.filter((change) => change.kind === "added").map((change) => change.code).sort();
      if (JSON.stringify(addedCodes) !== JSON.stringify([...added].sort())) throw new Error(`added ${addedCodes} for ${added}`);
      if (changes.some((change) => change.kind !== "added" && change.kind !== "parent")) throw new Error(changes.map((change) => change.kind).join());
    }),
    { numRuns: 150 },
  );
  t.true(compared >= 50, `only ${compared} spec pairs compiled`);
});
