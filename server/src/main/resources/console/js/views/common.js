// Pieces the views share: a page frame, loading with an error line, and confirmation of
// destructive actions.

import { h, clear, append, notice } from '../dom.js';

/** A page: title, optional actions, and a body filled by `load` (re-run by `refresh`). */
export function page(title, load, actions) {
  const body = h('div', { class: 'page-body', 'aria-busy': 'true' });
  const status = h('div', { class: 'status-line' });
  const node = h('section', { class: 'page' },
    h('div', { class: 'page-head' }, h('h1', null, title), actions ? h('div', { class: 'actions' }, actions) : null),
    status, body);
  let alive = true;
  async function refresh() {
    body.setAttribute('aria-busy', 'true');
    try {
      const content = await load();
      if (!alive) return;
      clear(body);
      append(body, [content]);
    } catch (e) {
      if (!alive) return;
      clear(body).append(notice('error', e.message));
    } finally {
      body.setAttribute('aria-busy', 'false');
    }
  }
  refresh();
  return {
    node, refresh,
    /** Runs an action, shows its error or confirmation in the page's status line, then reloads. */
    async act(what, action, done) {
      clear(status);
      try {
        const result = await action();
        if (done) status.append(notice('ok', done));
        await refresh();
        return result;
      } catch (e) {
        status.append(notice('error', what + ': ' + e.message));
        return undefined;
      }
    },
    dispose() { alive = false; },
  };
}

/** A small inline form; `submit` gets the FormData values. */
export function inlineForm(fields, label, submit, attrs = {}) {
  const form = h('form', { class: 'inline-form', ...attrs, on: { submit: async e => {
    e.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    if (await submit(values) !== false) form.reset();
  } } }, fields, h('button', { type: 'submit', class: 'primary' }, label));
  return form;
}

export function confirmed(text) {
  return window.confirm(text);
}
