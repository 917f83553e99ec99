// The console's shell: sign-in, the theme, the section links and the router. Routes are the
// address fragment (#/jobs/<id>), so a page can be reloaded or linked without the server
// knowing about routes; the key is never part of a route.

import { h, clear, append, notice } from './dom.js';
import { apiKey, signIn, signOut, takeKeyFromFragment, whenUnauthorized, get } from './api.js';
import { homeView } from './views/home.js';
import { applicationsView } from './views/applications.js';
import { envView } from './views/env.js';
import { expertsView, expertView } from './views/experts.js';
import { jobsView, newJobView } from './views/jobs.js';
import { jobView } from './views/job.js';
import { newDraftView } from './views/drafts.js';

const SECTIONS = [['#/', 'Home'], ['#/applications', 'Applications'], ['#/env', 'Environment'],
  ['#/experts', 'Experts'], ['#/jobs', 'Jobs']];

const ROUTES = [
  [/^\/$/, () => homeView()],
  [/^\/applications$/, () => applicationsView()],
  [/^\/env$/, () => envView()],
  [/^\/experts$/, () => expertsView()],
  [/^\/experts\/new$/, params => newDraftView(params)],
  [/^\/experts\/([^/]+)\/([^/]+)$/, (org, name) => expertView('@' + org + '/' + name)],
  [/^\/jobs$/, params => jobsView(params)],
  [/^\/jobs\/new$/, params => newJobView(params)],
  [/^\/jobs\/([^/]+)$/, id => jobView(id)],
];

const main = document.getElementById('main');
let current = null; // the view on screen; its dispose() stops streams and timers

function route() {
  if (current && current.dispose) current.dispose();
  current = null;
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search] = hash.split('?');
  const params = new URLSearchParams(search || '');
  markNav(path);
  clear(main);
  if (!apiKey()) return showSignIn();
  for (const [pattern, view] of ROUTES) {
    const m = pattern.exec(path);
    if (!m) continue;
    const args = m.slice(1).map(s => { try { return decodeURIComponent(s); } catch (e) { return s; } });
    current = view(...(args.length ? args : [params]), params);
    append(main, current.node);
    return;
  }
  append(main, h('section', null, h('h1', null, 'Not found'), notice('error', 'No page at ' + path)));
}

function markNav(path) {
  const nav = clear(document.getElementById('nav'));
  for (const [href, text] of SECTIONS) {
    const route = href.slice(1);
    const active = route === '/' ? path === '/' : path === route || path.startsWith(route + '/');
    append(nav, h('a', { href, 'aria-current': active ? 'page' : false }, text));
  }
  document.getElementById('signout').hidden = !apiKey();
}

function showSignIn(message) {
  const key = h('input', { type: 'password', name: 'apiKey', autocomplete: 'off', required: true,
    'aria-label': 'API key', placeholder: 'API key' });
  const status = h('div');
  const form = h('form', { class: 'card signin', on: { submit: async e => {
    e.preventDefault();
    signIn(key.value);
    try {
      await get('/applications?take=1');
      route();
    } catch (err) {
      // A 401 has already brought the form back with its message (whenUnauthorized).
      signOut();
      if (err.code !== 401) clear(status).append(notice('error', err.message));
    }
  } } },
  h('h1', null, 'Sign in'),
  h('p', null, 'Paste an API key of your organization. ', h('code', null, 'perstack serve'),
    ' prints a link that signs you in, and saves the key in DATA_DIR/api-key.'),
  key, h('button', { type: 'submit', class: 'primary' }, 'Sign in'), status);
  if (message) status.append(notice('error', message));
  clear(main).append(form);
  key.focus();
}

function setTheme(theme) {
  document.documentElement.dataset.theme = theme;
  localStorage.setItem('perstack.theme', theme);
}

function initialTheme() {
  const saved = localStorage.getItem('perstack.theme');
  if (saved === 'dark' || saved === 'light') return saved;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

document.documentElement.dataset.theme = initialTheme();
document.getElementById('theme').addEventListener('click',
  () => setTheme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark'));
document.getElementById('signout').addEventListener('click', () => { signOut(); location.hash = '#/'; route(); });
whenUnauthorized(() => { signOut(); showSignIn('The key was refused (401). Sign in again.'); markNav(''); });
takeKeyFromFragment();
window.addEventListener('hashchange', () => { takeKeyFromFragment(); route(); });
route();
// The skip link moves the focus to the page itself (a fragment link would change the route).
document.getElementById('skip').addEventListener('click', e => { e.preventDefault(); main.focus(); });
