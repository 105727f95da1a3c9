// The official SDK's product clients (tencentcloud-sdk-nodejs, a dev dependency of the tests only) with the
// generated package: tencentcloud.lke.v20231130.Client talks to a loopback server that answers like Tencent
// Cloud (errors in 200 bodies, an X-TC-TraceId header, a 503 without a body). withLkeErrors makes its
// rejections typed, attemptLke its calls results; and every action of the shipped products is a method of
// the SDK's client for that product, checked by the type checker (this file is type-checked by npm test)
// and at run time.
import test from "ava";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Client as AdpClient } from "tencentcloud-sdk-nodejs/tencentcloud/services/adp/v20260520/adp_client.js";
import type { Client as LkeClient } from "tencentcloud-sdk-nodejs/tencentcloud/services/lke/v20231130/lke_client.js";
import type { Client as LkeapClient } from "tencentcloud-sdk-nodejs/tencentcloud/services/lkeap/v20240522/lkeap_client.js";
import type { AdpAction } from "../../generated/tencentcloud-api-errors/src/products/adp.ts";
import type { LkeAction } from "../../generated/tencentcloud-api-errors/src/products/lke.ts";
import type { LkeapAction } from "../../generated/tencentcloud-api-errors/src/products/lkeap.ts";
import { analyzeFiles } from "../../generator/errgen.ts";
import { diskSpecFiles } from "../../generator/load/spec-files.ts";
import { REPO_ROOT } from "../helpers/run-cli.ts";

type Lke = typeof import("../../generated/tencentcloud-api-errors/src/products/lke.ts");
const lkeModule: Lke = await import(join(REPO_ROOT, "generated/tencentcloud-api-errors/dist/esm/products/lke.js"));
const root: typeof import("../../generated/tencentcloud-api-errors/src/index.ts") = await import(join(REPO_ROOT, "generated/tencentcloud-api-errors/dist/esm/index.js"));
const require = createRequire(import.meta.url);
const sdk = {
  lke: require("tencentcloud-sdk-nodejs/tencentcloud/services/lke/index.js") as typeof import("tencentcloud-sdk-nodejs/tencentcloud/services/lke/index.js"),
  adp: require("tencentcloud-sdk-nodejs/tencentcloud/services/adp/index.js") as typeof import("tencentcloud-sdk-nodejs/tencentcloud/services/adp/index.js"),
  lkeap: require("tencentcloud-sdk-nodejs/tencentcloud/services/lkeap/index.js") as typeof import("tencentcloud-sdk-nodejs/tencentcloud/services/lkeap/index.js"),
};

// Every action errgen knows for a product is a method of the SDK's client: a type error names any that is not.
type Missing<A extends string, C> = Exclude<A, keyof C>;
type MissingActions = { lke: Missing<LkeAction, LkeClient>; adp: Missing<AdpAction, AdpClient>; lkeap: Missing<LkeapAction, LkeapClient> };
const noneMissing: { lke: never; adp: never; lkeap: never } = {} as MissingActions; // a type-level check: nothing runs
void noneMissing;

/** What the server answers per action: a payload, an error code, or a 503 without a body. */
const ANSWERS: Record<string, { payload: object } | { code: string } | "503"> = {
  DescribeApp: { payload: { AppBizId: "1234", AppType: "knowledge_qa" } },
  CreateApp: { code: "FailedOperation" },
  DeleteApp: { code: "FailedOperation.AppLocked" },
  ListApp: { code: "InvalidParameter" },
  ModifyApp: "503",
};

let requestCount = 0;
async function readBody(request: IncomingMessage): Promise<void> {
  for await (const _ of request) void _;
}
const server = createServer(async (request, response) => {
  await readBody(request);
  const answer = ANSWERS[String(request.headers["x-tc-action"])] ?? { code: "InvalidAction" };
  const trace = `trace-${++requestCount}`;
  if (answer === "503") return void response.writeHead(503, { "x-tc-traceid": trace }).end();
  const requestId = `req-${requestCount}`;
  const body = "code" in answer ? { Error: { Code: answer.code, Message: `${answer.code} happened.` }, RequestId: requestId } : { ...answer.payload, RequestId: requestId };
  response.writeHead(200, { "content-type": "application/json", "x-tc-traceid": trace }).end(JSON.stringify({ Response: body }));
});

let client: LkeClient;
test.before(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  client = new sdk.lke.lke.v20231130.Client({
    credential: { secretId: "AKIDtest", secretKey: "test-key" },
    region: "ap-guangzhou",
    profile: { httpProfile: { endpoint: `127.0.0.1:${port}`, protocol: "http://" } },
  });
});
test.after.always(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("every action of the shipped products is a method of the official SDK's client for that product", (t) => {
  const analyzed = analyzeFiles(diskSpecFiles(join(REPO_ROOT, "spec/tencentcloud.yaml"), REPO_ROOT));
  if (!analyzed.ok) return t.fail("the shipped spec is valid");
  const clients: Record<string, { prototype: object }> = { lke: sdk.lke.lke.v20231130.Client, adp: sdk.adp.adp.v20260520.Client, lkeap: sdk.lkeap.lkeap.v20240522.Client };
  t.deepEqual(analyzed.model.products.map((product) => product.name).sort(), Object.keys(clients).sort(), "the SDK has every shipped product");
  for (const product of analyzed.model.products) {
    const missing = product.actions.map((action) => action.name).filter((name) => typeof Reflect.get(clients[product.name]!.prototype, name) !== "function");
    t.deepEqual(missing, [], `${product.name}: actions the SDK's client lacks`);
    t.true(product.actions.length > 0);
  }
});

test("withLkeErrors: the real lke client rejects with the package's errors, cause and trace id kept; successes untouched", async (t) => {
  const typed = lkeModule.withLkeErrors(client);
  const app = await typed.DescribeApp({ AppBizId: "1234" });
  t.is(app.AppBizId, "1234", "a success is the SDK's own result");
  const failed = await typed.CreateApp({ AppType: "knowledge_qa", BaseConfig: { Name: "n" } } as never).catch((error: unknown) => error);
  t.true(failed instanceof lkeModule.FailedOperationError);
  const error = failed as InstanceType<Lke["FailedOperationError"]>;
  t.is(error.cause?.constructor.name, "TencentCloudSDKHttpException");
  t.regex(error.traceId ?? "", /^trace-\d+$/);
  t.regex(error.requestId ?? "", /^req-\d+$/);
  t.true(error.known);
  const locked = await typed.DeleteApp({ AppBizId: "1", AppType: "knowledge_qa" }).catch((caught: unknown) => caught);
  t.true(locked instanceof lkeModule.FailedOperationError, "an unknown sub-code lands on its nearest ancestor");
  t.deepEqual([(locked as { code: string }).code, (locked as { known: boolean }).known], ["FailedOperation.AppLocked", false]);
  const overloaded = await typed.ModifyApp({} as never).catch((caught: unknown) => caught);
  t.false(root.isApiError(overloaded), "a 503 without a body is passed on as the SDK threw it");
  t.is((overloaded as { httpCode?: number }).httpCode, 503);
});

test("attemptLke: a result typed as the client method's, the error narrowed to the action's codes with no cast", async (t) => {
  const described = await lkeModule.attemptLke(client, "DescribeApp", { AppBizId: "1234" });
  if (!described.ok) return t.fail("DescribeApp succeeds");
  const bizId: string | undefined = described.data.AppBizId; // the SDK's DescribeAppResponse
  t.is(bizId, "1234");
  const listed = await lkeModule.attemptLke(client, "ListApp", { AppType: "knowledge_qa" } as never);
  if (listed.ok) return t.fail("ListApp fails");
  t.true(listed.error instanceof lkeModule.InvalidParameterError);
  if (listed.error.known) {
    const code: Lke["LkeErrorCode"][keyof Lke["LkeErrorCode"]] | import("../../generated/tencentcloud-api-errors/src/index.ts").KnownErrorCode = listed.error.code;
    t.is(code, "InvalidParameter");
  } else t.fail("InvalidParameter is known");
  t.false(lkeModule.isLkeActionError("DescribeApp", listed.error), "DescribeApp does not list InvalidParameter");
  const described2 = await lkeModule.attemptLke(client, "CreateApp", {} as never);
  if (described2.ok) return t.fail("CreateApp fails");
  // The error's code offers CreateApp's codes (a case needs no cast) and stays a string: any code may arrive.
  switch (described2.error.code) {
    case "FailedOperation":
      t.pass();
      break;
    default:
      t.fail(`unexpected ${described2.error.code}`);
  }
});
