// emit-product.ts and emit-actions.ts: a product module holds its own classes, codes and per-action
// types and guard; the matcher they use is the runtime's.
import test from "ava";
import { emitActions } from "../../generator/emit/emit-actions.ts";
import { emitContext } from "../../generator/emit/emit-context.ts";
import { emitProduct } from "../../generator/emit/emit-product.ts";
import { declarationNamed, declared, typescriptOf } from "../helpers/emitted.ts";
import { modelOf, SAMPLE_SPEC } from "../helpers/model-of.ts";

const model = modelOf(SAMPLE_SPEC);
const invoices = emitProduct(model.products[0]!, emitContext(model));
const text = typescriptOf(invoices);

test("the product's own classes and exports, named by its name: override", (t) => {
  t.is(invoices.path, "products/invoices");
  const names = declared(invoices);
  for (const name of ["const InvalidInvoiceVoidedError", "const QuotaInvoicesError", "enum InvoiceErrorCode", "function isInvoiceErrorCode", "interface InvoiceActionErrors", "function isInvoiceActionError", "function toInvoiceError", "function unwrapInvoiceResponse", "function describeInvoiceError"]) {
    t.true(names.includes(name), name);
  }
  t.like(declarationNamed(invoices, "QuotaInvoicesError", "const"), { type: 'ErrorClass<QuotaError, "Quota.Invoices">' }, "extends the root's category class");
});

test("each action lists its codes: the product's own by position, others as strings, none as never", (t) => {
  t.regex(text, /readonly IssueInvoice: InvoiceErrorCodeList\[\d\] \| "Upstream\.Timeout";/);
  t.regex(text, /readonly VoidInvoice: InvoiceErrorCodeList\[\d\];/);
  t.regex(text, /readonly ListInvoices: never;/);
});

test("the actions module is the runtime's matcher", (t) => {
  t.deepEqual(declared(emitActions(model)), ["type ActionTable", "type ActionMatcher", "function createActionMatcher", "function matchAction"]);
});
