// Which root spec a run reads when no --spec is given. The project is the nearest folder from the
// working directory up with a package.json; its spec is the path under "errgen": {"spec": …} in that
// package.json, else errors.yaml beside it (where `errgen init` writes one).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { diagnostic, ErrgenError, type Diagnostic } from "../diagnostics.ts";
import { loadYaml, valueAt } from "./load-yaml.ts";
import { displayPath, findProjectRoot } from "./spec-files.ts";

/** The spec `errgen init` writes and `generate` finds when package.json names none. */
export const DEFAULT_SPEC_NAME = "errors.yaml";

/** No spec where the rule looks: a usage problem (exit 2), saying where it looked and what to do. */
export class SpecNotFoundError extends ErrgenError {}

/** package.json's "errgen" key is not what errgen reads: a diagnostic at the key. */
export class SpecConfigError extends ErrgenError {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** The project folder the rule starts from: the nearest folder from `cwd` up with a package.json, else `cwd`. */
export function specProject(cwd: string): string {
  return findProjectRoot(resolve(cwd));
}

/** Where the rule points, whether or not a file is there: package.json's spec, else errors.yaml beside it. Throws SpecConfigError. */
export function expectedSpec(cwd: string): { readonly path: string; readonly configured: boolean } {
  const project = specProject(cwd);
  const manifest = join(project, "package.json");
  const configured = existsSync(manifest) ? configuredSpec(manifest, displayPath(manifest, cwd)) : undefined;
  return configured !== undefined ? { path: resolve(project, configured), configured: true } : { path: join(project, DEFAULT_SPEC_NAME), configured: false };
}

/**
 * The absolute path of the spec a run without --spec reads. Throws SpecConfigError, or SpecNotFoundError
 * when package.json names none and there is no errors.yaml (a spec it names but that is missing is
 * left to the reader, which says it cannot read it).
 */
export function findSpec(cwd: string): string {
  const expected = expectedSpec(cwd);
  if (expected.configured || existsSync(expected.path)) return expected.path;
  const manifest = join(dirname(expected.path), "package.json");
  const shown = displayPath(expected.path, cwd);
  const where = existsSync(manifest) ? `${shown} does not exist and ${displayPath(manifest, cwd)} names no other ("errgen": {"spec": "PATH"})` : `${shown} does not exist`;
  throw new SpecNotFoundError(`no spec found: ${where}. Write one with \`errgen init\`, or name it with --spec FILE`);
}

/** `errgen.spec` of a package.json, undefined when it has no "errgen" key. */
function configuredSpec(manifest: string, shown: string): string | undefined {
  let text: string;
  let parsed: unknown;
  try {
    text = readFileSync(manifest, "utf8");
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ErrgenError(`cannot read ${shown}: ${(error as Error).message}`);
  }
  const config = isObject(parsed) ? parsed.errgen : undefined;
  if (config === undefined) return undefined;
  const spec = isObject(config) ? config.spec : undefined;
  if (typeof spec === "string" && spec.trim() !== "") return spec;
  // Only a mistake costs the position lookup: JSON is YAML, and the YAML loader keeps positions.
  const root = loadYaml(text, shown).root;
  const node = isObject(config) && spec !== undefined ? valueAt(root, "errgen", "spec") : valueAt(root, "errgen");
  const position = node?.position ?? { file: shown, line: 1, column: 1 };
  const problem = isObject(config) ? (spec === undefined ? `"errgen" has no "spec"` : `"errgen.spec" must be a non-empty string`) : `"errgen" must be an object`;
  throw new SpecConfigError(diagnostic(position, `${problem}: write "errgen": {"spec": "PATH"}, the root spec's path relative to this package.json`));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
