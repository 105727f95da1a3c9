// Where errgen's own files are (package.json, templates, JSON Schemas), for every module that reads
// one. Found by walking up from this module to errgen's package.json, so that it holds wherever the
// module runs from: the sources (generator/*.ts), the build (generator/dist/*.js), or an install.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findErrgenRoot(): { readonly root: string; readonly version: string } {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown; version?: unknown };
      if (name === "errgen" && typeof version === "string") return { root: dir, version };
    }
    if (dirname(dir) === dir) throw new Error(`errgen's package.json is not above ${fileURLToPath(import.meta.url)}`);
  }
}

const found = findErrgenRoot();

/** The folder holding errgen's package.json. */
export const ERRGEN_ROOT: string = found.root;
/** errgen's own version, from its package.json. */
export const ERRGEN_VERSION: string = found.version;
/** The built-in templates. */
export const BUILT_IN_TEMPLATES: string = join(ERRGEN_ROOT, "templates");
/** errgen's own copy of the spec formats' JSON Schemas (`npm run generate` keeps it current). */
export const SHIPPED_SCHEMAS: string = join(ERRGEN_ROOT, "generated/schema");
