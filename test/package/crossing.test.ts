// Errors crossing a thread or a structured clone: the platform keeps only an Error's name, message, stack
// and cause, so what arrives is a bare Error. The round trip that works, and that the README documents, is
// error.toJSON() → toApiError(json): the class, code, known, request id and fields come back. Through a
// real worker_threads Worker, with the default package and one with fields of its own.
import test from "ava";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { REPO_ROOT, runErrgen, tempDir } from "../helpers/run-cli.ts";

type Package = typeof import("../../generated/tencentcloud-api-errors/src/index.ts");

/** Runs `source` (an ES module) in a Worker with `data` as workerData and returns what it posts back. */
function inWorker(source: string, data: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), { workerData: data });
    worker.once("message", (message) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

test("an error posted to a worker arrives as a bare Error; its toJSON() arrives whole and toApiError makes the same error again", async (t) => {
  const entry = pathToFileURL(join(REPO_ROOT, "generated/tencentcloud-api-errors/dist/esm/index.js")).href;
  const api: Package = await import(entry);
  const error = api.toApiError(Object.assign(new Error("slow down"), { code: "RequestLimitExceeded.UinLimitExceeded", requestId: "req-1", traceId: "trace-1", httpCode: 200 }));
  const worker = `
    import { parentPort, workerData } from "node:worker_threads";
    const api = await import(${JSON.stringify(entry)});
    const bare = workerData.error;
    const again = api.toApiError(workerData.json);
    parentPort.postMessage({
      bare: { isApiError: api.isApiError(bare), isError: bare instanceof Error, name: bare.name, code: bare.code },
      again: { ...again.toJSON(), known: again.known, retryable: again.retryable, rightClass: again instanceof api.RequestLimitExceededUinLimitExceededError },
    });
  `;
  const received = (await inWorker(worker, { error, json: error.toJSON() })) as { bare: Record<string, unknown>; again: Record<string, unknown> };
  t.deepEqual(received.bare, { isApiError: false, isError: true, name: "Error", code: undefined }, "structured clone keeps an Error's message and stack, nothing of the class");
  t.deepEqual(received.again, { ...error.toJSON(), known: true, retryable: true, rightClass: true });
  t.deepEqual(error.toJSON(), { name: "RequestLimitExceededUinLimitExceededError", code: "RequestLimitExceeded.UinLimitExceeded", message: "slow down", requestId: "req-1", httpStatus: 200, traceId: "trace-1" });
  const unknown = api.toApiError({ Response: { Error: { Code: "RequestLimitExceeded.Brand.New", Message: "m" }, RequestId: "r" } });
  const back = (await inWorker(`
    import { parentPort, workerData } from "node:worker_threads";
    const api = await import(${JSON.stringify(entry)});
    const again = api.toApiError(workerData);
    parentPort.postMessage({ name: again.name, code: again.code, known: again.known });
  `, structuredClone(unknown.toJSON()))) as Record<string, unknown>;
  t.deepEqual(back, { name: "RequestLimitExceededError", code: "RequestLimitExceeded.Brand.New", known: false }, "an unknown code stays unknown");
});

test("a package's own fields cross a worker in toJSON(), of every type", async (t) => {
  const out = join(tempDir(t), "google");
  t.is((await runErrgen(["generate", "--spec", "spec/examples/google/spec.yaml", "--out", out], REPO_ROOT)).code, 0);
  const entry = pathToFileURL(join(out, "dist/esm/index.js")).href;
  const api = (await import(entry)) as { toApiError(input: unknown): { toJSON(): Record<string, unknown> } };
  const details = [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "RATE_LIMIT_EXCEEDED" }];
  const error = api.toApiError({ error: { code: 429, message: "quota", status: "RESOURCE_EXHAUSTED", details } });
  const back = await inWorker(`
    import { parentPort, workerData } from "node:worker_threads";
    const api = await import(${JSON.stringify(entry)});
    const again = api.toApiError(workerData);
    parentPort.postMessage({ ...again.toJSON(), known: again.known, isClass: again instanceof api.ResourceExhaustedError });
  `, error.toJSON());
  t.deepEqual(back, { name: "ResourceExhaustedError", code: "RESOURCE_EXHAUSTED", message: "quota", httpStatus: 429, details, known: true, isClass: true });
});
