// `src/internal.ts`: small helpers the other modules share; not exported from the package entry.
import type { Model } from "../model/model.ts";
import type { ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";
import { stringLiteral } from "./safe-text.ts";

export function emitInternal(model: Model): ModuleIR {
  return {
    path: MODULE.internal,
    imports: [],
    reexports: [],
    declarations: [
      {
        kind: "const",
        name: "ERROR_BRAND",
        exported: true,
        type: "unique symbol",
        value: `Symbol.for(${stringLiteral(model.brand)})`,
        docs: "Marks this package's errors. `Symbol.for` makes it the same symbol in every copy and version of the package.",
      },
      {
        kind: "function",
        name: "ownField",
        exported: true,
        docs: "An own property of an object, else `undefined`. Never reads through the prototype chain.",
        parameters: [{ name: "value", type: "unknown" }, { name: "key", type: "string" }],
        returnType: "unknown",
        body: ['return typeof value === "object" && value !== null && Object.hasOwn(value, key) ? Reflect.get(value, key) : undefined;'],
      },
      {
        kind: "function",
        name: "unchecked",
        exported: true,
        docs:
          "`value` itself, typed for reading fields before anything is known about them: every read is `any`, to be checked where it is used. " +
          "Free at run time (engines inline it), unlike `Object(value)`.",
        parameters: [{ name: "value", type: "unknown" }],
        // `any` on purpose: the callers' checks (typeof, optional chaining) are what make the reads safe.
        returnType: "any",
        body: ["return value;"],
      },
      {
        kind: "function",
        name: "isCodeIn",
        exported: true,
        docs: "Whether `code` is `path` or a code below it (`path.…`). Every non-empty code is below the root path `\"\"`.",
        parameters: [{ name: "code", type: "unknown" }, { name: "path", type: "string" }],
        returnType: "boolean",
        body: [
          'if (typeof code !== "string") return false;',
          'if (path === "") return code !== "";',
          "return code === path || (code.length > path.length && code.charCodeAt(path.length) === 46 && code.startsWith(path));",
        ],
      },
    ],
  };
}
