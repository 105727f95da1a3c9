// `errgen init [FILE]`: a starter spec with comments, and the line that gives editors the JSON Schema.
// Never overwrites: an existing file is left exactly as it was.
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import type { Output } from "./output.ts";
import { renderTemplate } from "../emit/render-template.ts";
import { NO_TEMPLATES } from "../load/load-templates.ts";
import { ERRGEN_ROOT, SHIPPED_SCHEMAS } from "../errgen-files.ts";
import { DEFAULT_SPEC_NAME, expectedSpec, specProject } from "../load/find-spec.ts";
import { displayPath, findProjectRoot, toPosix } from "../load/spec-files.ts";
import { SCHEMA_FILES } from "../schema/build-json-schema.ts";
import { writeNewFile } from "../write/write-file-whole.ts";

export interface StarterView {
  /** The schema, relative to the spec's folder. */
  readonly schemaPath: string;
  /** The command that generates from the spec: `errgen generate`, with `--spec` when the rule would not find it. */
  readonly generateCommand: string;
  readonly packageName: string;
}

/** Writes a starter spec at `file` (relative to the working folder), by default where `generate` looks for one. */
export function initSpec(file: string | undefined, { io, out, err }: Output): number {
  const path = file === undefined ? join(specProject(io.cwd), DEFAULT_SPEC_NAME) : resolve(io.cwd, file);
  const shown = displayPath(path, io.cwd);
  if (existsSync(path)) {
    io.stderr(`${err.red("errgen:")} ${shown} already exists; init never overwrites a file. Choose another name: errgen init FILE\n`);
    return 1;
  }
  const contents = starterSpec({
    schemaPath: toPosix(relative(dirname(path), schemaFor(dirname(path)))),
    generateCommand: isFoundByDefault(path, io.cwd) ? "errgen generate" : `errgen generate --spec ${toPosix(shown)}`,
    packageName: packageNameFor(dirname(path)),
  });
  if (!writeNewFile(path, contents)) {
    io.stderr(`${err.red("errgen:")} ${shown} already exists; init never overwrites a file\n`);
    return 1;
  }
  io.stdout(`${out.green("errgen:")} wrote ${out.bold(shown)}. Next: edit its codes, then ${nextStep(path, io.cwd)}\n`);
  return 0;
}

/**
 * errgen's spec schema as the project reaches it: through node_modules/errgen when errgen is installed
 * there (with pnpm, a link into its store, whose path changes with every version), else where it is.
 */
function schemaFor(specDir: string): string {
  const shipped = join(SHIPPED_SCHEMAS, SCHEMA_FILES.spec);
  const inErrgen = relative(ERRGEN_ROOT, shipped);
  for (let dir = specDir; ; dir = dirname(dir)) {
    const installed = join(dir, "node_modules/errgen", inErrgen);
    if (existsSync(installed) && realpathSync(installed) === realpathSync(shipped)) return installed;
    if (dirname(dir) === dir) return shipped;
  }
}

/** Where a plain `errgen generate` in `cwd` looks; undefined when package.json's "errgen" key is malformed. */
function expectedSpecOrNone(cwd: string): ReturnType<typeof expectedSpec> | undefined {
  try {
    return expectedSpec(cwd);
  } catch {
    return undefined;
  }
}

function isFoundByDefault(path: string, cwd: string): boolean {
  return expectedSpecOrNone(cwd)?.path === path;
}

/** How to generate from the new spec: plain `errgen generate` when the rule finds it, else how to make it. */
function nextStep(path: string, cwd: string): string {
  if (isFoundByDefault(path, cwd)) return "run `errgen generate`";
  const withFlag = `run \`errgen generate --spec ${displayPath(path, cwd)}\``;
  const manifest = join(specProject(cwd), "package.json");
  if (!existsSync(manifest) || expectedSpecOrNone(cwd)?.configured !== false) return withFlag; // package.json names another spec: leave it be
  return `${withFlag}, or add "errgen": {"spec": "${toPosix(relative(dirname(manifest), path))}"} to ${displayPath(manifest, cwd)} so that a plain \`errgen generate\` finds it`;
}

export function starterSpec(view: StarterView): string {
  return renderTemplate("starter-spec.yaml.hbs", view, NO_TEMPLATES);
}

/** `<project>-errors`, from the nearest package.json's name or the folder's, reduced to what npm allows. */
function packageNameFor(dir: string): string {
  let project = basename(dir);
  const manifest = join(findProjectRoot(dir), "package.json");
  if (existsSync(manifest)) {
    try {
      const name: unknown = JSON.parse(readFileSync(manifest, "utf8")).name;
      if (typeof name === "string") project = name.replace(/^@[^/]*\//, "");
    } catch {
      // An unreadable package.json only costs the starter its name; the folder's name serves.
    }
  }
  const cleaned = project.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
  return `${cleaned === "" ? "api" : cleaned}-errors`;
}
