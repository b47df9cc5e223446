/**
 * Live updates: one EventSource on a campaign's events (or /api/events for all of them). EventSource reconnects by itself after a dropped
 * connection; when the server is down long enough for it to give up (readyState CLOSED), a new one
 * is opened with a growing delay. Each reconnection is reported so pages refetch what they may have
 * missed while disconnected.
 */
import type { SnapshotEvent } from '../api.js';

export interface LiveHandlers {
  onSnapshot(event: SnapshotEvent): void;
  /** Called when the stream (re)opens; `reconnected` is false the first time. */
  onOpen(reconnected: boolean): void;
  onLost(): void;
}

export function subscribeToSnapshots(handlers: LiveHandlers, url: string): () => void {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let opened = false;
  let lost = false;
  let delay = 1000;
  let stopped = false;

  const open = () => {
    if (stopped) return;
    source = new EventSource(url);
    source.addEventListener('open', () => {
      delay = 1000;
      const reconnected = opened;
      opened = true;
      lost = false;
      handlers.onOpen(reconnected);
    });
    source.addEventListener('snapshot', (message) => {
      try {
        handlers.onSnapshot(JSON.parse((message as MessageEvent<string>).data) as SnapshotEvent);
      } catch {
        handlers.onSnapshot({ type: 'published', campaignId: '', snapshotId: null, asOf: null });
      }
    });
    source.addEventListener('error', () => {
      if (!lost) {
        lost = true;
        handlers.onLost();
      }
      if (source?.readyState === EventSource.CLOSED) {
        source.close();
        timer = setTimeout(open, delay);
        delay = Math.min(delay * 2, 30_000);
      }
    });
  };
  open();

  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
