// The release stage: what changed since the package on disk (its catalogue, read by the load stage),
// and, with `generate --bump`, the next version, the changelog section saying why, and the root spec's
// text with that version, which the write stage writes back.
import { ErrgenError } from "../diagnostics.ts";
import { hashSources, type Catalogue } from "../catalogue/catalogue.ts";
import type { Release } from "../emit/emit-package.ts";
import { renderTemplate } from "../emit/render-template.ts";
import type { PreviousPackage } from "../load/load-previous-package.ts";
import { loadYaml, valueAt } from "../load/load-yaml.ts";
import type { Templates } from "../load/load-templates.ts";
import { changelogHeader, earlierReleases, releaseView } from "./changelog.ts";
import { diffCatalogues, levelOf, nextVersion, type Change, type Level } from "./diff-catalogues.ts";

/** What a run found out about the release: reported by the command line. */
export interface ReleaseReport {
  /** The version of the package on disk before the run; undefined when there was none (or no catalogue). */
  readonly previousVersion: string | undefined;
  /** The version written. */
  readonly version: string;
  /** The version the spec said: when the release differs, the spec was updated to it. */
  readonly specVersion: string;
  /** Changes since the package on disk, and their level (undefined: none). */
  readonly changes: readonly Change[];
  readonly level: Level | undefined;
  /** Whether this run released: a new version and changelog section (`--bump` with changes, or a first `--bump`). */
  readonly released: boolean;
}

export interface ReleaseOptions {
  readonly bump: boolean;
  readonly templates: Templates;
  /** The root spec: its name in generated headers, its path and text (to write a new version into). */
  readonly spec: { readonly source: string; readonly path: string; readonly text: string };
  /** Every spec file by source name and text, root first: the catalogue's hash when the spec's version changes. */
  readonly specSources: readonly (readonly [sourceName: string, text: string])[];
}

export interface DecidedRelease {
  /** What the package is emitted with. */
  readonly release: Release;
  readonly report: ReleaseReport;
  /** The root spec's new text, when the release changed its version: the write stage writes it back. */
  readonly specText: string | undefined;
}

/**
 * Decides the release from the new catalogue. Without `bump` the package keeps the spec's version and
 * its changelog as it is. With it, changes since the previous catalogue bump the previous version by
 * their level (never below the spec's own version) and add a changelog section; the spec says the new
 * version, and the catalogue carries the hash of the spec as it will be.
 */
export function decideRelease(previous: PreviousPackage, next: Catalogue, options: ReleaseOptions): DecidedRelease {
  const decided = decideVersion(previous, next, options);
  if (decided.report.version === decided.report.specVersion) return { ...decided, specText: undefined };
  const specText = withSpecVersion(options.spec.text, decided.report.version, options.spec.path);
  const specHash = hashSources([[options.specSources[0]![0], specText], ...options.specSources.slice(1)]);
  return { release: { ...decided.release, specHash }, report: decided.report, specText };
}

function decideVersion(previous: PreviousPackage, next: Catalogue, options: ReleaseOptions): { release: Release; report: ReleaseReport } {
  const before = previous.catalogue;
  // The same spec text gives the same catalogue: a plain run skips comparing the two (for large catalogues).
  const sameSpec = !options.bump && before?.specHash === next.specHash;
  const changes = before && !sameSpec ? diffCatalogues(before, next) : [];
  const level = levelOf(changes);
  const specVersion = next.package.version;
  const report = (version: string, released: boolean, previousVersion: string | undefined): ReleaseReport => ({ previousVersion, version, specVersion, changes, level, released });
  // A package without a changelog yet gets its first section from its first --bump, changes or not.
  if (!options.bump || (before !== undefined && level === undefined && previous.changelog !== undefined)) {
    const version = options.bump && before ? nextVersion(before.package.version, undefined, specVersion) : specVersion;
    return { release: { version, changelog: previous.changelog }, report: report(version, false, before?.package.version) };
  }
  const version = before && level ? nextVersion(before.package.version, level, specVersion) : specVersion;
  // Without changes to list (no earlier catalogue, or none changed), the section records a first release.
  const previousVersion = level === undefined ? undefined : before?.package.version;
  const view = releaseView({
    version,
    previousVersion,
    level,
    changes,
    codeCount: next.codes.length,
    productCount: next.products.length,
  });
  const section = renderTemplate("changelog-release.md.hbs", view, options.templates);
  const changelog = `${changelogHeader(options.spec.source)}${section.trimEnd()}\n${previous.changelog ? `\n${earlierReleases(previous.changelog)}` : ""}`;
  return { release: { version, changelog }, report: report(version, true, previousVersion) };
}

/**
 * A root spec's text with `package.version` set to `version` and nothing else changed (comments, quotes
 * and layout stay): a release writes it back, so that the spec stays the one source of the version.
 */
export function withSpecVersion(text: string, version: string, specPath: string): string {
  const node = valueAt(loadYaml(text, specPath).root, "package", "version");
  if (node?.kind !== "scalar") throw new ErrgenError(`cannot find package.version in ${specPath}: set it to ${version} by hand`);
  const lines = text.split("\n");
  const offset = lines.slice(0, node.position.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + node.position.column - 1;
  if (!text.startsWith(node.source, offset)) throw new ErrgenError(`cannot find package.version in ${specPath}: set it to ${version} by hand`);
  const quote = /^["']/.test(node.source) ? node.source[0]! : "";
  return `${text.slice(0, offset)}${quote}${version}${quote}${text.slice(offset + node.source.length)}`;
}
