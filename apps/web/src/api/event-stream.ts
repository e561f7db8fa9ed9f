// Server-Sent Events over fetch, so the bearer token travels in a header (EventSource cannot send
// one). Reconnects after a lost connection with Last-Event-ID, so no event is missed meanwhile.
export interface StreamEvent {
  id: string | null;
  type: string;
  data: string;
}

export interface StreamHandlers {
  onEvent(event: StreamEvent): void;
  /** `reconnecting` after a lost connection, until it is back. */
  onStatus(status: 'live' | 'reconnecting'): void;
}

const RETRY_MS = 2_000;
/** Event ids remembered, to drop the ones a resumed stream sends again. */
const SEEN = 1_000;

/** Parses one SSE block (lines up to a blank line). */
export function parseEvent(block: string): StreamEvent | null {
  let id: string | null = null;
  let type = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }
  return data.length || id ? { id, type, data: data.join('\n') } : null;
}

/** Follows a stream until `stop()` is called; `headers` are read at each (re)connection. */
export function followStream(url: string, handlers: StreamHandlers, headers: () => Record<string, string> = () => ({})): () => void {
  const controller = new AbortController();
  let lastEventId: string | null = null;
  const seen = new Set<string>();

  async function connect(): Promise<void> {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(url, {
          headers: { accept: 'text/event-stream', ...headers(), ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        handlers.onStatus('live');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.search(/\r?\n\r?\n/)) !== -1) {
            const event = parseEvent(buffer.slice(0, end));
            buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
            if (!event) continue;
            if (event.id) {
              // At least once: after a reconnection the server may repeat the last events.
              if (seen.has(event.id)) continue;
              seen.add(event.id);
              if (seen.size > SEEN) seen.delete(seen.values().next().value!);
              if (!lastEventId || Number(event.id) > Number(lastEventId)) lastEventId = event.id;
            }
            handlers.onEvent(event);
          }
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      handlers.onStatus('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }

  void connect();
  return () => controller.abort();
}
