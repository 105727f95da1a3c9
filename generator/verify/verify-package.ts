// `--verify`: the package, still in memory, type-checked by the TypeScript compiler that ts-morph
// bundles, before anything is written: its sources and both builds' declarations, under the strictest
// options a consumer may use. ts-morph (and the compiler) load only here, and only with the flag.
import { join } from "node:path";
import { diagnostic, sortDiagnostics, type Diagnostic } from "../diagnostics.ts";
import type { EmittedFile } from "../emit/emitted-file.ts";
import { displayPath } from "../load/spec-files.ts";

/** Where the package sits in the compiler's in-memory file system (here and for plugins). */
export const PACKAGE_ROOT = "/package";

/** The strictest options a consumer may compile the package with, ES2022, no Node types: the package runs anywhere. */
export function strictOptions(ts: typeof import("ts-morph").ts) {
  return {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2022.d.ts"],
    types: [],
  };
}

/** A file of the in-memory package as diagnostics name it: where it will be written, relative to `cwd`. */
export function writtenPath(projectPath: string, outDir: string, cwd: string): string {
  return displayPath(join(outDir, projectPath.slice(PACKAGE_ROOT.length + 1)), cwd);
}

/** What the check found: each problem at its place in the package as it would be written. */
export interface Verification {
  readonly diagnostics: readonly Diagnostic[];
  /** The compiler's version, for the summary. */
  readonly typescriptVersion: string;
}

/** Type-checks `files` (a whole package) as if written to `outDir`; diagnostics name `outDir`'s files, relative to `cwd`. */
export async function verifyPackage(files: readonly EmittedFile[], outDir: string, cwd: string): Promise<Verification> {
  const { Project, ts } = await import("ts-morph");
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { ...strictOptions(ts), noEmit: true, skipLibCheck: false },
  });
  const fs = project.getFileSystem();
  // Every file, so that module resolution sees the package.json files (dist/cjs is CommonJS by its own).
  for (const file of files) fs.writeFileSync(`${PACKAGE_ROOT}/${file.path}`, file.contents);
  project.addSourceFilesAtPaths([`${PACKAGE_ROOT}/src/**/*.ts`, `${PACKAGE_ROOT}/dist/**/*.d.ts`]);
  const found = project.getPreEmitDiagnostics().map((problem) => {
    const source = problem.getSourceFile();
    const message = ts.flattenDiagnosticMessageText(problem.getMessageText() as string | import("ts-morph").ts.DiagnosticMessageChain, " ");
    if (source === undefined) return diagnostic({ file: displayPath(outDir, cwd), line: 1, column: 1 }, `TypeScript: ${message}`);
    const { line, column } = source.getLineAndColumnAtPos(problem.getStart() ?? 0);
    const file = writtenPath(source.getFilePath(), outDir, cwd);
    return diagnostic({ file, line, column }, `the generated code does not type-check (TS${problem.getCode()}): ${message}`);
  });
  return { diagnostics: sortDiagnostics(found), typescriptVersion: ts.version };
}
