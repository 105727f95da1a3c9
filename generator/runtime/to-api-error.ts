// `src/to-api-error.ts` of every package, the part no spec changes: the lookup from a code to its most
// specific class, shared by `toApiError` and the products' converters (each with its own tables), and
// how an unusable input is described. The conversion itself reads the spec's envelope and is written
// by emit-to-api-error.ts.
import { ApiError, defineErrorClass } from "./base.js";

/** The class for a code: its own, else its nearest known ancestor's, else the root class. */
export type ErrorClassLookup = (code: string) => typeof ApiError;

/** A lookup over tables of class entries (see `defineErrorClass`), one entry per line, indexed on first use; classes are made as codes need them. Not part of the package's API. */
export function createClassLookup(tables: readonly string[]): ErrorClassLookup {
  return findClass.bind(undefined, new Map(), tables);
}

/** The class of `code`, else of its nearest ancestor in `tables`, else the root class; `index` (code → entry) is filled on the first call. A table entry that starts with a dot is in the category of the entry before it. */
function findClass(index: Map<string, string>, tables: readonly string[], code: string): typeof ApiError {
  if (index.size === 0) {
    for (const table of tables) {
      let category = "";
      for (const line of table.split("\n")) {
        const entry = line.startsWith(".") ? category + line : line;
        const code = entry.split(" ")[0] ?? "";
        category = code.split(".")[0] ?? "";
        if (code !== "" && !index.has(code)) index.set(code, entry);
      }
    }
  }
  for (let path = code; ; ) {
    const entry = index.get(path);
    if (entry !== undefined) {
      const dot = path.lastIndexOf(".");
      const parent = dot === -1 ? ApiError : findClass(index, tables, path.slice(0, dot));
      return defineErrorClass(parent, entry);
    }
    const dot = path.lastIndexOf(".");
    if (dot === -1) return ApiError;
    path = path.slice(0, dot);
  }
}

/** What an input was, for the message of a TypeError. */
function describeInput(input: unknown): string {
  if (input === null) return "null";
  if (typeof input !== "object") return typeof input;
  try {
    return Array.isArray(input) ? "an array" : "an object without one";
  } catch {
    return "an unreadable object";
  }
}
