-- An email names one account per agency, not across the hub: an admin adding someone whose email another
-- agency already uses is not told so (a "user exists" answer would reveal other agencies' staff).
-- Sign-in tries the accounts of that email oldest first and opens the one the password fits
-- (hub/src/staff/auth.ts).
drop index users_email;
create unique index users_agency_email on users (agency_id, lower(email));
create index users_email on users (lower(email));
