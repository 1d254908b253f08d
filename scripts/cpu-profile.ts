/**
 * Where a build's CPU time goes: reads a V8 .cpuprofile (from `node --cpu-prof --cpu-prof-dir=DIR
 * node_modules/astro/bin/astro.mjs build`, one file per thread) and prints the functions with the most self time and
 * the most total time (time with the function on the stack), idle time left out.
 *
 *   node scripts/cpu-profile.ts FILE.cpuprofile [FROM_S] [TO_S] [TOP]
 *
 * FROM_S and TO_S keep only the samples between those seconds from the profile's start, e.g. the rendering stage
 * (read its times from the build log against the time in the profile's file name).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, fromArg, toArg, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: node scripts/cpu-profile.ts FILE.cpuprofile [FROM_S] [TO_S] [TOP]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const from = Number(fromArg ?? 0) * 1e6;
const to = toArg ? Number(toArg) * 1e6 : Infinity;
const top = Number(topArg ?? 30);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^file:\/\/.*?\/(node_modules|src|\.astro)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;

const self = new Map<string, number>();
const total = new Map<string, number>();
let at = 0;
let busy = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  at += dt;
  const leaf = byId.get(id)!;
  if (at < from || at >= to || leaf.callFrame.functionName === '(idle)') return;
  busy += dt;
  self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
  const onStack = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) onStack.add(name(byId.get(n)!));
  for (const k of onStack) total.set(k, (total.get(k) ?? 0) + dt);
});

const show = (title: string, times: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, t] of [...times].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(t / 1000).toFixed(0).padStart(7)} ms ${((100 * t) / busy).toFixed(1).padStart(5)} %  ${k}`);
  }
};
console.log(`${(busy / 1e6).toFixed(1)} s of CPU in the window, idle left out`);
show('self time', self);
show('total time', total);
