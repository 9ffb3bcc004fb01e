-- Support staff remove consumer data from a report's summary in the hub (hub/src/staff/redact.ts). The
-- redacted summary is the hub's from then on: a device's next copy of the report does not bring the text
-- back (hub/src/ingest/reports.ts, docs/HUB.md). `version` counts every write of the row, so a person
-- redacting what they saw is refused when the report changed meanwhile.
alter table call_reports
  add column version integer not null default 1,
  add column summary_redacted_at timestamptz,
  add column summary_redacted_by text;
