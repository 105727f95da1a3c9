// One generated error class: its static code and name, what it overrides of its parent, and the
// narrowed type of its instances' code. Used for the root's, the shared and the products' classes.
import type { ClassModel } from "../model/model.ts";
import { categoryDoc, codeDoc } from "./code-doc.ts";
import type { ClassIR } from "./ir/module-ir.ts";
import { stringLiteral } from "./safe-text.ts";

/** A class with subclasses types its static `code` as its whole family, so theirs can narrow it. */
export function errorClassIR(model: ClassModel, hasSubclasses: boolean): ClassIR {
  const code = stringLiteral(model.code);
  const family = `${code} | \`${model.code}.\${string}\``;
  const statics: ClassIR["statics"][number][] = [
    { name: "code", override: true, readonly: true, type: hasSubclasses ? family : code, value: code, docs: "The code this class stands for." },
    { name: "errorName", override: true, readonly: true, type: "string", value: stringLiteral(model.name), docs: "The class name." },
  ];
  if (model.overridesRetryable) {
    statics.push({ name: "retryable", override: true, readonly: true, type: "boolean", value: String(model.retryable), docs: "Whether errors of this class may succeed when the request is repeated." });
  }
  if (model.overridesFault) {
    const value = model.fault ? stringLiteral(model.fault) : "undefined";
    statics.push({ name: "fault", override: true, readonly: true, type: "ErrorFault | undefined", value, docs: "Whose fault errors of this class are." });
  }
  return {
    kind: "class",
    name: model.name,
    extends: model.parent,
    docs: model.kind === "code" ? codeDoc(model) : categoryDoc(model),
    statics,
    fields: [
      {
        name: "code",
        declare: true,
        readonly: true,
        type: family,
        docs: `The exact code: \`${model.code}\`, or a code below it that this package does not know yet.`,
      },
    ],
    methods: [],
  };
}
