// `src/to-api-error.ts` of every package, the part no spec changes: the lookup from a code to its most
// specific class and the conversion, shared by `toApiError` and the products' converters (each with its
// own tables). Reading the fields out of an input follows the spec's envelope: emit-to-api-error.ts
// writes `readFields` for each package; the one here is a stand-in, what it writes for Tencent Cloud's.
import { ApiError, defineErrorClass, isApiError, type ApiErrorOptions, type ConvertedError } from "./base.js";
import type { KnownErrorCode } from "./codes.js";
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

/** A client with a method per action `A`, each taking a request and returning a promise, as an official SDK's clients are. */
export type ActionClient<A extends string> = { [K in A]: (request: never, ...rest: never[]) => Promise<unknown> };

/** What `attempt<Product>` gives for `client[action](request)`: the method's result, or the error `E`. */
export type Attempt<C extends ActionClient<A>, A extends string, E> = Promise<ApiResult<Awaited<ReturnType<C[A]>>, E>>;

/**
 * An error of a call to an action that lists the codes `L`, as a product's converter knowing its codes `K` and
 * the common ones gives it: `code` offers `L` (a `switch` over them needs no cast) and stays a string, since a
 * code the action does not list can still arrive.
 */
export type ActionFailure<E, K extends string, L extends string> = ConvertedError<E, K | KnownErrorCode> & {
  readonly code: L | (string & {});
};

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

/** `error` as an error of this package when it carries a code (an API error); else `error` itself (a transport failure, a non-200 status). */
function typedError(error: unknown, classOf: ErrorClassLookup, caller: string): unknown {
  try {
    return convertError(error, classOf, caller);
  } catch {
    return error;
  }
}

/**
 * The same client, of the same type, whose methods reject with this package's errors (the client's own
 * exception kept as `cause`); a rejection without a code is passed on as it was, and what a method returns
 * that is not a promise is returned as it is. Any object whose methods return promises will do. Not part of
 * the package's API: `withTypedErrors` and the products' wrappers call it.
 */
export function wrapClient<C extends object>(client: C, classOf: ErrorClassLookup, caller: string): C {
  // Each method of the client → its wrapper, so that a method read twice is the same function.
  const wrapped = new WeakMap();
  return new Proxy(client, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (typeof value !== "function") return value;
      if (!wrapped.has(value)) wrapped.set(value, callTyped.bind(undefined, value, target, classOf, caller));
      return wrapped.get(value);
    },
  });
}

/** `method` called on `target`: a promise it returns rejects with this package's errors. */
function callTyped(method: Function, target: object, classOf: ErrorClassLookup, caller: string, ...args: unknown[]): unknown {
  const result = Reflect.apply(method, target, args);
  if (typeof result?.then !== "function") return result;
  return result.then(undefined, rejectTyped.bind(undefined, classOf, caller));
}

/** A rejection's error, as this package's error when it carries a code. */
function rejectTyped(classOf: ErrorClassLookup, caller: string, error: unknown): Promise<never> {
  return Promise.reject(typedError(error, classOf, caller));
}

/** `client[action](request)` as a result: `{ ok: true, data }`, or `{ ok: false, error }` for an API error; a rejection without a code is passed on. Not part of the package's API. */
export function attemptWith(client: unknown, action: string, request: unknown, classOf: ErrorClassLookup, caller: string): Promise<ApiResult<unknown, unknown>> {
  const call = new Promise((resolve) => resolve(unchecked(client)[action](request)));
  return call.then(succeeded, failed.bind(undefined, classOf, caller));
}

/** A success as a result. */
function succeeded(data: unknown): ApiResult<unknown, unknown> {
  return { ok: true, data };
}

/** A rejection as a result when it is an API error; else the rejection again. */
function failed(classOf: ErrorClassLookup, caller: string, error: unknown): ApiResult<unknown, unknown> {
  const typed = typedError(error, classOf, caller);
  if (!isApiError(typed)) throw error; // no code: not an API error
  return { ok: false, error: typed };
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
    if (typeof error?.Code === "string") {
      data = {
        code: error.Code,
        message: error.Message,
        requestId: response?.RequestId,
      };
    }
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
