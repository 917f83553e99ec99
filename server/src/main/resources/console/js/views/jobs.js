// Jobs: the list with filters and live status, and the form that starts a job (with input files).

import { h, input, field, select, button, notice, clear } from '../dom.js';
import { get, post, query } from '../api.js';
import { page } from './common.js';
import { jobTable } from './home.js';
import { filePicker, withUploads } from '../uploads.js';

const STATUSES = ['queued', 'running', 'paused', 'completed', 'stoppedByInteractiveTool', 'stoppedByMaxSteps',
  'stoppedByError', 'canceled'];
const ACTIVE = new Set(['queued', 'running']);
const PAGE = 20;

export function jobsView(params) {
  const filter = { status: params.get('status') || '', applicationId: params.get('applicationId') || '',
    expertKey: params.get('expertKey') || '' };
  let skip = Number(params.get('skip')) || 0;
  let timer = null;

  const view = page('Jobs', async () => {
    const terms = Object.entries(filter).filter(([, v]) => v).map(([k, v]) => k + ':' + v).join(' ');
    const [jobs, apps] = await Promise.all([
      get('/jobs' + query({ take: PAGE, skip, sort: 'createdAt', order: 'desc', filter: terms })),
      get('/applications?take=100'),
    ]);
    const list = jobs.data.jobs;
    schedule(list.some(j => ACTIVE.has(j.status)));
    const total = jobs.meta.total;
    return [
      filters(apps.data.applications),
      jobTable(list, new Map(apps.data.applications.map(a => [a.id, a.name]))),
      h('p', { class: 'pager' }, total ? `${skip + 1}–${skip + list.length} of ${total}` : '',
        skip > 0 ? button('Newer', () => { skip = Math.max(0, skip - PAGE); view.refresh(); }) : null,
        skip + PAGE < total ? button('Older', () => { skip += PAGE; view.refresh(); }) : null),
    ];
  }, [h('a', { href: '#/jobs/new', class: 'button primary' }, 'Start a job')]);

  /** While jobs run, the list refreshes itself every two seconds; it stops when none does. */
  function schedule(live) {
    clearTimeout(timer);
    if (live) timer = setTimeout(() => view.refresh(), 2000);
  }

  function filters(apps) {
    const status = select('status', [['', 'any status']].concat(STATUSES.map(s => [s, s])), filter.status);
    const app = select('applicationId', [['', 'any application']].concat(apps.map(a => [a.id, a.name])),
      filter.applicationId);
    const key = input('expertKey', { value: filter.expertKey, placeholder: '@org/name@1.0.0' });
    return h('form', { class: 'inline-form filters', 'aria-label': 'Filter jobs', on: { submit: e => {
      e.preventDefault();
      filter.status = status.value; filter.applicationId = app.value; filter.expertKey = key.value.trim();
      skip = 0;
      view.refresh();
    } } }, field('Status', status), field('Application', app), field('Expert key', key),
    h('button', { type: 'submit' }, 'Filter'));
  }

  const dispose = view.dispose;
  view.dispose = () => { clearTimeout(timer); dispose(); };
  return view;
}

export function newJobView(params) {
  const status = h('div', { class: 'form-status' });
  const picker = filePicker('Input files', 'Each goes into the job\'s workspace at its path before the first step.');
  const view = page('Start a job', async () => {
    const apps = (await get('/applications?take=100&sort=name&order=asc')).data.applications.filter(a => a.status === 'active');
    if (!apps.length) return notice('error', 'Create an active application first.');
    const form = h('form', { class: 'card job-form', 'aria-label': 'Start a job', on: { submit: e => start(e, form) } },
      field('Application', select('applicationId', apps.map(a => [a.id, a.name]), params.get('applicationId'))),
      field('Expert key', input('expertKey', { required: true, value: params.get('expertKey') || '',
        placeholder: '@org/name, @org/name@1.0.0 or @org/name@tag' })),
      field('Query', h('textarea', { name: 'query', rows: 5, placeholder: 'What should the expert do?' })),
      h('div', { class: 'grid' },
        field('Provider', select('provider', ['mock', 'anthropic', 'openai', 'google', 'deepseek', 'ollama'], 'mock')),
        field('Model', input('model', { placeholder: 'provider default' })),
        field('Reasoning', select('reasoningBudget', ['none', 'minimal', 'low', 'medium', 'high'], 'low')),
        field('Max steps', input('maxSteps', { type: 'number', min: 1, max: 10000, value: 100 })),
        field('Max retries', input('maxRetries', { type: 'number', min: 0, max: 100, value: 5 }))),
      picker.node,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Start')), status);
    return form;
  });

  async function start(e, form) {
    e.preventDefault();
    const v = Object.fromEntries(new FormData(form).entries());
    const body = { applicationId: v.applicationId, expertKey: v.expertKey.trim(), provider: v.provider,
      reasoningBudget: v.reasoningBudget, maxSteps: Number(v.maxSteps), maxRetries: Number(v.maxRetries) };
    if (v.query) body.query = v.query;
    if (v.model) body.model = v.model;
    clear(status);
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true; // staging files takes a while: one start per click
    try {
      const job = (await withUploads(picker.entries(), uploads => post('/jobs', uploads ? { ...body, uploads } : body))).data.job;
      location.hash = '#/jobs/' + encodeURIComponent(job.id);
    } catch (err) {
      status.append(notice('error', 'Start: ' + err.message));
    } finally {
      submit.disabled = false;
    }
  }
  return view;
}
