// Experts: the scopes (own and public), and a scope's versions (tags, yanked), drafts and
// definitions; publish, unpublish, yank, assign a version to a draft.

import { h, link, seg, input, field, table, badge, time, button, clear, notice } from '../dom.js';
import { get, post, expertPath, orWhenMissing } from '../api.js';
import { page, inlineForm, confirmed } from './common.js';
import { definition } from './definition.js';

export function expertsView() {
  return page('Experts', async () => {
    const experts = (await get('/experts?includeDrafts=true&limit=100')).data.experts;
    return table(['Scope', 'Description', 'Category', 'Visibility', 'Latest', 'Tags', 'Updated'], experts.map(s => [
      link(scopeRoute(s.scopeName), s.scopeName, { class: 'mono' }), h('span', { class: 'clip' }, s.description || ''),
      s.category, badge(s.visibility), s.latestVersion || h('span', { class: 'muted' }, 'none'),
      tags(s.tags), time(s.updatedAt),
    ]), 'No experts yet. Create a draft here, with the client or with `perstack drafts create`.');
  }, [h('a', { href: '#/experts/new', class: 'button primary' }, 'Create a draft')]);
}

export function scopeRoute(scopeName) {
  const m = /^@([^/]+)\/(.+)$/.exec(scopeName);
  return m ? '#/experts/' + seg(m[1]) + '/' + seg(m[2]) : '#/experts';
}

function tags(map) {
  return h('span', null, Object.entries(map || {}).map(([t, v]) => h('span', { class: 'tag' }, t + ' → ' + v)));
}

export function expertView(scopeName) {
  const shown = h('div', { class: 'shown-definition' });
  const view = page(scopeName, async () => {
    const name = scopeName.slice(scopeName.indexOf('/') + 1);
    const [scopes, versions, drafts] = await Promise.all([
      get('/experts?includeDrafts=true&limit=100&filter=' + encodeURIComponent(name)),
      orWhenMissing(get(expertPath(scopeName, '/versions')), { data: { versions: [] } }),
      orWhenMissing(get(expertPath(scopeName, '/drafts?limit=100')), { data: { drafts: [] } }),
    ]);
    const scope = scopes.data.experts.find(s => s.scopeName === scopeName);
    const list = versions.data.versions;
    const own = drafts.data.drafts.length > 0 || (scope && scope.visibility !== undefined);
    return [
      scope ? h('p', { class: 'meta' }, badge(scope.visibility), ' ', scope.category, ' · ',
        scope.description || '', ' · updated ', time(scope.updatedAt)) : null,
      own && scope ? h('div', { class: 'actions' },
        scope.visibility === 'public'
          ? button('Unpublish', () => view.act('Unpublish', () => post(expertPath(scopeName, '/unpublish')), 'Now private'))
          : button('Publish', () => confirmed('Make ' + scopeName + ' readable by every organization?') &&
            view.act('Publish', () => post(expertPath(scopeName, '/publish')), 'Now public'))) : null,
      h('h2', null, 'Versions'),
      table(['Version', 'Tags', 'Yanked', 'Created', ''], list.map(v => [
        h('span', { class: 'mono' }, v.version), h('span', null, (v.tags || []).map(t => h('span', { class: 'tag' }, t))),
        v.yanked ? h('span', { class: 'badge', 'data-status': 'yanked' }, 'yanked') : '',
        time(v.createdAt),
        h('div', { class: 'row-actions' },
          button('Definition', () => showVersion(v.version)),
          link('#/jobs/new?expertKey=' + encodeURIComponent(scopeName + '@' + v.version), 'Run', { class: 'button' }),
          v.yanked ? null : button('Yank', () => confirmed('Yank ' + scopeName + '@' + v.version + '?') &&
            view.act('Yank', () => post(expertPath(scopeName + '@' + v.version, '/yank')), 'Yanked ' + v.version),
          { class: 'danger' })),
      ]), 'No versions yet: assign one to a draft below.'),
      h('h2', null, 'Drafts'),
      drafts.data.drafts.length ? drafts.data.drafts.map(d => h('article', { class: 'card' },
        h('h3', null, 'Draft ', h('span', { class: 'mono' }, d.id)),
        h('p', { class: 'muted' }, (d.experts || []).length + ' expert(s) · application ',
          h('span', { class: 'mono' }, d.applicationId), ' · updated ', time(d.updatedAt)),
        inlineForm([field('Version', input('version', { required: true, placeholder: nextVersion(list) })),
          field('Tag', input('tag', { placeholder: 'latest' }))], 'Assign version',
        v => view.act('Assign version', () => post(expertPath(scopeName, '/drafts/' + encodeURIComponent(d.id) + '/version'),
          v.tag ? { version: v.version, tag: v.tag } : { version: v.version }), 'Assigned ' + v.version),
        { 'aria-label': 'Assign a version to draft ' + d.id }),
        h('details', null, h('summary', null, 'Definition'), definition(d.experts)))) : h('p', { class: 'muted' }, 'No drafts.'),
      shown,
    ];
  }, [h('a', { href: '#/experts/new?scope=' + encodeURIComponent(scopeName), class: 'button' }, 'New draft')]);

  async function showVersion(version) {
    clear(shown).append(h('h2', null, 'Definition of ', h('span', { class: 'mono' }, scopeName + '@' + version)));
    try {
      const def = (await get(expertPath(scopeName + '@' + version))).data.definition;
      shown.append(h('p', { class: 'meta' }, (def.tags || []).map(t => h('span', { class: 'tag' }, t)),
        def.yanked ? h('span', { class: 'badge', 'data-status': 'yanked' }, 'yanked') : null), definition(def.experts));
      shown.scrollIntoView();
    } catch (e) {
      shown.append(notice('error', e.message));
    }
  }
  return view;
}

function nextVersion(versions) {
  const m = versions.length ? /^(\d+)\.(\d+)\.(\d+)/.exec(versions[0].version) : null;
  return m ? m[1] + '.' + m[2] + '.' + (Number(m[3]) + 1) : '1.0.0';
}
