-- The two PostgreSQL roles of the portfolio service (README, "Database roles"):
--   portfolio_owner  owns the schema; Flyway migrates as it at start-up (DB_OWNER_USER / DB_OWNER_PASSWORD);
--   portfolio        the running service (DB_USER / DB_PASSWORD): reads and writes rows, creates and changes nothing.
--
-- Run it as a superuser (or your managed service's admin role) connected to the service's own, dedicated database,
-- after creating that database; it is idempotent, so running it again changes nothing:
--   createdb portfolio
--   psql -d portfolio -v ON_ERROR_STOP=1 -f deploy/sql/roles.sql
-- then give both roles passwords without putting them in a file or the shell history: in psql,
--   \password portfolio_owner
--   \password portfolio
-- dev.vcportfolio.it.DatabaseRolesIT runs this file on a fresh database and checks every right below.

DO
$roles$
    BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portfolio_owner') THEN
            CREATE ROLE portfolio_owner LOGIN;
        END IF;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portfolio') THEN
            CREATE ROLE portfolio LOGIN;
        END IF;
    END
$roles$;

-- Only the owner creates objects in the schema (tables, indexes, functions, flyway_schema_history).
GRANT USAGE, CREATE ON SCHEMA public TO portfolio_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- Temporary tables are DDL too: nobody but the owner of the database (and superusers) may create them here.
DO
$temporary$
    BEGIN
        EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO portfolio_owner, portfolio', current_database());
    END
$temporary$;

-- The run-time role: rows only. Everything the service does at run time needs no more: DML on the tables (the outbox
-- claim's SELECT ... FOR UPDATE SKIP LOCKED included), sequences, the readiness check's SELECT on
-- flyway_schema_history, the updated_at trigger functions (EXECUTE, which PostgreSQL grants to PUBLIC), and
-- LISTEN / pg_notify, which need no grant. Not granted: CREATE, ALTER, DROP (only an owner may), TRUNCATE,
-- REFERENCES, TRIGGER.
GRANT USAGE ON SCHEMA public TO portfolio;
ALTER DEFAULT PRIVILEGES FOR ROLE portfolio_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO portfolio;
ALTER DEFAULT PRIVILEGES FOR ROLE portfolio_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO portfolio;

-- Tables and sequences that exist already (a database migrated before the roles were split, whose objects were
-- handed to the owner with REASSIGN OWNED, see the README) get the same rights.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO portfolio;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO portfolio;
