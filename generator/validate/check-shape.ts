// Checks a YAML node tree against a Shape: types, required fields, unknown keys, duplicate keys.
// Every problem becomes a diagnostic; what is valid comes back as checked values for the next rules.
import { diagnostic, formatShortPosition, type Diagnostic, type SourcePosition } from "../diagnostics.ts";
import type { YamlMap, YamlNode, YamlScalar } from "../load/load-yaml.ts";
import type { MapShape, ObjectShape, Shape } from "./spec-shape.ts";

export interface CheckedObject {
  readonly kind: "object";
  readonly position: SourcePosition;
  /** Valid fields only; a field with a problem is left out (and reported). */
  readonly fields: ReadonlyMap<string, CheckedField>;
}

export interface CheckedField {
  readonly keyPosition: SourcePosition;
  readonly valuePosition: SourcePosition;
  readonly value: CheckedValue;
}

export interface CheckedMap {
  readonly kind: "map";
  readonly position: SourcePosition;
  /** Valid entries only, in file order; duplicates after the first are left out. */
  readonly entries: readonly CheckedEntry[];
}

export interface CheckedEntry {
  readonly key: string;
  readonly keyPosition: SourcePosition;
  readonly value: CheckedValue;
}

export type CheckedValue = string | number | boolean | CheckedObject | CheckedMap;

export function checkShape(node: YamlNode, shape: Shape, diagnostics: Diagnostic[]): CheckedValue | undefined {
  switch (shape.kind) {
    case "string": {
      if (node.kind !== "scalar" || typeof node.value !== "string") return mismatch(node, "a string", diagnostics);
      if (shape.oneOf && !shape.oneOf.includes(node.value)) {
        diagnostics.push(diagnostic(node.position, `"${node.value}" is not one of ${shape.oneOf.map((v) => `"${v}"`).join(", ")}`));
        return undefined;
      }
      const problem = shape.rule?.(node.value);
      if (problem !== undefined) {
        diagnostics.push(diagnostic(node.position, problem));
        return undefined;
      }
      return node.value;
    }
    case "boolean":
      if (node.kind !== "scalar" || typeof node.value !== "boolean") return mismatch(node, "true or false", diagnostics);
      return node.value;
    case "integer": {
      if (node.kind !== "scalar" || typeof node.value !== "number" || !Number.isInteger(node.value)) return mismatch(node, "an integer", diagnostics);
      if (shape.oneOf && !shape.oneOf.includes(node.value)) {
        diagnostics.push(diagnostic(node.position, `unsupported value ${node.source}: expected ${shape.oneOf.join(" or ")}`));
        return undefined;
      }
      return node.value;
    }
    case "object":
      return node.kind === "map" ? checkObject(node, shape, diagnostics) : mismatch(node, `a mapping (${shape.description.replace(/\.$/, "")})`, diagnostics);
    case "map":
      return node.kind === "map" ? checkMap(node, shape, diagnostics) : mismatch(node, `a mapping of ${shape.keyNoun} to its details`, diagnostics);
  }
}

function checkObject(node: YamlMap, shape: ObjectShape, diagnostics: Diagnostic[]): CheckedObject {
  const fields = new Map<string, CheckedField>();
  const seen = new Map<string, SourcePosition>();
  const known = Object.keys(shape.fields);
  for (const { key, value } of node.entries) {
    const name = scalarKey(key);
    if (name === undefined) {
      diagnostics.push(diagnostic(key.position, `a key of ${shape.noun} must be a plain word, not ${describe(key)}`));
      continue;
    }
    const first = seen.get(name);
    if (first) {
      diagnostics.push(diagnostic(key.position, `duplicate key "${name}" in ${shape.noun} (first at ${formatShortPosition(first)}): keep one`));
      continue;
    }
    seen.set(name, key.position);
    const field = Object.hasOwn(shape.fields, name) ? shape.fields[name] : undefined;
    if (!field) {
      const near = nearest(name, known);
      const hint = near ? `; did you mean "${near}"?` : `; expected one of ${known.join(", ")}`;
      diagnostics.push(diagnostic(key.position, `unknown key "${name}" in ${shape.noun}${hint}`));
      continue;
    }
    const checked = checkShape(value, field.shape, diagnostics);
    if (checked !== undefined) fields.set(name, { keyPosition: key.position, valuePosition: value.position, value: checked });
  }
  for (const [name, field] of Object.entries(shape.fields)) {
    if (field.required && !seen.has(name)) {
      diagnostics.push(diagnostic(node.position, `${shape.noun} is missing the required key "${name}" (${field.shape.description.replace(/\.$/, "")})`));
    }
  }
  return { kind: "object", position: node.position, fields };
}

function checkMap(node: YamlMap, shape: MapShape, diagnostics: Diagnostic[]): CheckedMap {
  const entries: CheckedEntry[] = [];
  const seen = new Map<string, SourcePosition>();
  for (const { key, value } of node.entries) {
    const name = scalarKey(key);
    if (name === undefined) {
      const quoted = key.kind === "scalar" ? `; if it is meant as a ${shape.keyNoun}, quote it: "${key.source}"` : "";
      diagnostics.push(diagnostic(key.position, `a ${shape.keyNoun} must be a string, but YAML reads this key as ${describe(key)}${quoted}`));
      continue;
    }
    const first = seen.get(name);
    if (first) {
      diagnostics.push(diagnostic(key.position, `duplicate ${shape.keyNoun} "${name}" (first at ${formatShortPosition(first)}): keep one`));
      continue;
    }
    seen.set(name, key.position);
    const problem = shape.keyRule(name);
    if (problem !== undefined) diagnostics.push(diagnostic(key.position, problem));
    const checked = checkShape(value, shape.value, diagnostics);
    if (problem === undefined && checked !== undefined) entries.push({ key: name, keyPosition: key.position, value: checked });
  }
  return { kind: "map", position: node.position, entries };
}

function scalarKey(key: YamlNode): string | undefined {
  return key.kind === "scalar" && typeof key.value === "string" ? key.value : undefined;
}

function mismatch(node: YamlNode, expected: string, diagnostics: Diagnostic[]): undefined {
  diagnostics.push(diagnostic(node.position, `expected ${expected}, got ${describe(node)}`));
  return undefined;
}

/** How YAML read a node: `the number 16 (written 0x10)`, `a list`, `nothing (null)`. */
export function describe(node: YamlNode): string {
  if (node.kind === "map") return "a mapping";
  if (node.kind === "seq") return "a list";
  return describeScalar(node);
}

function describeScalar(node: YamlScalar): string {
  const { value, source } = node;
  if (value === null) return source === "" ? "nothing (an empty value)" : source === "null" ? "null" : `null (written ${source})`;
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  const written = String(value) === source ? "" : ` (written ${source})`;
  return `the ${typeof value === "boolean" ? "boolean" : "number"} ${String(value)}${written}`;
}

/** The known word closest to `word`, if it is close enough to be a likely typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
