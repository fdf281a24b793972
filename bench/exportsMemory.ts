/**
 * Run by bench/exports.ts in a process of its own: reads a register version's appendix input (JSON) from the
 * file named in argv[2], renders it in the format argv[3] once, and prints the process's resident memory
 * before the render and its peak (MB) as JSON. A process of its own, because the peak resident memory of a
 * process (getrusage) is the measure that counts and only one render may raise it; sampling the heap from a
 * timer misses a render that never yields.
 */
import { readFileSync } from 'node:fs';
import type { AppendixFormat } from '../server/export/appendix/formats.js';
import { renderAppendix } from '../server/export/appendix/render.js';
import type { AppendixInput } from '../server/export/appendix/model.js';

const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as AppendixInput;
const format = process.argv[3] as AppendixFormat;
global.gc?.();
const before = process.memoryUsage().rss / 1e6;
const peakBefore = (process.resourceUsage().maxRSS * 1024) / 1e6;
const file = await renderAppendix(format, input);
const peak = (process.resourceUsage().maxRSS * 1024) / 1e6;
console.log(JSON.stringify({ before, peakBefore, peak, bytes: file.bytes.length }));
