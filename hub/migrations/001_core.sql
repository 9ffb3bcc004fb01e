-- The hub's core: agencies, how devices join them, and what devices send. Every row names its agency.
create table agencies (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  created_at timestamptz not null default now()
);

create table enrollment_codes (
  agency_id uuid not null references agencies(id),
  code_hash bytea primary key,
  label text,
  expires_at timestamptz,
  max_uses integer,
  uses integer not null default 0,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index enrollment_codes_agency on enrollment_codes (agency_id);

create table devices (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies(id),
  name text not null,
  agent_npn text,
  token_hash bytea not null unique,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz,
  revoked_at timestamptz
);
create index devices_agency on devices (agency_id);

-- Request ids a device has used: a replayed request is refused. Old ids are pruned (docs/HUB.md).
-- Unlogged and without foreign keys, like device_rate: a foreign-key check locks the device row, and
-- that lock and a logged table would each cost a WAL flush on every request. A crash empties these
-- tables, which only reopens the replay window of uploads that are idempotent anyway and restarts
-- rate windows. Devices are revoked, never deleted, so the ids stay valid.
create unlogged table device_requests (
  agency_id uuid not null,
  device_id uuid not null,
  request_id uuid not null,
  at timestamptz not null,
  primary key (device_id, request_id)
);
create index device_requests_at on device_requests (at);

-- Requests per device per minute, shared by every hub process.
create unlogged table device_rate (
  agency_id uuid not null,
  device_id uuid primary key,
  window_start timestamptz not null,
  count integer not null
);

create table call_reports (
  agency_id uuid not null references agencies(id),
  id text not null,
  device_id uuid not null references devices(id),
  agent_npn text,
  report jsonb not null,
  status text not null,
  status_changed_at timestamptz,
  status_changed_by text,
  received_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (agency_id, id)
);
create index call_reports_device_status on call_reports (agency_id, device_id, status_changed_at);
create index call_reports_npn_status on call_reports (agency_id, agent_npn, status_changed_at);

create table cases (
  agency_id uuid not null references agencies(id),
  id text not null,
  device_id uuid not null references devices(id),
  agent_npn text,
  application_id text not null,
  plan_year integer not null,
  status text not null,
  "case" jsonb not null,
  received_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (agency_id, id)
);
create index cases_application on cases (agency_id, application_id);

-- What was sent, never where to: no email address or phone number reaches this table.
create table resume_link_sends (
  agency_id uuid not null references agencies(id),
  id text not null,
  device_id uuid not null references devices(id),
  agent_npn text,
  case_id text,
  application_id text not null,
  outcome text not null,
  sent_at timestamptz not null,
  send jsonb not null,
  received_at timestamptz not null,
  primary key (agency_id, id)
);

create table audit_log (
  id bigserial primary key,
  agency_id uuid not null references agencies(id),
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  target text not null,
  detail jsonb
);
create index audit_log_agency_at on audit_log (agency_id, at);
