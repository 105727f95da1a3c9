// Import plan → spec YAML text: the root spec and one file per product, commented and stable.
import type { ImportedCode, ImportedProduct, ImportPlan } from "./build-import.ts";

/** The first line of every imported spec; errgen recognises its own files by it. */
export const IMPORT_MARKER = "# Imported by errgen import-corpus";

/** A YAML scalar: plain when that is unambiguous, else double-quoted (JSON escapes are valid YAML). */
export function yamlScalar(text: string): string {
  const plain = /^[A-Za-z][A-Za-z0-9_.]*$/.test(text) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(text);
  return plain ? text : JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

export function printRootSpec(plan: ImportPlan, productFiles: readonly string[], origin: string): string {
  const lines = [
    `${IMPORT_MARKER} from ${origin}; importing again replaces this file.`,
    "# Tencent Cloud API 3.0: every response is {\"Response\": {...}}; a failure carries Response.Error.Code and",
    "# .Message, and Response.RequestId is always there. The codes below are the common error codes every",
    "# product may return; each product spec adds its own codes and the codes each of its actions may return.",
    "specVersion: 1",
    "",
    "package:",
    "  name: tencentcloud-api-errors",
    "  version: 1.0.0",
    "  description: Typed errors for Tencent Cloud API 3.0 responses",
    "  license: MIT",
    "",
    "naming:",
    "  baseClass: TencentCloudApiError",
    "  codeEnum: CommonErrorCode",
    "",
    "envelope:",
    "  response: Response",
    "  requestId: RequestId",
    "  error: Error",
    "  code: Code",
    "  message: Message",
    "",
    "# The official SDK's exceptions carry these codes; the package's README shows how to use it.",
    "sdk: tencentcloud",
    "",
    "categories:",
  ];
  for (const category of plan.categories) {
    if (category.retryable) lines.push("  # The official Python SDK retries this family (tencentcloud/common/retry.py).");
    lines.push(`  ${yamlScalar(category.name)}:`);
    if (category.description !== undefined) lines.push(`    description: ${yamlScalar(category.description)}`);
    if (category.descriptionZh !== undefined) lines.push(`    description_zh: ${yamlScalar(category.descriptionZh)}`);
    if (category.retryable) lines.push("    retryable: true");
  }
  lines.push("", "codes:", ...codeLines(plan.common));
  if (productFiles.length > 0) lines.push("", "products:", ...productFiles.map((file) => `  - ${yamlScalar(file)}`));
  return `${lines.join("\n")}\n`;
}

export function printProductSpec(product: ImportedProduct, origin: string): string {
  const lines = [
    `${IMPORT_MARKER} from ${origin}; importing again replaces this file.`,
    `# Product ${product.name}, API version ${product.version}${product.intlOnly ? " (international SDK only: English descriptions)" : ""}.`,
  ];
  if (product.skipped.length > 0) lines.push("# Not imported:", ...product.skipped.map((reason) => `#   ${reason.replace(/[\r\n]+/g, " ")}`));
  lines.push(`product: ${product.name}`, `version: ${yamlScalar(product.version)}`);
  if (product.identifier) lines.push(`name: ${product.identifier}`);
  lines.push("", product.codes.length > 0 ? "codes:" : "codes: {}", ...codeLines(product.codes));
  if (product.actions.length > 0) {
    lines.push("", "actions:");
    for (const action of product.actions) lines.push(`  ${action.name}: [${action.codes.map(yamlScalar).join(", ")}]`);
  }
  return `${lines.join("\n")}\n`;
}

function codeLines(codes: readonly ImportedCode[]): string[] {
  const lines: string[] = [];
  for (const code of codes) {
    lines.push(`  ${yamlScalar(code.code)}:`);
    if (code.description !== undefined) lines.push(`    description: ${yamlScalar(code.description)}`);
    if (code.descriptionZh !== undefined) lines.push(`    description_zh: ${yamlScalar(code.descriptionZh)}`);
    if (code.fault) lines.push(`    fault: ${code.fault}`);
    if (code.name) lines.push(`    name: ${code.name}`);
  }
  return lines;
}
