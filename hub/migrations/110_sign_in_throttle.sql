-- Failed sign-ins per email address, per client and per address from one client, in a 15-minute window
-- (hub/src/staff/throttle.ts). Counted alike whether or not the address has an account, so neither the
-- answer nor the throttle tells which emails exist; keys are SHA-256, never the email or address. Before
-- sign-in there is no agency, so these rows name none. Unlogged: a crash only restarts the windows.
create unlogged table sign_in_failures (
  key text primary key,
  window_start timestamptz not null,
  failures integer not null
);
-- The per-account lock it replaces could be set by anyone who knew an email.
alter table users drop column failed_logins, drop column failed_since, drop column locked_until;
