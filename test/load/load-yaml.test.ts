// The YAML loader: positions, and refusal of input that is not one sane document.
import test from "ava";
import { loadYaml, MAX_YAML_DEPTH } from "../../generator/load/load-yaml.ts";
import { formatDiagnostic } from "../../generator/diagnostics.ts";

test("nodes carry 1-based positions, quoted scalars point at their quote", (t) => {
  const { root, diagnostics } = loadYaml("a: 1\nb:\n  c: 'x'\n", "f.yaml");
  t.deepEqual(diagnostics, []);
  if (root?.kind !== "map") return t.fail("expected a map");
  const [a, b] = root.entries;
  t.deepEqual(a!.key.position, { file: "f.yaml", line: 1, column: 1 });
  t.deepEqual(a!.value.position, { file: "f.yaml", line: 1, column: 4 });
  if (b!.value.kind !== "map") return t.fail("expected a nested map");
  t.deepEqual(b!.value.entries[0]!.value.position, { file: "f.yaml", line: 3, column: 6 });
  t.like(b!.value.entries[0]!.value, { kind: "scalar", value: "x", source: "'x'" });
});

test("plain scalars resolve by YAML 1.2's core schema; `yes` stays a string", (t) => {
  const { root } = loadYaml("a: 0x10\nb: yes\nc: ~\nd: true\ne: 1e3\n", "f.yaml");
  if (root?.kind !== "map") return t.fail("expected a map");
  t.deepEqual(
    root.entries.map((entry) => (entry.value.kind === "scalar" ? entry.value.value : undefined)),
    [16, "yes", null, true, 1000],
  );
});

const refused: [string, { text: string; message: string }][] = [
  ["an empty file", { text: "", message: "f.yaml:1:1: error: the spec is empty: expected a YAML mapping" }],
  ["a comment only", { text: "# nothing\n", message: "f.yaml:1:1: error: the spec is empty: expected a YAML mapping" }],
  ["two documents", { text: "a: 1\n---\nb: 2\n", message: "f.yaml:3:1: error: a spec is one YAML document, but a second document starts here: remove the `---` separator and what follows, or move it to its own file" }],
  ["a tab in indentation", { text: "a:\n\tb: 1\n", message: "f.yaml:2:1: error: YAML syntax error: tab characters must not be used in indentation" }],
  ["an unclosed quote", { text: 'a: "x\nb: 1\n', message: "f.yaml:2:1: error: YAML syntax error: deficient indentation (is the quote at 1:4 left open?)" }],
  ["a tag", { text: "a: !!int 3\n", message: "f.yaml:1:4: error: unsupported YAML tag !!int: errgen specs use plain values; quote the value to make it a string" }],
];

for (const [name, { text, message }] of refused) {
  test(`refuses ${name}`, (t) => {
    t.deepEqual(loadYaml(text, "f.yaml").diagnostics.map(formatDiagnostic), [message]);
  });
}

test("refuses 10,000-deep nesting without overflowing the stack", (t) => {
  const { root, diagnostics } = loadYaml(`${"[".repeat(10_000)}${"]".repeat(10_000)}`, "f.yaml");
  t.is(root, undefined);
  t.deepEqual(diagnostics.map(formatDiagnostic), [`f.yaml:1:${MAX_YAML_DEPTH}: error: YAML syntax error: nesting exceeded maxDepth (${MAX_YAML_DEPTH})`]);
});

test("refuses an alias bomb (billion laughs) without expanding it", (t) => {
  let text = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
  const names = "bcdefghi";
  for (let i = 0; i < names.length; i++) {
    const previous = i === 0 ? "a" : names[i - 1];
    text += `${names[i]}: &${names[i]} [${Array(9).fill(`*${previous}`).join(", ")}]\n`;
  }
  const { root, diagnostics } = loadYaml(text, "f.yaml");
  t.is(root, undefined);
  t.deepEqual(diagnostics.map(formatDiagnostic), [
    "f.yaml:7:7: error: this expands to more than 1,000,000 nodes through aliases; refusing the spec (an alias bomb?)",
  ]);
});

test("a small alias is fine", (t) => {
  const { root, diagnostics } = loadYaml("a: &x hello\nb: *x\n", "f.yaml");
  t.deepEqual(diagnostics, []);
  if (root?.kind !== "map") return t.fail("expected a map");
  t.like(root.entries[1]!.value, { kind: "scalar", value: "hello" });
});

test("a large document written out in full is no alias bomb: 1,200,000 nodes without aliases, and with a few small ones", (t) => {
  const entries = Array.from({ length: 300_000 }, (_, i) => `k${i}: {a: 1}`);
  for (const text of [`${entries.join("\n")}\n`, `x: &x {a: 1}\n${entries.join("\n")}\ny: *x\nz: *x\n`]) {
    const { root, diagnostics } = loadYaml(text, "f.yaml");
    t.deepEqual(diagnostics, []);
    t.true(root?.kind === "map" && root.entries.length >= 300_000);
  }
  // On one flow line, as a generator might write it.
  const { root, diagnostics } = loadYaml(`{${entries.join(", ")}}\n`, "f.yaml");
  t.deepEqual(diagnostics, []);
  t.is(root?.kind === "map" ? root.entries.length : 0, 300_000);
});
