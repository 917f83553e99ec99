// Home: the organization's recent jobs and its applications, each a link to its view.

import { h, link, seg, table, badge, time, number } from '../dom.js';
import { get } from '../api.js';
import { page } from './common.js';

export function homeView() {
  return page('Home', async () => {
    const [jobs, apps] = await Promise.all([
      get('/jobs?take=10&sort=createdAt&order=desc'),
      get('/applications?take=100&sort=updatedAt&order=desc'),
    ]);
    const names = new Map(apps.data.applications.map(a => [a.id, a.name]));
    return [
      h('h2', null, 'Recent jobs'),
      jobTable(jobs.data.jobs, names),
      h('p', null, link('#/jobs', 'All jobs (' + jobs.meta.total + ')'), ' · ', link('#/jobs/new', 'Start a job')),
      h('h2', null, 'Applications'),
      table(['Name', 'Status', 'Updated'], apps.data.applications.map(a => [
        a.name, badge(a.status), time(a.updatedAt)]), 'No applications yet.'),
      h('p', null, link('#/applications', 'Manage applications')),
    ];
  }, [link('#/jobs/new', 'Start a job', { class: 'button primary' })]);
}

/** The jobs table of home and the jobs view; `names` maps application ids to names. */
export function jobTable(jobs, names) {
  return table(['Job', 'Status', 'Expert', 'Query', 'Application', 'Steps · tokens', 'Created'], jobs.map(j => [
    link('#/jobs/' + seg(j.id), j.id, { class: 'mono' }),
    badge(j.status),
    h('span', { class: 'mono' }, j.expertKey),
    h('span', { class: 'clip' }, j.query || (j.files || []).join(', ')),
    names.get(j.applicationId) || h('span', { class: 'mono' }, j.applicationId),
    number(j.totalSteps) + ' · ' + number(j.usage && j.usage.totalTokens),
    time(j.createdAt),
  ]), 'No jobs yet.');
}
