// Draws one activity by its type. Written against Perstack core's activity shapes, with
// fallbacks for the fields today's platform sends (think.thought, delegate.delegateTo,
// delegationComplete.result, generalTool.result as any JSON); an unknown type is shown with all
// its fields. Every value is text: model output and tool results cannot become markup.

import { h, json } from './dom.js';

const COMMON = new Set(['id', 'type', 'expertKey', 'runId', 'previousActivityId', 'delegatedBy', 'reasoning']);

const LABELS = {
  query: 'Query', think: 'Thinking', retry: 'Retry', complete: 'Completed', error: 'Error',
  attemptCompletion: 'Attempting completion', todo: 'Todos', clearTodo: 'Todos cleared',
  readImageFile: 'Read image', readPdfFile: 'Read PDF', readTextFile: 'Read file', editTextFile: 'Edit file',
  appendTextFile: 'Append to file', writeTextFile: 'Write file', deleteFile: 'Delete file',
  createDirectory: 'Create directory', deleteDirectory: 'Delete directory', moveFile: 'Move file',
  getFileInfo: 'File info', listDirectory: 'List directory', exec: 'Exec', delegate: 'Delegate',
  delegationComplete: 'Delegation complete', interactiveTool: 'Interactive tool', generalTool: 'Tool call',
};

/** The activities of a checkpoint: one object today, perhaps a list after the core shapes land. */
export function activitiesOf(checkpoint) {
  const a = checkpoint.activity;
  if (Array.isArray(a)) return a.filter(x => x && typeof x === 'object');
  return a && typeof a === 'object' ? [a] : [];
}

export function label(type) {
  return LABELS[type] || String(type);
}

/** The body of an activity (its header is drawn by the timeline). */
export function activityBody(a) {
  const draw = DRAW[a.type] || generic;
  return h('div', { class: 'activity-body' }, draw(a),
    a.error && typeof a.error === 'string' && !['error', 'retry'].includes(a.type) ? line('Error', a.error, 'error') : null,
    a.reasoning ? h('details', { class: 'reasoning' }, h('summary', null, 'Reasoning'), pre(a.reasoning)) : null);
}

/** A one-line summary for the timeline header. */
export function summary(a) {
  switch (a.type) {
    case 'query': case 'complete': case 'think': return ''; // the body is that text
    case 'retry': return a.message || a.error;
    case 'error': return a.error || a.errorName;
    case 'generalTool': case 'interactiveTool': return a.skillName + ' → ' + a.toolName;
    case 'delegate': return (a.delegateExpertKey || a.delegateTo) + ': ' + (a.query || '');
    case 'delegationComplete': return a.delegateTo ? a.delegateTo + ' finished' : (a.count + ' delegation(s) finished');
    case 'exec': return [a.command].concat(a.args || []).join(' ');
    case 'moveFile': return a.source + ' → ' + a.destination;
    case 'todo': return (a.todos || []).filter(t => t.completed).length + ' of ' + (a.todos || []).length + ' done';
    default: return a.path || '';
  }
}

const DRAW = {
  query: a => pre(a.text),
  think: a => pre(a.thought),
  complete: a => pre(a.text),
  retry: a => [line('Error', a.error, 'error'), pre(a.message)],
  error: a => h('div', { class: 'error-box' }, line('Error', a.errorName || 'error', 'error'), pre(a.error),
    a.isRetryable !== undefined ? line('Retryable', a.isRetryable ? 'yes' : 'no') : null),
  attemptCompletion: a => a.remainingTodos && a.remainingTodos.length
    ? [h('p', null, 'Todos still open:'), todos(a.remainingTodos)] : h('p', { class: 'muted' }, 'No open todos.'),
  todo: a => [a.newTodos && a.newTodos.length ? line('Added', a.newTodos.join('; ')) : null,
    a.completedTodos && a.completedTodos.length ? line('Completed', a.completedTodos.join(', ')) : null, todos(a.todos)],
  clearTodo: () => h('p', { class: 'muted' }, 'The todo list was cleared.'),
  readImageFile: file, readPdfFile: file,
  readTextFile: a => [path(a), a.from != null || a.to != null ? line('Lines', (a.from ?? '') + '–' + (a.to ?? '')) : null,
    a.content != null ? collapsible('Content', a.content) : null],
  editTextFile: a => [path(a), h('div', { class: 'diff' }, h('pre', { class: 'removed', 'aria-label': 'old text' }, a.oldText ?? ''),
    h('pre', { class: 'added', 'aria-label': 'new text' }, a.newText ?? ''))],
  appendTextFile: a => [path(a), collapsible('Text', a.text)],
  writeTextFile: a => [path(a), collapsible('Text', a.text)],
  deleteFile: a => path(a),
  createDirectory: a => path(a),
  deleteDirectory: a => [path(a), a.recursive ? line('Recursive', 'yes') : null],
  moveFile: a => [line('From', a.source, 'mono'), line('To', a.destination, 'mono')],
  getFileInfo: a => [path(a), a.info ? kv(a.info) : null],
  listDirectory: a => [path(a), a.items ? h('ul', { class: 'files' }, a.items.map(i =>
    h('li', null, h('span', { class: 'mono' }, i.name), i.type === 'directory' ? '/' : '', ' ',
      h('span', { class: 'muted' }, i.size != null ? String(i.size) + ' B' : '')))) : null],
  exec: a => [h('pre', { class: 'code' }, '$ ' + [a.command].concat(a.args || []).join(' ')),
    a.cwd ? line('In', a.cwd, 'mono') : null,
    a.stdout != null ? output('stdout', a.stdout) : null, a.stderr != null ? output('stderr', a.stderr) : null,
    a.output != null ? output('output', a.output) : null],
  delegate: a => [line('To', a.delegateExpertKey || a.delegateTo, 'mono'), pre(a.query)],
  delegationComplete: a => [a.delegateTo ? line('Delegate', a.delegateTo, 'mono') : null,
    a.count != null ? line('Delegations', a.count) : null, a.result != null ? pre(a.result) : null],
  interactiveTool: a => [tool(a), a.args && typeof a.args.question === 'string'
    ? h('p', { class: 'question' }, a.args.question) : null, args(a.args)],
  generalTool: a => [tool(a), args(a.args), a.result !== undefined ? h('div', { class: 'result' },
    h('span', { class: 'field-label' }, 'Result'), pre(resultText(a.result))) : null],
};

function generic(a) {
  const rest = Object.fromEntries(Object.entries(a).filter(([k]) => !COMMON.has(k)));
  return h('pre', { class: 'code' }, json(rest));
}

/** A tool result: core's MessagePart[] (text parts joined), or any JSON value. */
export function resultText(result) {
  if (Array.isArray(result) && result.every(p => p && typeof p === 'object' && 'type' in p)) {
    return result.map(p => p.type === 'textPart' ? p.text : '[' + p.type + (p.mimeType ? ' ' + p.mimeType : '') + ']').join('\n');
  }
  return json(result);
}

function pre(text) { return h('pre', { class: 'text' }, text == null ? '' : String(text)); }
function line(name, value, cls) {
  return h('p', { class: 'line' }, h('span', { class: 'field-label' }, name), ' ', h('span', { class: cls || '' }, String(value ?? '')));
}
function path(a) { return line('Path', a.path, 'mono'); }
function file(a) {
  return [path(a), a.mimeType ? line('Type', a.mimeType) : null, a.size != null ? line('Size', a.size + ' B') : null];
}
function tool(a) {
  return h('p', { class: 'line' }, h('span', { class: 'mono' }, String(a.skillName)), ' → ',
    h('strong', { class: 'mono' }, String(a.toolName)));
}
function args(value) {
  return h('div', { class: 'args' }, h('span', { class: 'field-label' }, 'Arguments'), h('pre', { class: 'code' }, json(value ?? {})));
}
function output(name, text) {
  return h('div', { class: 'output' }, h('span', { class: 'field-label' }, name), h('pre', { class: 'code' }, String(text)));
}
function collapsible(name, text) {
  return h('details', null, h('summary', null, name + ' (' + String(text ?? '').length + ' characters)'), pre(text));
}
function todos(list) {
  return h('ul', { class: 'todos' }, (list || []).map(t => h('li', { class: t.completed ? 'done' : '' },
    h('span', { 'aria-hidden': 'true' }, t.completed ? '☑ ' : '☐ '), String(t.title), t.completed ? h('span', { class: 'sr' }, ' (done)') : null)));
}
function kv(obj) {
  return h('dl', { class: 'kv' }, Object.entries(obj).map(([k, v]) => [h('dt', null, k), h('dd', null, json(v))]));
}
