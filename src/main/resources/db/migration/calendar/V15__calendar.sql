-- Business calendars: opening hours per weekday, closures (holidays, study days, bridge days) and the time zone,
-- as a board default (school_id NULL) that every school inherits unless it has its own.
CREATE TABLE calendar (
  id             BIGSERIAL PRIMARY KEY,
  board_id       BIGINT NOT NULL REFERENCES board(id),
  school_id      BIGINT REFERENCES school(id),
  -- the time zone; NULL on a school: the board's
  zone_id        VARCHAR(64),
  -- a school with its own week hours (otherwise the board's); always true for the board
  own_hours      BOOLEAN NOT NULL DEFAULT FALSE,
  -- whether the board's closures apply to the school (its own closures always do)
  board_closures BOOLEAN NOT NULL DEFAULT TRUE,
  version        INT NOT NULL DEFAULT 0,
  updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX calendar_board_uq ON calendar (board_id) WHERE school_id IS NULL;
CREATE UNIQUE INDEX calendar_school_uq ON calendar (school_id) WHERE school_id IS NOT NULL;

-- Opening spans in local wall-clock minutes since midnight (closes = 1440 is 24:00).
CREATE TABLE calendar_hours (
  id          BIGSERIAL PRIMARY KEY,
  calendar_id BIGINT NOT NULL REFERENCES calendar(id) ON DELETE CASCADE,
  board_id    BIGINT NOT NULL REFERENCES board(id),
  school_id   BIGINT REFERENCES school(id),
  weekday     SMALLINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens       SMALLINT NOT NULL CHECK (opens BETWEEN 0 AND 1439),
  closes      SMALLINT NOT NULL CHECK (closes BETWEEN 1 AND 1440),
  CHECK (opens < closes)
);
CREATE INDEX calendar_hours_calendar_idx ON calendar_hours (calendar_id, weekday, opens);

-- Whole closed days, both ends included; school_id NULL: a closure of the board (for every school that follows it).
CREATE TABLE calendar_closure (
  id         BIGSERIAL PRIMARY KEY,
  board_id   BIGINT NOT NULL REFERENCES board(id),
  school_id  BIGINT REFERENCES school(id),
  name       VARCHAR(150) NOT NULL,
  kind       VARCHAR(20) NOT NULL CHECK (kind IN ('HOLIDAY', 'PUBLIC_HOLIDAY', 'STUDY_DAY', 'BRIDGE_DAY', 'OTHER')),
  first_day  DATE NOT NULL,
  last_day   DATE NOT NULL,
  generated  BOOLEAN NOT NULL DEFAULT FALSE,
  version    INT NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (last_day >= first_day)
);
CREATE INDEX calendar_closure_school_idx ON calendar_closure (school_id, last_day) WHERE school_id IS NOT NULL;
CREATE INDEX calendar_closure_board_idx ON calendar_closure (board_id, last_day) WHERE school_id IS NULL;
