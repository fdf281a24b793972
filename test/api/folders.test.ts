/**
 * Data flows one way between the folders of server/: no folder imports (directly or through others) a folder
 * that imports it back. The worker threads run the request checks (requests/); they do not reach into the API.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SERVER = path.resolve(import.meta.dirname, '../../server');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|mts|mjs)$/.test(name) ? [p] : [];
  });
}

/** server/<folder> of a file; null for the files at the top of server/ (the composition: app, main, config). */
function folderOf(file: string): string | null {
  const parts = path.relative(SERVER, file).split(path.sep);
  return parts.length > 1 && !parts[0]!.startsWith('..') ? parts[0]! : null;
}

/** Folder -> the folders it imports from. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(SERVER)) {
    const from = folderOf(file);
    if (from === null) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const to = folderOf(path.resolve(path.dirname(file), m[1]!));
      if (to !== null && to !== from) {
        if (!graph.has(from)) graph.set(from, new Set());
        graph.get(from)!.add(to);
      }
    }
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

test('the folders of server/ import each other one way only (no cycle)', () => {
  const graph = folderGraph();
  expect(graph.get('api')).toContain('services');
  expect(findCycle(graph)).toBeNull();
});

test('the worker threads use the request checks, not the API', () => {
  const graph = folderGraph();
  expect(graph.get('workers')).toContain('requests');
  expect(graph.get('workers')).not.toContain('api');
});

test('the services are free of HTTP: no request parsing, no JSON pointers into a request, nothing of the API', () => {
  const graph = folderGraph();
  for (const above of ['api', 'http', 'requests', 'workers']) expect(graph.get('services')).not.toContain(above);
  const http = sources(path.join(SERVER, 'services')).filter((file) =>
    /'\/(body|headers|params|query)\b|body-parser|from 'express'/.test(readFileSync(file, 'utf8')),
  );
  expect(http.map((file) => path.relative(SERVER, file))).toEqual([]);
});
