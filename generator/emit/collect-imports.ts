// Imports collected from what each module uses, as protobuf-es collects them from what a file printed:
// the names a module's code and declarations mention that another module of the package declares.
// Emitters never list imports by hand; a name used only in types is imported as a type, and a name one
// kind of output needs alone (see `Only`) is imported for that output only.
import { compareText } from "../diagnostics.ts";
import type { DeclarationIR, ImportIR, ModuleIR, NameIR, Only, ParameterIR } from "./ir/module-ir.ts";

/** Where each exported name of the package is declared, and whether it is a type (imported as one wherever it is used). */
type SymbolTable = ReadonlyMap<string, { readonly module: string; readonly type: boolean; readonly also?: string }>;

/** The modules, each with the imports its declarations need; `readAll` ignores what emitters state (`uses`) and reads all code. */
export function withCollectedImports(modules: readonly ModuleIR[], options: { readonly readAll?: boolean } = {}): ModuleIR[] {
  const symbols = symbolTable(modules);
  return modules.map((module) => ({ ...module, imports: importsOf(module, symbols, options.readAll === true) }));
}

/**
 * Every exported name by the module that declares it. Entry points may export the same name (a product
 * called `api` has its own `toApiError`): such a name is in the table as declared twice, which is only
 * an error for a module that uses it without declaring it.
 */
function symbolTable(modules: readonly ModuleIR[]): SymbolTable {
  const symbols = new Map<string, { module: string; type: boolean; also?: string }>();
  for (const module of modules) {
    for (const declaration of module.declarations) {
      if ("exported" in declaration && !declaration.exported) continue;
      const type = declaration.kind === "type" || declaration.kind === "interface";
      const known = symbols.get(declaration.name);
      if (known !== undefined && known.module !== module.path) {
        known.also ??= module.path;
        continue;
      }
      // A class is a constant in code, a type alias beside it and a class in declarations: a value.
      symbols.set(declaration.name, { module: module.path, type: type && (known?.type ?? true) });
    }
  }
  return symbols;
}

/** How a module uses a name: in code, in declarations, and whether code uses it as a value. */
interface Use {
  code: boolean;
  declarations: boolean;
  value: boolean;
}

/** What a module imports: per name, whether code, declarations or both use it, and whether code uses it as a value. */
function importsOf(module: ModuleIR, symbols: SymbolTable, readAll: boolean): ImportIR[] {
  const local = new Set<string>();
  for (const declaration of module.declarations) local.add(declaration.name);
  const uses = new Map<string, Use>();
  let only: Only | undefined;
  let asValue = false;
  const found = (name: string): void => {
    if (local.has(name) || !symbols.has(name)) return;
    let use = uses.get(name);
    if (use === undefined) uses.set(name, (use = { code: false, declarations: false, value: false }));
    if (only !== "declarations") use.code = true;
    if (only !== "code") use.declarations = true;
    if (asValue && only !== "declarations") use.value = true;
  };
  const types = (text: string | undefined): void => {
    asValue = false;
    if (text !== undefined) identifiers(text, found);
  };
  const values = (text: string | undefined): void => {
    asValue = true;
    if (text !== undefined) identifiers(text, found);
  };
  for (const declaration of module.declarations) {
    only = declaration.only;
    const stated = readAll ? undefined : declaration.uses;
    if (stated === undefined) {
      scanDeclaration(declaration, types, values);
      continue;
    }
    asValue = true;
    for (const name of stated.values ?? []) found(name);
    asValue = false;
    for (const name of stated.types ?? []) found(name);
  }
  const byModule = new Map<string, NameIR[]>();
  for (const [name, use] of uses) {
    const symbol = symbols.get(name)!;
    if (symbol.also !== undefined) throw new Error(`${module.path} uses ${name}, which both ${symbol.module} and ${symbol.also} declare`);
    const typeOnly = symbol.type || !use.value;
    const entry: NameIR = use.code && use.declarations ? { name, typeOnly } : { name, typeOnly, only: use.code ? "code" : "declarations" };
    const list = byModule.get(symbol.module);
    if (list === undefined) byModule.set(symbol.module, [entry]);
    else list.push(entry);
  }
  // Values before types, each in plain order: `import { ApiError, defineErrorClass, type ErrorClass }`.
  const order = (a: NameIR, b: NameIR) => Number(a.typeOnly) - Number(b.typeOnly) || compareText(a.name, b.name);
  return [...byModule].sort(([a], [b]) => compareText(a, b)).map(([from, names]) => ({ from, names: names.sort(order) }));
}

/** Reads each part of a declaration's code: `types` for types, `values` for expressions and bodies. */
function scanDeclaration(declaration: DeclarationIR, types: (text: string | undefined) => void, values: (text: string | undefined) => void): void {
  switch (declaration.kind) {
    case "enum":
      return;
    case "type":
      types(declaration.typeParameters);
      if (typeof declaration.type === "string") types(declaration.type);
      // A union of 100,000s of code strings names nothing: only members that are not a plain string are read.
      else for (const member of declaration.type.union) if (!isStringLiteral(member)) types(member);
      return;
    case "interface":
      types(declaration.typeParameters);
      for (const property of declaration.properties) types(property.type);
      return;
    case "const":
    case "let":
      types(declaration.type);
      // A list's items are data (literals, per module-ir.ts): they name nothing.
      if (typeof declaration.value === "string") values(declaration.value);
      return;
    case "function":
      types(declaration.typeParameters);
      scanParameters(declaration.parameters, types, values);
      types(declaration.returnType);
      for (const line of declaration.body) values(line);
      return;
    case "class":
      values(declaration.extends);
      for (const field of declaration.statics) {
        types(field.type);
        values(field.value);
      }
      for (const field of declaration.fields) types(field.type);
      for (const line of declaration.staticBlock ?? []) values(line);
      if (declaration.constructorIR) {
        scanParameters(declaration.constructorIR.parameters, types, values);
        for (const line of declaration.constructorIR.body) values(line);
      }
      for (const method of declaration.methods) {
        scanParameters(method.parameters, types, values);
        types(method.returnType);
        for (const line of method.body) values(line);
      }
      return;
  }
}

function scanParameters(list: readonly ParameterIR[], types: (text: string | undefined) => void, values: (text: string | undefined) => void): void {
  for (const parameter of list) {
    types(parameter.type);
    values(parameter.initializer);
  }
}

/** What each open `{` of the text being scanned is: a block or object (0) or a template literal's `${` (1). */
const OPEN_BRACES: number[] = [];

/**
 * Calls `found` for each identifier in `text` that is code: not inside a string, a template literal's
 * text (its `${…}` parts are code), a comment, or after a `.` (a member, not a name in scope).
 */
export function identifiers(text: string, found: (name: string) => void): void {
  OPEN_BRACES.length = 0;
  const end = text.length;
  let i = 0;
  while (i < end) {
    // Everything but quotes, slashes, braces and identifiers is skipped natively.
    INTERESTING.lastIndex = i;
    if (INTERESTING.exec(text) === null) return;
    i = INTERESTING.lastIndex - 1;
    const char = text.charCodeAt(i);
    if (char === 34 || char === 39) {
      i = afterString(text, i);
    } else if (char === 96) {
      i = templateText(text, i + 1);
    } else if (char === 47) {
      const next = text.charCodeAt(i + 1);
      if (next === 47) {
        const newline = text.indexOf("\n", i);
        i = newline === -1 ? end : newline;
      } else if (next === 42) {
        const close = text.indexOf("*/", i + 2);
        i = close === -1 ? end : close + 2;
      } else {
        i++;
      }
    } else if (char === 123) {
      OPEN_BRACES.push(0);
      i++;
    } else if (char === 125) {
      i = OPEN_BRACES.pop() === 1 ? templateText(text, i + 1) : i + 1;
    } else {
      IDENTIFIER_REST.lastIndex = i + 1;
      IDENTIFIER_REST.exec(text);
      const start = i;
      i = IDENTIFIER_REST.lastIndex;
      const member = start > 0 && text.charCodeAt(start - 1) === 46 && !(start > 2 && text.startsWith("...", start - 3));
      if (!member) found(text.slice(start, i));
    }
  }
}

/** Where scanning stops: strings, templates, comments, braces and the start of an identifier. */
const INTERESTING = /["'`/{}A-Za-z_$]/g;
const IDENTIFIER_REST = /[\w$]*/y;

/** Past the string literal opening at `from` (most of the text scanned is code strings: found natively). */
function afterString(text: string, from: number): number {
  const quote = text[from]!;
  for (let close = text.indexOf(quote, from + 1); close !== -1; close = text.indexOf(quote, close + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return close + 1;
  }
  return text.length;
}

/** From inside a template literal's text: past its closing backtick, or past a `${` (which is then open). */
function templateText(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 92) i++;
    else if (char === 96) return i + 1;
    else if (char === 36 && text.charCodeAt(i + 1) === 123) {
      OPEN_BRACES.push(1);
      return i + 2;
    }
  }
  return text.length;
}

/** `"…"` with no quote inside but escaped ones. */
function isStringLiteral(text: string): boolean {
  return text.length >= 2 && text.charCodeAt(0) === 34 && text.charCodeAt(text.length - 1) === 34 && !/[^\\]"./.test(text.slice(0, -1));
}
