-- An agent's NPN is bound to a device only when the enrolment code names it or an admin confirms the
-- device's claim (docs/HUB.md): statuses flow by NPN, so a self-declared one would let a device read
-- another agent's filings.
alter table enrollment_codes add column agent_npn text;
alter table devices add column claimed_npn text;
-- NPNs devices declared themselves before this rule wait for an admin's confirmation.
update devices set claimed_npn = agent_npn, agent_npn = null where agent_npn is not null;
