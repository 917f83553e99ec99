// Files going into a job's workspace and coming out of it: the file picker with an editable
// workspace path per file, staging files for a start or continue (and deleting them again when
// it fails), and handing downloaded bytes to the browser as a file.

import { h, clear, field, input, bytes } from './dom.js';
import { callRaw, del } from './api.js';

/**
 * `<input type=file multiple>` and, for each chosen file, its path in the workspace (the file's
 * name unless edited). `entries()` gives `[{file, path}]`.
 */
export function filePicker(label, hint) {
  const chooser = h('input', { type: 'file', multiple: true, name: 'files' });
  const rows = h('ul', { class: 'upload-list' });
  let chosen = [];
  chooser.addEventListener('change', () => {
    chosen = [...chooser.files].map(file => ({ file, path: input('uploadPath', { value: file.name, required: true,
      'aria-label': 'Workspace path of ' + file.name }) }));
    clear(rows);
    for (const c of chosen) {
      rows.append(h('li', null, h('span', { class: 'mono file-name' }, c.file.name),
        h('span', { class: 'muted' }, bytes(c.file.size)), h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'), c.path));
    }
  });
  return {
    node: h('div', { class: 'picker' }, field(label, chooser, hint), rows),
    entries: () => chosen.map(c => ({ file: c.file, path: c.path.value.trim() })),
    reset() { chooser.value = ''; chosen = []; clear(rows); },
  };
}

/** An error of one file (its name first), keeping the API's status code. */
function fileError(name, err) {
  return Object.assign(new Error(name + ': ' + err.message), { code: err.code, body: err.body });
}

/**
 * Stages each file (`POST /workspace/uploads`, raw body) and resolves to the `uploads` of a start
 * or continue. When one is refused, those already staged are deleted and the error names the file.
 */
export async function stageAll(entries) {
  const uploads = [];
  for (const e of entries) {
    try {
      const staged = (await callRaw('POST', '/workspace/uploads', e.file)).data.upload;
      uploads.push({ path: e.path, uploadId: staged.id });
    } catch (err) {
      await discard(uploads);
      throw fileError(e.file.name, err);
    }
  }
  return uploads;
}

/** Deletes staged uploads no job took (after a refused start or continue); best effort, they also expire. */
export function discard(uploads) {
  return Promise.all(uploads.map(u => del('/workspace/uploads/' + encodeURIComponent(u.uploadId)).catch(() => null)));
}

/**
 * Starts or continues with staged files: stages them, calls `send(uploads)` (no `uploads` when
 * there are no files), and deletes the staged ones when the call fails. An error about
 * `uploads[i]` also names the file it is about.
 */
export async function withUploads(entries, send) {
  const uploads = entries.length ? await stageAll(entries) : undefined;
  try {
    return await send(uploads);
  } catch (err) {
    if (uploads) await discard(uploads);
    err.message = String(err.message).replace(/uploads\[(\d+)\][\w.]*/g,
      (m, i) => entries[i] ? m + ' (' + entries[i].file.name + ')' : m);
    throw err;
  }
}

/** Puts each file into a job's workspace directly (`POST …/workspace/files?path=`, raw body). */
export async function putAll(jobId, entries) {
  for (const e of entries) {
    try {
      await callRaw('POST', '/jobs/' + encodeURIComponent(jobId) + '/workspace/files?path=' + encodeURIComponent(e.path), e.file);
    } catch (err) {
      throw fileError(e.file.name, err);
    }
  }
}

/** Hands bytes to the browser as a download named `name`; the object URL is never shown or linked. */
export function saveAs(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
