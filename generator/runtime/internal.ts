// `src/internal.ts` of every package: small helpers the other modules share; not exported from the
// package's entry.

// A stand-in: each package's brand holds its name (emit-internal.ts).
/** Marks this package's errors. `Symbol.for` makes it the same symbol in every copy and version of the package. */
export const ERROR_BRAND: unique symbol = Symbol.for("errgen.error:api-errors");

// A stand-in: each package lists its own, the spec's fields after these (emit-internal.ts).
/** The data an error carries besides its code and message, by name, in the order `toJSON()` gives them: the built-in ones, then the spec's fields. */
export const ERROR_DATA: readonly string[] = ["requestId", "httpStatus", "traceId"];

/** The types a field of an error may have, by what `typeof` says of them. */
export interface FieldTypes {
  /** A string field. */
  string: string;
  /** A number field. */
  number: number;
  /** A boolean field. */
  boolean: boolean;
}

/** `value` when `typeof` says it is a `type`, else `undefined`. */
export function typed<K extends keyof FieldTypes>(value: unknown, type: K): FieldTypes[K] | undefined {
  return typeof value === type ? unchecked(value) : undefined;
}

/** Whether `value` is absent (`undefined`, or `null` in JSON) or a `type`. */
export function isOptional(value: unknown, type: keyof FieldTypes): boolean {
  return value == null || typeof value === type;
}

/** An own property of an object, else `undefined`. Never reads through the prototype chain. */
export function ownField(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && Object.hasOwn(value, key) ? Reflect.get(value, key) : undefined;
}

// `any` on purpose: the callers' checks (typeof, optional chaining) are what make the reads safe.
/** `value` itself, typed for reading fields before anything is known about them: every read is `any`, to be checked where it is used. Free at run time (engines inline it), unlike `Object(value)`. */
export function unchecked(value: unknown): any {
  return value;
}

/** Whether `code` is `path` or a code below it (`path.…`). Every non-empty code is below the root path `""`. */
export function isCodeIn(code: unknown, path: string): boolean {
  // Past the end, charCodeAt gives NaN: no length check needed.
  return (
    typeof code === "string" &&
    (path === "" ? code !== "" : code === path || (code.charCodeAt(path.length) === 46 && code.startsWith(path)))
  );
}
