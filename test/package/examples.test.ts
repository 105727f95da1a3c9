// The example specs for other APIs (spec/examples/: Alibaba Cloud, Volcengine, Huawei Cloud, Google), each
// generated with --verify (strict type-check of the package), checked by a strict consumer of its types,
// and fed real-looking bodies: what each guard says, the class, code, message, request id and fields of
// an error, the nearest ancestor of an unknown sub-code, what unwrapResponse returns, and a JSON round trip;
// and no file of theirs names Tencent Cloud.
import test from "ava";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { compileConsumer } from "../helpers/consumer.ts";
import { folderContents, REPO_ROOT, runErrgen, tempDir } from "../helpers/run-cli.ts";

interface ErrorCase {
  readonly body: unknown;
  /** The class's name, its code, message and request id, and the fields every error of the package carries. */
  readonly expected: { readonly name: string; readonly code: string; readonly message: string; readonly requestId: string | undefined; readonly [field: string]: unknown };
}

interface Example {
  readonly name: string;
  readonly packageName: string;
  readonly error: ErrorCase;
  /** A sub-code the package does not know, with the class of its nearest known ancestor. */
  readonly unknown: ErrorCase;
  readonly success: unknown;
  /** What unwrapResponse returns for `success`. */
  readonly payload: unknown;
  /** Not an envelope of this API at all: both guards say no, unwrapResponse throws a TypeError. */
  readonly neither: unknown;
  /** A consumer that type-checks only if the package's types follow the envelope (strict, exactOptionalPropertyTypes). */
  readonly consumer: string;
}

const EXAMPLES: readonly Example[] = [
  {
    name: "alibaba",
    packageName: "alibaba-cloud-errors",
    error: {
      body: {
        RequestId: "6EF60BEC-0242-43AF-BB20-270359FB54A7",
        HostId: "ecs.aliyuncs.com",
        Code: "Throttling.User",
        Message: "Request was denied due to user flow control.",
        Recommend: "https://api.aliyun.com/troubleshoot?q=Throttling.User&product=Ecs",
      },
      expected: {
        name: "ThrottlingUserError",
        code: "Throttling.User",
        message: "Request was denied due to user flow control.",
        requestId: "6EF60BEC-0242-43AF-BB20-270359FB54A7",
        retryable: true,
        hostId: "ecs.aliyuncs.com",
        recommend: "https://api.aliyun.com/troubleshoot?q=Throttling.User&product=Ecs",
      },
    },
    unknown: {
      body: { RequestId: "A1", HostId: "ecs.aliyuncs.com", Code: "InvalidInstanceId.Malformed", Message: "The specified InstanceId is malformed." },
      expected: { name: "InvalidInstanceIdError", code: "InvalidInstanceId.Malformed", message: "The specified InstanceId is malformed.", requestId: "A1", hostId: "ecs.aliyuncs.com", recommend: undefined },
    },
    success: { RequestId: "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E", TotalCount: 1, Instances: { Instance: [{ InstanceId: "i-bp67acfmxazb4p****" }] } },
    payload: { RequestId: "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E", TotalCount: 1, Instances: { Instance: [{ InstanceId: "i-bp67acfmxazb4p****" }] } },
    neither: { TotalCount: 1 },
    consumer: `
import { toApiError, unwrapResponse, isErrorEnvelope, type ApiEnvelope } from "alibaba-cloud-errors";
declare const body: unknown;
const error = toApiError(body);
const hostId: string | undefined = error.hostId;
const recommend: string | undefined = error.recommend;
const result = unwrapResponse(body as ApiEnvelope<{ TotalCount: number }>);
const total: number = result.TotalCount;
const requestId: string = result.RequestId;
if (isErrorEnvelope(body)) { const code: string = body.Code; const host: string | null | undefined = body.HostId; console.log(code, host); }
console.log(hostId, recommend, total, requestId);
`,
  },
  {
    name: "volcengine",
    packageName: "volcengine-errors",
    error: {
      body: {
        ResponseMetadata: {
          RequestId: "20230604110420AB06D1A1DE0FEF2B4A11",
          Action: "DescribeInstances",
          Version: "2020-04-01",
          Service: "ecs",
          Region: "cn-beijing",
          Error: { CodeN: 100009, Code: "InvalidAccessKey", Message: "The AccessKey ID provided does not exist." },
        },
      },
      expected: {
        name: "InvalidAccessKeyError",
        code: "InvalidAccessKey",
        message: "The AccessKey ID provided does not exist.",
        requestId: "20230604110420AB06D1A1DE0FEF2B4A11",
        codeN: 100009,
        fault: "client",
      },
    },
    unknown: {
      body: { ResponseMetadata: { RequestId: "R2", Action: "RunInstances", Error: { CodeN: 100018, Code: "FlowLimitExceeded.Account", Message: "Too many requests." } } },
      expected: { name: "FlowLimitExceededError", code: "FlowLimitExceeded.Account", message: "Too many requests.", requestId: "R2", codeN: 100018, retryable: true },
    },
    success: {
      ResponseMetadata: { RequestId: "20230604110420AB06D1A1DE0FEF2B4A22", Action: "DescribeInstances", Version: "2020-04-01", Service: "ecs", Region: "cn-beijing" },
      Result: { Instances: [{ InstanceId: "i-3tiegmz6bg0000" }], TotalCount: 1 },
    },
    payload: { Instances: [{ InstanceId: "i-3tiegmz6bg0000" }], TotalCount: 1 },
    neither: { ResponseMetadata: { RequestId: "R3" } },
    consumer: `
import { toApiError, unwrapResponse, isSuccessEnvelope, type ApiEnvelope } from "volcengine-errors";
declare const body: unknown;
const codeN: number | undefined = toApiError(body).codeN;
const result = unwrapResponse(body as ApiEnvelope<{ Instances: { InstanceId: string }[] }>);
const id: string | undefined = result.Instances[0]?.InstanceId;
// @ts-expect-error the payload is Result alone: the request id is in ResponseMetadata
console.log(result.RequestId);
if (isSuccessEnvelope<{ TotalCount: number }>(body)) { const total: number = body.Result.TotalCount; const rid: string = body.ResponseMetadata.RequestId; console.log(total, rid); }
console.log(codeN, id);
`,
  },
  {
    name: "huawei",
    packageName: "huawei-cloud-errors",
    error: {
      body: { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information: decrypt token fail", request_id: "0d5ac2c4b9e4a5d8e2b6f7c1d3a9e8f0" },
      expected: { name: "APIGW0301Error", code: "APIGW.0301", message: "Incorrect IAM authentication information: decrypt token fail", requestId: "0d5ac2c4b9e4a5d8e2b6f7c1d3a9e8f0" },
    },
    unknown: {
      body: { error_code: "APIGW.0999", error_msg: "Something new.", request_id: "r-9" },
      expected: { name: "APIGWError", code: "APIGW.0999", message: "Something new.", requestId: "r-9" },
    },
    success: { servers: [{ id: "ef8e1a3a-51c2-4b2f-a9cf-0f1c0e4d6a3b", name: "ecs-01" }] },
    payload: { servers: [{ id: "ef8e1a3a-51c2-4b2f-a9cf-0f1c0e4d6a3b", name: "ecs-01" }] },
    neither: { error_code: 401, error_msg: "Unauthorized" },
    consumer: `
import { toApiError, unwrapResponse, SVCSTGCCEADDONMGR4000003Error, type ApiEnvelope, type SuccessEnvelope } from "huawei-cloud-errors";
declare const body: unknown;
const error = toApiError(body);
if (error instanceof SVCSTGCCEADDONMGR4000003Error) { const code: "SVCSTG.CCE-ADDONMGR.4000003" | \`SVCSTG.CCE-ADDONMGR.4000003.\${string}\` = error.code; console.log(code); }
const servers = unwrapResponse(body as ApiEnvelope<{ servers: { id: string }[] }>).servers;
const rid: string | undefined = (body as SuccessEnvelope<{ servers: unknown[] }>).request_id;
console.log(servers, rid);
`,
  },
  {
    name: "google",
    packageName: "google-api-errors",
    error: {
      body: {
        error: {
          code: 429,
          message: "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute' of service 'translate.googleapis.com'.",
          status: "RESOURCE_EXHAUSTED",
          details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "RATE_LIMIT_EXCEEDED", domain: "googleapis.com", metadata: { service: "translate.googleapis.com" } }],
        },
      },
      expected: {
        name: "ResourceExhaustedError",
        code: "RESOURCE_EXHAUSTED",
        message: "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute' of service 'translate.googleapis.com'.",
        requestId: undefined,
        httpStatus: 429,
        retryable: true,
        details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "RATE_LIMIT_EXCEEDED", domain: "googleapis.com", metadata: { service: "translate.googleapis.com" } }],
      },
    },
    unknown: {
      body: { error: { code: 409, message: "The operation was aborted.", status: "ABORTED" } },
      expected: { name: "GoogleApiError", code: "ABORTED", message: "The operation was aborted.", requestId: undefined, httpStatus: 409, details: undefined },
    },
    success: { name: "projects/my-project/topics/my-topic", labels: {} },
    payload: { name: "projects/my-project/topics/my-topic", labels: {} },
    neither: [{ error: { status: "INTERNAL", message: "m" } }],
    consumer: `
import { toApiError, unwrapResponse, ResourceExhaustedError, type ApiEnvelope } from "google-api-errors";
declare const body: unknown;
const error = toApiError(body);
const status: number | undefined = error.httpStatus;
const details: unknown = error.details;
if (error instanceof ResourceExhaustedError && error.retryable) console.log(status, details);
const topic: string = unwrapResponse(body as ApiEnvelope<{ name: string }>).name;
// @ts-expect-error Google's bodies carry no request id
console.log(unwrapResponse(body as ApiEnvelope<{ name: string }>).requestId, topic);
`,
  },
];

type Package = typeof import("../../generated/tencentcloud-api-errors/src/index.ts") & Record<string, any>;

for (const example of EXAMPLES) {
  test(`${example.name}: generated and type-checked strictly, its types follow the envelope, and real bodies give what the API means`, async (t) => {
    const dir = tempDir(t);
    const out = join(dir, "node_modules", example.packageName);
    const run = await runErrgen(["generate", "--spec", `spec/examples/${example.name}/spec.yaml`, "--out", out, "--verify"], REPO_ROOT);
    t.is(run.code, 0, run.stderr);

    for (const [file, text] of Object.entries(folderContents(out, { relative: true }))) {
      const vendor = /tencent|AuthFailure|SignatureFailure|ap-guangzhou/i.exec(text);
      if (vendor) t.fail(`${file} names another vendor: ${JSON.stringify(vendor[0])}`);
    }

    writeFileSync(join(dir, "package.json"), '{ "name": "consumer", "private": true, "type": "module" }\n');
    writeFileSync(join(dir, "consumer.ts"), example.consumer);
    t.notThrows(() => compileConsumer(dir, ["consumer.ts"], { noEmit: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true }), "the consumer type-checks");

    for (const build of ["esm", "cjs"]) {
      const api: Package = await import(pathToFileURL(join(out, "dist", build, "index.js")).href);
      for (const { body, expected } of [example.error, example.unknown]) {
        t.true(api.isErrorEnvelope(body), `${build}: an error body is an error envelope`);
        t.false(api.isSuccessEnvelope(body), `${build}: and not a success`);
        const error = api.toApiError(body) as unknown as Record<string, unknown>;
        t.is(error["name"], expected.name, `${build}: the class of ${expected.code}`);
        t.is(error.constructor.name, expected.name);
        t.like(error, expected);
        t.true(api.isApiError(error));
        const parsed = api.parseResponse(body) as { ok: boolean; error?: Record<string, unknown> };
        t.false(parsed.ok);
        t.like(parsed.error, expected, `${build}: parseResponse gives the typed error, not thrown`);
        const thrown = t.throws(() => api.unwrapResponse(body as never)) as unknown as Record<string, unknown>;
        t.like(thrown, expected, `${build}: unwrapResponse throws the same typed error`);
        const json = (error as unknown as { toJSON(): Record<string, unknown> }).toJSON();
        t.like(api.toApiError(json), expected, `${build}: the JSON form reads back, fields included`);
        t.is(JSON.stringify(api.toApiError(JSON.parse(JSON.stringify(json)))), JSON.stringify(json));
      }
      t.true(api.isSuccessEnvelope(example.success), `${build}: a success body is a success envelope`);
      t.false(api.isErrorEnvelope(example.success));
      t.deepEqual(api.unwrapResponse(example.success as never), example.payload, `${build}: unwrapResponse returns the payload`);
      t.deepEqual(api.parseResponse(example.success), { ok: true, data: example.payload }, `${build}: parseResponse gives the payload as data`);
      t.false(api.isErrorEnvelope(example.neither));
      t.false(api.isSuccessEnvelope(example.neither));
      t.throws(() => api.unwrapResponse(example.neither as never), { instanceOf: TypeError }, `${build}: not an envelope`);
    }
  });
}

test("huawei: a code with a hyphen and digit-first segments keeps its code; its class is named by the identifier rule", async (t) => {
  const dir = tempDir(t);
  const out = join(dir, "huawei");
  t.is((await runErrgen(["generate", "--spec", "spec/examples/huawei/spec.yaml", "--out", out], REPO_ROOT)).code, 0);
  const api: Package = await import(pathToFileURL(join(out, "dist/esm/index.js")).href);
  const error = api.toApiError({ error_code: "SVCSTG.CCE-ADDONMGR.4000003", error_msg: "Add-on not found.", request_id: "r" });
  t.is(error.name, "SVCSTGCCEADDONMGR4000003Error");
  t.true(error instanceof api["SVCSTGCCEADDONMGR4000003Error"]);
  t.true(error instanceof api["SVCSTGError"], "below its category");
});
