import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, rowCounts, startTestServer, type TestServer } from '../helpers/test-server';
import { auditHead, auditSince } from './admin-fixture';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ scheduler: false });
});
afterAll(async () => server.stop());

const SOLAR = {
  code: 'SOLAR-FAULT',
  name: 'Solar installation fault',
  defaultPriority: 'P3',
  estimatedMinutes: 90,
  requiredSkills: [{ skillCode: 'electrical', minLevel: 2 }],
  vehicleCapabilities: ['van', 'ladder'],
  complianceFields: [
    { key: 'isolation_verified', label: 'Isolation verified', type: 'boolean', requiredFor: 'on_site' },
    { key: 'panel_state', label: 'Panel state', type: 'select', options: ['ok', 'cracked'], requiredFor: 'completed' },
  ],
  diagnosticParams: [{ key: 'inverter_code', label: 'Inverter error code', type: 'text' }],
};

describe('skills', () => {
  let skill: any;

  it('creates, lists and renames a skill, each change audited', async () => {
    const seq = auditHead(server);
    const created = await api(server.url, '/api/v1/skills', { body: { code: 'solar', name: 'Solar panels' } });
    expect(created.status).toBe(201);
    skill = created.body;
    expect(skill).toEqual({ id: skill.id, code: 'solar', name: 'Solar panels' });
    expect((await api(server.url, '/api/v1/skills')).body).toContainEqual(skill);
    const renamed = await api(server.url, `/api/v1/skills/${skill.id}`, { method: 'PATCH', body: { name: 'Solar PV' } });
    expect(renamed.body).toEqual({ ...skill, name: 'Solar PV' });
    expect(auditSince(server, seq).map((a) => [a.action, a.entityId, a.before?.name, a.after?.name])).toEqual([
      ['skill.created', skill.id, undefined, 'Solar panels'],
      ['skill.updated', skill.id, 'Solar panels', 'Solar PV'],
    ]);
  });

  it('refuses a taken code (409) and a code change (the code is fixed)', async () => {
    const taken = await api(server.url, '/api/v1/skills', { body: { code: 'plumbing', name: 'Pipes' } });
    expect([taken.status, taken.body.errors]).toEqual([409, [{ path: 'code', message: 'already taken' }]]);
    const recode = await api(server.url, `/api/v1/skills/${skill.id}`, { method: 'PATCH', body: { name: 'X', code: 'pv' } });
    expect([recode.status, recode.body.errors]).toEqual([400, [{ path: 'code', message: 'unknown field' }]]);
  });

  it('refuses to delete a skill technicians hold, saying how many', async () => {
    const held = await api(server.url, '/api/v1/skills/skl_plumbing', { method: 'DELETE' });
    expect(held.status).toBe(409);
    expect(held.body.detail).toMatch(/^The skill "plumbing" is still used by \d+ technicians, 1 category; it cannot be deleted\.$/);
  });
});

describe('categories', () => {
  let category: any;

  it('creates a category with skills, compliance fields and diagnostics, which the list then shows', async () => {
    const created = await api(server.url, '/api/v1/categories', { body: SOLAR });
    expect(created.status).toBe(201);
    category = created.body;
    expect(category).toEqual({ id: category.id, ...SOLAR, active: true });
    expect((await api(server.url, '/api/v1/categories')).body).toContainEqual(category);
  });

  it('updates it (required skills replaced) with before and after in the audit, and retires it for intake', async () => {
    const seq = auditHead(server);
    const updated = await api(server.url, `/api/v1/categories/${category.id}`, {
      method: 'PATCH',
      body: { requiredSkills: [{ skillCode: 'solar', minLevel: 3 }, { skillCode: 'electrical', minLevel: 1 }], active: false },
    });
    expect(updated.body.requiredSkills).toEqual([
      { skillCode: 'electrical', minLevel: 1 },
      { skillCode: 'solar', minLevel: 3 },
    ]);
    expect(auditSince(server, seq)).toMatchObject([
      {
        action: 'category.updated',
        entityId: category.id,
        before: { active: true, requiredSkills: SOLAR.requiredSkills },
        after: { active: false, requiredSkills: updated.body.requiredSkills },
      },
    ]);
    const request = await api(server.url, '/api/v1/service-requests', {
      body: {
        idempotencyKey: 'retired-1',
        categoryCode: 'SOLAR-FAULT',
        description: 'Inverter off.',
        customer: { externalId: 'C-1', name: 'C' },
        site: { externalId: 'C-1-A', name: 'S', address: 'A 1', lat: 52.37, lon: 4.89 },
      },
    });
    expect([request.status, request.body.errors]).toEqual([400, [{ path: 'categoryCode', message: 'not a configured category code' }]]);
  });

  it('refuses a level 6, an unknown skill, a bad code, a select without options: 400 naming the field, nothing written', async () => {
    const counts = rowCounts(server);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ requiredSkills: [{ skillCode: 'electrical', minLevel: 6 }] }, 'requiredSkills.0.minLevel', 'levels run from 1 to 5'],
      [{ requiredSkills: [{ skillCode: 'astrology', minLevel: 2 }] }, 'requiredSkills.0.skillCode', 'unknown skill "astrology"'],
      [{ code: 'solar fault' }, 'code', 'upper-case letters, digits, dash and underscore, e.g. HVAC-FAIL'],
      [{ estimatedMinutes: 0 }, 'estimatedMinutes', 'at least one minute'],
      [{ complianceFields: [{ key: 'state', label: 'State', type: 'select', requiredFor: 'completed' }] }, 'complianceFields.0.options', 'a select field needs options'],
    ];
    for (const [change, path, message] of cases) {
      const response = await api(server.url, '/api/v1/categories', { body: { ...SOLAR, code: 'OTHER', ...change } });
      expect([response.status, response.body.errors]).toEqual([400, [{ path, message }]]);
    }
    const duplicate = await api(server.url, '/api/v1/categories', { body: { ...SOLAR, code: 'LEAK' } });
    expect([duplicate.status, duplicate.body.errors]).toEqual([409, [{ path: 'code', message: 'already taken' }]]);
    expect(rowCounts(server)).toEqual(counts);
  });

  it('refuses to delete a category a policy refers to; deletes it once unused', async () => {
    const policy = await api(server.url, '/api/v1/sla-policies', { body: { name: 'Solar', calendarId: 'cal_24x7', match: { categoryId: category.id } } });
    const used = await api(server.url, `/api/v1/categories/${category.id}`, { method: 'DELETE' });
    expect([used.status, used.body.detail]).toEqual([
      409,
      'The category SOLAR-FAULT is still used by 1 SLA policy; it cannot be deleted. Retire it with active: false instead.',
    ]);
    await api(server.url, `/api/v1/sla-policies/${policy.body.id}`, { method: 'DELETE' });
    const seq = auditHead(server);
    expect((await api(server.url, `/api/v1/categories/${category.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await api(server.url, '/api/v1/skills/skl_electrical', { method: 'DELETE' })).status).toBe(409);
    expect(auditSince(server, seq)).toMatchObject([{ action: 'category.deleted', entityId: category.id, before: { code: 'SOLAR-FAULT' }, after: undefined }]);
  });
});

describe('vehicles', () => {
  let vehicle: any;

  it('lists the fleet with who drives each vehicle', async () => {
    const fleet = (await api(server.url, '/api/v1/vehicles')).body;
    expect(fleet.length).toBeGreaterThan(0);
    const technicians = (await api(server.url, '/api/v1/technicians')).body;
    const first = technicians.find((t: any) => t.vehicle)!;
    expect(fleet.find((v: any) => v.id === first.vehicle.id)).toMatchObject({ registration: first.vehicle.registration, technicianId: first.id });
  });

  it('creates and updates a vehicle, audited; a taken registration is 409', async () => {
    const seq = auditHead(server);
    const created = await api(server.url, '/api/v1/vehicles', { body: { registration: 'VX-900-Z', label: 'Spare van', capabilities: ['van'] } });
    expect(created.status).toBe(201);
    vehicle = created.body;
    expect(vehicle).toEqual({ id: vehicle.id, registration: 'VX-900-Z', label: 'Spare van', status: 'in_service', capabilities: ['van'], technicianId: null });
    const updated = await api(server.url, `/api/v1/vehicles/${vehicle.id}`, { method: 'PATCH', body: { status: 'maintenance', capabilities: ['van', 'lift'] } });
    expect(updated.body).toEqual({ ...vehicle, status: 'maintenance', capabilities: ['van', 'lift'] });
    expect(auditSince(server, seq).map((a) => [a.action, a.before?.status, a.after?.status])).toEqual([
      ['vehicle.created', undefined, 'in_service'],
      ['vehicle.updated', 'in_service', 'maintenance'],
    ]);
    const taken = await api(server.url, `/api/v1/vehicles/${vehicle.id}`, { method: 'PATCH', body: { registration: plateOf('veh_0001') } });
    expect([taken.status, taken.body.errors]).toEqual([409, [{ path: 'registration', message: 'already taken' }]]);
    const status = await api(server.url, '/api/v1/vehicles', { body: { registration: 'X', label: 'X', status: 'broken' } });
    expect([status.status, status.body.errors[0].path]).toEqual([400, 'status']);
  });

  it('refuses to delete a vehicle someone drives, naming them; deletes a free one', async () => {
    const driven = (await api(server.url, '/api/v1/vehicles')).body.find((v: any) => v.technicianId);
    const refused = await api(server.url, `/api/v1/vehicles/${driven.id}`, { method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(`is driven by`);
    expect(refused.body.detail).toContain(driven.technicianId);
    expect((await api(server.url, `/api/v1/vehicles/${vehicle.id}`, { method: 'DELETE' })).status).toBe(200);
  });

  it('lets an integration key with reference:write keep the fleet, audited as that key; reference:read alone is refused', async () => {
    const key = async (scopes: string[]) => (await api(server.url, '/api/v1/api-keys', { body: { kind: 'integration', name: `Fleet ${scopes}`, scopes } })).body.secret;
    const writer = await key(['reference:write']);
    const seq = auditHead(server);
    const created = await api(server.url, '/api/v1/vehicles', { token: writer, body: { registration: 'FL-1', label: 'Fleet sync van' } });
    expect(created.status).toBe(201);
    expect(auditSince(server, seq)).toMatchObject([{ action: 'vehicle.created', actorKind: 'apiKey' }]);
    const reader = await key(['reference:read']);
    expect((await api(server.url, '/api/v1/vehicles', { token: reader, body: { registration: 'FL-2', label: 'No' } })).status).toBe(403);
  });
});

/** The registration of a vehicle, read from the store. */
function plateOf(id: string): string {
  return (server.database.sqlite.prepare('SELECT registration FROM vehicles WHERE id = ?').get(id) as { registration: string }).registration;
}
