// Where `errgen diff` finds a catalogue: a spec (compiled in memory), a package folder, its
// catalogue.json, an `npm pack` tarball, or the name of a package installed where errgen runs.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { displayPath } from "./spec-files.ts";
import { CATALOGUE_FILE, CatalogueError, parseCatalogue, type Catalogue } from "../catalogue/catalogue.ts";

export type CatalogueSource =
  | { readonly kind: "spec"; readonly path: string }
  | { readonly kind: "catalogue"; readonly catalogue: Catalogue; readonly from: string };

/** Decides what `source` names; specs are left to the caller to compile (they may have diagnostics). */
export function locateCatalogue(source: string, cwd: string): CatalogueSource {
  const path = resolve(cwd, source);
  const shown = displayPath(path, cwd);
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) return fromFolder(path, shown);
    if (/\.ya?ml$/i.test(path)) return { kind: "spec", path };
    if (/\.(tgz|tar\.gz)$/i.test(path)) return { kind: "catalogue", catalogue: parseCatalogue(fromTarball(path, shown), `${shown}:package/${CATALOGUE_FILE}`), from: shown };
    return { kind: "catalogue", catalogue: parseCatalogue(readFileSync(path, "utf8"), shown), from: shown };
  }
  if (/^(@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*$/.test(source)) {
    let manifest: string;
    try {
      manifest = createRequire(join(cwd, "noop.js")).resolve(`${source}/package.json`);
    } catch {
      throw new CatalogueError(`${source} is neither a file nor a package installed here: give a spec (.yaml), a package folder, its catalogue.json, or an \`npm pack\` tarball (.tgz)`);
    }
    return fromFolder(dirname(manifest), `${source} (${displayPath(dirname(manifest), cwd)})`);
  }
  throw new CatalogueError(`cannot read ${shown}: no such file`);
}

function fromFolder(dir: string, shown: string): CatalogueSource {
  const file = join(dir, CATALOGUE_FILE);
  if (existsSync(file)) return { kind: "catalogue", catalogue: parseCatalogue(readFileSync(file, "utf8"), `${shown}/${CATALOGUE_FILE}`), from: shown };
  const why = existsSync(join(dir, "package.json")) ? "the package was generated before errgen embedded catalogues, or not by errgen" : "it is not a package folder";
  throw new CatalogueError(`${shown} has no ${CATALOGUE_FILE}: ${why}`);
}

/** The text of `package/catalogue.json` inside a gzipped tarball, as `npm pack` writes it. */
function fromTarball(path: string, shown: string): string {
  let tar: Buffer;
  try {
    tar = gunzipSync(readFileSync(path));
  } catch (error) {
    throw new CatalogueError(`${shown} is not a gzipped tarball: ${(error as Error).message}`);
  }
  let longName: string | undefined;
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) => header.subarray(start, start + length).toString("utf8").replace(/\0.*$/s, "");
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1);
    const body = tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
    if (type === "x") {
      longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString("utf8"))?.[1];
      continue;
    }
    const prefix = field(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    if ((type === "0" || type === "") && name === `package/${CATALOGUE_FILE}`) return body.toString("utf8");
  }
  throw new CatalogueError(`${shown} holds no package/${CATALOGUE_FILE}: the package was generated before errgen embedded catalogues, or not by errgen`);
}
