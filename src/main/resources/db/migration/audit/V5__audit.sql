-- The history of every change, and sign-in events.
CREATE TABLE history_entry (
  id            BIGSERIAL PRIMARY KEY,
  occurred_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  board_id      BIGINT,
  school_id     BIGINT,
  actor_user_id BIGINT,
  actor_name    VARCHAR(200) NOT NULL,
  record_type   VARCHAR(50) NOT NULL,
  record_id     BIGINT,
  action        VARCHAR(30) NOT NULL,
  label         VARCHAR(300),
  changes       JSONB NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX history_record_idx ON history_entry (record_type, record_id, occurred_at DESC);
CREATE INDEX history_board_idx ON history_entry (board_id, occurred_at DESC);
