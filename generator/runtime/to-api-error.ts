// `src/to-api-error.ts` of every package, the part no spec changes: the lookup from a code to its most
// specific class and the conversion, shared by `toApiError` and the products' converters (each with its
// own tables). Reading the fields out of an input follows the spec's envelope: emit-to-api-error.ts
// writes `readFields` for each package; the one here is a stand-in, what it writes for Tencent Cloud's.
import { ApiError, defineErrorClass, type ApiErrorOptions, type ConvertedError } from "./base.js";
import { typed, unchecked } from "./internal.js";

/** The class for a code: its own, else its nearest known ancestor's, else the root class. */
export type ErrorClassLookup = (code: string) => typeof ApiError;

/** A lookup over tables of class entries (see `defineErrorClass`), one entry per line, indexed on first use; classes are made as codes need them. Not part of the package's API. */
export function createClassLookup(tables: readonly string[]): ErrorClassLookup {
  return findClass.bind(undefined, new Map(), tables);
}

/** The class of `code`, else of its nearest ancestor in `tables`, else the root class; `index` (code → entry, then → class once made) is filled on the first call. A table entry that starts with a dot is in the category of the entry before it. */
function findClass(index: Map<string, string | typeof ApiError>, tables: readonly string[], code: string): typeof ApiError {
  if (index.size === 0) {
    for (const table of tables) {
      let category = "";
      for (const line of table.split("\n")) {
        const entry = line.startsWith(".") ? category + line : line;
        const code = entry.split(" ")[0] ?? "";
        category = code.split(".")[0] ?? "";
        if (!index.has(code)) index.set(code, entry); // an empty line's "" is never looked up
      }
    }
  }
  for (let path = code; ; ) {
    const found = index.get(path);
    if (typeof found === "function") return found; // made on an earlier call
    const dot = path.lastIndexOf(".");
    if (found !== undefined) {
      const parent = dot === -1 ? ApiError : findClass(index, tables, path.slice(0, dot));
      const type = defineErrorClass(parent, found);
      index.set(path, type);
      return type;
    }
    if (dot === -1) return ApiError;
    path = path.slice(0, dot);
  }
}

/** What `readFields` finds in an input, each value of its type (else left out): the options of the error to make, its message, and the input's prototype. Not part of the package's API. */
export type FoundFields = ApiErrorOptions & { message?: string | undefined; prototype?: unknown };

/** What a response held: its payload, or its error. */
export type ApiResult<T, E> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: E };

/** What a caller may add to an error it converts, which wins over what the input carries: the HTTP status, the trace id, the request id. */
export type ErrorExtras = Pick<ApiErrorOptions, "requestId" | "httpStatus" | "traceId">;

/** The conversion behind `toApiError` and the products' converters, with the caller's lookup; `K` is what `known` narrows codes to. Not part of the package's API. */
export function convertError<K extends string>(input: unknown, classOf: ErrorClassLookup, caller: string, extras?: ErrorExtras | undefined): ConvertedError<ApiError, K> {
  const found = readFields(input);
  if (!found.code) {
    // Two literals, one string: minifiers join them.
    throw new TypeError(
      `${caller}: expected an error envelope or an object with a string code; ` +
        `got ${describeInput(input)}`,
    );
  }
  const type = classOf(found.code);
  // Already the most specific class: the same error. `unchecked`: the constructor sets `known` as ConvertedError says.
  if (found.prototype === type.prototype && input instanceof type) return unchecked(input);
  return unchecked(new type(found.message, extras ? { ...found, ...extras } : found));
}

// A stand-in: each package reads its own envelope (emit-to-api-error.ts); this is what it writes for Tencent Cloud's.
/**
 * What an input holds, read as a whole envelope, else as its response object, else as an error-like object
 * (`code` a string: an error of this package, its JSON, an SDK's exception), else as the envelope's error
 * object. Plain property reads, each value kept only when of its type; the code is only ever looked up in a Map.
 */
function readFields(input: unknown): FoundFields {
  try {
    const record = unchecked(input); // null and undefined throw on the first read: nothing found
    let data = record;
    let response = record.Response;
    let error = response?.Error;
    if (typeof error?.Code !== "string") {
      response = record;
      error = record.Error;
    }
    if (typeof error?.Code !== "string" && typeof record.code !== "string") {
      response = undefined;
      error = record;
    }
    if (typeof error?.Code === "string") data = { code: error.Code, message: error.Message, requestId: response?.RequestId };
    return {
      code: typed(data.code, "string"),
      message: typed(data.message, "string"),
      requestId: typed(data.requestId, "string") || undefined,
      httpStatus: typed(data.httpStatus ?? data.httpCode, "number"),
      traceId: typed(data.traceId, "string") || undefined,
      cause: input instanceof Error ? input : undefined,
      prototype: Object.getPrototypeOf(input),
    };
  } catch {
    return {}; // a hostile object (a Proxy, a throwing getter) carries no code we can trust
  }
}

/** What an input was, for the message of a TypeError. */
function describeInput(input: unknown): string {
  // `typeof` alone: it never throws, even for a revoked Proxy.
  return typeof input !== "object" ? typeof input : input === null ? "null" : "an object without one";
}
