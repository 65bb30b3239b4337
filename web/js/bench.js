// ?bench=1: the benchmark mode (docs/benchmarks.md, "Web against native"): the wasm runs the
// native --bench frames once the data is shown, and the JSON line reaches the page.
import { Module } from './runtime.js';
import { query } from './config.js';

// ?frames=N (default 300, as natively), capped.
const asked = query.get('bench') === '1';
const framesParam = Number(query.get('frames'));
const frames = Number.isInteger(framesParam) && framesParam >= 10 && framesParam <= 5000 ? framesParam : 300;

// The wasm's start-up arguments for the mode (none without ?bench=1).
export function benchArgs() {
  return asked ? ['--bench', '--frames', String(frames)] : [];
}

// After `ready`: runs the frames (the page does not draw meanwhile). The result arrives as a
// "bench" event (onBenchResult).
export function runBenchIfAsked() {
  if (!asked || typeof Module._ca_bench !== 'function') return;
  setTimeout(function () {
    if (Module._ca_bench() !== 1) console.warn('chipatlas: the benchmark did not run');
  }, 0);
}

// The "bench" event: window.chipatlas.bench and a `chipatlas-bench` event on window carry the
// same fields as native --bench; chipatlas.js already printed the line to the console.
export function onBenchResult(data) {
  try { window.chipatlas.bench = data; } catch (e) { /* a frozen API object */ }
  document.documentElement.dataset.bench = 'done';
  window.dispatchEvent(new CustomEvent('chipatlas-bench', { detail: data }));
}
