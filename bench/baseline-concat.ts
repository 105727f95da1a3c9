// Baseline (a) of the benchmark: what a team would hand-write with template strings. Reads the corpus
// JSON and writes, per product, an enum, one class per code, a catalogue and the action unions as
// .ts, .js and .d.ts — no validation, no naming rules beyond PascalCase, no escaping beyond JSON.
// `--ts-only` writes only the .ts, for baseline (b), which compiles it with tsc.
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
  mkdirSync(outDir, { recursive: true });
  let files = 0;
  let bytes = 0;
  const write = (name: string, text: string) => {
    writeFileSync(join(outDir, name), text);
    files++;
    bytes += text.length;
  };
  const base = "export class ApiError extends Error {\n  constructor(message: string, readonly code: string) {\n    super(message);\n  }\n}\n";
  write("base.ts", base);
  if (!tsOnly) {
    write("base.js", "export class ApiError extends Error {\n  constructor(message, code) {\n    super(message);\n    this.code = code;\n  }\n}\n");
    write("base.d.ts", "export declare class ApiError extends Error {\n  readonly code: string;\n  constructor(message: string, code: string);\n}\n");
  }
  for (const [name, product] of Object.entries(corpus.products)) {
    const seen = new Set<string>();
    const codes = product.codes.filter((c) => !c.code.endsWith(".") && !seen.has(c.code) && seen.add(c.code));
    const ident = (code: string) => code.split(".").map((s) => s[0]!.toUpperCase() + s.slice(1)).join("_");
    const text = (c: (typeof codes)[number]) => JSON.stringify(c.description_en ?? c.description ?? c.code);
    const ts: string[] = ['import { ApiError } from "./base.js";', `export enum ${ident(name)}Code {`];
    const js: string[] = ['import { ApiError } from "./base.js";', `export const ${ident(name)}Code = {`];
    const dts: string[] = ['import { ApiError } from "./base.js";', `export declare enum ${ident(name)}Code {`];
    for (const c of codes) {
      ts.push(`  /** ${text(c)} */`, `  ${ident(c.code)} = ${JSON.stringify(c.code)},`);
      js.push(`  ${ident(c.code)}: ${JSON.stringify(c.code)},`);
      dts.push(`  /** ${text(c)} */`, `  ${ident(c.code)} = ${JSON.stringify(c.code)},`);
    }
    ts.push("}");
    js.push("};");
    dts.push("}");
    for (const c of codes) {
      const cls = `${ident(c.code)}Error`;
      ts.push(`/** ${text(c)} */`, `export class ${cls} extends ApiError {`, `  static readonly code = ${JSON.stringify(c.code)};`, "}");
      js.push(`export class ${cls} extends ApiError {`, `  static code = ${JSON.stringify(c.code)};`, "}");
      dts.push(`/** ${text(c)} */`, `export declare class ${cls} extends ApiError {`, `  static readonly code: ${JSON.stringify(c.code)};`, "}");
    }
    const catalogue = codes.map((c) => `  [${JSON.stringify(c.code)}, ${text(c)}],`);
    ts.push("export const CATALOGUE: readonly (readonly [string, string])[] = [", ...catalogue, "];");
    js.push("export const CATALOGUE = [", ...catalogue, "];");
    dts.push("export declare const CATALOGUE: readonly (readonly [string, string])[];");
    const table = Object.entries(actions.products[name]?.actions ?? {}).map(([action, list]) => `  ${action}: ${list.map((c) => JSON.stringify(c)).join(" | ") || "never"};`);
    ts.push(`export interface ${ident(name)}Actions {`, ...table, "}");
    dts.push(`export interface ${ident(name)}Actions {`, ...table, "}");
    write(`${name}.ts`, `${ts.join("\n")}\n`);
    if (!tsOnly) {
      write(`${name}.js`, `${js.join("\n")}\n`);
      write(`${name}.d.ts`, `${dts.join("\n")}\n`);
    }
  }
  return { files, bytes };
}
