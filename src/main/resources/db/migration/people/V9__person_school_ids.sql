-- The schools of a person, also kept as an array on the person itself (maintained by a trigger on person_school),
-- so that the scope filter of the people list is a GIN-indexed condition on one table: counting a search over
-- 50,000 people then needs no join.
ALTER TABLE person ADD COLUMN school_ids BIGINT[] NOT NULL DEFAULT '{}';

UPDATE person p SET school_ids = coalesce((SELECT array_agg(ps.school_id ORDER BY ps.school_id)
                                           FROM person_school ps WHERE ps.person_id = p.id), '{}');

CREATE INDEX person_school_ids_gin ON person USING gin (school_ids);

CREATE FUNCTION person_school_ids_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE person p SET school_ids = coalesce((SELECT array_agg(ps.school_id ORDER BY ps.school_id)
                                             FROM person_school ps WHERE ps.person_id = p.id), '{}')
  WHERE p.id IN (SELECT person_id FROM changed);
  RETURN NULL;
END $$;

CREATE TRIGGER person_school_ids_insert AFTER INSERT ON person_school
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION person_school_ids_sync();
CREATE TRIGGER person_school_ids_delete AFTER DELETE ON person_school
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION person_school_ids_sync();

-- The class chooser of the people list walks this index class by class (a few dozen probes, not all pupils).
CREATE INDEX person_pupil_class_idx ON person (board_id, class_name) WHERE kind = 'PUPIL';
