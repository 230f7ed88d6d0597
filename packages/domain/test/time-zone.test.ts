import { describe, expect, it } from 'vitest';

/**
 * The pure tests run twice, in UTC (as on a CI machine) and in Vietnam's zone (as in a school):
 * a rule that reads the local zone (a due day computed from an instant, say) fails in one of them.
 */
describe('the zone this run is in', () => {
  it('is the one the Vitest project names (UTC or Asia/Ho_Chi_Minh)', () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(['UTC', 'Etc/UTC', 'Asia/Ho_Chi_Minh', 'Asia/Saigon']).toContain(zone);
    expect(zone.replace('Etc/', '').replace('Saigon', 'Ho_Chi_Minh')).toBe(process.env.TZ);
    // Midnight UTC is 07:00 in Vietnam.
    expect(new Date(Date.UTC(2026, 11, 25)).getHours()).toBe(process.env.TZ === 'UTC' ? 0 : 7);
  });
});
