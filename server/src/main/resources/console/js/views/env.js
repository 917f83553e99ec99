// Environment: variables (values shown and editable) and secrets (write-only: a secret's value
// is never shown, only replaced).

import { h, input, field, table, time, button } from '../dom.js';
import { get, post, del } from '../api.js';
import { page, inlineForm, confirmed } from './common.js';

export function envView() {
  const view = page('Environment', async () => {
    const [variables, secrets] = await Promise.all([get('/env/variables'), get('/env/secrets')]);
    return [
      h('h2', null, 'Variables'),
      inlineForm([field('Name', input('name', { required: true, placeholder: 'NAME' })),
        field('Value', input('value', { placeholder: 'value' }))], 'Add variable',
      v => view.act('Add variable', () => post('/env/variables', { name: v.name, value: v.value }), 'Added ' + v.name),
      { 'aria-label': 'Add a variable' }),
      table(['Name', 'Value', 'Updated', ''], variables.data.variables.map(v => [
        h('span', { class: 'mono' }, v.name), h('pre', { class: 'value' }, v.value), time(v.updatedAt),
        h('div', { class: 'row-actions' },
          button('Edit', () => edit('variables', v.name, v.value)),
          button('Delete', () => remove('variables', v.name), { class: 'danger' })),
      ]), 'No variables.'),
      h('h2', null, 'Secrets'),
      h('p', { class: 'hint' }, 'A secret\u2019s value is write-only: it is never shown, here or anywhere else.'),
      inlineForm([field('Name', input('name', { required: true, placeholder: 'ANTHROPIC_API_KEY' })),
        field('Value', input('value', { type: 'password', placeholder: 'value' }))], 'Add secret',
      v => view.act('Add secret', () => post('/env/secrets', { name: v.name, value: v.value }), 'Added ' + v.name),
      { 'aria-label': 'Add a secret' }),
      table(['Name', 'Value', 'Updated', ''], secrets.data.secrets.map(s => [
        h('span', { class: 'mono' }, s.name), h('span', { class: 'hint' }, '•••• (write-only)'), time(s.updatedAt),
        h('div', { class: 'row-actions' },
          button('Replace', () => edit('secrets', s.name, '')),
          button('Delete', () => remove('secrets', s.name), { class: 'danger' })),
      ]), 'No secrets.'),
    ];
  });

  function edit(kind, name, value) {
    const next = window.prompt((kind === 'secrets' ? 'New value of secret ' : 'Value of ') + name, value);
    if (next !== null) {
      view.act('Update ' + name, () => post('/env/' + kind + '/' + encodeURIComponent(name), { value: next }),
        'Updated ' + name);
    }
  }

  function remove(kind, name) {
    if (confirmed('Delete ' + name + '?')) {
      view.act('Delete ' + name, () => del('/env/' + kind + '/' + encodeURIComponent(name)), 'Deleted ' + name);
    }
  }
  return view;
}
