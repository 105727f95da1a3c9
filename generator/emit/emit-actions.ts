// `src/actions.ts`: the matcher behind each product's `is<Product>ActionError`, shared by all products.
import type { Model } from "../model/model.ts";
import { names, type ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";

/** A product's actions: each action's codes, the product's own as positions in its enum's values, others as the code itself. */
const TABLE = "ActionTable";

export function emitActions(model: Model): ModuleIR {
  return {
    path: MODULE.actions,
    imports: [{ from: MODULE.base, names: names("isApiError") }],
    reexports: [],
    declarations: [
      {
        kind: "type",
        name: "ActionTable",
        exported: true,
        docs: "Each action's codes: a product's own as positions in its enum's values, common codes as strings. Not part of the package's API.",
        type: "Readonly<Record<string, readonly (number | string)[]>>",
      },
      {
        kind: "type",
        name: "ActionMatcher",
        exported: true,
        docs: "Whether an error's code is one an action may return. Not part of the package's API.",
        type: "(action: string, error: unknown) => boolean",
      },
      {
        kind: "function",
        name: "createActionMatcher",
        exported: true,
        docs: "A matcher over a product's action table, indexed on first use. Not part of the package's API.",
        parameters: [{ name: "table", type: TABLE }, { name: "codes", type: "object" }],
        returnType: "ActionMatcher",
        body: ["return matchAction.bind(undefined, new Map(), table, codes);"],
      },
      {
        kind: "function",
        name: "matchAction",
        exported: false,
        docs: `Whether \`error\` is an error of ${model.package.name} with one of \`action\`'s codes; \`cache\` keeps each action's codes as a set.`,
        parameters: [
          { name: "cache", type: "Map<string, ReadonlySet<unknown>>" },
          { name: "table", type: TABLE },
          { name: "codes", type: "object" },
          { name: "action", type: "string" },
          { name: "error", type: "unknown" },
        ],
        returnType: "boolean",
        body: [
          'if (!isApiError(error) || typeof action !== "string" || !Object.hasOwn(table, action)) return false;',
          "let allowed = cache.get(action);",
          "if (allowed === undefined) {",
          "  const values = Object.values(codes);",
          '  allowed = new Set((table[action] ?? []).map((entry) => (typeof entry === "number" ? values[entry] : entry)));',
          "  cache.set(action, allowed);",
          "}",
          "return allowed.has(error.code);",
        ],
      },
    ],
  };
}
