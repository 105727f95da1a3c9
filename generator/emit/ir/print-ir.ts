// Prints a ModuleIR as TypeScript, as JavaScript (ESM or CJS) and as declarations, each straight into
// lines: no writer rescans text it is handed (ts-morph's CodeBlockWriter, used here before, took 0.4 s
// of the full catalogue to return the same text). Each printer walks the declarations once; output is
// LF-terminated and stable.
import type { ClassIR, DeclarationIR, ImportIR, ModuleIR, NameIR, ParameterIR, VariableIR } from "./module-ir.ts";
import { specifier } from "./module-ir.ts";

export type Flavour = "ts" | "esm" | "cjs" | "dts";

/** The longest line the printer makes, outside data (table rows, union members) and words longer than it. */
export const MAX_LINE = 120;

/** One output of a module: a list of lines, joined once at the end. */
class Lines {
  private readonly lines: string[] = [];

  /** Lines, or lists of them: a list is never spread into a call, so a module of 200,000 codes prints as one of 20. */
  add(...parts: (string | readonly string[])[]): this {
    for (const part of parts) {
      if (typeof part === "string") this.lines.push(part);
      else for (const line of part) this.lines.push(line);
    }
    return this;
  }

  /** A `/** … *\/` comment at `indent`, its lines wrapped at MAX_LINE, or nothing without docs. */
  docs(docs: string | undefined, indent = ""): this {
    if (docs === undefined) return this;
    if (!docs.includes("\n") && indent.length + docs.length + 7 <= MAX_LINE) return this.add(`${indent}/** ${docs} */`);
    const text = wrap(docs, MAX_LINE - indent.length - 3);
    return this.add(`${indent}/**`, text.map((line) => (line === "" ? `${indent} *` : `${indent} * ${line}`)), `${indent} */`);
  }

  get length(): number {
    return this.lines.length;
  }

  blank(): this {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== "") this.lines.push("");
    return this;
  }

  toString(): string {
    const end = this.lines[this.lines.length - 1] === "" ? this.lines.length - 1 : this.lines.length;
    return `${this.lines.slice(0, end).join("\n")}\n`;
  }
}

/** Text's lines, each broken at spaces to at most `width` characters (a longer word keeps its own line). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (let line of text.split("\n")) {
    while (line.length > width) {
      let cut = line.lastIndexOf(" ", width);
      if (cut <= 0) cut = line.indexOf(" ", width + 1);
      if (cut === -1) break;
      lines.push(line.slice(0, cut));
      line = line.slice(cut + 1);
    }
    lines.push(line);
  }
  return lines;
}

/**
 * `open(a, b)close` on one line, or with a parameter a line when that line would pass MAX_LINE: how
 * every function, method and constructor head is printed.
 */
function signature(indent: string, open: string, list: readonly string[], close: string): string[] {
  const single = `${indent}${open}(${list.join(", ")})${close}`;
  if (single.length <= MAX_LINE || list.length === 0) return [single];
  // A comma after each parameter but a rest parameter, which may not have one.
  return [`${indent}${open}(`, ...list.map((item) => `${indent}  ${item}${item.startsWith("...") ? "" : ","}`), `${indent})${close}`];
}

/** Prints a module in one flavour, with `header` as its first line. */
export function printModule(described: ModuleIR, flavour: Flavour, header: string): string {
  return printView(forOutput(described, flavour === "dts" ? "declarations" : "code"), flavour, header);
}

/** A module's four files: TypeScript, ESM, CJS and declarations, each kind of output's view made once. */
export function printModuleFlavours(described: ModuleIR, header: string): Record<Flavour, string> {
  const code = forOutput(described, "code");
  return { ts: printView(code, "ts", header), esm: printView(code, "esm", header), cjs: printView(code, "cjs", header), dts: printView(forOutput(described, "declarations"), "dts", header) };
}

/** Prints a module as one kind of output sees it (`forOutput`). */
function printView(module: ModuleIR, flavour: Flavour, header: string): string {
  if (flavour === "ts") return printTypeScript(module, header);
  const out = new Lines().add(header);
  if (flavour === "cjs") out.add('"use strict";', 'Object.defineProperty(exports, "__esModule", { value: true });');
  printImports(out, module, flavour);
  const exported: string[] = [];
  for (const declaration of module.declarations) {
    const before = out.length;
    printDeclaration(out, declaration, flavour);
    if (out.length !== before) out.blank();
    if (flavour === "cjs" && isValue(declaration) && ("exported" in declaration ? declaration.exported : true)) exported.push(declaration.name);
  }
  // One assignment for all of a module's exports: a line per export would add megabytes to large catalogues.
  if (exported.length > 0) out.add(namedList("Object.assign(exports, {", exported, "});")).blank();
  printReexports(out, module, flavour);
  return out.toString();
}

/** The module as one kind of output prints it: what is marked for the other kind left out. */
function forOutput(module: ModuleIR, output: "code" | "declarations"): ModuleIR {
  if (!module.declarations.some((declaration) => declaration.only !== undefined) && !(module.imports ?? []).some((entry) => entry.names.some((name) => name.only !== undefined))) return module;
  const keep = (item: { readonly only?: string | undefined }) => item.only === undefined || item.only === output;
  const entries = (list: readonly ImportIR[]) =>
    list.map((entry) => ({ ...entry, names: entry.names.filter(keep) })).filter((entry) => entry.names.length > 0);
  return { ...module, imports: entries(module.imports ?? []), reexports: entries(module.reexports), declarations: module.declarations.filter(keep) };
}

/** Whether a declaration exists at run time (types and interfaces do not). */
function isValue(declaration: DeclarationIR): boolean {
  return declaration.kind !== "type" && declaration.kind !== "interface";
}

function printImports(out: Lines, module: ModuleIR, flavour: Exclude<Flavour, "ts">): void {
  const before = out.length;
  for (const entry of module.imports ?? []) {
    const list = flavour === "dts" ? entry.names : entry.names.filter((name) => !name.typeOnly);
    if (list.length === 0) continue;
    const from = specifier(module.path, entry.from);
    if (flavour === "cjs") out.add(namedList(`const {`, list.map((n) => n.name), `} = require("${from}");`));
    else out.add(namedImport("import", list, from));
  }
  if (out.length > before) out.blank();
}

function printReexports(out: Lines, module: ModuleIR, flavour: Exclude<Flavour, "ts">): void {
  for (const entry of module.reexports) {
    const list = flavour === "dts" ? entry.names : entry.names.filter((name) => !name.typeOnly);
    if (list.length === 0) continue;
    const from = specifier(module.path, entry.from);
    if (flavour === "cjs") {
      const local = `reexport_${entry.from.replace(/\W/g, "_")}`;
      out.add(`const ${local} = require("${from}");`, list.map((n) => breakAfterEquals(`exports.${n.name} =`, `${local}.${n.name};`)));
    } else out.add(namedImport("export", list, from));
    out.blank();
  }
}

/** `open a, b close` on one line, or one name per line once the line would pass 100 characters. */
function namedList(open: string, list: readonly string[], close: string): string {
  const single = `${open} ${list.join(", ")} ${close}`;
  return single.length <= 100 ? single : `${open}\n${list.map((name) => `  ${name},`).join("\n")}\n${close}`;
}

function printDeclaration(out: Lines, declaration: DeclarationIR, flavour: Exclude<Flavour, "ts">): void {
  const js = flavour !== "dts";
  const exported = "exported" in declaration ? declaration.exported : true;
  const esmExport = flavour !== "cjs" && exported ? "export " : "";
  switch (declaration.kind) {
    case "enum":
      if (js) {
        out.add(`${esmExport}const ${declaration.name} = {`, declaration.members.map((m) => `  ${m.name}: ${JSON.stringify(m.value)},`), "};");
        return;
      }
      out.docs(declaration.docs).add(`export declare enum ${declaration.name} {`);
      for (const member of declaration.members) out.docs(member.docs, "  ").add(`  ${member.name} = ${JSON.stringify(member.value)},`);
      out.add("}");
      return;
    case "type":
      if (js) return;
      out.docs(declaration.docs);
      out.add(typeAlias(declaration.exported ? "export " : "", declaration.name, declaration.typeParameters, declaration.type));
      return;
    case "interface":
      if (js) return;
      out.docs(declaration.docs).add(`export interface ${declaration.name}${declaration.typeParameters ?? ""} {`);
      for (const property of declaration.properties) {
        out.docs(property.docs, "  ").add(member(`  ${property.readonly ? "readonly " : ""}${property.name}${property.optional ? "?" : ""}:`, property.type));
      }
      out.add("}");
      return;
    case "class":
      return js ? printClassJs(out, declaration, esmExport) : printClassDts(out, declaration);
    case "const":
    case "let":
      if (js) {
        out.add(variable(`${esmExport}${declaration.kind} `, declaration, false));
      } else if (exported || declaration.only === "declarations") {
        // A module's own ambient constant is declared only where it is marked for the declarations.
        const prefix = exported ? "export declare" : "declare";
        out.docs(declaration.docs).add(typedName(`${prefix} ${declaration.kind} `, declaration.name, declaration.type, ";"));
      }
      return;
    case "function":
      if (js) {
        out.add(signature("", `${esmExport}function ${declaration.name}`, parameters(declaration.parameters, false), " {"), indent(declaration.body), "}");
      } else if (exported) {
        const head = `export declare function ${declaration.name}${declaration.typeParameters ?? ""}`;
        out.docs(declaration.docs).add(signature("", head, parameters(declaration.parameters, "declaration"), `: ${declaration.returnType};`));
      }
      return;
  }
}

function printClassJs(out: Lines, cls: ClassIR, esmExport: string): void {
  out.add(classHead(`${esmExport}class`, cls));
  for (const field of cls.statics) out.add(`  static ${field.name} = ${field.value};`);
  if (cls.staticBlock) out.add("  static {", ...indent(cls.staticBlock, "    "), "  }");
  if (cls.constructorIR) out.add(signature("  ", "constructor", parameters(cls.constructorIR.parameters, false), " {"), indent(cls.constructorIR.body, "    "), "  }");
  for (const method of cls.methods) out.add(signature("  ", method.name, parameters(method.parameters, false), " {"), indent(method.body, "    "), "  }");
  out.add("}");
}

function printClassDts(out: Lines, cls: ClassIR): void {
  out.docs(cls.docs).add(classHead("export declare class", cls));
  for (const field of cls.statics) {
    if (field.inheritsType) continue;
    out.docs(field.docs, "  ").add(`  static ${field.readonly ? "readonly " : ""}${field.name}: ${field.type};`);
  }
  for (const field of cls.fields) out.docs(field.docs, "  ").add(member(`  ${field.readonly ? "readonly " : ""}${field.name}${field.optional ? "?" : ""}:`, field.type));
  if (cls.constructorIR) out.docs(cls.constructorIR.docs, "  ").add(signature("  ", "constructor", parameters(cls.constructorIR.parameters, "declaration"), ";"));
  for (const method of cls.methods) out.docs(method.docs, "  ").add(signature("  ", method.name, parameters(method.parameters, "declaration"), `: ${method.returnType};`));
  out.add("}");
}

/** `  name: type;`, or a union type a member a line when one line would pass MAX_LINE. */
function member(head: string, type: string): string[] {
  const single = `${head} ${type};`;
  if (single.length <= MAX_LINE) return [single];
  const members = topLevelParts(type, "|");
  if (members.length < 2) return [single];
  return [head, ...members.map((part, i) => `    | ${part}${i === members.length - 1 ? ";" : ""}`)];
}

/** `keyword Name extends Base {`, with `extends` on a line of its own when one line would pass MAX_LINE. */
function classHead(keyword: string, cls: ClassIR): string {
  const single = `${keyword} ${cls.name} extends ${cls.extends} {`;
  return single.length <= MAX_LINE ? single : `${keyword} ${cls.name}\n  extends ${cls.extends} {`;
}

function typeAlias(prefix: string, name: string, typeParameters: string | undefined, type: string | { readonly union: readonly string[] }): string[] {
  const head = `${prefix}type ${name}${typeParameters ?? ""} =`;
  if (typeof type === "string") return `${head} ${type};`.length <= MAX_LINE || type.includes("\n") ? [`${head} ${type};`] : [head, `  ${type};`];
  if (type.union.length === 0) return [`${head} never;`];
  if (type.union.length === 1) return [`${head} ${type.union[0]};`];
  const lines = [head];
  for (const [i, member] of type.union.entries()) lines.push(`  | ${member}${i === type.union.length - 1 ? ";" : ""}`);
  return lines;
}

function variable(prefix: string, variable: VariableIR, typed: boolean): string[] {
  const pure = variable.pure ? "/* @__PURE__ */ " : "";
  const value = variable.value;
  const head = typed ? typedName(prefix, variable.name, variable.type, value === undefined ? ";" : " =") : [`${prefix}${variable.name}${value === undefined ? ";" : " ="}`];
  if (value === undefined) return head;
  const last = head.length - 1;
  if (typeof value === "string") {
    const joined = `${head[last]} ${pure}${value};`;
    const firstLine = joined.includes("\n") ? joined.slice(0, joined.indexOf("\n")) : joined;
    return firstLine.length <= MAX_LINE ? [...head.slice(0, last), joined] : [...head, `  ${pure}${value};`];
  }
  const [open, close] = value.layout === "array" ? ["[", "]"] : ["{", "}"];
  if (value.items.length === 0) return [...head.slice(0, last), `${head[last]} ${pure}${open}${close};`];
  const lines = [...head.slice(0, last), `${head[last]} ${pure}${open}`];
  for (const item of value.items) lines.push(`  ${item},`);
  lines.push(`${close};`);
  return lines;
}

/**
 * `prefix name: type` and `end`, on one line, or, when that would pass MAX_LINE, with a generic type's
 * arguments a line each (`export const AuthFailureSignatureFailureError: ErrorClass<` … `> =`) or an
 * object type's one member on its own line.
 */
function typedName(prefix: string, name: string, type: string, end: string): string[] {
  const single = `${prefix}${name}: ${type}${end}`;
  if (single.length <= MAX_LINE) return [single];
  // An object type of one member (a mapped type): the member on a line of its own.
  if (type.startsWith("{ ") && type.endsWith(" }")) return [`${prefix}${name}: {`, `  ${type.slice(2, -2)};`, `}${end}`];
  const open = type.indexOf("<");
  if (open === -1 || !type.endsWith(">")) return [single];
  const args = topLevelParts(type.slice(open + 1, -1));
  // No comma after the last: type argument lists allow none.
  return [`${prefix}${name}: ${type.slice(0, open)}<`, ...args.map((arg, i) => `  ${arg}${i === args.length - 1 ? "" : ","}`), `>${end}`];
}

/** `left right` on one line, or `right` on the next, indented, when one line would pass MAX_LINE. */
function breakAfterEquals(left: string, right: string): string {
  const single = `${left} ${right}`;
  return single.length <= MAX_LINE ? single : `${left}\n  ${right}`;
}

/** A type argument list split at its top-level commas (or a union at its top-level bars). */
function topLevelParts(text: string, separator: "," | "|" = ","): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  const stops = separator === "," ? COMMA_STOPS : BAR_STOPS;
  stops.lastIndex = 0;
  // Only quotes, brackets and the separator matter: the rest is skipped natively.
  for (let match = stops.exec(text); match !== null; match = stops.exec(text)) {
    const char = match[0];
    const i = match.index;
    if (char === '"' || char === "'" || char === "`") {
      let close = text.indexOf(char, i + 1);
      while (close !== -1 && text[close - 1] === "\\") close = text.indexOf(char, close + 1);
      stops.lastIndex = close === -1 ? text.length : close + 1;
    } else if (char === separator) {
      if (depth === 0) {
        parts.push(text.slice(start, i).trim());
        start = i + 1;
      }
    } else if ("<([{".includes(char)) depth++;
    else if (char !== ">" || text[i - 1] !== "=") depth--; // the `>` of `=>` closes nothing
  }
  parts.push(text.slice(start).trim());
  return parts;
}

const COMMA_STOPS = /["'`<>()[\]{},]/g;
const BAR_STOPS = /["'`<>()[\]{}|]/g;

/** Parameters for JavaScript (`false`), TypeScript (`true`) or declarations (initializers become `?`). */
function parameters(list: readonly ParameterIR[], typed: boolean | "declaration"): string[] {
  return list
    .filter((parameter) => typed || parameter.name !== "this")
    .map((parameter) => {
      if (!typed) return parameter.initializer === undefined ? parameter.name : `${parameter.name} = ${parameter.initializer}`;
      if (typed === "declaration") return `${parameter.name}${parameter.initializer === undefined && !parameter.optional ? "" : "?"}: ${parameter.type}`;
      return `${parameter.name}${parameter.optional ? "?" : ""}: ${parameter.type}${parameter.initializer === undefined ? "" : ` = ${parameter.initializer}`}`;
    });
}

function indent(lines: readonly string[], by = "  "): string[] {
  return lines.map((line) => (line === "" ? "" : `${by}${line}`));
}

/** TypeScript source, in one pass over the module: the same lines as the other flavours, with types. */
function printTypeScript(module: ModuleIR, header: string): string {
  const out = new Lines().add(header);
  const imports = module.imports ?? [];
  for (const entry of imports) out.add(importLine("import", module.path, entry));
  if (imports.length > 0) out.blank();
  for (const declaration of module.declarations) declarationTs(out, declaration).blank();
  for (const entry of module.reexports) out.blank().add(importLine("export", module.path, entry));
  return out.toString();
}

function importLine(keyword: "import" | "export", from: string, entry: ImportIR): string {
  return namedImport(keyword, entry.names, specifier(from, entry.from));
}

/** `import type { A, B } from "…"` when every name is a type, else `import { a, type B } from "…"` (`export` alike). */
function namedImport(keyword: "import" | "export", names: readonly NameIR[], from: string): string {
  const allTypes = names.every((name) => name.typeOnly);
  const list = names.map((name) => (name.typeOnly && !allTypes ? `type ${name.name}` : name.name));
  return namedList(`${keyword}${allTypes ? " type" : ""} {`, list, `} from "${from}";`);
}

function declarationTs(out: Lines, declaration: DeclarationIR): Lines {
  out.docs(declaration.docs);
  const exported = "exported" in declaration ? declaration.exported : true;
  const prefix = exported ? "export " : "";
  switch (declaration.kind) {
    case "enum":
      out.add(`export enum ${declaration.name} {`);
      for (const member of declaration.members) out.docs(member.docs, "  ").add(`  ${member.name} = ${JSON.stringify(member.value)},`);
      return out.add("}");
    case "type":
      return out.add(typeAlias(prefix, declaration.name, declaration.typeParameters, declaration.type));
    case "interface":
      out.add(`export interface ${declaration.name}${declaration.typeParameters ?? ""} {`);
      for (const property of declaration.properties) {
        out.docs(property.docs, "  ").add(member(`  ${property.readonly ? "readonly " : ""}${property.name}${property.optional ? "?" : ""}:`, property.type));
      }
      return out.add("}");
    case "class":
      return classTs(out, declaration);
    case "const":
    case "let":
      return out.add(variable(`${prefix}${declaration.kind} `, declaration, true));
    case "function": {
      const head = `${prefix}function ${declaration.name}${declaration.typeParameters ?? ""}`;
      return out.add(signature("", head, parameters(declaration.parameters, true), `: ${declaration.returnType} {`), indent(declaration.body), "}");
    }
  }
}

function classTs(out: Lines, cls: ClassIR): Lines {
  out.add(classHead("export class", cls));
  for (const field of cls.statics) {
    const modifiers = `static ${field.override ? "override " : ""}${field.readonly ? "readonly " : ""}`;
    out.docs(field.docs, "  ").add(`  ${modifiers}${field.name}: ${field.type} = ${field.value};`);
  }
  for (const field of cls.fields) {
    const modifiers = `${field.declare ? "declare " : ""}${field.override ? "override " : ""}${field.readonly ? "readonly " : ""}`;
    out.docs(field.docs, "  ").add(member(`  ${modifiers}${field.name}${field.optional ? "?" : ""}:`, field.type));
  }
  if (cls.staticBlock) out.add("", "  static {", ...indent(cls.staticBlock, "    "), "  }");
  if (cls.constructorIR) {
    out.add("").docs(cls.constructorIR.docs, "  ");
    out.add(signature("  ", "constructor", parameters(cls.constructorIR.parameters, true), " {"), indent(cls.constructorIR.body, "    "), "  }");
  }
  for (const method of cls.methods) {
    out.add("").docs(method.docs, "  ");
    out.add(signature("  ", method.name, parameters(method.parameters, true), `: ${method.returnType} {`), indent(method.body, "    "), "  }");
  }
  return out.add("}");
}
