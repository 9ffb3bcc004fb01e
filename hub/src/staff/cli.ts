// `npm run hub -- create-admin <email>`: the agency's first admin (and the agency itself on a new hub).
// The password is HUB_ADMIN_PASSWORD when set, else a one-time password printed once; either way it
// must be changed at the first sign-in.
import type pg from 'pg';
import { z } from 'zod';
import { PASSWORD_MIN } from '#lib/hub/contract/staff';
import { createAgency } from '../device/admin';
import { createUser } from './services/users';

const emailSchema = z.string().trim().toLowerCase().email().max(320);

export async function createAdminCommand(pool: pg.Pool, args: string[]): Promise<number> {
  const email = emailSchema.safeParse(args[0] ?? '');
  if (!email.success) {
    console.error(
      'Usage: npm run hub -- create-admin <email>  (HUB_ADMIN_PASSWORD, HUB_AGENCY_NAME optional)',
    );
    return 1;
  }
  const given = process.env.HUB_ADMIN_PASSWORD;
  if (given !== undefined && given.length < PASSWORD_MIN) {
    console.error(`HUB_ADMIN_PASSWORD must have at least ${PASSWORD_MIN} characters.`);
    return 1;
  }
  // A hub made for one agency has one; the first admin creates it.
  const { rows } = await pool.query<{ id: string }>('select id from agencies order by created_at limit 2');
  if (rows.length > 1) {
    console.error('This hub holds several agencies: create admins of each from an admin of that agency.');
    return 1;
  }
  const agencyId = rows[0]?.id ?? (await createAgency(pool, process.env.HUB_AGENCY_NAME || 'My agency')).id;
  const made = await createUser(pool, agencyId, { email: email.data, role: 'admin' }, 'system', given);
  if (!made.ok) {
    console.error(`This agency already has an account for ${email.data}.`);
    return 1;
  }
  console.log(
    given
      ? `Admin ${email.data} created with the password from HUB_ADMIN_PASSWORD; it must be changed at the first sign-in.`
      : `Admin ${email.data} created. One-time password (shown once; changed at the first sign-in): ${made.password}`,
  );
  console.log(`Agency id (create-code and list-devices take it): ${agencyId}`);
  return 0;
}
