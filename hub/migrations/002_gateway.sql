-- Resume Links the hub sent as the agency's gateway: the outcome, and a pseudonymous key of the number
-- so the per-number text limit can count. Never the address, the number or the message.
create table gateway_sends (
  agency_id uuid not null references agencies(id),
  id uuid primary key default gen_random_uuid(),
  device_id uuid not null references devices(id),
  channel text not null,
  language text not null,
  application_id text not null,
  phone_key text,
  outcome text not null,
  failure text,
  sent_at timestamptz not null
);
create index gateway_sends_phone on gateway_sends (agency_id, phone_key, sent_at);
