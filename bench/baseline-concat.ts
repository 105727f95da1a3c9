// Baseline (a) of the benchmark: what a team would hand-write with template strings, producing the
// same artifacts as errgen: per product an enum, one class per code with its English and Chinese
// descriptions as docs, a catalogue of both descriptions, and the action unions; as .ts, ESM .js,
// CommonJS .js, and a .d.ts beside each build. No validation, no naming rules beyond PascalCase, no
// escaping beyond JSON. `--ts-only` writes only the .ts, for baseline (b), which compiles it with tsc.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

interface Product {
  version: string;
  codes: { code: string; description?: string; description_en?: string }[];
}

export function concatBaseline(corpusDir: string, outDir: string, tsOnly: boolean): { files: number; bytes: number } {
  const corpus = JSON.parse(readFileSync(join(corpusDir, "tencentcloud-error-codes.json"), "utf8")) as { products: Record<string, Product> };
  const actions = JSON.parse(readFileSync(join(corpusDir, "tencentcloud-action-error-codes.json"), "utf8")) as {
    products: Record<string, { actions: Record<string, string[]> }>;
  };
  const folders = tsOnly ? ["src"] : ["src", "esm", "cjs"];
  for (const folder of folders) mkdirSync(join(outDir, folder), { recursive: true });
  let files = 0;
  let bytes = 0;
  const write = (path: string, text: string) => {
    writeFileSync(join(outDir, path), text);
    files++;
    bytes += text.length;
  };
  const base = {
    ts: "export class ApiError extends Error {\n  constructor(message: string, readonly code: string) {\n    super(message);\n  }\n}\n",
    js: "export class ApiError extends Error {\n  constructor(message, code) {\n    super(message);\n    this.code = code;\n  }\n}\n",
    dts: "export declare class ApiError extends Error {\n  readonly code: string;\n  constructor(message: string, code: string);\n}\n",
  };
  write("src/base.ts", base.ts);
  if (!tsOnly) {
    write("esm/base.js", base.js);
    write("cjs/base.js", base.js.replace("export class ApiError", "class ApiError") + "exports.ApiError = ApiError;\n");
    write("esm/base.d.ts", base.dts);
    write("cjs/base.d.ts", base.dts);
  }
  for (const [name, product] of Object.entries(corpus.products)) {
    const seen = new Set<string>();
    const codes = product.codes.filter((c) => !c.code.endsWith(".") && !seen.has(c.code) && seen.add(c.code));
    const ident = (code: string) => code.split(".").map((s) => s[0]!.toUpperCase() + s.slice(1)).join("_");
    const en = (c: (typeof codes)[number]) => JSON.stringify(c.description_en ?? c.description ?? c.code);
    const zh = (c: (typeof codes)[number]) => JSON.stringify(c.description ?? null);
    const doc = (c: (typeof codes)[number]) => [`/**`, ` * ${en(c)}`, ` *`, ` * ${zh(c)}`, ` */`];
    const ts: string[] = ['import { ApiError } from "./base.js";', `export enum ${ident(name)}Code {`];
    const js: string[] = ['import { ApiError } from "./base.js";', `export const ${ident(name)}Code = {`];
    const dts: string[] = ['import { ApiError } from "./base.js";', `export declare enum ${ident(name)}Code {`];
    for (const c of codes) {
      ts.push(...doc(c), `  ${ident(c.code)} = ${JSON.stringify(c.code)},`);
      js.push(`  ${ident(c.code)}: ${JSON.stringify(c.code)},`);
      dts.push(...doc(c), `  ${ident(c.code)} = ${JSON.stringify(c.code)},`);
    }
    ts.push("}");
    js.push("};");
    dts.push("}");
    for (const c of codes) {
      const cls = `${ident(c.code)}Error`;
      ts.push(...doc(c), `export class ${cls} extends ApiError {`, `  static readonly code = ${JSON.stringify(c.code)};`, "}");
      js.push(`export class ${cls} extends ApiError {`, `  static code = ${JSON.stringify(c.code)};`, "}");
      dts.push(...doc(c), `export declare class ${cls} extends ApiError {`, `  static readonly code: ${JSON.stringify(c.code)};`, "}");
    }
    const catalogue = codes.map((c) => `  [${JSON.stringify(c.code)}, ${en(c)}, ${zh(c)}],`);
    ts.push("export const CATALOGUE: readonly (readonly [string, string, string | null])[] = [", ...catalogue, "];");
    js.push("export const CATALOGUE = [", ...catalogue, "];");
    dts.push("export declare const CATALOGUE: readonly (readonly [string, string, string | null])[];");
    const table = Object.entries(actions.products[name]?.actions ?? {}).map(([action, list]) => `  ${action}: ${list.map((c) => JSON.stringify(c)).join(" | ") || "never"};`);
    ts.push(`export interface ${ident(name)}Actions {`, ...table, "}");
    dts.push(`export interface ${ident(name)}Actions {`, ...table, "}");
    write(`src/${name}.ts`, `${ts.join("\n")}\n`);
    if (!tsOnly) {
      const esm = `${js.join("\n")}\n`;
      write(`esm/${name}.js`, esm);
      write(`cjs/${name}.js`, `${esm.replace('import { ApiError } from "./base.js";', 'const { ApiError } = require("./base.js");').replace(/^export (const|class) (\w+)/gm, "exports.$2 = $1 $2")}`);
      write(`esm/${name}.d.ts`, `${dts.join("\n")}\n`);
      write(`cjs/${name}.d.ts`, `${dts.join("\n")}\n`);
    }
  }
  return { files, bytes };
}
