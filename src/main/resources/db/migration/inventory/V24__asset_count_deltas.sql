-- The counts per school, kind and status (V10) are no longer updated in place by every writer: a writer's statement
-- trigger appends its change to asset_count_delta (no row is shared, so concurrent writers of the same school, kind
-- and status - four agents reporting new computers of one school - no longer wait for each other's commit), readers
-- add the kept counts and the pending changes (view asset_counts), and asset_count_fold(), run every few seconds by
-- the application (on every instance; two folds never count a change twice), moves the pending changes into
-- asset_count.

CREATE TABLE asset_count_delta (
  id        BIGSERIAL PRIMARY KEY,
  school_id BIGINT NOT NULL,
  kind      VARCHAR(30) NOT NULL,
  status    VARCHAR(20) NOT NULL,
  n         BIGINT NOT NULL
);
CREATE INDEX asset_count_delta_key_idx ON asset_count_delta (school_id, kind, status) INCLUDE (n);

CREATE OR REPLACE FUNCTION asset_count_apply(p_school BIGINT, p_kind TEXT, p_status TEXT, p_delta BIGINT) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO asset_count_delta (school_id, kind, status, n) VALUES (p_school, p_kind, p_status, p_delta);
$$;

CREATE OR REPLACE FUNCTION asset_count_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM asset_count;
  DELETE FROM asset_count_delta;
  RETURN NULL;
END $$;

CREATE VIEW asset_counts AS
  SELECT school_id, kind, status, n FROM asset_count
  UNION ALL
  SELECT school_id, kind, status, n FROM asset_count_delta;

-- Moves the committed pending changes into the kept counts; returns how many changes it moved. Changes of
-- transactions still running are not visible and stay for the next fold.
CREATE FUNCTION asset_count_fold() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  moved BIGINT;
BEGIN
  WITH d AS (DELETE FROM asset_count_delta RETURNING school_id, kind, status, n),
       s AS (SELECT school_id, kind, status, sum(n) AS n, count(*) AS c FROM d GROUP BY school_id, kind, status),
       i AS (INSERT INTO asset_count (school_id, kind, status, n)
             SELECT school_id, kind, status, n FROM s
             ON CONFLICT (school_id, kind, status) DO UPDATE SET n = asset_count.n + EXCLUDED.n
             RETURNING 1)
  SELECT coalesce(sum(c), 0) INTO moved FROM s;
  RETURN moved;
END $$;
