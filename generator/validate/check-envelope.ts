// Rules on the envelope as a whole: each path is valid on its own (spec-shape.ts); here, a built-in
// field keeps its type, and no value of an error or a success sits where another is, or inside it.
import { diagnostic, formatPositionFrom, type Diagnostic, type SourcePosition } from "../diagnostics.ts";
import type { EnvelopeInput } from "./spec-input.ts";
import { BUILT_IN_FIELDS } from "./spec-shape.ts";

/** A place in the body: a value (read as a string, number, …) or an object holding others. */
interface Place {
  /** How messages name it: `code`, `field "codeN"`, `result`. */
  readonly name: string;
  /** Its path from the body, one name per segment. */
  readonly path: readonly string[];
  /** A value's type; `undefined` for an object. */
  readonly type: string | undefined;
  readonly position: SourcePosition;
}

export function checkEnvelope(envelope: EnvelopeInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const field of envelope.fields) {
    const builtIn = BUILT_IN_FIELDS[field.name];
    if (builtIn !== undefined && field.type.value !== builtIn) {
      diagnostics.push(diagnostic(field.type.position, `field "${field.name}" fills the built-in ${field.name}, a ${builtIn}: its type must be ${builtIn}, got ${field.type.value}`));
    }
  }
  const places = placesOf(envelope);
  // One problem a place: the first it has with a place named before it.
  for (const [index, later] of places.entries()) {
    for (const earlier of places.slice(0, index)) {
      const problem = overlap(earlier, later) ?? overlap(later, earlier);
      if (problem === undefined) continue;
      const where = `${earlier.name} is at ${formatPositionFrom(earlier.position, later.position)}`;
      diagnostics.push(diagnostic(later.position, `${problem} (${where}): a body cannot hold both; change one of the paths`));
      break;
    }
  }
  return diagnostics;
}

/** What is wrong with `a` beside `b`, when something is. */
function overlap(a: Place, b: Place): string | undefined {
  if (a.type === undefined) return undefined;
  const inside = b.path.length > a.path.length && a.path.every((segment, i) => b.path[i] === segment);
  if (inside) return `${a.name} (${shown(a.path)}) is a ${a.type}, so ${b.name} (${shown(b.path)}) cannot be inside it`;
  const same = b.path.length === a.path.length && a.path.every((segment, i) => b.path[i] === segment);
  if (same && b.type !== a.type) return `${b.name} and ${a.name} are both ${shown(a.path)}, one ${b.type === undefined ? "an object" : `a ${b.type}`} and the other a ${a.type}`;
  return undefined;
}

function shown(path: readonly string[]): string {
  return path.length === 0 ? "the body" : path.join(".");
}

/** The values an error or a success holds, and the objects that hold them, in the order the spec names them. */
function placesOf(envelope: EnvelopeInput): Place[] {
  const split = (path: string) => (path === "." ? [] : path.split("."));
  const response = split(envelope.response.value);
  const error = [...response, ...split(envelope.error.value)];
  const places: Place[] = [];
  if (error.length > response.length) places.push({ name: "error", path: error, type: undefined, position: envelope.error.position });
  places.push({ name: "code", path: [...error, ...split(envelope.code.value)], type: "string", position: envelope.code.position });
  const { message, requestId, result } = envelope;
  if (message.value !== null) places.push({ name: "message", path: [...error, ...split(message.value)], type: "string", position: message.position });
  if (requestId.value !== null) places.push({ name: "requestId", path: [...response, ...split(requestId.value)], type: "string", position: requestId.position });
  if (result !== undefined) places.push({ name: "result", path: split(result.value), type: undefined, position: result.position });
  for (const field of envelope.fields) {
    const type = field.type.value === "json" ? "JSON value" : field.type.value;
    places.push({ name: `field "${field.name}"`, path: [...error, ...split(field.path.value)], type, position: field.path.position });
  }
  return places;
}
