/**
 * The pane's sign-in routes: GET /api/sign-in says how to sign in; in development, loopback clients list the
 * catalogue's members and get a working token; a client that is not on this machine (or comes through a
 * proxy) is refused; in production the development routes do not exist.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { makeTestApp, type TestApp } from '../helpers/testApp.js';
import { MEMBERS } from '../helpers/testApp.js';

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('sign-in for the task pane', () => {
  test('development: the mode, the members, and a token that the API accepts', async () => {
    t = await makeTestApp({ env: { NODE_ENV: 'development' } });
    const config = await request(t.app).get('/api/sign-in').expect(200);
    expect(config.body).toEqual({ mode: 'dev', entra: null });
    const members = await request(t.app).get('/api/dev/members').expect(200);
    expect(members.body.members).toContainEqual(
      expect.objectContaining({ email: MEMBERS.leeds, role: 'line-manager' }),
    );
    const minted = await request(t.app).post('/api/dev/token').send({ email: MEMBERS.leeds }).expect(200);
    expect(minted.headers['cache-control']).toBe('no-store');
    const me = await request(t.app).get('/api/me').set('Authorization', `Bearer ${minted.body.token}`).expect(200);
    expect(me.body.email).toBe(MEMBERS.leeds);
    expect(t.responseViolations).toEqual([]);
  });

  test('development: no token for someone outside the catalogue', async () => {
    t = await makeTestApp({ env: { NODE_ENV: 'development' } });
    const res = await request(t.app).post('/api/dev/token').send({ email: 'stranger@example.org' }).expect(403);
    expect(res.body.detail).toContain('is not a member of the partnership catalogue');
  });

  test('development: a request through a proxy (X-Forwarded-For) is refused', async () => {
    t = await makeTestApp({ env: { NODE_ENV: 'development' } });
    const res = await request(t.app)
      .post('/api/dev/token')
      .set('X-Forwarded-For', '203.0.113.9')
      .send({ email: MEMBERS.leeds })
      .expect(403);
    expect(res.body.detail).toContain('only to clients on the machine that runs the service');
    await request(t.app).get('/api/dev/members').set('X-Forwarded-For', '203.0.113.9').expect(403);
  });

  test('production: the development routes do not exist', async () => {
    t = await makeTestApp({
      env: { NODE_ENV: 'production', AUTH_MODE: 'entra', ENTRA_TENANT_IDS: 'tenant-1', ENTRA_CLIENT_ID: 'client-1' },
    });
    const config = await request(t.app).get('/api/sign-in').expect(200);
    expect(config.body).toEqual({
      mode: 'entra',
      entra: {
        clientId: 'client-1',
        authority: 'https://login.microsoftonline.com/tenant-1',
        scopes: ['api://client-1/access_as_user'],
      },
    });
    await request(t.app).get('/api/dev/members').expect(404);
    await request(t.app).post('/api/dev/token').send({ email: MEMBERS.leeds }).expect(404);
  });
});

describe('development sign-in only for this machine’s own pages (DNS rebinding, proxies)', () => {
  test.each([
    ['a rebound name', 'attacker.rebind.network'],
    ['a rebound name with a port', 'attacker.rebind.network:3000'],
    ['a LAN address', '192.168.1.20:3000'],
    ['a name ending in localhost', 'localhost.attacker.example'],
  ])('a Host that is not a loopback name or address is refused: %s', async (_, host) => {
    t = await makeTestApp({ env: { NODE_ENV: 'development' } });
    const minted = await request(t.app)
      .post('/api/dev/token')
      .set('Host', host)
      .send({ email: MEMBERS.leeds })
      .expect(403);
    expect(minted.body.detail).toContain(`the Host "${host}" is not localhost or a loopback address`);
    expect(minted.body.token).toBeUndefined();
    await request(t.app).get('/api/dev/members').set('Host', host).expect(403);
  });

  test.each(['localhost', 'localhost:3000', '127.0.0.1:3000', '127.8.9.10', '[::1]:3000', 'LOCALHOST:1234'])(
    'a loopback Host is accepted: %s',
    async (host) => {
      t = await makeTestApp({ env: { NODE_ENV: 'development' } });
      await request(t.app).get('/api/dev/members').set('Host', host).expect(200);
      const minted = await request(t.app).post('/api/dev/token').set('Host', host).send({ email: MEMBERS.leeds });
      expect(minted.status).toBe(200);
    },
  );

  test('an Origin that is not the service’s own is refused; its own origin is accepted', async () => {
    t = await makeTestApp({ env: { NODE_ENV: 'development' } });
    const foreign = await request(t.app)
      .post('/api/dev/token')
      .set('Host', 'localhost:3000')
      .set('Origin', 'http://attacker.rebind.network:3000')
      .send({ email: MEMBERS.leeds })
      .expect(403);
    expect(foreign.body.detail).toContain(
      `the Origin "http://attacker.rebind.network:3000" is not the service's own (http://localhost:3000)`,
    );
    for (const origin of ['null', 'http://localhost:3001', 'https://localhost:3000']) {
      await request(t.app).get('/api/dev/members').set('Host', 'localhost:3000').set('Origin', origin).expect(403);
    }
    await request(t.app)
      .post('/api/dev/token')
      .set('Host', 'localhost:3000')
      .set('Origin', 'http://localhost:3000')
      .send({ email: MEMBERS.leeds })
      .expect(200);
  });

  test.each([
    ['Forwarded', 'for=203.0.113.9'],
    ['X-Real-IP', '203.0.113.9'],
    ['X-Forwarded-For', '127.0.0.1'],
  ])('a request through a proxy (%s) is refused like X-Forwarded-For', async (header, value) => {
    t = await makeTestApp({ env: { NODE_ENV: 'development' } });
    const res = await request(t.app)
      .post('/api/dev/token')
      .set(header, value)
      .send({ email: MEMBERS.leeds })
      .expect(403);
    expect(res.body.detail).toContain(`the request came through a proxy (${header.toLowerCase()})`);
    await request(t.app).get('/api/dev/members').set(header, value).expect(403);
  });
});
