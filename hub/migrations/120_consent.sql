-- Consent and application-review records from devices (lib/consent/record.ts): dates, scopes, method and
-- a reference to where the proof lives; never the proof. Kept ten years (hub/src/staff/retention.ts).
create table consent_records (
  agency_id uuid not null references agencies(id),
  id text not null,
  device_id uuid not null references devices(id),
  agent_npn text,
  application_id text not null,
  plan_year integer not null,
  -- ISO dates (yyyy-mm-dd) as text: they sort as dates, and no date the record's schema takes can fail a cast.
  consent_date text,
  review_date text,
  revoked_date text,
  record jsonb not null,
  received_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (agency_id, id)
);
create index consent_records_application on consent_records (agency_id, application_id, plan_year);
-- The missing-consent list joins the other records by application.
create index resume_link_sends_application on resume_link_sends (agency_id, application_id);
create index call_reports_application on call_reports (agency_id, (report->>'applicationId'));
