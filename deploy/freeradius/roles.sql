-- FreeRADIUS's database roles (docs/RADIUS.md), run as a superuser before migrating: the NOLOGIN
-- role rrnet_radius that the migrations grant to, and the LOGIN role FreeRADIUS uses, a member
-- of it. Idempotent; the password is set on every run, so the configured one always holds.
-- psql -v user=rrnet_freeradius -v pw=... -f deploy/freeradius/roles.sql
SELECT 'CREATE ROLE rrnet_radius NOLOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rrnet_radius')
\gexec
SELECT format('CREATE ROLE %I LOGIN IN ROLE rrnet_radius', :'user') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user')
\gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'user', :'pw')
\gexec
