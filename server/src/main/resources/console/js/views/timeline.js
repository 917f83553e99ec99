// The timeline of a job: one item per activity in checkpoint order, grouped by run; a
// delegate's run is nested under the delegation that started it.

import { h, time } from '../dom.js';
import { activitiesOf, activityBody, label, summary } from '../activity.js';

export class Timeline {
  constructor() {
    this.node = h('ol', { class: 'timeline', 'aria-label': 'Checkpoints' });
    this.runs = new Map(); // runId → <ol> of the run's items
    this.openDelegations = []; // delegate items whose child run has not appeared yet
    this.count = 0;
  }

  /** Adds a checkpoint; returns the items drawn for its activities. */
  add(cp) {
    const list = this.runList(cp);
    const items = activitiesOf(cp).map(a => this.item(cp, a));
    if (!items.length) items.push(this.item(cp, { type: 'unknown' }));
    for (const item of items) list.append(item);
    this.count += 1;
    return items;
  }

  /** The run's list; a new run goes under the delegation it came from, or at the top. */
  runList(cp) {
    const existing = this.runs.get(cp.runId);
    if (existing) return existing;
    const list = h('ol', { class: 'run', 'data-run': cp.runId });
    const parentRun = parentRunOf(cp);
    let host = null;
    if (this.runs.size) {
      const i = this.openDelegations.findIndex(d => parentRun ? d.runId === parentRun : true);
      if (i >= 0) host = this.openDelegations.splice(i, 1)[0].item;
    }
    if (host) {
      host.append(h('div', { class: 'nested' }, h('p', { class: 'run-head' }, 'Run of ', h('span', { class: 'mono' }, cp.expert && cp.expert.key),
        ' ', h('span', { class: 'mono muted' }, cp.runId)), list));
    } else {
      this.node.append(h('li', { class: 'run-block' }, this.runs.size ? h('p', { class: 'run-head' }, 'Run ', h('span', { class: 'mono muted' }, cp.runId)) : null, list));
    }
    this.runs.set(cp.runId, list);
    return list;
  }

  item(cp, a) {
    const li = h('li', { class: 'step', 'data-type': a.type, 'data-seq': cp.sequence, 'data-status': cp.status },
      h('div', { class: 'step-head' },
        h('span', { class: 'seq', title: 'sequence ' + cp.sequence }, String(cp.sequence)),
        h('span', { class: 'type' }, label(a.type)),
        h('span', { class: 'summary clip' }, summary(a) || ''),
        h('span', { class: 'muted step-meta' }, (cp.expert && cp.expert.key) || '', ' · ',
          String((cp.usage && cp.usage.totalTokens) || 0), ' tok · ', time(cp.finishedAt || cp.startedAt))),
      activityBody(a));
    if (a.type === 'delegate') this.openDelegations.push({ runId: cp.runId, item: li });
    return li;
  }
}

/** The run that delegated: core's `delegatedBy` on the checkpoint or activity, if present. */
function parentRunOf(cp) {
  if (cp.delegatedBy && cp.delegatedBy.runId) return cp.delegatedBy.runId;
  const a = activitiesOf(cp)[0];
  return a && a.delegatedBy && a.delegatedBy.runId ? a.delegatedBy.runId : null;
}
