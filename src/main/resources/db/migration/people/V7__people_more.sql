-- Search organisations by the names of their contacts, and filter pupils by class, with indexes to match.
CREATE INDEX contact_name_trgm ON contact USING gin (lower(name) gin_trgm_ops);
CREATE INDEX person_class_idx ON person (board_id, lower(class_name)) WHERE class_name IS NOT NULL;
CREATE INDEX organisation_board_kind_idx ON organisation (board_id, kind, lower(name));
