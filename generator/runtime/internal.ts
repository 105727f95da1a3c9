// `src/internal.ts` of every package: small helpers the other modules share; not exported from the
// package's entry.

// A stand-in: each package's brand holds its name (emit-internal.ts).
/** Marks this package's errors. `Symbol.for` makes it the same symbol in every copy and version of the package. */
export const ERROR_BRAND: unique symbol = Symbol.for("errgen.error:api-errors");

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
  if (typeof code !== "string") return false;
  if (path === "") return code !== "";
  return code === path || (code.length > path.length && code.charCodeAt(path.length) === 46 && code.startsWith(path));
}
