// The checkpoint stream of a job. EventSource cannot send an Authorization header, so this
// reads the server-sent events with fetch and parses them (WHATWG rules: `event:`, `id:`,
// `data:` lines, a blank line ends an event, `:` lines are comments). After a drop it connects
// again with `Last-Event-ID` set to the last sequence received, so nothing is skipped or repeated.

import { API_BASE, apiKey, ApiError } from './api.js';

/** Parses SSE text incrementally; `feed` returns the complete events found so far. */
export class SseParser {
  constructor() { this.buffer = ''; this.event = { type: 'message', data: [], id: null }; }

  feed(text) {
    this.buffer += text;
    const events = [];
    let nl;
    while ((nl = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, nl);
      const sep = this.buffer.startsWith('\r\n', nl) ? 2 : 1;
      if (this.buffer[nl] === '\r' && nl + 1 === this.buffer.length) break; // a \r\n may be split
      this.buffer = this.buffer.slice(nl + sep);
      this.line(line, events);
    }
    return events;
  }

  line(line, events) {
    if (line === '') {
      if (this.event.data.length) {
        events.push({ type: this.event.type, data: this.event.data.join('\n'), id: this.event.id });
      }
      this.event = { type: 'message', data: [], id: null };
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'event') this.event.type = value;
    else if (name === 'data') this.event.data.push(value);
    else if (name === 'id' && !value.includes('\0')) this.event.id = value;
  }
}

/**
 * Follows a job's checkpoints until the job ends or `stop()` is called.
 * handlers: checkpoint(cp), done(status), error(message), state('live' | 'reconnecting' | 'ended').
 */
export function follow(jobId, afterSequence, handlers) {
  let last = afterSequence || 0;
  let stopped = false;
  let controller = null;
  let attempt = 0;

  async function connect() {
    while (!stopped) {
      controller = new AbortController();
      const headers = { Authorization: 'Bearer ' + (apiKey() || ''), Accept: 'text/event-stream' };
      if (last > 0) headers['Last-Event-ID'] = String(last);
      try {
        const res = await fetch(API_BASE + '/jobs/' + encodeURIComponent(jobId) + '/checkpoints/stream',
          { headers, signal: controller.signal, cache: 'no-store', credentials: 'omit' });
        if (!res.ok) {
          let body = null;
          try { body = await res.json(); } catch (e) { body = null; }
          const error = new ApiError(res.status, body);
          if (res.status !== 429 && res.status < 500) { handlers.error(error.message); return end(); }
          throw error;
        }
        handlers.state('live');
        if (await read(res.body.getReader())) return end();
      } catch (e) {
        if (stopped) return;
      }
      // Dropped: wait a little (longer each time, at most 5 s) and resume after `last`.
      handlers.state('reconnecting');
      attempt += 1;
      await new Promise(r => setTimeout(r, Math.min(5000, 250 * 2 ** Math.min(attempt, 5))));
    }
  }

  /** Reads one connection; true when the stream ended for good (done or error event). */
  async function read(reader) {
    const parser = new SseParser();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return false;
      for (const event of parser.feed(decoder.decode(value, { stream: true }))) {
        if (event.type === 'checkpoint') {
          const cp = JSON.parse(event.data);
          const seq = Number(event.id || cp.sequence);
          if (seq <= last) continue; // never draw a checkpoint twice
          last = seq;
          attempt = 0;
          handlers.checkpoint(cp);
        } else if (event.type === 'done') {
          handlers.done(JSON.parse(event.data).status);
          return true;
        } else if (event.type === 'error') {
          handlers.error(JSON.parse(event.data).message);
          return true;
        }
      }
    }
  }

  function end() { handlers.state('ended'); }

  connect();
  return {
    stop() { stopped = true; if (controller) controller.abort(); },
    lastSequence() { return last; },
  };
}
