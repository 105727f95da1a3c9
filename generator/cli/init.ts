// `errgen init [FILE]`: a starter spec with comments, and the line that gives editors the JSON Schema.
// Never overwrites: an existing file is left exactly as it was.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import type { Output } from "../cli.ts";
import { compileTemplate } from "../emit/emit-readme.ts";
import { BUILT_IN_TEMPLATES } from "../load/load-templates.ts";
import { displayPath, findProjectRoot, toPosix } from "../load/spec-files.ts";
import { SCHEMA_FILES, SHIPPED_SCHEMAS } from "../schema/build-json-schema.ts";

export interface StarterView {
  /** The schema, relative to the spec's folder. */
  readonly schemaPath: string;
  /** The spec as `errgen generate --spec` takes it from the working directory. */
  readonly specName: string;
  readonly packageName: string;
}

export function initSpec(file: string, { io, out, err }: Output): number {
  const path = resolve(io.cwd, file);
  const shown = displayPath(path, io.cwd);
  if (existsSync(path)) {
    io.stderr(`${err.red("errgen:")} ${shown} already exists; init never overwrites a file. Choose another name: errgen init FILE\n`);
    return 1;
  }
  const contents = starterSpec({
    schemaPath: toPosix(relative(dirname(path), join(SHIPPED_SCHEMAS, SCHEMA_FILES.spec))),
    specName: toPosix(shown),
    packageName: packageNameFor(dirname(path)),
  });
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, contents, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    io.stderr(`${err.red("errgen:")} ${shown} already exists; init never overwrites a file\n`);
    return 1;
  }
  io.stdout(`${out.green("errgen:")} wrote ${out.bold(shown)}. Next: edit its codes, then run \`errgen generate --spec ${shown}\`\n`);
  return 0;
}

export function starterSpec(view: StarterView): string {
  return compileTemplate(readFileSync(join(BUILT_IN_TEMPLATES, "starter-spec.yaml.hbs"), "utf8"))(view);
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
