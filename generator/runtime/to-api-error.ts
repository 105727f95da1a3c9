// `src/to-api-error.ts` of every package, the part no spec changes: the lookup from a code to its most
// specific class and the conversion, shared by `toApiError` and the products' converters (each with its
// own tables). Reading the fields out of an input follows the spec's envelope: emit-to-api-error.ts
// writes `readFields` for each package; the one here is a stand-in, for Tencent Cloud's envelope.
import { ApiError, defineErrorClass } from "./base.js";
import { unchecked } from "./internal.js";

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

/** The conversion behind `toApiError` and the products' converters, with the caller's lookup. Not part of the package's API. */
export function convertError(input: unknown, classOf: ErrorClassLookup, caller: string): ApiError {
  const fields = readFields(input);
  if (typeof fields.code !== "string" || fields.code === "") {
    // Two literals, one string: minifiers join them.
    throw new TypeError(
      `${caller}: expected an error envelope, its response, or an object with a string code; ` +
        `got ${describeInput(input)}`,
    );
  }
  const type = classOf(fields.code);
  if (fields.prototype === type.prototype && input instanceof type) return input; // already the most specific class
  const message = typeof fields.message === "string" ? fields.message : "";
  const requestId = typeof fields.requestId === "string" ? fields.requestId : undefined;
  return new type(message, { code: fields.code, requestId, cause: fields.isError ? input : undefined });
}

// A stand-in: each package reads its own envelope (emit-to-api-error.ts).
/** Code, message and request id from an envelope, its Response, or an error-like object, and the input's prototype. */
function readFields(input: unknown): { code?: unknown; message?: unknown; requestId?: unknown; isError?: boolean; prototype?: unknown } {
  try {
    if (typeof input !== "object" || input === null) return {};
    const record = unchecked(input);
    const body = typeof record.Response === "object" && record.Response !== null ? record.Response : record;
    const isError = input instanceof Error;
    const prototype = Object.getPrototypeOf(input);
    if (!("Error" in body)) return { code: record.code, message: record.message, requestId: record.requestId, isError, prototype };
    return { code: body.Error?.Code, message: body.Error?.Message, requestId: body.RequestId, isError, prototype };
  } catch {
    return {};
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
