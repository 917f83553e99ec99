// The job view's Files panel: what is in the job's workspace (path, size, modified), each file
// downloadable, refreshed on demand and a while after checkpoints arrive, and an upload form
// that puts files into the workspace directly.

import { h, clear, append, button, notice, table, time, bytes } from '../dom.js';
import { get, fetchBlob, query } from '../api.js';
import { filePicker, putAll, saveAs } from '../uploads.js';

/** How long checkpoints may keep arriving before the list is read again: a busy job lists once per this. */
const SETTLE_MS = 1500;

export function filesPanel(jobId) {
  const base = '/jobs/' + encodeURIComponent(jobId) + '/workspace';
  const list = h('div', { class: 'files-list', 'data-testid': 'files', 'aria-busy': 'true' });
  const status = h('div', { class: 'status-line', 'data-testid': 'files-status' });
  const picker = filePicker('Upload into the workspace', 'Replaces a file of the same path.');
  const form = h('form', { class: 'upload-form', 'aria-label': 'Upload files into the workspace', on: { submit: upload } },
    picker.node, h('button', { type: 'submit' }, 'Upload'));
  const node = h('section', { class: 'files', 'aria-label': 'Files' },
    h('div', { class: 'section-head' }, h('h2', null, 'Files'), button('Refresh', () => refresh(), { 'aria-label': 'Refresh the files' })),
    list, form, status);
  let timer = null;
  let alive = true;
  let generation = 0; // a slower, older listing never replaces a newer one

  async function refresh() {
    const mine = ++generation;
    list.setAttribute('aria-busy', 'true');
    try {
      const files = (await get(base + '/files')).data.files;
      if (!alive || mine !== generation) return;
      append(clear(list), table(['Path', 'Size', 'Modified', ''], files.map(f => [
        h('span', { class: 'mono file-path' }, f.path), bytes(f.size), time(f.modified),
        button('Download', () => download(f.path), { 'aria-label': 'Download ' + f.path }),
      ]), 'No files in the workspace yet.'));
    } catch (e) {
      if (alive && mine === generation) clear(list).append(notice('error', 'Files: ' + e.message));
    } finally {
      if (mine === generation) list.setAttribute('aria-busy', 'false');
    }
  }

  /** After a checkpoint: one listing once the checkpoints have paused (or every SETTLE_MS while they keep coming). */
  function refreshSoon() {
    if (timer) return;
    timer = setTimeout(() => { timer = null; if (alive) refresh(); }, SETTLE_MS);
  }

  async function download(path) {
    clear(status);
    try {
      saveAs(await fetchBlob(base + '/file' + query({ path })), path.slice(path.lastIndexOf('/') + 1));
    } catch (e) {
      status.append(notice('error', 'Download ' + path + ': ' + e.message));
    }
  }

  async function upload(e) {
    e.preventDefault();
    clear(status);
    const entries = picker.entries();
    if (!entries.length) return status.append(notice('error', 'Upload: choose one or more files first'));
    try {
      await putAll(jobId, entries);
      picker.reset();
      status.append(notice('ok', 'Uploaded ' + entries.map(x => x.path).join(', ')));
    } catch (err) {
      status.append(notice('error', 'Upload ' + err.message));
    }
    await refresh();
  }

  refresh();
  return { node, refresh, refreshSoon, dispose() { alive = false; clearTimeout(timer); } };
}
