// Tokens per step as bars and the running total as a line, drawn in SVG by the console (no
// library). Checkpoint usage is per step on today's platform and a running total in Perstack
// core; `stepUsage` tells them apart by the job's own total.

import { h, svg, clear, number } from './dom.js';

/**
 * Tokens of each step. Usage is a running total when it never decreases and the job's total is
 * the last checkpoint's (core); otherwise each checkpoint holds its own step (today).
 */
export function stepTokens(checkpoints, job) {
  const totals = checkpoints.map(cp => (cp.usage && cp.usage.totalTokens) || 0);
  if (isRunningTotal(totals, job)) return totals.map((t, i) => t - (i ? totals[i - 1] : 0));
  return totals;
}

function isRunningTotal(totals, job) {
  if (totals.length < 2 || !job || !job.usage) return false;
  const last = totals[totals.length - 1];
  const sum = totals.reduce((a, b) => a + b, 0);
  return job.usage.totalTokens === last && sum !== last && totals.every((t, i) => !i || t >= totals[i - 1]);
}

export function drawChart(container, checkpoints, job) {
  clear(container);
  if (!checkpoints.length) {
    container.append(h('p', { class: 'muted' }, 'No steps yet.'));
    return;
  }
  const steps = stepTokens(checkpoints, job);
  const running = [];
  steps.reduce((sum, t, i) => (running[i] = sum + t), 0);
  const W = 900, H = 150, pad = 28;
  const maxStep = Math.max(1, ...steps), maxTotal = Math.max(1, running[running.length - 1]);
  const bw = (W - 2 * pad) / steps.length;
  const bars = steps.map((t, i) => {
    const bh = (t / maxStep) * (H - 2 * pad);
    return svg('rect', { class: 'bar', x: pad + i * bw + bw * 0.1, y: H - pad - bh, width: Math.max(1, bw * 0.8), height: bh },
      svg('title', null, 'step ' + checkpoints[i].sequence + ': ' + t + ' tokens'));
  });
  const points = running.map((t, i) => (pad + i * bw + bw / 2).toFixed(1) + ',' + (H - pad - (t / maxTotal) * (H - 2 * pad)).toFixed(1)).join(' ');
  container.append(svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img',
    'aria-label': `Tokens per step over ${steps.length} steps; running total ${running[running.length - 1]}` },
  svg('line', { class: 'axis', x1: pad, y1: H - pad, x2: W - pad, y2: H - pad }),
  bars,
  svg('polyline', { class: 'total', points, fill: 'none' }),
  svg('text', { class: 'label', x: pad, y: 14 }, 'max ' + maxStep + ' per step'),
  svg('text', { class: 'label total-label', x: W - pad, y: 14, 'text-anchor': 'end' }, 'total ' + running[running.length - 1]),
  svg('text', { class: 'label', x: pad, y: H - 8 }, 'step 1'),
  svg('text', { class: 'label', x: W - pad, y: H - 8, 'text-anchor': 'end' }, 'step ' + steps.length)),
  h('p', { class: 'legend' }, h('span', { class: 'key bar-key' }, 'tokens per step'), ' ',
    h('span', { class: 'key total-key' }, 'running total ' + number(running[running.length - 1]))));
}
