// A readable expert definition: each member with its instruction, skills (by type) and
// delegates. Works for today's skill types (interactive, mcpStdio, mcpSse) and Perstack core's
// (interactiveSkill, mcpStdioSkill, mcpSseSkill), and shows any other type as JSON.

import { h, json } from '../dom.js';

export function definition(experts) {
  return h('div', { class: 'definition' }, (experts || []).map((e, i) => h('article', { class: 'card member' },
    h('h3', null, e.name || e.key, ' ', h('span', { class: 'mono muted' }, e.key), i === 0 ? h('span', { class: 'tag' }, 'coordinator') : null),
    e.description ? h('p', null, e.description) : null,
    h('details', { open: i === 0 }, h('summary', null, 'Instruction'), h('pre', { class: 'text' }, e.instruction || '')),
    h('h4', null, 'Skills'),
    Object.keys(e.skills || {}).length
      ? h('ul', { class: 'skills' }, Object.entries(e.skills).map(([name, s]) => h('li', null, skill(name, s))))
      : h('p', { class: 'muted' }, 'No skills.'),
    h('h4', null, 'Delegates'),
    (e.delegates || []).length
      ? h('ul', { class: 'delegates' }, e.delegates.map(d => h('li', { class: 'mono' }, d)))
      : h('p', { class: 'muted' }, 'No delegates.'))));
}

function skill(name, s) {
  const type = String(s && s.type);
  const head = h('div', null, h('strong', { class: 'mono' }, name), ' ', h('span', { class: 'tag' }, type),
    s.description ? h('span', { class: 'muted' }, ' ' + s.description) : null);
  const rule = s.rule ? h('p', { class: 'muted' }, 'Rule: ', s.rule) : null;
  if (type === 'interactive' || type === 'interactiveSkill') {
    return [head, rule, h('ul', null, Object.entries(s.tools || {}).map(([tool, t]) => h('li', null,
      h('span', { class: 'mono' }, tool), t.description ? ' — ' + t.description : '',
      h('details', null, h('summary', null, 'Input schema'), h('pre', { class: 'code' }, schemaText(t.inputJsonSchema))))))];
  }
  if (type === 'mcpStdio' || type === 'mcpStdioSkill') {
    return [head, rule, h('pre', { class: 'code' }, [s.command].concat(s.args || []).join(' ')),
      s.packageName ? h('p', null, 'Package: ', h('span', { class: 'mono' }, s.packageName)) : null,
      list('Requires', s.requiredEnv), list('Pick', s.pick), list('Omit', s.omit)];
  }
  if (type === 'mcpSse' || type === 'mcpSseSkill') {
    // The endpoint is shown as text, never as a link: it comes from the definition.
    return [head, rule, h('p', null, 'Endpoint: ', h('span', { class: 'mono' }, s.endpoint)),
      list('Pick', s.pick), list('Omit', s.omit)];
  }
  return [head, h('pre', { class: 'code' }, json(s))];
}

/** The schema as a JSON object (today) or as a JSON string (Perstack core). */
export function schemaText(schema) {
  if (typeof schema === 'string') {
    try { return JSON.stringify(JSON.parse(schema), null, 2); } catch (e) { return schema; }
  }
  return json(schema);
}

function list(label, items) {
  return items && items.length ? h('p', null, label + ': ', h('span', { class: 'mono' }, items.join(', '))) : null;
}
