// The job view: the job's figures and controls, the token chart, and the timeline, filled live
// from the checkpoint stream, and the files of the job's workspace. An interactive tool call is
// answered in place; a continue may bring input files.

import { h, clear, append, button, notice, badge, number, duration, field, input, time, seg, link } from '../dom.js';
import { get, post } from '../api.js';
import { follow } from '../stream.js';
import { activitiesOf } from '../activity.js';
import { drawChart } from '../chart.js';
import { Timeline } from './timeline.js';
import { filesPanel } from './files.js';
import { filePicker, withUploads } from '../uploads.js';

const ENDED = new Set(['completed', 'stoppedByInteractiveTool', 'stoppedByMaxSteps', 'stoppedByError', 'canceled']);

export function jobView(jobId) {
  const jobPath = '/jobs/' + encodeURIComponent(jobId);
  const summary = h('div', { class: 'job-summary' });
  const controls = h('div', { class: 'actions job-controls' });
  const status = h('div', { class: 'status-line' });
  const streamState = h('span', { class: 'stream-state', 'data-testid': 'stream-state', 'data-status': 'connecting' }, 'connecting');
  const chart = h('div', { class: 'chart-box' });
  const timeline = new Timeline();
  const files = filesPanel(jobId);
  const checkpoints = [];
  let job = null;
  let stream = null;
  let refreshTimer = null;
  let clock = null;
  let alive = true;
  const node = h('section', { class: 'page job-page' },
    h('div', { class: 'page-head' }, h('h1', null, 'Job ', h('span', { class: 'mono' }, jobId)), streamState),
    status, summary, controls,
    h('h2', null, 'Tokens'), chart,
    files.node,
    h('h2', null, 'Timeline'), timeline.node);

  async function loadJob() {
    try {
      job = (await get(jobPath)).data.job;
      if (!alive) return;
      drawSummary();
      if (controls.dataset.status !== job.status) drawControls(); // keeps a half-typed continue query
      drawChart(chart, checkpoints, job);
      markPending();
    } catch (e) {
      if (alive) clear(status).append(notice('error', e.message));
    }
  }

  /** At most one job refresh a second while checkpoints arrive. */
  function refreshSoon() {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => { refreshTimer = null; loadJob(); }, 300);
  }

  function elapsed() {
    const end = job.finishedAt ? Date.parse(job.finishedAt) : (ENDED.has(job.status) ? Date.parse(job.updatedAt) : Date.now());
    return Math.max(0, end - Date.parse(job.startedAt || job.createdAt));
  }

  function drawSummary() {
    const u = job.usage || {};
    append(clear(summary), job.status === 'stoppedByInteractiveTool' ? h('p', { class: 'notice notice-warn', role: 'status' },
      'The expert is waiting for your answer. ', button('Go to the question', () => {
        const answer = timeline.node.querySelector('.answer-form textarea');
        if (answer) { answer.scrollIntoView({ block: 'center' }); answer.focus(); }
      })) : null,
    h('dl', { class: 'figures' },
      fig('Status', badge(job.status), 'job-status'),
      fig('Steps', number(job.totalSteps) + ' / ' + number(job.maxSteps), 'job-steps'),
      fig('Tokens', number(u.totalTokens), 'job-tokens'),
      fig('Input · output', number(u.inputTokens) + ' · ' + number(u.outputTokens)),
      fig('Reasoning · cached', number(u.reasoningTokens) + ' · ' + number(u.cachedInputTokens)),
      fig('Duration', duration(elapsed()), 'job-duration')),
    h('dl', { class: 'kv job-facts' },
      h('dt', null, 'Expert'), h('dd', { class: 'mono' }, job.resolvedExpertKey || job.expertKey),
      h('dt', null, 'Provider'), h('dd', null, job.provider + (job.model ? ' · ' + job.model : '') + ' · reasoning ' + job.reasoningBudget),
      h('dt', null, 'Application'), h('dd', null, link('#/jobs?applicationId=' + seg(job.applicationId), job.applicationId, { class: 'mono' })),
      h('dt', null, 'Created'), h('dd', null, time(job.createdAt)),
      h('dt', null, 'Query'), h('dd', null, h('pre', { class: 'text' }, job.query || (job.files || []).join(', '))),
      job.result != null ? [h('dt', null, 'Result'), h('dd', null, h('pre', { class: 'text result-text', 'data-testid': 'job-result' }, job.result))] : null,
      job.error ? [h('dt', null, 'Error'), h('dd', { class: 'error' }, job.error.name + ': ' + job.error.message)] : null));
  }

  function fig(name, value, testid) {
    return h('div', { class: 'figure' }, h('dt', null, name), h('dd', { 'data-testid': testid }, value));
  }

  function drawControls() {
    clear(controls);
    controls.dataset.status = job.status;
    const s = job.status;
    if (s === 'running' || s === 'queued') controls.append(button('Pause', () => act('Pause', () => post(jobPath, { status: 'paused' }))));
    if (s === 'paused') controls.append(button('Resume', () => act('Resume', () => post(jobPath, { status: 'running' }))));
    if (!ENDED.has(s)) controls.append(button('Cancel', () => window.confirm('Cancel this job?') && act('Cancel', () => post(jobPath + '/cancel')), { class: 'danger' }));
    if (ENDED.has(s) && s !== 'canceled') controls.append(continueForm(s));
  }

  function continueForm(s) {
    const q = input('query', { placeholder: s === 'stoppedByMaxSteps' ? 'optional' : 'a new query (default: the original)' });
    const steps = input('maxSteps', { type: 'number', min: 1, max: 10000, required: s === 'stoppedByMaxSteps',
      placeholder: s === 'stoppedByMaxSteps' ? 'steps to add' : 'optional' });
    const picker = filePicker('Input files', 'Staged, then put into the workspace before the job goes on.');
    const errors = h('div', { class: 'form-status' });
    return h('form', { class: 'inline-form continue-form', 'aria-label': 'Continue the job', on: { submit: e => {
      e.preventDefault();
      const body = {};
      if (q.value) body.query = q.value;
      if (steps.value) body.maxSteps = Number(steps.value);
      act('Continue', () => withUploads(picker.entries(), uploads => post(jobPath + '/continue',
        uploads ? { ...body, uploads } : body)), errors);
    } } }, field('Continue with', q), field('Add steps', steps), picker.node, h('button', { type: 'submit' }, 'Continue'), errors);
  }

  /** Runs a control; its error goes to `where` (the page's status line, or beside the form it came from). */
  async function act(what, action, where = status) {
    clear(where);
    try {
      await action();
      await loadJob();
      if (!stream) startStream(); // after a continue, a new stream resumes after the last checkpoint
    } catch (e) {
      where.append(notice('error', what + ': ' + e.message));
    }
  }

  /** The answer form goes on the last interactive tool call while the job waits for it. */
  function markPending() {
    const waiting = job && job.status === 'stoppedByInteractiveTool' && checkpoints.length;
    const last = waiting ? checkpoints[checkpoints.length - 1] : null;
    const item = last && timeline.node.querySelector('li.step[data-seq="' + last.sequence + '"][data-type="interactiveTool"]');
    for (const old of timeline.node.querySelectorAll('.answer-form')) if (!item || !item.contains(old)) old.remove();
    const pending = last && activitiesOf(last).find(a => a.type === 'interactiveTool');
    if (!pending || !item || item.querySelector('.answer-form')) return;
    const answer = h('textarea', { name: 'answer', rows: 2, required: true, 'aria-label': 'Your answer' });
    const form = h('form', { class: 'answer-form', 'aria-label': 'Answer ' + pending.toolName, on: { submit: e => {
      e.preventDefault();
      act('Answer', () => post(jobPath + '/continue', { interactiveToolCallResult: true, query: answer.value }));
    } } }, h('p', null, 'The expert is waiting for your answer.'), answer, h('button', { type: 'submit', class: 'primary' }, 'Answer'));
    item.append(form);
    answer.focus();
  }

  function startStream() {
    stream = follow(jobId, checkpoints.length ? checkpoints[checkpoints.length - 1].sequence : 0, {
      checkpoint(cp) {
        checkpoints.push(cp);
        timeline.add(cp);
        // User Timing mark: how long a page load takes to show the first checkpoint.
        if (checkpoints.length === 1 && !performance.getEntriesByName('perstack:first-checkpoint').length) {
          performance.mark('perstack:first-checkpoint');
        }
        drawChart(chart, checkpoints, job);
        refreshSoon();
        files.refreshSoon();
      },
      done() { stream = null; loadJob(); files.refresh(); },
      error(message) { stream = null; status.append(notice('error', 'Stream: ' + message)); },
      state(s) {
        streamState.dataset.status = s;
        streamState.textContent = s === 'live' ? '● live' : s === 'reconnecting' ? 'reconnecting…' : 'ended';
        if (s === 'ended') stream = null;
      },
    });
  }

  loadJob().then(() => { if (alive) startStream(); });
  // The duration of a running job counts up.
  clock = setInterval(() => {
    const shown = summary.querySelector('[data-testid=job-duration]');
    if (job && shown && !ENDED.has(job.status)) shown.textContent = duration(elapsed());
  }, 1000);
  return {
    node,
    dispose() {
      alive = false;
      clearInterval(clock);
      clearTimeout(refreshTimer);
      files.dispose();
      if (stream) stream.stop();
    },
  };
}
