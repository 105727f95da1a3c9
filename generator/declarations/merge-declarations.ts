// A code may be declared by the root spec and by several products; it is one class. Its class-level
// fields (name, retryable, fault, deprecated, since) are the first that any declaration gives, root first, then products
// by name; descriptions stay each declaration's own. The rule validate merges by and model reads the
// declarations in, below both: it asks of a code and a product only what it uses.
import { compareText } from "../diagnostics.ts";

/** What merging reads of a declared code: its string and the class-level fields. */
export interface DeclaredCode {
  readonly code: string;
  readonly name?: unknown;
  readonly retryable?: unknown;
  readonly fault?: unknown;
  readonly deprecated?: unknown;
  readonly since?: unknown;
}

/** What merging reads of a product: its name and its codes. */
export interface DeclaringProduct<C extends DeclaredCode> {
  readonly product: { readonly value: string };
  readonly codes: readonly C[];
}

/** Who declares a code: the root spec (""), or a product by name. */
export const ROOT_OWNER = "";

export interface Declaration<C extends DeclaredCode> {
  readonly owner: string;
  readonly code: C;
}

/**
 * Every code string with its declarations, root first then products by name. The first entry of each
 * list is the merged declaration: its own description, and the class-level fields any declaration gives.
 */
export function mergeDeclarations<C extends DeclaredCode>(root: readonly C[], products: readonly DeclaringProduct<C>[]): Map<string, C[]> {
  const byCode = new Map<string, C[]>();
  for (const declaration of declarationsOf(root, products)) {
    const list = byCode.get(declaration.code.code);
    if (list) list.push(declaration.code);
    else byCode.set(declaration.code.code, [declaration.code]);
  }
  for (const [code, list] of byCode) {
    const [first, ...rest] = list;
    byCode.set(code, [
      {
        ...first!,
        name: first!.name ?? rest.find((c) => c.name)?.name,
        retryable: first!.retryable ?? rest.find((c) => c.retryable !== undefined)?.retryable,
        fault: first!.fault ?? rest.find((c) => c.fault !== undefined)?.fault,
        deprecated: first!.deprecated ?? rest.find((c) => c.deprecated !== undefined)?.deprecated,
        since: first!.since ?? rest.find((c) => c.since !== undefined)?.since,
      },
      ...rest,
    ]);
  }
  return byCode;
}

/** Root and product codes, each code string once (one class per code string), as merged. */
export function mergedCodesOf<C extends DeclaredCode>(merged: ReadonlyMap<string, readonly C[]>): C[] {
  return [...merged.values()].map((list) => list[0]!);
}

/** Root declarations first, then each product's, products by name. */
export function declarationsOf<C extends DeclaredCode>(root: readonly C[], products: readonly DeclaringProduct<C>[]): Declaration<C>[] {
  const sorted = [...products].sort((a, b) => compareText(a.product.value, b.product.value));
  return [
    ...root.map((code) => ({ owner: ROOT_OWNER, code })),
    ...sorted.flatMap((product) => product.codes.map((code) => ({ owner: product.product.value, code }))),
  ];
}
