// The official Node SDK (tencentcloud-sdk-nodejs-common) against a local server that answers like
// Tencent Cloud (errors in 200 bodies, an X-TC-TraceId header, a 503 without a body): its
// TencentCloudSDKHttpException becomes the right class through toApiError and withTypedErrors, unwrapResponse
// handles the raw JSON the server sent, and attempt<Product> turns a call into a result.
import test from "ava";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { CommonClient } from "tencentcloud-sdk-nodejs-common";
import { REPO_ROOT } from "../helpers/run-cli.ts";

type Root = typeof import("../../generated/tencentcloud-api-errors/src/index.ts");
type Lkeap = typeof import("../../generated/tencentcloud-api-errors/src/products/lkeap.ts");
const PACKAGE = join(REPO_ROOT, "generated/tencentcloud-api-errors/dist/esm");
const api: Root = await import(join(PACKAGE, "index.js"));
const lkeap: Lkeap = await import(join(PACKAGE, "products/lkeap.js"));

/** What the server answers per action: a success payload, or an error code and message. */
const ANSWERS: Record<string, { Items: number[] } | { Code: string; Message: string }> = {
  DescribeThings: { Items: [1, 2, 3] },
  SignedBadly: { Code: "AuthFailure.SignatureFailure", Message: "The provided credentials could not be validated." },
  TooFast: { Code: "RequestLimitExceeded.UinLimitExceeded", Message: "Your requests are too frequent." },
  BrandNew: { Code: "AuthFailure.SomethingNobodyListed", Message: "A sub-code this package does not know." },
  EngineDown: { Code: "FailedOperation.EngineServerError", Message: "Engine layer internal error." },
  Mystery: { Code: "Totally.Unknown", Message: "Nothing known about this." },
};

const bodies: string[] = [];
const authorizations: string[] = [];
let requestCount = 0;

async function readBody(request: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of request) text += chunk;
  return text;
}

const server = createServer(async (request, response) => {
  await readBody(request);
  const action = String(request.headers["x-tc-action"]);
  if (action === "Overloaded") {
    response.writeHead(503, { "x-tc-traceid": "trace-503" }).end();
    return;
  }
  authorizations.push(String(request.headers.authorization));
  const requestId = `req-${++requestCount}`;
  const answer = ANSWERS[action];
  const payload = answer === undefined || "Code" in answer ? { Error: answer ?? { Code: "InvalidAction", Message: "No such action." }, RequestId: requestId } : { ...answer, RequestId: requestId };
  const body = JSON.stringify({ Response: payload });
  bodies.push(body);
  response.writeHead(200, { "content-type": "application/json", "x-tc-traceid": `trace-${requestCount}` }).end(body);
});

let client: CommonClient;
test.before(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  client = new CommonClient("lkeap.tencentcloudapi.com", "2024-05-22", {
    credential: { secretId: "AKIDtest", secretKey: "test-key" },
    region: "ap-guangzhou",
    profile: { httpProfile: { endpoint: `127.0.0.1:${port}`, protocol: "http://" } },
  });
});
test.after.always(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Calls an action and returns what the SDK threw. */
async function sdkError(action: string): Promise<Error & { code?: string; requestId?: string }> {
  try {
    await client.request(action, {});
  } catch (error) {
    return error as Error;
  }
  throw new Error(`${action} did not fail`);
}

test.serial("a success comes back as the SDK's Response; unwrapResponse gives the same from the raw JSON", async (t) => {
  const data = (await client.request("DescribeThings", { Limit: 3 })) as { Items: number[]; RequestId: string };
  t.deepEqual(data.Items, [1, 2, 3]);
  t.deepEqual(api.unwrapResponse(JSON.parse(bodies.at(-1)!)), data);
  t.regex(authorizations.at(-1)!, /^TC3-HMAC-SHA256 Credential=AKIDtest\//, "the real SDK signed the request");
});

test.serial("the SDK's exception becomes the code's own class, with code and request id kept", async (t) => {
  const thrown = await sdkError("SignedBadly");
  t.is(thrown.constructor.name, "TencentCloudSDKHttpException");
  const error = api.toApiError(thrown);
  t.true(error instanceof api.AuthFailureSignatureFailureError);
  t.is(error.code, "AuthFailure.SignatureFailure");
  t.is(error.requestId, thrown.requestId);
  t.is(error.message, "The provided credentials could not be validated.");
  t.is(error.cause, thrown);
  t.throws(() => api.unwrapResponse(JSON.parse(bodies.at(-1)!)), { instanceOf: api.AuthFailureSignatureFailureError });
});

test.serial("throttling is retryable; an unknown sub-code lands on its category; an unknown code on the base class", async (t) => {
  const throttled = api.toApiError(await sdkError("TooFast"));
  t.true(throttled instanceof api.RequestLimitExceededUinLimitExceededError);
  t.true(throttled.retryable);

  const brandNew = api.toApiError(await sdkError("BrandNew"));
  t.is(Object.getPrototypeOf(brandNew), api.AuthFailureError.prototype);
  t.is(brandNew.code, "AuthFailure.SomethingNobodyListed");

  const mystery = api.toApiError(await sdkError("Mystery"));
  t.is(Object.getPrototypeOf(mystery), api.TencentCloudApiError.prototype);
  t.is(mystery.code, "Totally.Unknown");
});

test.serial("a product's converter knows the product's codes; the root's falls back to the common category", async (t) => {
  const thrown = await sdkError("EngineDown");
  const error = lkeap.toLkeapError(thrown);
  t.true(error instanceof lkeap.FailedOperationEngineServerError);
  t.true(lkeap.isLkeapActionError("ChatCompletions", error));
  t.is(Object.getPrototypeOf(api.toApiError(thrown)), api.FailedOperationError.prototype);
  t.throws(() => lkeap.unwrapLkeapResponse(JSON.parse(bodies.at(-1)!)), { instanceOf: lkeap.FailedOperationEngineServerError });
});

test.serial("withTypedErrors: the same client rejecting with the package's errors; successes, sync results and codeless failures untouched", async (t) => {
  const typed = api.withTypedErrors(client);
  t.is(typed.request, typed.request, "a method read twice is the same function");
  const data = (await typed.request("DescribeThings", {})) as { Items: number[] };
  t.deepEqual(data.Items, [1, 2, 3]);
  const rejected = await typed.request("SignedBadly", {}).catch((error: unknown) => error);
  t.true(rejected instanceof api.AuthFailureSignatureFailureError);
  const error = rejected as InstanceType<Root["AuthFailureSignatureFailureError"]>;
  t.is(error.cause?.constructor.name, "TencentCloudSDKHttpException", "the SDK's exception is the cause");
  t.regex(error.traceId ?? "", /^trace-\d+$/, "the trace id from the X-TC-TraceId header, through the SDK");
  t.regex(error.requestId ?? "", /^req-\d+$/);
  t.true(error.known);
  const overloaded = await typed.request("Overloaded", {}).catch((caught: unknown) => caught);
  t.false(api.isApiError(overloaded), "a 503 carries no code: passed on as the SDK threw it");
  t.is((overloaded as { httpCode?: number }).httpCode, 503);
  t.is(api.toApiError(Object.assign(new Error("x"), { code: "InternalError", httpCode: 503 })).httpStatus, 503, "httpCode becomes httpStatus");
  const plain = { value: 1, sync: () => 42, async later() { return this.value; } };
  const wrapped = api.withTypedErrors(plain);
  t.is(wrapped.sync(), 42, "what is not a promise is returned as it is");
  t.is(await wrapped.later(), 1, "this is the client itself");
  t.is(wrapped.value, 1);
});

test.serial("with<Product>Errors and attempt<Product>: the product's classes, a result instead of a throw", async (t) => {
  const engine = await lkeap.withLkeapErrors(client).request("EngineDown", {}).catch((error: unknown) => error);
  t.true(engine instanceof lkeap.FailedOperationEngineServerError);
  // A product client as the SDK shapes one: a method per action, returning the action's response.
  const product = {
    ChatCompletions: (request: { Model: string }) => client.request("EngineDown", request) as Promise<{ Choices: string[] }>,
    DescribeThings: (request: { Limit: number }) => client.request("DescribeThings", request) as Promise<{ Items: number[] }>,
    Overloaded: (request: object) => client.request("Overloaded", request) as Promise<unknown>,
  };
  const failed = await lkeap.attemptLkeap(product, "ChatCompletions", { Model: "m" });
  if (failed.ok) return t.fail("EngineDown fails");
  t.true(failed.error instanceof lkeap.FailedOperationEngineServerError);
  t.true(failed.error.known);
  if (lkeap.isLkeapActionError("ChatCompletions", failed.error)) t.is(failed.error.code, "FailedOperation.EngineServerError");
  else t.fail("ChatCompletions lists FailedOperation.EngineServerError");
  const succeeded = await lkeap.attemptLkeap(product as typeof product & { CreateReconstructDocumentFlow: typeof product.DescribeThings }, "CreateReconstructDocumentFlow", { Limit: 1 }).catch((e: unknown) => e);
  t.true(succeeded instanceof TypeError || (succeeded as { ok?: boolean }).ok === false, "a method the object lacks is a TypeError or an error result, never a success");
  const overloaded = await lkeap.attemptLkeap(product as never, "Overloaded" as never, {} as never).catch((error: unknown) => error);
  t.is((overloaded as { httpCode?: number }).httpCode, 503, "a rejection without a code is passed on");
});
