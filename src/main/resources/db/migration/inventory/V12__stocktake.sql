-- Stocktake room by room: a session per room, the assets scanned in it and the codes that matched no asset.
-- While a session is open, what the room should hold is read live from asset (room and status); finishing stores
-- the outcome per asset (expected, scanned, marked missing), so a finished stocktake keeps showing what was seen.
CREATE TABLE stocktake (
  id               BIGSERIAL PRIMARY KEY,
  school_id        BIGINT NOT NULL REFERENCES school(id),
  room_id          BIGINT NOT NULL REFERENCES room(id) ON DELETE CASCADE,
  status           VARCHAR(10) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'FINISHED')),
  started_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  started_by       BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  started_by_name  VARCHAR(200) NOT NULL,
  finished_at      TIMESTAMPTZ,
  finished_by_name VARCHAR(200),
  CHECK ((status = 'FINISHED') = (finished_at IS NOT NULL))
);
-- One open stocktake per room: starting again continues the open one.
CREATE UNIQUE INDEX stocktake_open_uq ON stocktake (room_id) WHERE status = 'OPEN';
CREATE INDEX stocktake_school_idx ON stocktake (school_id, started_at DESC);

CREATE TABLE stocktake_item (
  stocktake_id BIGINT NOT NULL REFERENCES stocktake(id) ON DELETE CASCADE,
  asset_id     BIGINT NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
  scanned_at   TIMESTAMPTZ,
  -- NULL while the stocktake is open (read live), set when it is finished
  expected     BOOLEAN,
  missing      BOOLEAN NOT NULL DEFAULT FALSE,
  PRIMARY KEY (stocktake_id, asset_id)
);
CREATE INDEX stocktake_item_asset_idx ON stocktake_item (asset_id);

-- Scanned or typed codes that are no asset of the school (shown in the session, never turned into an asset).
CREATE TABLE stocktake_unknown (
  id           BIGSERIAL PRIMARY KEY,
  stocktake_id BIGINT NOT NULL REFERENCES stocktake(id) ON DELETE CASCADE,
  code         VARCHAR(300) NOT NULL,
  scanned_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX stocktake_unknown_uq ON stocktake_unknown (stocktake_id, code);

-- The "next audit due" list sorts the active assets by their last audit.
CREATE INDEX asset_last_audit_idx ON asset (school_id, last_audit_at NULLS FIRST) WHERE status NOT IN ('RETIRED', 'DISPOSED');
