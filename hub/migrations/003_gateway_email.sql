-- The gateway's per-address email limit counts by a pseudonymous key of the address, as texts count by
-- phone_key: never the address itself.
alter table gateway_sends add column email_key text;
create index gateway_sends_email on gateway_sends (agency_id, email_key, sent_at);
