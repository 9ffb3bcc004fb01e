-- Support staff of the hub's web app (hub/src/staff/): people, their sessions and the agency's
-- retention rule. Every row carries its agency; every query of hub/src/staff/ filters on it.

create table users (
  id uuid primary key,
  agency_id uuid not null references agencies(id),
  email text not null,
  password_hash text not null,              -- argon2id, PHC string
  role text not null check (role in ('agent', 'support', 'admin')),
  agent_npn text,                           -- an agent user sees the reports of this NPN only
  must_change_password boolean not null default true,
  failed_logins integer not null default 0, -- failures since failed_since (the lockout window)
  failed_since timestamptz,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);
-- One sign-in name across the hub: the email says which agency a person belongs to.
create unique index users_email on users (lower(email));
create index users_agency on users (agency_id);

create table sessions (
  id_hash bytea primary key,                -- sha-256 of the cookie's random id: a stolen table opens nothing
  user_id uuid not null references users(id) on delete cascade,
  agency_id uuid not null references agencies(id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

create table agency_settings (
  agency_id uuid primary key references agencies(id),
  -- Resolved call reports are deleted this many days after resolution; null keeps them.
  report_retention_days integer check (report_retention_days is null or report_retention_days > 0),
  updated_at timestamptz not null default now(),
  updated_by text not null
);
