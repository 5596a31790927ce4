-- An account can belong to an external organisation (municipal ICT service, supplier): such "external" users
-- see and work only what is escalated or assigned to their organisation.
ALTER TABLE app_user ADD COLUMN organisation_id BIGINT REFERENCES organisation(id) ON DELETE SET NULL;
CREATE INDEX app_user_organisation_idx ON app_user (organisation_id) WHERE organisation_id IS NOT NULL;
