-- Loans of devices to pupils and staff (the 1:1 devices), and consumables (toner, lamps, cables) with their stock
-- movements. A loan opens and closes with the asset's status ON_LOAN (set through the Inventory facade).

CREATE TABLE loan (
  id                   BIGSERIAL PRIMARY KEY,
  school_id            BIGINT NOT NULL REFERENCES school(id),
  asset_id             BIGINT NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
  -- the borrower, a person of the asset's school; a person's erasure erases their loans
  person_id            BIGINT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  accessories          TEXT[] NOT NULL DEFAULT '{}',
  accessories_other    VARCHAR(200),
  checked_out_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  checked_out_by       VARCHAR(200) NOT NULL,
  expected_return      DATE NOT NULL,
  notes                VARCHAR(2000),
  returned_at          TIMESTAMPTZ,
  returned_by          VARCHAR(200),
  condition            VARCHAR(20) CHECK (condition IN ('GOOD', 'WORN', 'DAMAGED', 'MISSING_PARTS')),
  damage_notes         VARCHAR(2000),
  accessories_returned TEXT[],
  version              INT NOT NULL DEFAULT 0,
  CHECK ((returned_at IS NULL) = (condition IS NULL))
);
-- One open loan per asset.
CREATE UNIQUE INDEX loan_open_asset_uq ON loan (asset_id) WHERE returned_at IS NULL;
CREATE INDEX loan_school_open_idx ON loan (school_id, expected_return) WHERE returned_at IS NULL;
CREATE INDEX loan_asset_idx ON loan (asset_id, checked_out_at DESC);
CREATE INDEX loan_person_idx ON loan (person_id, checked_out_at DESC);

CREATE TABLE consumable (
  id                BIGSERIAL PRIMARY KEY,
  school_id         BIGINT NOT NULL REFERENCES school(id),
  name              VARCHAR(150) NOT NULL,
  category          VARCHAR(10) NOT NULL CHECK (category IN ('TONER', 'LAMP', 'CABLE', 'BATTERY', 'OTHER')),
  compatible_models VARCHAR(500),
  stock             INT NOT NULL DEFAULT 0 CHECK (stock >= 0),
  minimum           INT NOT NULL DEFAULT 0 CHECK (minimum >= 0),
  notes             VARCHAR(2000),
  version           INT NOT NULL DEFAULT 0,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX consumable_name_uq ON consumable (school_id, lower(name));

CREATE TABLE consumable_movement (
  id            BIGSERIAL PRIMARY KEY,
  consumable_id BIGINT NOT NULL REFERENCES consumable(id) ON DELETE CASCADE,
  kind          VARCHAR(10) NOT NULL CHECK (kind IN ('RECEIVE', 'ISSUE')),
  quantity      INT NOT NULL CHECK (quantity > 0),
  stock_after   INT NOT NULL CHECK (stock_after >= 0),
  asset_id      BIGINT REFERENCES asset(id) ON DELETE SET NULL,
  asset_label   VARCHAR(200),
  room_id       BIGINT REFERENCES room(id) ON DELETE SET NULL,
  room_label    VARCHAR(250),
  note          VARCHAR(500),
  by_name       VARCHAR(200) NOT NULL,
  at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX consumable_movement_idx ON consumable_movement (consumable_id, at DESC, id DESC);
