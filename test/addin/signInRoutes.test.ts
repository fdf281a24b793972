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
