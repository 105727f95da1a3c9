// Where a plugin's module is: a path relative to the spec, or a package found from the spec's folder
// the way Node finds one for `import` (node_modules folders upward, then the package's `exports` with
// the `import`, `node` and `default` conditions, else `main`). Reads package.json files, nothing else.
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, extname, isAbsolute, join, resolve } from "node:path";

/** The module extensions errgen imports; `.ts` and `.mts` are transpiled first. */
export const PLUGIN_EXTENSIONS: readonly string[] = [".js", ".mjs", ".cjs", ".ts", ".mts"];

export type Resolved = { readonly ok: true; readonly file: string } | { readonly ok: false; readonly reason: string };

/** Whether a plugin reference (or an import in a plugin) is a path rather than a package name. */
export function isPathReference(reference: string): boolean {
  return reference.startsWith("./") || reference.startsWith("../") || reference === "." || reference === ".." || isAbsolute(reference);
}

/** The file a spec's plugin reference names, from the spec's folder; `show` gives a path as messages show it. */
export function resolvePlugin(reference: string, specDir: string, show: (path: string) => string): Resolved {
  // The reference goes into each added file's header comment: one line of text, nothing that could end it.
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(reference)) return { ok: false, reason: "a plugin's path or package name is one line of text, without control characters" };
  if (isPathReference(reference)) {
    const file = resolve(specDir, reference);
    if (!PLUGIN_EXTENSIONS.includes(extname(file))) return { ok: false, reason: `a plugin is a ${PLUGIN_EXTENSIONS.join(", ")} file or a package name` };
    return isFile(file) ? { ok: true, file } : { ok: false, reason: `no file at ${show(file)}` };
  }
  const found = resolvePackage(reference, specDir, show);
  if (!found.ok && isFile(resolve(specDir, reference))) return { ok: false, reason: `${found.reason}; for the file beside the spec write "./${reference}" (a path starts with ./ or ../)` };
  return found;
}

const PACKAGE_NAME = /^((?:@[a-z0-9][\w.~-]*\/)?[a-z0-9~][\w.~-]*)(\/.*)?$/;

/** `name` or `name/subpath`, from the node_modules folders at and above `fromDir`. */
export function resolvePackage(specifier: string, fromDir: string, show: (path: string) => string = (path) => path): Resolved {
  const match = PACKAGE_NAME.exec(specifier);
  if (!match) return { ok: false, reason: `"${specifier}" is neither a path (./ or ../) nor a package name` };
  const [, name, rest] = match as unknown as [string, string, string | undefined];
  const subpath = rest === undefined ? "." : `.${rest}`;
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    const packageDir = join(dir, "node_modules", name);
    if (isFile(join(packageDir, "package.json"))) return entryOf(realpathSync(packageDir), subpath, specifier, show);
    if (dirname(dir) === dir) return { ok: false, reason: `package "${name}" is not installed (no node_modules/${name} in ${show(resolve(fromDir))} or a folder above)` };
  }
}

/** The file a package's `exports` (or `main`) gives for `subpath` when imported. */
function entryOf(packageDir: string, subpath: string, specifier: string, show: (path: string) => string): Resolved {
  let manifest: { exports?: unknown; main?: unknown };
  try {
    manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as typeof manifest;
  } catch (error) {
    return { ok: false, reason: `cannot read ${show(join(packageDir, "package.json"))}: ${(error as Error).message}` };
  }
  if (manifest.exports !== undefined && manifest.exports !== null) {
    const target = exportTarget(manifest.exports, subpath);
    if (target === undefined) return { ok: false, reason: `the "exports" of ${show(join(packageDir, "package.json"))} have no "${subpath}" for import` };
    const file = resolve(packageDir, target);
    return isFile(file) ? { ok: true, file } : { ok: false, reason: `"${specifier}" is exported as ${target}, which is not there` };
  }
  const candidates = subpath === "." ? [typeof manifest.main === "string" ? manifest.main : "index.js", "index.js"] : [subpath];
  for (const candidate of candidates) {
    for (const file of [resolve(packageDir, candidate), ...PLUGIN_EXTENSIONS.map((extension) => resolve(packageDir, candidate + extension)), join(resolve(packageDir, candidate), "index.js")]) {
      if (isFile(file)) return { ok: true, file };
    }
  }
  return { ok: false, reason: `"${specifier}" names no file in ${show(packageDir)}` };
}

const CONDITIONS = ["import", "node", "default"];

/** `exports` for one subpath: exact keys, then `*` patterns; conditions in the order of the object, the first of CONDITIONS that fits. */
function exportTarget(exports: unknown, subpath: string): string | undefined {
  const isSubpathMap = typeof exports === "object" && !Array.isArray(exports) && Object.keys(exports as object).some((key) => key.startsWith("."));
  if (!isSubpathMap) return subpath === "." ? conditionTarget(exports) : undefined;
  const map = exports as Record<string, unknown>;
  if (Object.hasOwn(map, subpath)) return conditionTarget(map[subpath]);
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf("*");
    if (star < 0) continue;
    const [prefix, suffix] = [key.slice(0, star), key.slice(star + 1)];
    if (subpath.length >= key.length && subpath.startsWith(prefix) && subpath.endsWith(suffix)) {
      const target = conditionTarget(value);
      return target?.replaceAll("*", subpath.slice(prefix.length, subpath.length - suffix.length));
    }
  }
  return undefined;
}

function conditionTarget(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(conditionTarget).find((target) => target !== undefined);
  if (typeof value !== "object" || value === null) return undefined;
  for (const [condition, target] of Object.entries(value)) {
    if (CONDITIONS.includes(condition)) {
      const found = conditionTarget(target);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

export function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}
