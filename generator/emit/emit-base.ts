// `src/base.ts`: the root error class, `defineErrorClass` and `isApiError`, all from
// generator/runtime/base.ts, with the naming rule (generator/runtime/naming.ts) the classes are named by.
import type { Model } from "../model/model.ts";
import type { DeclarationIR, ModuleIR, PropertyIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";
import { runtimeDeclaration, runtimeDeclarations } from "./runtime.ts";
import { pathText, FIELD_PROPERTY_TYPES } from "./wire-paths.ts";

export function emitBase(model: Model): ModuleIR {
  return {
    path: MODULE.base,
    reexports: [],
    declarations: [
      runtimeDeclaration("base", "ErrorFault", model),
      ...withFields(runtimeDeclarations("base", ["ApiErrorOptions", "ApiErrorJSON", "ApiError"], model), model),
      ...runtimeDeclarations("base", ["ErrorClass", "ErrorClassBase", "ConvertedError", "ERROR_CLASSES", "defineErrorClass"], model),
      runtimeDeclaration("naming", "nameOf", model, { exported: false }),
      ...runtimeDeclarations("base", ["hasCodePath", "isApiError"], model),
    ],
  };
}

/**
 * The options, the JSON form and the root class with the spec's own fields (`envelope.fields`, but the
 * built-in ones) added: a typed, documented property each, which the constructor sets from its option.
 * `toJSON()` takes them from the package's list of data (emit-internal.ts).
 */
function withFields(declarations: DeclarationIR[], model: Model): DeclarationIR[] {
  const fields = model.envelope.fields.filter((field) => !field.builtIn);
  if (fields.length === 0) return declarations;
  const property = (field: (typeof fields)[number], type: string, extra: Partial<PropertyIR>): PropertyIR => ({
    name: field.name,
    type,
    docs: `\`${pathText(field.path)}\` of the error object, when the response has it${field.type === "json" ? "" : ` as a ${field.type}`}.`,
    ...extra,
  });
  return declarations.map((declaration) => {
    if (declaration.kind === "interface") {
      // In JSON a field is absent, never undefined; an option may be either.
      const type = (field: (typeof fields)[number]) => (declaration.name === "ApiErrorOptions" ? FIELD_PROPERTY_TYPES[field.type] : FIELD_PROPERTY_TYPES[field.type].replace(" | undefined", ""));
      return { ...declaration, properties: [...declaration.properties, ...fields.map((field) => property(field, type(field), { optional: true }))] };
    }
    if (declaration.kind !== "class" || declaration.constructorIR === undefined) return declaration;
    return {
      ...declaration,
      fields: [...declaration.fields, ...fields.map((field) => property(field, FIELD_PROPERTY_TYPES[field.type], { readonly: true }))],
      constructorIR: { ...declaration.constructorIR, body: [...declaration.constructorIR.body, ...fields.map((field) => `this.${field.name} = options.${field.name};`)] },
    };
  });
}
