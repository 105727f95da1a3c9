// `src/actions.ts` of every package: the matcher behind each product's `is<Product>ActionError`,
// shared by all products.
import { isApiError } from "./base.js";

/** Each action's codes: a product's own as positions in its enum's values, common codes as strings. Not part of the package's API. */
export type ActionTable = Readonly<Record<string, readonly (number | string)[]>>;

/** Whether an error's code is one an action may return. Not part of the package's API. */
export type ActionMatcher = (action: string, error: unknown) => boolean;

/** A matcher over a product's action table, indexed on first use. Not part of the package's API. */
export function createActionMatcher(table: ActionTable, codes: object): ActionMatcher {
  return matchAction.bind(undefined, new Map(), table, codes);
}

/** Whether `error` is an error of this package with one of `action`'s codes; `cache` keeps each action's codes as a set. */
function matchAction(
  cache: Map<string, ReadonlySet<unknown>>,
  table: ActionTable,
  codes: object,
  action: string,
  error: unknown,
): boolean {
  if (!isApiError(error) || typeof action !== "string" || !Object.hasOwn(table, action)) return false;
  let allowed = cache.get(action);
  if (allowed === undefined) {
    const values = Object.values(codes);
    allowed = new Set((table[action] ?? []).map((entry) => (typeof entry === "number" ? values[entry] : entry)));
    cache.set(action, allowed);
  }
  return allowed.has(error.code);
}
