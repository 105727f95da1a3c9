// One generated error class: its static code and name, what it overrides of its parent, and the
// narrowed type of its instances' code. Used for the root's, the shared and the products' classes.
import type { ClassModel } from "../model/model.ts";
import { categoryDoc, codeDoc } from "./code-doc.ts";
import type { ClassIR } from "./ir/module-ir.ts";
import { stringLiteral } from "./safe-text.ts";

/**
 * A class with subclasses types its static `code` as its whole family, so theirs can narrow it. Its
 * members override the base class's and share their documentation, so only the class carries docs:
 * with 15,000 classes, repeating member docs would add megabytes of identical comments.
 */
export function errorClassIR(model: ClassModel, hasSubclasses: boolean): ClassIR {
  const code = stringLiteral(model.code);
  const family = `${code} | \`${model.code}.\${string}\``;
  const statics: ClassIR["statics"][number][] = [
    { name: "code", override: true, readonly: true, type: hasSubclasses ? family : code, value: code },
    { name: "errorName", override: true, readonly: true, type: "string", value: stringLiteral(model.name), inheritsType: true },
  ];
  if (model.overridesRetryable) statics.push({ name: "retryable", override: true, readonly: true, type: "boolean", value: String(model.retryable), inheritsType: true });
  if (model.overridesFault) {
    const value = model.fault ? stringLiteral(model.fault) : "undefined";
    statics.push({ name: "fault", override: true, readonly: true, type: "ErrorFault | undefined", value, inheritsType: true });
  }
  return {
    kind: "class",
    name: model.name,
    extends: model.parent,
    docs: model.kind === "code" ? codeDoc(model) : categoryDoc(model),
    statics,
    fields: [{ name: "code", declare: true, readonly: true, type: family }],
    methods: [],
  };
}
