// Creating an expert draft: the scope, its application, category and description, and the
// definition (the draft's `experts`) as JSON. The platform validates it; its errors name the
// field (`experts[0].instruction: …`) and are shown beside the form.

import { h, field, input, select, notice, clear } from '../dom.js';
import { get, post, expertPath } from '../api.js';
import { page } from './common.js';
import { scopeRoute } from './experts.js';

const CATEGORIES = ['general', 'coding', 'research', 'writing', 'data', 'automation'];

/** A definition to start from: one coordinator with the base skill, in core's shape. */
const TEMPLATE = [{
  key: 'main',
  name: 'main',
  description: 'What this expert does',
  instruction: 'Say what the expert should do and how.',
  skills: { '@perstack/base': { type: 'mcpStdioSkill', command: 'npx', packageName: '@perstack/base' } },
  delegates: [],
}];

export function newDraftView(params) {
  const status = h('div', { class: 'form-status', 'data-testid': 'draft-status' });
  return page('Create a draft', async () => {
    const [apps, scopes] = await Promise.all([
      get('/applications?take=100&sort=name&order=asc'),
      get('/experts?includeDrafts=true&limit=100'),
    ]);
    const applications = apps.data.applications;
    if (!applications.length) return notice('error', 'Create an application first: a draft belongs to one.');
    const scope = input('scope', { required: true, value: params.get('scope') || ownNamespace(applications, scopes.data.experts),
      placeholder: '@org/name' });
    const definition = h('textarea', { name: 'experts', rows: 16, class: 'code-input', spellcheck: 'false', required: true,
      'aria-label': 'Definition (the experts, as JSON)' });
    definition.value = JSON.stringify(TEMPLATE, null, 2);
    const form = h('form', { class: 'card job-form draft-form', 'aria-label': 'Create a draft', on: { submit: e => create(e, form) } },
      field('Scope', scope, 'Your organization\'s namespace; the scope is created on first use (private).'),
      h('div', { class: 'grid' },
        field('Application', select('applicationId', applications.map(a => [a.id, a.name]), params.get('applicationId'))),
        field('Category', select('category', [['', 'keep / general']].concat(CATEGORIES.map(c => [c, c])), ''))),
      field('Description', input('description', { placeholder: 'the scope\'s description (optional)' })),
      field('Definition', definition, 'A JSON list of experts (the first is the coordinator): key, name, instruction, '
        + 'skills, delegates. The platform checks it and names any field it refuses.'),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create draft')), status);
    return form;
  });

  async function create(e, form) {
    e.preventDefault();
    clear(status);
    const v = Object.fromEntries(new FormData(form).entries());
    const scopeName = v.scope.trim();
    let path;
    try {
      path = expertPath(scopeName, '/drafts');
    } catch (err) {
      return status.append(notice('error', 'scope: must be @org/name'));
    }
    let experts;
    try {
      experts = JSON.parse(v.experts);
    } catch (err) {
      return status.append(notice('error', 'experts: not valid JSON (' + err.message + ')'));
    }
    const body = { applicationId: v.applicationId, experts };
    if (v.category) body.category = v.category;
    if (v.description.trim()) body.description = v.description.trim();
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      await post(path, body);
      location.hash = scopeRoute(scopeName);
    } catch (err) {
      status.append(notice('error', 'Create draft: ' + err.message));
    } finally {
      submit.disabled = false;
    }
  }
}

/** `@org/` of the caller's organization when one of its scopes shows it (the API has no call that names it). */
function ownNamespace(applications, scopes) {
  const orgId = applications[0].organizationId;
  const own = scopes.find(s => s.organizationId === orgId);
  return own ? own.scopeName.slice(0, own.scopeName.indexOf('/') + 1) : '';
}
