// A model from specs held in memory, for tests of the stages after validate, and a small spec that
// exercises each emitter: an envelope of its own, categories, a name override, a product with actions.
import { analyzeFiles } from "../../generator/errgen.ts";
import { memorySpecFiles } from "../../generator/load/spec-files.ts";
import type { Model } from "../../generator/model/model.ts";

/** The model of `files` (path → YAML), rooted at `root`; throws the diagnostics of an invalid spec. */
export function modelOf(files: Readonly<Record<string, string>>, root = Object.keys(files)[0]!): Model {
  const analyzed = analyzeFiles(memorySpecFiles(files, root));
  if (!analyzed.ok) throw new Error(analyzed.diagnostics.map((d) => `${d.position.file}:${d.position.line}: ${d.message}`).join("\n"));
  return analyzed.model;
}

export const SAMPLE_SPEC: Readonly<Record<string, string>> = {
  "spec/errors.yaml": `specVersion: 1
package:
  name: "@team/sample-errors"
  version: 1.2.0
naming:
  baseClass: SampleApiError
  codeEnum: SampleErrorCode
envelope:
  response: Body
  requestId: TraceId
  error: Failure
  code: Kind
  message: Text
categories:
  Quota:
    description: A quota was exceeded.
    retryable: true
codes:
  Auth.Token:
    description: The token is invalid.
    description_zh: 令牌无效。
  Quota.Daily:
    description: The daily quota is spent.
  Upstream.Timeout:
    description: The ledger did not answer in time.
    fault: server
    name: LedgerTimeout
products:
  - products/invoices.yaml
`,
  "spec/products/invoices.yaml": `product: invoices
version: "2025-01-01"
name: Invoice
codes:
  Quota.Invoices:
    description: Too many invoices today.
  InvalidInvoice.Voided:
    description: The invoice was voided.
actions:
  IssueInvoice: [Quota.Invoices, Upstream.Timeout]
  VoidInvoice: [InvalidInvoice.Voided]
  ListInvoices: []
`,
};
