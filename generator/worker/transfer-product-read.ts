// How a ProductRead crosses from the helper thread: its source positions, one object per code, per
// action and per code an action lists (some 50,000 for the full catalogue's helper share), travel as
// numbers in typed arrays, which the structured clone copies as plain bytes. That halves the time the
// main thread spends taking the reads in. Fields this does not know travel as they are.
import type { Diagnostic, SourcePosition } from "../diagnostics.ts";
import type { ActionInput, CodeInput, Located, ProductInput } from "../validate/spec-input.ts";
import type { ProductRead } from "../validate/validate-spec.ts";

/** A position as one number: an index into the read's files, the line and the column, 21 bits each. */
type Packed = number;

export interface PackedProductRead {
  readonly files: readonly string[];
  readonly product: PackedProduct | undefined;
  readonly diagnostics: readonly (Omit<Diagnostic, "position"> & { readonly position: Packed })[];
}

type PackedLocated<T> = { readonly value: T; readonly position: Packed };

interface PackedProduct extends Omit<ProductInput, "product" | "identifier" | "codes" | "actions"> {
  readonly product: PackedLocated<string>;
  readonly identifier: PackedLocated<string> | undefined;
  readonly codes: readonly PackedCode[];
  readonly actions: readonly PackedAction[];
}

interface PackedCode extends Omit<CodeInput, "position" | "name" | "since"> {
  readonly position: Packed;
  readonly name: PackedLocated<string> | undefined;
  readonly since: PackedLocated<string> | undefined;
}

interface PackedAction extends Omit<ActionInput, "position" | "codes"> {
  readonly position: Packed;
  readonly codes: readonly string[];
  readonly codePositions: Float64Array;
}

const BITS = 2 ** 21;

export function packProductRead(read: ProductRead): PackedProductRead {
  const files: string[] = [];
  const pack = (position: SourcePosition): Packed => {
    let file = files.indexOf(position.file);
    if (file === -1) file = files.push(position.file) - 1;
    if (position.line >= BITS || position.column >= BITS) throw new RangeError(`position ${position.line}:${position.column} too large to pack`);
    return (file * BITS + position.line) * BITS + position.column;
  };
  const located = <T>(value: Located<T> | undefined) => value && { ...value, position: pack(value.position) };
  const product = read.product && {
    ...read.product,
    product: located(read.product.product)!,
    identifier: located(read.product.identifier),
    codes: read.product.codes.map((code) => ({ ...code, position: pack(code.position), name: located(code.name), since: located(code.since) })),
    actions: read.product.actions.map(({ codes, ...action }) => ({
      ...action,
      position: pack(action.position),
      codes: codes.map((code) => code.value),
      codePositions: Float64Array.from(codes, (code) => pack(code.position)),
    })),
  };
  const diagnostics = read.diagnostics.map((entry) => ({ ...entry, position: pack(entry.position) }));
  return { files, product, diagnostics };
}

export function unpackProductRead(packed: PackedProductRead): ProductRead {
  const unpack = (value: Packed): SourcePosition => ({
    file: packed.files[Math.floor(value / BITS / BITS)]!,
    line: Math.floor(value / BITS) % BITS,
    column: value % BITS,
  });
  const located = <T>(value: PackedLocated<T> | undefined): Located<T> | undefined => value && { ...value, position: unpack(value.position) };
  const product = packed.product && {
    ...packed.product,
    product: located(packed.product.product)!,
    identifier: located(packed.product.identifier),
    codes: packed.product.codes.map((code) => ({ ...code, position: unpack(code.position), name: located(code.name), since: located(code.since) })),
    actions: packed.product.actions.map(({ codes, codePositions, ...action }) => ({
      ...action,
      position: unpack(action.position),
      codes: codes.map((value, i) => ({ value, position: unpack(codePositions[i]!) })),
    })),
  };
  return { product, diagnostics: packed.diagnostics.map((entry) => ({ ...entry, position: unpack(entry.position) })) };
}
