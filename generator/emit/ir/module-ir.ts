// A generated module described once, as data, and printed three ways: TypeScript source, JavaScript
// (ESM and CJS) and declarations. Printing from this is linear and far faster than transpiling the
// TypeScript (a 4 MB module takes the TypeScript compiler over a second per output).
//
// The one rule: function, method and constructor bodies are plain JavaScript, valid TypeScript as they
// stand (types live in signatures only), so every printer can copy them unchanged.

export interface ModuleIR {
  /** Relative to `src/`, without extension: `errors`, `products/lke`. */
  readonly path: string;
  /** The spec file the module comes from, for its header, when not the root spec. */
  readonly source?: string;
  /** What the module imports: left out by emitters, collected from what the declarations use (collect-imports.ts). */
  readonly imports?: readonly ImportIR[];
  readonly declarations: readonly DeclarationIR[];
  readonly reexports: readonly ImportIR[];
}

export interface ImportIR {
  /** Module path relative to `src/`, without extension. */
  readonly from: string;
  readonly names: readonly NameIR[];
}

export interface NameIR {
  readonly name: string;
  /** Types and interfaces: dropped from JavaScript. */
  readonly typeOnly: boolean;
  /** Printed in one kind of output only (see `Only`). */
  readonly only?: Only;
}

/**
 * Where a declaration or an imported name is printed, when not everywhere: `code` in the TypeScript
 * source and the JavaScript, `declarations` in the `.d.ts` only. A generated error class is a constant
 * made by `defineErrorClass` in code and a class in declarations, where go-to-definition lands.
 */
export type Only = "code" | "declarations";

export type DeclarationIR = EnumIR | TypeIR | InterfaceIR | ClassIR | VariableIR | FunctionIR;

interface Documented {
  /** TSDoc text, already escaped for a comment; paragraphs separated by blank lines. */
  readonly docs?: string | undefined;
  readonly only?: Only;
  /**
   * The names the declaration's code mentions, as values and as types, when its emitter states them:
   * done for the declarations a large catalogue has thousands of (each error class), whose code need
   * not then be read to collect the module's imports (collect-imports.ts; a test checks they agree).
   */
  readonly uses?: Uses;
}

export interface Uses {
  readonly values?: readonly string[];
  readonly types?: readonly string[];
}

export interface EnumIR extends Documented {
  readonly kind: "enum";
  readonly name: string;
  readonly members: readonly (Documented & { readonly name: string; readonly value: string })[];
}

export interface TypeIR extends Documented {
  readonly kind: "type";
  readonly name: string;
  readonly exported: boolean;
  readonly typeParameters?: string;
  /** The type; a union with more than one member is printed one member per line. */
  readonly type: string | { readonly union: readonly string[] };
}

export interface PropertyIR extends Documented {
  readonly name: string;
  readonly type: string;
  readonly optional?: boolean;
  readonly readonly?: boolean;
}

export interface InterfaceIR extends Documented {
  readonly kind: "interface";
  readonly name: string;
  readonly typeParameters?: string;
  readonly properties: readonly PropertyIR[];
}

export interface ParameterIR {
  /** `this` parameters type a function's receiver; JavaScript drops them. */
  readonly name: string;
  readonly type: string;
  readonly initializer?: string;
  /** `name?: type`: may be left out (JavaScript needs no default for it). */
  readonly optional?: boolean;
}

export interface ClassIR extends Documented {
  readonly kind: "class";
  readonly name: string;
  readonly extends: string;
  /**
   * Static fields: printed with their value in TypeScript and JavaScript, their type in declarations
   * unless `inheritsType` (an override of the same type needs no declaration of its own).
   */
  readonly statics: readonly (PropertyIR & { readonly value: string; readonly override?: boolean; readonly inheritsType?: boolean })[];
  /** Instance fields: assigned by the constructor, or `declare`d to narrow an inherited field's type. */
  readonly fields: readonly (PropertyIR & { readonly declare?: boolean; readonly override?: boolean })[];
  readonly staticBlock?: readonly string[];
  readonly constructorIR?: Documented & { readonly parameters: readonly ParameterIR[]; readonly body: readonly string[] };
  readonly methods: readonly (Documented & { readonly name: string; readonly parameters: readonly ParameterIR[]; readonly returnType: string; readonly body: readonly string[] })[];
}

export interface VariableIR extends Documented {
  readonly kind: "const" | "let";
  readonly name: string;
  readonly exported: boolean;
  readonly type: string;
  /** The value: an expression, or a list printed one item per line, whose items are data (literals: they name nothing to import). */
  readonly value?: string | { readonly items: readonly string[]; readonly layout: "array" | "object" };
  /** `/* @__PURE__ *\/` before the value, so bundlers may drop it when unused. */
  readonly pure?: boolean;
}

export interface FunctionIR extends Documented {
  readonly kind: "function";
  readonly name: string;
  readonly exported: boolean;
  readonly typeParameters?: string;
  readonly parameters: readonly ParameterIR[];
  readonly returnType: string;
  readonly body: readonly string[];
}

/** Names for an import or re-export: values, then `type:`-prefixed names become type-only. */
export function names(...parts: (string | readonly string[])[]): NameIR[] {
  // Lists are passed whole, never spread into the call: the root of a large spec imports 100,000s of names.
  const result: NameIR[] = [];
  for (const part of parts) for (const entry of typeof part === "string" ? [part] : part) result.push(entry.startsWith("type ") ? { name: entry.slice(5), typeOnly: true } : { name: entry, typeOnly: false });
  return result;
}

/** The relative specifier from one module to another: `./errors.js`, `../internal.js`. */
export function specifier(fromModule: string, toModule: string): string {
  const from = fromModule.split("/").slice(0, -1);
  const to = toModule.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join("/");
  return `${up === 0 ? "./" : "../".repeat(up)}${rest}.js`;
}
