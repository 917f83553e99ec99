// Building the page without HTML strings: every text from the API becomes a text node, never
// markup, and links can only point inside the console. Nothing here parses HTML.

const SVG = 'http://www.w3.org/2000/svg';

/** Attributes the console sets; anything else is refused so no event handler or URL slips in. */
const ALLOWED = new Set(['class', 'id', 'type', 'name', 'value', 'placeholder', 'title', 'for', 'role',
  'tabindex', 'rows', 'min', 'max', 'step', 'required', 'disabled', 'checked', 'selected', 'autocomplete',
  'aria-label', 'aria-hidden', 'aria-live', 'aria-current', 'aria-expanded', 'aria-busy', 'data-type', 'data-seq',
  'data-run', 'data-status', 'data-testid', 'spellcheck', 'open', 'multiple', 'maxlength', 'datetime', 'colspan', 'scope']);

/**
 * h('div', {class: 'x'}, 'text', child, [more]) — an element. Strings and numbers become text
 * nodes; null, undefined and false are skipped; arrays are flattened. `on` maps events to handlers.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

function setAttributes(el, attrs) {
  if (!attrs) return;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'on') {
      for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
    } else if (name === 'href') {
      el.setAttribute('href', internalHref(value));
    } else if (ALLOWED.has(name)) {
      el.setAttribute(name, value === true ? '' : String(value));
    } else {
      throw new Error('attribute not allowed: ' + name);
    }
  }
}

/** Only console routes (#/...) are links; anything else (javascript:, http:, data:) becomes #/. */
export function internalHref(value) {
  const s = String(value);
  return /^#\/[^\s]*$/.test(s) ? s : '#/';
}

export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** An SVG element; attribute values are numbers or fixed words chosen by the console. */
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs || {})) el.setAttribute(name, String(value));
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function link(route, text, attrs = {}) {
  return h('a', { ...attrs, href: route }, text);
}

/** A route segment: ids and keys are encoded so a hostile name cannot change the route. */
export function seg(value) {
  return encodeURIComponent(String(value));
}

export function button(text, onClick, attrs = {}) {
  return h('button', { type: 'button', ...attrs, on: { click: onClick } }, text);
}

/** A labelled form field. */
export function field(label, input, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), input,
    hint ? h('span', { class: 'hint' }, hint) : null);
}

export function input(name, attrs = {}) {
  return h('input', { name, autocomplete: 'off', spellcheck: 'false', ...attrs });
}

export function select(name, options, selected) {
  return h('select', { name }, options.map(o => {
    const [value, text] = Array.isArray(o) ? o : [o, o];
    return h('option', { value, selected: value === selected }, text);
  }));
}

/** A table: headers, rows of cells (each a node or text). */
export function table(headers, rows, empty = 'Nothing here yet.') {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'table-wrap' }, h('table', null,
    h('thead', null, h('tr', null, headers.map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', null, rows.map(cells => h('tr', null, cells.map(c => h('td', null, c)))))));
}

export function badge(status) {
  return h('span', { class: 'badge', 'data-status': String(status) }, String(status));
}

export function time(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return h('time', { datetime: iso, title: iso }, d.toLocaleString());
}

export function duration(ms) {
  if (ms == null || Number.isNaN(ms)) return '–';
  if (ms < 1000) return ms + ' ms';
  if (ms < 60000) return (ms / 1000).toFixed(1) + ' s';
  const m = Math.floor(ms / 60000);
  return m + ' min ' + Math.round((ms % 60000) / 1000) + ' s';
}

/** A size in bytes, in powers of 1024 as the platform's limits are given. */
export function bytes(n) {
  if (n == null || Number.isNaN(Number(n))) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = Number(n);
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return (i === 0 ? String(v) : v.toFixed(v < 10 ? 1 : 0)) + ' ' + units[i];
}

export function number(n) {
  return n == null ? '–' : Number(n).toLocaleString('en-US');
}

/** Pretty JSON of any value, for a <pre>: it is text, so it cannot run. */
export function json(value) {
  if (typeof value === 'string') return value;
  try { return JSON.stringify(value, null, 2); } catch (e) { return String(value); }
}

/** A status line for errors and confirmations; role=status is read out by screen readers. */
export function notice(kind, text) {
  return h('p', { class: 'notice notice-' + kind, role: kind === 'error' ? 'alert' : 'status' }, text);
}
