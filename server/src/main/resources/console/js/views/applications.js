// Applications: create, rename, activate or deactivate, delete.

import { h, input, field, table, badge, time, button } from '../dom.js';
import { get, post, del } from '../api.js';
import { page, inlineForm, confirmed } from './common.js';

export function applicationsView() {
  const view = page('Applications', async () => {
    const apps = (await get('/applications?take=100&sort=name&order=asc')).data.applications;
    return [
      inlineForm([field('New application', input('name', { required: true, maxlength: 255, placeholder: 'Name' }))],
        'Create', v => view.act('Create', () => post('/applications', { name: v.name }), 'Created ' + v.name),
        { 'aria-label': 'Create an application' }),
      table(['Name', 'Id', 'Status', 'Created', 'Updated', ''], apps.map(a => [
        a.name, h('span', { class: 'mono' }, a.id), badge(a.status), time(a.createdAt), time(a.updatedAt),
        h('div', { class: 'row-actions' },
          button('Rename', () => rename(a)),
          button(a.status === 'active' ? 'Deactivate' : 'Activate', () => view.act('Status', () =>
            post('/applications/' + encodeURIComponent(a.id), { status: a.status === 'active' ? 'inactive' : 'active' }))),
          button('Delete', () => confirmed('Delete application "' + a.name + '"?') &&
            view.act('Delete', () => del('/applications/' + encodeURIComponent(a.id)), 'Deleted ' + a.name),
          { class: 'danger' })),
      ]), 'No applications yet: create one above.'),
    ];
  });

  function rename(app) {
    const name = window.prompt('New name of "' + app.name + '"', app.name);
    if (name && name !== app.name) {
      view.act('Rename', () => post('/applications/' + encodeURIComponent(app.id), { name }), 'Renamed to ' + name);
    }
  }
  return view;
}
