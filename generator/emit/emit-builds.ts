// The compiled builds: ESM and CJS JavaScript and their declarations, transpiled file by file from
// the generated TypeScript. No type checking is needed (the sources are generated typed), so this
// is a per-file syntax transform: linear, and byte-stable for a given TypeScript version.
import { ts } from "ts-morph";
import { ErrgenError } from "../diagnostics.ts";
import { generatedHeader, type EmittedFile } from "./emitted-file.ts";

const SHARED_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  useDefineForClassFields: true,
  isolatedModules: true,
  newLine: ts.NewLineKind.LineFeed,
  removeComments: false,
  strict: true,
};

const BUILDS = [
  { folder: "dist/esm", module: ts.ModuleKind.ESNext },
  { folder: "dist/cjs", module: ts.ModuleKind.CommonJS },
] as const;

/** Every `src/*.ts` file compiled to `dist/esm` and `dist/cjs`, with `.d.ts` beside each build. */
export function emitBuilds(sources: readonly EmittedFile[], source: string): EmittedFile[] {
  const header = generatedHeader(source);
  const files: EmittedFile[] = [];
  for (const file of sources) {
    const name = file.path.replace(/^src\//, "").replace(/\.ts$/, "");
    const body = withoutHeader(file.contents, header);
    const declaration = `${header}\n${transpileDeclaration(body, file.path)}`;
    for (const build of BUILDS) {
      files.push({ path: `${build.folder}/${name}.js`, contents: `${header}\n${transpileModule(body, file.path, build.module)}` });
      files.push({ path: `${build.folder}/${name}.d.ts`, contents: declaration });
    }
  }
  // The package is `"type": "module"`; this marks the CJS folder's `.js` files as CommonJS.
  files.push({ path: "dist/cjs/package.json", contents: `${JSON.stringify({ type: "commonjs" }, null, 2)}\n` });
  return files;
}

function withoutHeader(contents: string, header: string): string {
  return contents.startsWith(`${header}\n`) ? contents.slice(header.length + 1) : contents;
}

function transpileModule(text: string, fileName: string, module: ts.ModuleKind): string {
  const output = ts.transpileModule(text, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { ...SHARED_OPTIONS, module, ...(module === ts.ModuleKind.CommonJS ? { esModuleInterop: true } : {}) },
  });
  failOnDiagnostics(output.diagnostics, fileName);
  return output.outputText;
}

function transpileDeclaration(text: string, fileName: string): string {
  const output = ts.transpileDeclaration(text, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { ...SHARED_OPTIONS, module: ts.ModuleKind.ESNext, declaration: true },
  });
  failOnDiagnostics(output.diagnostics, fileName);
  return output.outputText;
}

/** The sources are generated, so a diagnostic here is a bug in errgen, not in the spec. */
function failOnDiagnostics(diagnostics: readonly ts.Diagnostic[] | undefined, fileName: string): void {
  if (!diagnostics?.length) return;
  const messages = diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  throw new ErrgenError(`errgen generated ${fileName} that does not transpile (a bug in errgen):\n${messages.join("\n")}`);
}
