import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app';
import { KeysUsageError, runKeysCommand } from './keys-command';

function capture(): { io: { stdout: { write(text: string): boolean } }; text(): string } {
  let out = '';
  return { io: { stdout: { write: (text: string) => ((out += text), true) } }, text: () => out };
}

describe('twin keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => t.close());

  async function addKey(role: string): Promise<{ key: string; id: string }> {
    const out = capture();
    await runKeysCommand(t.store.db, ['add', '--role', role, '--name', `${role} desk`], out.io);
    const key = out.text().split('\n')[0]!;
    return { key, id: key.split('_')[1]! };
  }

  it('makes a key that works for its role and stores only its hash', async () => {
    const { key, id } = await addKey('planner');
    expect(key).toMatch(/^ct_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const ok = await t.app.inject({ url: '/api/appeals', headers: { authorization: `Bearer ${key}` } });
    expect(ok.statusCode).toBe(200);
    const write = await t.app.inject({ method: 'POST', url: '/api/appeals', headers: { authorization: `Bearer ${key}` }, payload: {} });
    expect(write.statusCode).toBe(403);
    const rows = await t.store.db.query<{ dump: string }>(`SELECT row_to_json(k)::text AS dump FROM api_keys k WHERE id = $1`, [id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.dump).not.toContain(key.split('_')[2]!);
  });

  it('lists keys without their secrets', async () => {
    const { key, id } = await addKey('operator');
    const out = capture();
    await runKeysCommand(t.store.db, ['list'], out.io);
    expect(out.text()).toContain(id);
    expect(out.text()).toContain('operator desk');
    expect(out.text()).not.toContain(key);
  });

  it('refuses a revoked key, a tampered secret and an unknown id with 401', async () => {
    const { key, id } = await addKey('admin');
    const tampered = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    expect((await t.app.inject({ url: '/api/appeals', headers: { authorization: `Bearer ${tampered}` } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/appeals', headers: { authorization: `Bearer ct_00000000_${key.split('_')[2]}` } })).statusCode).toBe(401);
    await runKeysCommand(t.store.db, ['revoke', id], capture().io);
    const after = await t.app.inject({ url: '/api/appeals', headers: { authorization: `Bearer ${key}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('CT_ERR_UNAUTHORIZED');
  });

  it.each([[['add', '--role', 'boss', '--name', 'x']], [['add', '--role', 'admin']], [['revoke', 'feedf00d']], [['rotate']], [['add', '--colour', 'red']]])('refuses %j', async (argv) => {
    await expect(runKeysCommand(t.store.db, argv, capture().io)).rejects.toBeInstanceOf(KeysUsageError);
  });
});
