// Checks a YAML node tree against a Shape: types, required fields, unknown keys, duplicate keys.
// Every problem becomes a diagnostic; what is valid comes back as checked values for the next rules.
import { diagnostic, formatShortPosition, type Diagnostic, type SourcePosition } from "../diagnostics.ts";
import type { YamlMap, YamlNode, YamlScalar } from "../load/load-yaml.ts";
import type { MapShape, ObjectShape, Shape, StringShape } from "./spec-shape.ts";

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

export interface CheckedList {
  readonly kind: "list";
  readonly position: SourcePosition;
  /** Valid items only, in file order. */
  readonly items: readonly { readonly value: string; readonly position: SourcePosition }[];
}

/** `null` only where the shape allows it (a nullable string): it means "none". */
export type CheckedValue = string | number | boolean | null | CheckedObject | CheckedMap | CheckedList;

/** Where a value sits, for messages: `"retryable" of code "Oops"`, `"package.version"`. */
export interface ValueContext {
  /** How messages name the value; built only when there is a message to write. */
  readonly label: () => string;
  /** How messages name the object when the value is one: `package`, `code "Oops"`. */
  readonly owner: string;
  /** Where missing-key problems point: the key that holds the value. */
  readonly position: SourcePosition | undefined;
}

const ROOT: ValueContext = { label: () => "the spec", owner: "the spec", position: undefined };

function report(diagnostics: Diagnostic[], node: YamlNode, context: ValueContext, message: string): undefined {
  diagnostics.push(diagnostic(node.position, `${context.label()} ${message}`));
  return undefined;
}

export function checkShape(node: YamlNode, shape: Shape, diagnostics: Diagnostic[], context: ValueContext = ROOT): CheckedValue | undefined {
  switch (shape.kind) {
    case "string": {
      if (shape.nullable && node.kind === "scalar" && node.value === null && node.source !== "") return null;
      if (node.kind !== "scalar" || typeof node.value !== "string") {
        return report(diagnostics, node, context, mismatch(node, shape.nullable ? "a string or null" : "a string", (text) => stringProblem(text, shape)));
      }
      const broken = stringProblem(node.value, shape);
      return broken === undefined ? node.value : report(diagnostics, node, context, broken);
    }
    case "boolean":
      return node.kind === "scalar" && typeof node.value === "boolean" ? node.value : report(diagnostics, node, context, mismatch(node, "true or false"));
    case "integer": {
      if (node.kind !== "scalar" || typeof node.value !== "number" || !Number.isInteger(node.value)) return report(diagnostics, node, context, mismatch(node, "an integer"));
      if (shape.oneOf && !shape.oneOf.includes(node.value)) return report(diagnostics, node, context, `must be ${shape.oneOf.join(" or ")}, got ${node.source}${shape.oneOfHint ?? ""}`);
      return node.value;
    }
    case "object":
      return node.kind === "map" ? checkObject(node, shape, diagnostics, context) : report(diagnostics, node, context, mismatch(node, "a mapping"));
    case "map":
      return node.kind === "map" ? checkMap(node, shape, diagnostics) : report(diagnostics, node, context, mismatch(node, `a mapping of each ${shape.keyNoun} to its details`));
    case "list": {
      if (node.kind !== "seq") return report(diagnostics, node, context, mismatch(node, `a list of ${shape.itemNoun}s`));
      const items: { value: string; position: SourcePosition }[] = [];
      node.items.forEach((item, index) => {
        const label = () => `${shape.itemNoun} ${index + 1} of ${context.label()}`;
        const value = checkShape(item, shape.item, diagnostics, { label, owner: shape.itemNoun, position: item.position });
        if (typeof value === "string") items.push({ value, position: item.position });
      });
      return { kind: "list", position: node.position, items };
    }
    case "choice": {
      const wanted = node.kind === "map" ? ["object", "map"] : node.kind === "scalar" ? ["string", "boolean", "integer"] : [];
      const choice = shape.choices.find((candidate) => wanted.includes(candidate.kind));
      // A scalar the choice's string cannot be (a number, a boolean) is told what the value may be, all of it.
      const fits = choice !== undefined && (choice.kind !== "string" || (node.kind === "scalar" && (typeof node.value === "string" || node.value === null)));
      return fits ? checkShape(node, choice, diagnostics, context) : report(diagnostics, node, context, `must be ${shape.expected}, got ${describe(node)}`);
    }
  }
}

/** Per shape, computed once: its keys, and its required fields with their descriptions. */
const shapeKeys = new WeakMap<ObjectShape, { known: string[]; required: [string, string][] }>();

function keysOf(shape: ObjectShape) {
  let keys = shapeKeys.get(shape);
  if (!keys) {
    const required = Object.entries(shape.fields).filter(([, field]) => field.required);
    keys = {
      known: Object.keys(shape.fields),
      required: required.map(([name, field]) => [name, field.shape.description.replace(/\.$/, "").replace(/^./, (c) => c.toLowerCase())]),
    };
    shapeKeys.set(shape, keys);
  }
  return keys;
}

function checkObject(node: YamlMap, shape: ObjectShape, diagnostics: Diagnostic[], context: ValueContext): CheckedObject {
  const fields = new Map<string, CheckedField>();
  const seen = new Map<string, SourcePosition>();
  const { known, required } = keysOf(shape);
  const suggested = new Set<string>();
  for (const { key, value } of node.entries) {
    const name = scalarKey(key);
    if (name === undefined) {
      diagnostics.push(diagnostic(key.position, `a key of ${context.owner} must be a plain word, not ${describe(key)}`));
      continue;
    }
    const first = seen.get(name);
    if (first) {
      diagnostics.push(diagnostic(key.position, `duplicate key "${name}" in ${context.owner} (first at ${formatShortPosition(first)}): keep one`));
      continue;
    }
    seen.set(name, key.position);
    const field = Object.hasOwn(shape.fields, name) ? shape.fields[name] : undefined;
    if (!field) {
      const near = nearest(name, known);
      if (near) suggested.add(near);
      const hint = near ? `; did you mean "${near}"?` : `; expected one of ${known.join(", ")}`;
      diagnostics.push(diagnostic(key.position, `unknown key "${name}" in ${context.owner}${hint}`));
      continue;
    }
    const label = () => (context === ROOT ? `"${name}"` : context.owner.includes(" ") ? `"${name}" of ${context.owner}` : `"${context.owner}.${name}"`);
    const checked = checkShape(value, field.shape, diagnostics, { label, owner: name, position: key.position });
    if (checked !== undefined) fields.set(name, { keyPosition: key.position, valuePosition: value.position, value: checked });
  }
  for (const [name, position] of seen) {
    const requires = Object.hasOwn(shape.fields, name) ? shape.fields[name]!.requires : undefined;
    if (requires && !seen.has(requires.key)) diagnostics.push(diagnostic(position, `${context.owner} has ${name} but no ${requires.key}: ${requires.problem}`));
  }
  for (const [name, description] of required) {
    // A misspelt key was already reported with the right spelling; saying it is missing too would be noise.
    if (!seen.has(name) && !suggested.has(name)) {
      diagnostics.push(diagnostic(context.position ?? node.position, `${context.owner} is missing the required key "${name}" (${description})`));
    }
  }
  const oneOf = shape.requireOneOf;
  if (oneOf && !oneOf.keys.some((name) => seen.has(name) || suggested.has(name))) {
    diagnostics.push(diagnostic(context.position ?? node.position, `${context.owner} ${oneOf.problem}`));
  }
  return { kind: "object", position: node.position, fields };
}

function checkMap(node: YamlMap, shape: MapShape, diagnostics: Diagnostic[]): CheckedMap {
  const entries: CheckedEntry[] = [];
  const seen = new Map<string, SourcePosition>();
  for (const { key, value } of node.entries) {
    const name = scalarKey(key);
    if (name === undefined) {
      // Say to quote the key only when quoting makes it valid; else what it would still lack.
      const refusedQuoted = key.kind === "scalar" ? shape.keyRule(key.source) : undefined;
      const quoted = key.kind !== "scalar" ? "" : refusedQuoted === undefined ? `; if it is meant as a ${shape.keyNoun}, quote it: "${key.source}"` : `, and quoting it would not help: ${refusedQuoted}`;
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
    const owner = `${shape.keyNoun} "${name}"`;
    const checked = checkShape(value, shape.value, diagnostics, { label: () => owner, owner, position: key.position });
    if (problem === undefined && checked !== undefined) entries.push({ key: name, keyPosition: key.position, value: checked });
  }
  return { kind: "map", position: node.position, entries };
}

function scalarKey(key: YamlNode): string | undefined {
  return key.kind === "scalar" && typeof key.value === "string" ? key.value : undefined;
}

/** What is wrong with a string value for a string shape: not one of its values, or against its rule. */
function stringProblem(value: string, shape: StringShape): string | undefined {
  if (shape.oneOf && !shape.oneOf.includes(value)) return `must be one of ${shape.oneOf.map((v) => `"${v}"`).join(", ")}, got ${JSON.stringify(value)}`;
  return shape.rule?.(value);
}

/**
 * `must be a string, got the number 1 (written 1.0); quote it: "1.0"`. For a string, `quotedProblem`
 * says what the value would still lack once quoted: the hint to quote it is given only when quoting helps.
 */
function mismatch(node: YamlNode, expected: string, quotedProblem?: (text: string) => string | undefined): string {
  let hint = "";
  if (node.kind === "scalar" && expected.startsWith("a string") && node.value !== null) {
    const still = quotedProblem?.(node.source);
    hint = still === undefined ? `; quote it: ${JSON.stringify(node.source)}` : `, and quoting it would not help: it ${still}`;
  } else if (node.kind === "scalar" && typeof node.value === "string" && expected === "an integer" && /^\d+$/.test(node.value)) {
    hint = `; write it without quotes: ${node.value}`;
  }
  return `must be ${expected}, got ${describe(node)}${hint}`;
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
