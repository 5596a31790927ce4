-- asset_count_fold() (V24) inserted every folded sum with ON CONFLICT: PostgreSQL checks the proposed row's CHECK
-- (n >= 0) before it looks for the conflict, so a net decrease of an existing count failed the fold. Existing counts
-- are now updated first and only new keys inserted, and folds take turns (a transaction-level advisory lock; a fold
-- that finds another one running leaves its work to the next round), so one fold always sees the rows the previous
-- one inserted.
CREATE OR REPLACE FUNCTION asset_count_fold() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  moved BIGINT;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('asset_count_fold')) THEN
    RETURN 0;
  END IF;
  WITH d AS (DELETE FROM asset_count_delta RETURNING school_id, kind, status, n),
       s AS (SELECT school_id, kind, status, sum(n) AS n, count(*) AS c FROM d GROUP BY school_id, kind, status),
       u AS (UPDATE asset_count a SET n = a.n + s.n FROM s
             WHERE a.school_id = s.school_id AND a.kind = s.kind AND a.status = s.status
             RETURNING a.school_id, a.kind, a.status),
       i AS (INSERT INTO asset_count (school_id, kind, status, n)
             SELECT s.school_id, s.kind, s.status, s.n FROM s
             WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.school_id = s.school_id AND u.kind = s.kind AND u.status = s.status)
             RETURNING 1)
  SELECT coalesce(sum(c), 0) INTO moved FROM s;
  RETURN moved;
END $$;
