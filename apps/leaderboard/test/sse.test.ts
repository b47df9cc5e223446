import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { FastifyInstance } from 'fastify';
import { nuiThanhRoster } from '../src/demo/roster.js';
import { api, auth, demoApi, nuiThanhCampaignFile, startApp, statisticsCsv, statsFor, tempDb, testCampaignId, decision } from './helpers.js';

const T = (path: string) => api(testCampaignId, path);

/** A real HTTP client of /api/events: collects events and comments as they arrive. */
async function subscribe(url: string) {
  const events: EventSourceMessage[] = [];
  const comments: string[] = [];
  const waiters: (() => void)[] = [];
  const parser = createParser({
    onEvent: (e) => {
      events.push(e);
      waiters.splice(0).forEach((w) => w());
    },
    onComment: (c) => {
      comments.push(c.trim());
      waiters.splice(0).forEach((w) => w());
    },
  });
  const res = await fetch(url, { headers: { accept: 'text/event-stream' } });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  })();
  const until = async (pred: () => boolean, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!pred()) {
      if (Date.now() > deadline) throw new Error('timed out waiting for an event');
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 100);
      });
    }
  };
  return { res, events, comments, until, ended };
}

describe('server-sent events over real HTTP', () => {
  const db = tempDb();
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath, campaign: nuiThanhCampaignFile(), heartbeatMs: 150 });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  it('sends a snapshot event on publish, retract and finalise, heartbeats between, and ends on close', async () => {
    const client = await subscribe(`${base}${T('events')}`);
    const everything = await subscribe(`${base}/api/events`);
    expect(client.res.status).toBe(200);
    expect(client.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(client.res.headers.get('content-security-policy')).toContain("default-src 'self'");

    const post = await fetch(`${base}${T('admin/snapshots?asOf=2023-10-31')}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/csv' },
      body: Buffer.from(statisticsCsv(statsFor(nuiThanhRoster, 5))),
    });
    expect(post.status).toBe(201);
    const { snapshot } = (await post.json()) as { snapshot: { id: number } };
    await client.until(() => client.events.length >= 1);
    expect(client.events[0]?.event).toBe('snapshot');
    expect(JSON.parse(client.events[0]?.data ?? '')).toEqual({ type: 'published', campaignId: testCampaignId, snapshotId: snapshot.id, asOf: '2023-10-31' });
    await everything.until(() => everything.events.length >= 1);
    expect(everything.events[0]?.data).toBe(client.events[0]?.data);

    // The leaderboard already shows what the event announced.
    const board = (await (await fetch(`${base}${T('leaderboard')}`)).json()) as { snapshot: { id: number } };
    expect(board.snapshot.id).toBe(snapshot.id);

    expect((await fetch(`${base}${T('admin/finalize')}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ decision }) })).status).toBe(200);
    await client.until(() => client.events.length >= 2);
    expect(JSON.parse(client.events[1]?.data ?? '')).toEqual({ type: 'finalized', campaignId: testCampaignId, snapshotId: snapshot.id, asOf: '2023-10-31' });

    await client.until(() => client.comments.includes('heartbeat'));

    const closing = app.close();
    expect(await client.ended).toBe(true);
    expect(await everything.ended).toBe(true);
    await closing;
  });
});

describe('retract events', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());

  it('announces a retraction to that campaign\'s listeners only', async () => {
    const app = await startApp({ dbPath: db.dbPath });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const client = await subscribe(`${base}${demoApi('events')}`);
    const other = await subscribe(`${base}${api('qd766-quang-nam-2024-demo', 'events')}`);
    expect((await fetch(`${base}${demoApi('admin/snapshots/7')}`, { method: 'DELETE', headers: auth })).status).toBe(200);
    await client.until(() => client.events.length >= 1);
    expect(JSON.parse(client.events[0]?.data ?? '')).toEqual({ type: 'retracted', campaignId: 'nui-thanh-2023-demo', snapshotId: 7, asOf: '2023-12-31' });
    expect(other.events).toEqual([]);
    const board = (await (await fetch(`${base}${demoApi('leaderboard')}`)).json()) as { snapshot: { asOf: string } };
    expect(board.snapshot.asOf).toBe('2023-11-30');
    await app.close();
    expect(await client.ended).toBe(true);
    expect(await other.ended).toBe(true);
  });
});
