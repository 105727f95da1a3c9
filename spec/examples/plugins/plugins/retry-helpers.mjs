// An errgen plugin: adds `<package>/retry/<product>` for each product of the spec, read from
// context.model: the product's retryable codes and `shouldRetry<Product>(error)`. Written with
// ts-morph writer functions, with no import at all.

/** @type {import("errgen").ErrgenPlugin} */
export default function retryHelpers({ model, createSourceFile }) {
  for (const product of model.products) {
    const name = product.exports.identifier;
    const retryable = product.codes.filter((code) => code.retryable).map((code) => code.code);
    createSourceFile(`retry/${product.name}`, (writer) => {
      writer.writeLine(`import { isApiError } from "../index.js";`);
      writer.writeLine(`import type { ${product.exports.knownCode} } from "../products/${product.name}.js";`);
      writer.blankLine();
      writer.writeLine(`/** The ${product.name} codes worth retrying: ${retryable.length} of ${product.codes.length}. */`);
      writer.write(`export const ${lowerFirst(name)}RetryableCodes: ReadonlySet<${product.exports.knownCode}> = new Set([`);
      writer.write(retryable.map((code) => JSON.stringify(code)).join(", "));
      writer.write("]);").newLine();
      writer.blankLine();
      writer.writeLine(`/** Whether a failure of a ${product.name} call is worth retrying: its code is retryable, or the error says it is. */`);
      writer.write(`export function shouldRetry${name}(error: unknown): boolean`).block(() => {
        writer.writeLine("if (!isApiError(error)) return false;");
        writer.writeLine(`return error.retryable || (${lowerFirst(name)}RetryableCodes as ReadonlySet<string>).has(error.code);`);
      });
    });
  }
}

/** @param {string} text */
function lowerFirst(text) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
