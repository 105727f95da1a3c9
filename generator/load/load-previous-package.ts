// The package on disk before a run, as a release needs it: its catalogue (what was released) and its
// changelog (kept, edits and all, when errgen wrote it).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CATALOGUE_FILE, CHANGELOG_FILE, CatalogueError, parseCatalogue, type Catalogue } from "../catalogue/catalogue.ts";
import { isGeneratedText } from "./generated-marker.ts";

/** The package on disk: its catalogue (undefined when absent) and its changelog (when errgen wrote it). */
export interface PreviousPackage {
  readonly catalogue: Catalogue | undefined;
  readonly changelog: string | undefined;
}

/** Reads the package on disk. A damaged catalogue is an error only when `strict` (a release needs it). */
export function loadPreviousPackage(outDir: string, strict: boolean): PreviousPackage {
  const catalogueFile = join(outDir, CATALOGUE_FILE);
  let catalogue: Catalogue | undefined;
  try {
    catalogue = existsSync(catalogueFile) ? parseCatalogue(readFileSync(catalogueFile, "utf8"), catalogueFile) : undefined;
  } catch (error) {
    if (strict || !(error instanceof CatalogueError)) throw error;
  }
  return { catalogue, changelog: loadChangelog(outDir) };
}

/** The package's CHANGELOG.md, when errgen wrote it (its header says so); releases keep it, edits and all. */
export function loadChangelog(outDir: string): string | undefined {
  const file = join(outDir, CHANGELOG_FILE);
  const changelog = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  return changelog !== undefined && isGeneratedText(changelog) ? changelog : undefined;
}
