// Placeholder: the staff API and web app (branch hubstaff) replace this file with their own mountStaff.
import type { Hono } from 'hono';
import type { HubContext } from '../context';

export function mountStaff(_app: Hono, _ctx: HubContext): void {}
