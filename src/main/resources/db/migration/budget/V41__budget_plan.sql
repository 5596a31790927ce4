-- Budget, part 2: notes on a year, lines made from the replacement plan, the expected life of each asset kind (per
-- board, with per-school overrides) and the coordinator's adjustments of the multi-year replacement forecast.

ALTER TABLE budget_year ADD COLUMN notes VARCHAR(2000);

-- A line made from the replacement plan names the asset kind it replaces: turning the same forecast year into lines
-- again updates those lines instead of adding copies.
ALTER TABLE budget_line ADD COLUMN replacement_kind VARCHAR(30);
ALTER TABLE budget_line ADD COLUMN notes VARCHAR(2000);
CREATE UNIQUE INDEX budget_line_replacement_uq ON budget_line (budget_year_id, replacement_kind)
  WHERE replacement_kind IS NOT NULL;

-- Board overview and year lists: the year of each school that contains a date, newest first.
CREATE INDEX budget_year_school_idx ON budget_year (school_id, starts_on DESC) INCLUDE (ends_on, closed);
-- The monthly chart of a year reads its bookings by line with their dates (budget_booking_line_idx covers it).

-- Expected life of an asset kind in years, and the budget category its replacement is planned under. A row without
-- a school is the board's setting; a row with a school overrides it for that school. No row: the built-in default.
CREATE TABLE budget_asset_life (
  id          BIGSERIAL PRIMARY KEY,
  board_id    BIGINT NOT NULL REFERENCES board(id),
  school_id   BIGINT REFERENCES school(id),
  kind        VARCHAR(30) NOT NULL,
  life_years  SMALLINT NOT NULL CHECK (life_years BETWEEN 1 AND 30),
  category    VARCHAR(30) NOT NULL CHECK (category IN ('PUPIL_DEVICES', 'STAFF_DEVICES', 'INFRASTRUCTURE',
                                  'SOFTWARE_LICENCES', 'MAINTENANCE_SUPPORT', 'TRAINING', 'OTHER')),
  version     INT NOT NULL DEFAULT 0,
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX budget_asset_life_board_uq ON budget_asset_life (board_id, kind) WHERE school_id IS NULL;
CREATE UNIQUE INDEX budget_asset_life_school_uq ON budget_asset_life (school_id, kind) WHERE school_id IS NOT NULL;

-- The coordinator's correction of the forecast for one school, forecast year and asset kind: a count and/or an
-- amount that replace the computed ones (null: keep the computed value).
CREATE TABLE budget_forecast_adjustment (
  id          BIGSERIAL PRIMARY KEY,
  school_id   BIGINT NOT NULL REFERENCES school(id),
  starts_on   DATE NOT NULL,
  kind        VARCHAR(30) NOT NULL,
  count       INT CHECK (count IS NULL OR count BETWEEN 0 AND 100000),
  amount      NUMERIC(14, 2) CHECK (amount IS NULL OR amount >= 0),
  note        VARCHAR(500),
  version     INT NOT NULL DEFAULT 0,
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (school_id, starts_on, kind)
);

-- The replacement forecast reads a school's working assets (not retired or disposed) by kind and model with their
-- purchase date, end of life and price: an index-only scan per school.
CREATE INDEX asset_replacement_idx ON asset (school_id, kind)
  INCLUDE (model_id, purchase_date, end_of_life, price) WHERE status NOT IN ('RETIRED', 'DISPOSED');
