// Small specs for tests, written as YAML text so that positions in diagnostics are real.

export interface TestCode {
  readonly code: string;
  readonly description?: string;
  readonly extra?: string;
}

/** A minimal valid spec with the given codes (and optional extra top-level YAML). */
export function specText(codes: readonly TestCode[], options: { readonly name?: string; readonly top?: string } = {}): string {
  const lines = [
    "specVersion: 1",
    "package:",
    `  name: ${options.name ?? "test-api-errors"}`,
    "  version: 1.0.0",
    "naming:",
    "  baseClass: TestApiError",
    "  codeEnum: TestErrorCode",
  ];
  if (options.top) lines.push(options.top.trimEnd());
  lines.push("codes:");
  for (const code of codes) {
    lines.push(`  ${code.code}:`, `    description: ${JSON.stringify(code.description ?? `${code.code} happened.`)}`);
    if (code.extra) lines.push(...code.extra.trimEnd().split("\n").map((line) => `    ${line}`));
  }
  return `${lines.join("\n")}\n`;
}
