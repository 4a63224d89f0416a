#!/usr/bin/env node
// Pulse KQL checker: parses and type-checks KQL with Microsoft's Kusto language service
// (@kusto/language-service-next, the Kusto.Language library compiled to JavaScript).
//
// Usage: node .ci/kql/kql-check.cjs REQUEST.json   (writes one JSON result to stdout)
//
// Request:
//   { "adxDatabase": "pulse",
//     "adxSchemaFiles": ["bicep/adx/01-tables.kql", ...],    // control-command scripts, in order
//     "logSchemaFile": "path/to/log-analytics-schema.json",  // {"tables": {"AppRequests": {"columns": {"Name": "string"}}}}
//     "queries": [{"id": "...", "target": "adx" | "logs", "text": "..."}] }
// Result:
//   { "schema": [{"file", "line", "command", "diagnostics": [...]}],
//     "adxSymbols": ["MetricPoints", ...],
//     "queries": [{"id", "target", "diagnostics": [{"severity", "message", "line", "column"}],
//                  "columns": {"Name": "type", ...} | null}] }
//
// Control commands and queries are analysed separately, as the language service expects: each
// script is split into commands (a command starts with '.' in column 0), each command is analysed
// against the database built so far (so a view or function body is type-checked), and the tables,
// materialized views and stored functions it creates become symbols of the database for the next
// command and for the queries. API: Kusto.Language GlobalState / KustoCode.ParseAndAnalyze /
// GetDiagnostics (https://github.com/microsoft/Kusto-Query-Language/blob/master/doc/GlobalState.md).
'use strict';
const fs = require('fs');
const path = require('path');

const pkg = path.join(__dirname, '..', 'node_modules', '@kusto', 'language-service-next');
try {
  require(path.join(pkg, 'bridge.min.js'));
  require(path.join(pkg, 'Kusto.Language.Bridge.min.js'));
} catch (e) {
  process.stderr.write(`@kusto/language-service-next is not installed under .ci/node_modules; run .ci/run (npm ci --prefix .ci) first.\n${e.message}\n`);
  process.exit(3);
}
const K = Kusto.Language;
const S = K.Symbols;

function lineCol(text, offset) {
  let line = 1, col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') { line++; col = 1; } else { col++; }
  }
  return { line, column: col };
}

function diagnostics(text, globals) {
  const code = K.KustoCode.ParseAndAnalyze(text, globals);
  const list = code.GetDiagnostics();
  const out = [];
  for (let i = 0; i < list.Count; i++) {
    const d = list.getItem(i);
    out.push({ severity: String(d.Severity), message: d.Message, ...lineCol(text, d.Start) });
  }
  return { code, diagnostics: out };
}

/** Result columns of a tabular query as {name: type}, or null for a scalar or unknown result. */
function columnsOf(code) {
  const type = code.ResultType;
  if (!type || !type.Columns) return null;
  const out = {};
  for (let i = 0; i < type.Columns.Count; i++) {
    const c = type.Columns.getItem(i);
    out[c.Name] = c.Type ? c.Type.Name : null;
  }
  return out;
}

/** Splits a script into control commands: a command starts at a line whose first char is '.'. */
function splitCommands(script) {
  const lines = script.split(/\r?\n/);
  const commands = [];
  let current = null;
  lines.forEach((l, i) => {
    if (l.startsWith('.')) {
      current = { line: i + 1, lines: [l] };
      commands.push(current);
    } else if (current) {
      current.lines.push(l);
    }
  });
  return commands.map(c => ({ line: c.line, text: c.lines.join('\n').replace(/(\s*(\/\/[^\n]*)?\s*)*$/, '').trim() }));
}

/** Returns the text inside the outermost braces starting at index open (which holds '{'). */
function braceBlock(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.substring(open, i + 1);
  }
  return null;
}

const TABLE = /^\.create(?:-merge)?\s+table\s+(\w+)\s*(\([^)]*\))/;
const VIEW = /^\.create(?:-or-alter)?\s+(?:ifnotexists\s+)?(?:async\s+)?materialized-view\s+(?:with\s*\((?:"[^"]*"|'[^']*'|[^)"'])*\)\s*)?(\w+)\s+on\s+table\s+\w+\s*(?=\{)/;
const FUNCTION = /^\.create(?:-or-alter)?\s+function\s+(?:with\s*\((?:"[^"]*"|'[^']*'|[^)"'])*\)\s*)?(\w+)\s*(\([^)]*\))\s*(?=\{)/;

function buildAdx(request, results) {
  const members = [];
  const name = request.adxDatabase || 'pulse';
  let globals = K.GlobalState.Default.WithDatabase(new S.DatabaseSymbol.ctor(name, members));
  for (const file of request.adxSchemaFiles || []) {
    const script = fs.readFileSync(file, 'utf8');
    for (const cmd of splitCommands(script)) {
      const { diagnostics: diags } = diagnostics(cmd.text, globals);
      results.schema.push({ file, line: cmd.line, command: cmd.text.split('\n')[0], diagnostics: diags });
      let m;
      if ((m = TABLE.exec(cmd.text))) {
        members.push(new S.TableSymbol.$ctor7(m[1], m[2], null));
      } else if ((m = VIEW.exec(cmd.text))) {
        const body = braceBlock(cmd.text, m[0].length);
        const query = body.substring(1, body.length - 1).trim();
        const type = K.KustoCode.ParseAndAnalyze(query, globals).ResultType;
        if (type && type.Columns) members.push(new S.MaterializedViewSymbol.$ctor2(m[1], type.Columns, query, null));
      } else if ((m = FUNCTION.exec(cmd.text))) {
        const body = braceBlock(cmd.text, m[0].length);
        members.push(new S.FunctionSymbol.$ctor16(m[1], m[2], body, null));
      } else {
        continue;
      }
      globals = K.GlobalState.Default.WithDatabase(new S.DatabaseSymbol.ctor(name, members));
    }
  }
  results.adxSymbols = members.map(s => s.Name);
  return globals;
}

function buildLogs(request) {
  const schema = JSON.parse(fs.readFileSync(request.logSchemaFile, 'utf8'));
  const tables = Object.entries(schema.tables).map(([table, def]) => {
    const cols = Object.entries(def.columns).map(([c, t]) => `['${c}']:${t}`).join(', ');
    return new S.TableSymbol.$ctor7(table, `(${cols})`, null);
  });
  return K.GlobalState.Default.WithDatabase(new S.DatabaseSymbol.ctor('workspace', tables));
}

function main() {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node kql-check.cjs REQUEST.json\n');
    process.exit(2);
  }
  const request = JSON.parse(fs.readFileSync(file, 'utf8'));
  const results = { schema: [], adxSymbols: [], queries: [] };
  const adx = buildAdx(request, results);
  const logs = request.logSchemaFile ? buildLogs(request) : null;
  for (const q of request.queries || []) {
    const globals = q.target === 'adx' ? adx : logs;
    if (!globals) throw new Error(`no schema for target ${q.target} of query ${q.id}`);
    const analysed = diagnostics(q.text, globals);
    results.queries.push({ id: q.id, target: q.target, diagnostics: analysed.diagnostics, columns: columnsOf(analysed.code) });
  }
  process.stdout.write(JSON.stringify(results));
}

main();
