// Run-time speed of the generated code against a hand-written baseline in the same process:
// toApiError (known, unknown sub-code, unknown code) against a plain Map lookup and `new`, and
// isErrorEnvelope against a plain property check. Reports ops/s and the ratio to the baseline.
import { join } from "node:path";
import { fileURLToPath } from "node:url";

type Package = typeof import("../generated/tencentcloud-api-errors/src/index.ts");
const PACKAGE = fileURLToPath(new URL("../generated/tencentcloud-api-errors/dist/esm/index.js", import.meta.url));

export interface RuntimeResult {
  readonly name: string;
  readonly errgenOps: number;
  readonly baselineOps: number;
  readonly ratio: number;
}

/** The hand-written equivalent: a Map from code to class, nearest ancestor by trimming segments. */
function handWritten(codes: readonly string[]) {
  class BaseError extends Error {
    constructor(
      message: string,
      readonly code: string,
      readonly requestId: string | undefined,
    ) {
      super(message);
    }
  }
  const classes = new Map<string, typeof BaseError>(codes.map((code) => [code, class extends BaseError {}]));
  const toError = (envelope: { Response: { Error: { Code: string; Message: string }; RequestId: string } }) => {
    const { Error: error, RequestId } = envelope.Response;
    let path = error.Code;
    let type = classes.get(path);
    while (type === undefined && path.includes(".")) type = classes.get((path = path.slice(0, path.lastIndexOf("."))));
    return new (type ?? BaseError)(error.Message, error.Code, RequestId);
  };
  const isEnvelope = (value: any): boolean =>
    typeof value === "object" && value !== null && typeof value.Response?.Error?.Code === "string" && typeof value.Response.Error.Message === "string" && typeof value.Response.RequestId === "string";
  return { toError, isEnvelope };
}

/** Operations per second of `run`, over `ms` milliseconds (after a warm-up). */
function opsPerSecond(run: () => number, ms: number): number {
  let sink = 0;
  const deadline = performance.now() + ms;
  let ops = 0;
  const started = performance.now();
  while (performance.now() < deadline) {
    for (let i = 0; i < 1000; i++) sink += run();
    ops += 1000;
  }
  if (sink === -1) console.log(sink);
  return ops / ((performance.now() - started) / 1000);
}

export async function runtimeBench(ms = 300, rounds = 5): Promise<RuntimeResult[]> {
  const api: Package = await import(PACKAGE);
  const codes = Object.values(api.CommonErrorCode) as string[];
  const baseline = handWritten([...codes, "AuthFailure"]);
  const envelope = (code: string) => ({ Response: { Error: { Code: code, Message: "m" }, RequestId: "r-1" } });
  const cases: [string, () => number, () => number][] = [];
  for (const [name, code] of [
    ["toApiError, known code", "AuthFailure.SignatureFailure"],
    ["toApiError, unknown sub-code", "AuthFailure.SomethingNew"],
    ["toApiError, unknown code", "Totally.Unknown"],
  ] as const) {
    const inputs = JSON.parse(JSON.stringify(Array.from({ length: 256 }, () => envelope(code))));
    let i = 0;
    const pick = () => inputs[(i = (i + 1) & 255)];
    cases.push([name, () => api.toApiError(pick()).code.length, () => baseline.toError(pick()).code.length]);
  }
  // Distinct objects parsed from JSON, as responses arrive, so that neither side can fold a constant input.
  const responses: unknown[] = JSON.parse(
    JSON.stringify(Array.from({ length: 1024 }, (_, i) => (i % 2 ? envelope(codes[i % codes.length]!) : { Response: { RequestId: `r-${i}`, Items: [i] } }))),
  );
  let next = 0;
  const pick = () => responses[(next = (next + 1) & 1023)];
  cases.push(["isErrorEnvelope (half failures, half successes)", () => +api.isErrorEnvelope(pick()), () => +baseline.isEnvelope(pick())]);

  const results: RuntimeResult[] = [];
  for (const [name, errgen, hand] of cases) {
    opsPerSecond(errgen, ms);
    opsPerSecond(hand, ms);
    const ratios: { e: number; b: number }[] = [];
    for (let round = 0; round < rounds; round++) ratios.push({ e: opsPerSecond(errgen, ms), b: opsPerSecond(hand, ms) });
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const errgenOps = median(ratios.map((r) => r.e));
    const baselineOps = median(ratios.map((r) => r.b));
    results.push({ name, errgenOps, baselineOps, ratio: median(ratios.map((r) => r.e / r.b)) });
  }
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === join(process.argv[1])) {
  for (const result of await runtimeBench()) console.log(result);
}
