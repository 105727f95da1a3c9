// `errgen diff OLD NEW`, and the catalogue of any release: a spec (compiled here), or a generated package
// by its folder, tarball, catalogue.json or installed name.
import type { Catalogue } from "../catalogue/catalogue.ts";
import type { Failed } from "../diagnostics.ts";
import { analyzeFiles } from "../errgen.ts";
import { describePackage } from "../emit/emit-package.ts";
import { locateCatalogue } from "../load/locate-catalogue.ts";
import { diskSpecFiles } from "../load/spec-files.ts";
import { diffCatalogues, levelOf, nextVersion, type Change, type Level } from "../release/diff-catalogues.ts";

export interface CatalogueSource {
  readonly catalogue: Catalogue;
  /** Where it came from, as the command line shows it. */
  readonly from: string;
}

export interface DiffResult {
  readonly ok: true;
  readonly before: CatalogueSource;
  readonly after: CatalogueSource;
  readonly changes: readonly Change[];
  readonly level: Level | undefined;
  /** The version a release of `after` would take after `before`'s: bumped by the level, never below `after`'s own. */
  readonly nextVersion: string;
}

/** What changed, code by code, and the semver level of it. */
export function diff(options: { readonly old: string; readonly new: string; readonly cwd: string }): Failed | DiffResult {
  const before = catalogueFrom(options.old, options.cwd);
  if (!before.ok) return before;
  const after = catalogueFrom(options.new, options.cwd);
  if (!after.ok) return after;
  const changes = diffCatalogues(before.catalogue, after.catalogue);
  const level = levelOf(changes);
  return { ok: true, before, after, changes, level, nextVersion: nextVersion(before.catalogue.package.version, level, after.catalogue.package.version) };
}

export function catalogueFrom(source: string, cwd: string): Failed | (CatalogueSource & { readonly ok: true }) {
  const located = locateCatalogue(source, cwd);
  if (located.kind === "catalogue") return { ok: true, catalogue: located.catalogue, from: located.from };
  const files = diskSpecFiles(located.path, cwd);
  const analyzed = analyzeFiles(files);
  if (!analyzed.ok) return analyzed;
  return { ok: true, catalogue: describePackage(analyzed.model).catalogue, from: files.root.displayPath };
}
