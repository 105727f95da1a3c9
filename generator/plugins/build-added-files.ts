// The modules plugins added, built like errgen's own: each `src/<name>.ts` with errgen's header,
// type-checked against the package (strict, as --verify checks errgen's own), then emitted from memory
// by ts-morph's compiler as ESM and `.d.ts`, and transpiled alone as CommonJS.
import type { Project, SourceFile } from "ts-morph";
import { diagnostic, formatDiagnostic, type Diagnostic } from "../diagnostics.ts";
import { generatedHeader, type AddedModule, type EmittedFile } from "../emit/emitted-file.ts";
import type { PluginReference } from "../load/load-spec.ts";
import { PACKAGE_ROOT, writtenPath } from "../verify/verify-package.ts";

type TsMorph = typeof import("ts-morph");

export type Built = { readonly ok: true; readonly added: AddedModule[]; readonly files: EmittedFile[] } | { readonly ok: false; readonly diagnostics: Diagnostic[] };

export function buildAddedFiles(project: Project, addedBy: ReadonlyMap<string, PluginReference>, where: { readonly model: { readonly source: string }; readonly outDir: string; readonly cwd: string }, tsMorph: TsMorph): Built {
  const { ts } = tsMorph;
  const sources = [...addedBy].map(([path, plugin]) => ({ source: project.getSourceFileOrThrow(path), plugin })).sort((a, b) => (a.source.getFilePath() < b.source.getFilePath() ? -1 : 1));
  const headers = new Map<SourceFile, string>();
  for (const { source, plugin } of sources) {
    const header = generatedHeader(`${where.model.source} by plugin ${plugin.value}`);
    headers.set(source, header);
    source.replaceWithText(`${header}\n${withFinalNewline(source.getFullText().replace(/^\uFEFF/, ""))}`);
  }
  const program = project.getProgram().compilerObject;
  const found = new Map<string, Diagnostic>();
  for (const { source, plugin } of sources) {
    for (const problem of ts.getPreEmitDiagnostics(program, source.compilerNode)) {
      const message = ts.flattenDiagnosticMessageText(problem.messageText, " ");
      // A problem with no file (the compiler's options) is shown at the module that met it.
      const file = problem.file ?? source.compilerNode;
      const { line, character } = ts.getLineAndCharacterOfPosition(file, problem.file === undefined ? 0 : (problem.start ?? 0));
      const reported = diagnostic({ file: writtenPath(file.fileName, where.outDir, where.cwd), line: line + 1, column: character + 1 }, `the module plugin ${JSON.stringify(plugin.value)} added does not type-check (TS${problem.code}): ${message}`);
      found.set(formatDiagnostic(reported), reported);
    }
  }
  if (found.size > 0) return { ok: false, diagnostics: [...found.values()] };
  const added: AddedModule[] = [];
  const files: EmittedFile[] = [];
  for (const { source, plugin } of sources) {
    const name = source.getFilePath().slice(`${PACKAGE_ROOT}/src/`.length, -".ts".length);
    const header = headers.get(source)!;
    const text = source.getFullText();
    const emitted = project.emitToMemory({ targetSourceFile: source }).getFiles();
    const output = (extension: string) => emitted.find((file) => file.filePath.endsWith(extension))!.text;
    const cjs = ts.transpileModule(text, { fileName: source.getFilePath(), compilerOptions: { ...project.getCompilerOptions(), module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, declaration: false } }).outputText;
    const dts = withHeader(output(".d.ts"), header);
    files.push(
      { path: `src/${name}.ts`, contents: text },
      { path: `dist/esm/${name}.js`, contents: withHeader(output(".js"), header) },
      { path: `dist/esm/${name}.d.ts`, contents: dts },
      { path: `dist/cjs/${name}.js`, contents: withHeader(cjs, header) },
      { path: `dist/cjs/${name}.d.ts`, contents: dts },
    );
    added.push({ name, plugin: plugin.value, description: descriptionOf(source) });
  }
  return { ok: true, added: added.sort((a, b) => (a.name < b.name ? -1 : 1)), files };
}

/** `text` with errgen's header as its first line, wherever the compiler put it or whether it dropped it. */
function withHeader(text: string, header: string): string {
  const lines = text.replace(/\r\n/g, "\n").split("\n").filter((line) => line !== header);
  return withFinalNewline(`${header}\n${lines.join("\n")}`);
}

function withFinalNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}

/** The first line of the module's first doc comment, for the README's list. */
function descriptionOf(source: SourceFile): string {
  const match = /\/\*\*\s*\n?\s*\*?\s*([^\n*][^\n]*?)\s*(?:\*\/|\n)/.exec(source.getFullText());
  return match?.[1]?.trim() ?? "";
}
