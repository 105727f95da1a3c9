// One generated error class: in code, a constant made by `defineErrorClass` from its parent and its
// entry (the code, then what differs from the naming rule and the parent), typed as an ErrorClass, with
// a type alias for its instances; in declarations, a class. Made this way, a class exists only where it
// is used: a bundle that converts errors carries the entries of the lookup table, not every class.
import type { ClassModel } from "../model/model.ts";
import { nameOf } from "../runtime/naming.ts";
import { categoryDoc, codeDoc } from "./code-doc.ts";
import type { DeclarationIR } from "./ir/module-ir.ts";
import { stringLiteral, templateLines } from "./safe-text.ts";

/** The class's line in a lookup table: `"InternalError fault=server"`. */
export function classEntry(model: ClassModel): string {
  const extras: string[] = [];
  // What the package's defineErrorClass would name the class: the runtime's own rule.
  if (model.name !== nameOf(model.code, "Error")) extras.push(`name=${model.name}`);
  if (model.overridesRetryable) extras.push(model.retryable ? "retryable" : "!retryable");
  if (model.overridesFault) extras.push(`fault=${model.fault ?? ""}`);
  if (model.kind === "category") extras.push("category"); // never a known code
  return [model.code, ...extras].join(" ");
}

/**
 * A lookup table: a template literal with one entry per line, per class, in code order. An entry that
 * starts with a dot is in the category of the entry before it (`AuthFailure.SignatureExpire`,
 * `.SignatureFailure`), which keeps a product's table, and every bundle that converts its errors, a
 * third smaller; one string rather than an array of strings saves the quotes and commas.
 */
export function classTable(classes: readonly ClassModel[]): string {
  let category = "";
  const lines = classes.map((entry) => {
    const line = classEntry(entry);
    const dot = entry.code.indexOf(".");
    const own = dot === -1 ? entry.code : entry.code.slice(0, dot);
    const relative = own === category && dot !== -1 ? line.slice(dot) : line;
    category = own;
    return relative;
  });
  return templateLines(lines);
}

/**
 * A class three ways: in code, a constant made by `defineErrorClass` and the type of its instances; in
 * declarations, a class a reader can go to, extending its parent's errors through `errorClassBase`
 * (whose statics leave each class free to type its own `code`).
 */
export function errorClassDeclarations(model: ClassModel): DeclarationIR[] {
  const docs = model.kind === "code" ? codeDoc(model) : categoryDoc(model);
  const code = stringLiteral(model.code);
  return [
    {
      kind: "const",
      name: model.name,
      exported: true,
      docs,
      type: `ErrorClass<${model.parent}, ${code}>`,
      value: `defineErrorClass(${model.parent}, ${stringLiteral(classEntry(model))})`,
      pure: true,
      only: "code",
      uses: { values: [model.parent, "defineErrorClass"], types: ERROR_CLASS_TYPES },
    },
    {
      kind: "type",
      name: model.name,
      exported: true,
      docs: `An error of {@link ${model.name}}: code \`${model.code}\` or a code below it.`,
      type: `InstanceType<typeof ${model.name}>`,
      only: "code",
      uses: NOTHING,
    },
    {
      kind: "class",
      name: model.name,
      extends: `${ERROR_CLASS_BASE}<${model.parent}>`,
      docs,
      statics: [{ name: "code", readonly: true, type: code, value: code }],
      // A code is letters, digits, `_`, `-` and dots: nothing in it can end the template literal type.
      fields: [{ name: "code", readonly: true, type: `${code} | \`${model.code}.\${string}\`` }],
      methods: NO_METHODS,
      only: "declarations",
      uses: { values: [ERROR_CLASS_BASE, model.parent] },
    },
  ];
}

// Shared by every class: a catalogue has 100,000s of them.
const ERROR_CLASS_TYPES = ["ErrorClass"] as const;
const NOTHING = {} as const;
const NO_METHODS = [] as const;

/** The constant the declared classes of a module extend. */
const ERROR_CLASS_BASE = "errorClassBase";

/** What a module of classes declares for them in its declarations: the constant they extend. */
export const ERROR_CLASS_BASE_DECLARATION: DeclarationIR = { kind: "const", name: ERROR_CLASS_BASE, exported: false, type: "ErrorClassBase", only: "declarations" };
