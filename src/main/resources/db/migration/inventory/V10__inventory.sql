-- The inventory of digital means (A.4): manufacturers and models (board-wide), custom fields per kind, assets per
-- school with their attachments, and saved list filters per user. Loans, labels, stocktake and imports build on
-- these tables (status ON_LOAN, last_audit_at, the stable tag per school).

CREATE TABLE manufacturer (
  id            BIGSERIAL PRIMARY KEY,
  board_id      BIGINT NOT NULL REFERENCES board(id),
  name          VARCHAR(100) NOT NULL,
  website       VARCHAR(300),
  support_email VARCHAR(254),
  support_phone VARCHAR(40),
  version       INT NOT NULL DEFAULT 0,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX manufacturer_name_uq ON manufacturer (board_id, lower(name));

CREATE TABLE asset_model (
  id                 BIGSERIAL PRIMARY KEY,
  board_id           BIGINT NOT NULL REFERENCES board(id),
  manufacturer_id    BIGINT NOT NULL REFERENCES manufacturer(id),
  name               VARCHAR(150) NOT NULL,
  kind               VARCHAR(30) NOT NULL CHECK (kind IN ('LAPTOP', 'CHROMEBOOK', 'TABLET', 'DESKTOP', 'MONITOR',
                       'PROJECTOR', 'INTERACTIVE_DISPLAY', 'DOCUMENT_CAMERA', 'PRINTER', 'NETWORK_SWITCH', 'ACCESS_POINT',
                       'ROUTER_FIREWALL', 'SERVER_NAS', 'PHONE', 'AUDIO', 'CHARGING_CART', 'OTHER')),
  model_number       VARCHAR(100),
  -- Snipe-IT's "EOL months": an asset of this model bought on day D reaches its end of life on D + months.
  end_of_life_months INT CHECK (end_of_life_months IS NULL OR end_of_life_months BETWEEN 1 AND 240),
  notes              VARCHAR(2000),
  version            INT NOT NULL DEFAULT 0,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX asset_model_name_uq ON asset_model (manufacturer_id, lower(name));
CREATE INDEX asset_model_board_idx ON asset_model (board_id, kind, lower(name));

-- User-defined fields of the assets of one kind; the values live in asset.extra under the field's key.
CREATE TABLE asset_field (
  id         BIGSERIAL PRIMARY KEY,
  board_id   BIGINT NOT NULL REFERENCES board(id),
  kind       VARCHAR(30) NOT NULL,
  key        VARCHAR(40) NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  label      VARCHAR(100) NOT NULL,
  type       VARCHAR(10) NOT NULL CHECK (type IN ('TEXT', 'NUMBER', 'DATE', 'CHOICE')),
  choices    TEXT[] NOT NULL DEFAULT '{}',
  required   BOOLEAN NOT NULL DEFAULT FALSE,
  position   INT NOT NULL DEFAULT 0,
  version    INT NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (type <> 'CHOICE' OR cardinality(choices) > 0)
);
CREATE UNIQUE INDEX asset_field_key_uq ON asset_field (board_id, kind, key);

-- The next generated tag per school ("RB-000123"); the row lock on update serialises concurrent creations.
CREATE TABLE asset_tag_counter (
  school_id  BIGINT PRIMARY KEY REFERENCES school(id),
  prefix     VARCHAR(10) NOT NULL CHECK (prefix ~ '^[A-Z0-9]{1,10}$'),
  next_value BIGINT NOT NULL DEFAULT 1 CHECK (next_value > 0)
);

CREATE TABLE asset (
  id                 BIGSERIAL PRIMARY KEY,
  school_id          BIGINT NOT NULL REFERENCES school(id),
  tag                VARCHAR(40) NOT NULL,
  name               VARCHAR(150),
  serial             VARCHAR(100),
  model_id           BIGINT REFERENCES asset_model(id),
  kind               VARCHAR(30) NOT NULL CHECK (kind IN ('LAPTOP', 'CHROMEBOOK', 'TABLET', 'DESKTOP', 'MONITOR',
                       'PROJECTOR', 'INTERACTIVE_DISPLAY', 'DOCUMENT_CAMERA', 'PRINTER', 'NETWORK_SWITCH', 'ACCESS_POINT',
                       'ROUTER_FIREWALL', 'SERVER_NAS', 'PHONE', 'AUDIO', 'CHARGING_CART', 'OTHER')),
  status             VARCHAR(20) NOT NULL CHECK (status IN ('ORDERED', 'IN_STOCK', 'IN_USE', 'ON_LOAN', 'IN_REPAIR',
                       'RETIRED', 'DISPOSED')),
  status_changed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  room_id            BIGINT REFERENCES room(id),
  -- A person of the people module; assignments end when the person is erased.
  assigned_person_id BIGINT REFERENCES person(id) ON DELETE SET NULL,
  purchase_date      DATE,
  price              NUMERIC(12, 2) CHECK (price IS NULL OR price >= 0),
  supplier           VARCHAR(200),
  order_reference    VARCHAR(100),
  warranty_end       DATE,
  end_of_life        DATE,
  notes              VARCHAR(4000),
  last_audit_at      TIMESTAMPTZ,
  extra              JSONB NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(extra) = 'object'),
  -- Lower-cased tag, name, serial, manufacturer, model and notes: the "type anything" search (trigger below).
  search             TEXT NOT NULL DEFAULT '',
  version            INT NOT NULL DEFAULT 0,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX asset_tag_uq ON asset (school_id, lower(tag));
-- Kind and status filters are counted from these alone (index-only scans), also over all schools of a board.
CREATE INDEX asset_school_status_idx ON asset (school_id, status, kind);
CREATE INDEX asset_school_kind_idx ON asset (school_id, kind, status);
CREATE INDEX asset_room_idx ON asset (room_id) WHERE room_id IS NOT NULL;
CREATE INDEX asset_person_idx ON asset (assigned_person_id) WHERE assigned_person_id IS NOT NULL;
CREATE INDEX asset_model_idx ON asset (model_id) INCLUDE (school_id);
-- Sorted lists read their first page in index order instead of sorting every matching asset: by tag, and by
-- warranty end both ways (assets without a date last both ways, hence the second index).
CREATE INDEX asset_tag_sort_idx ON asset (lower(tag), id);
-- The date windows ("warranty ends within 90 days") are counted from the index alone, school scope included.
CREATE INDEX asset_warranty_idx ON asset (warranty_end, id) INCLUDE (school_id, status);
CREATE INDEX asset_warranty_desc_idx ON asset (warranty_end DESC NULLS LAST, id DESC);
CREATE INDEX asset_end_of_life_idx ON asset (end_of_life, id) INCLUDE (school_id);
CREATE INDEX asset_purchase_idx ON asset (purchase_date, id) INCLUDE (school_id);
CREATE INDEX asset_search_trgm ON asset USING gin (search gin_trgm_ops);
CREATE INDEX asset_extra_idx ON asset USING gin (extra jsonb_path_ops);

CREATE FUNCTION asset_search_text(p_tag TEXT, p_name TEXT, p_serial TEXT, p_model_id BIGINT, p_notes TEXT)
  RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT lower(concat_ws(' ', p_tag, p_name, p_serial,
           (SELECT concat_ws(' ', f.name, m.name, m.model_number)
              FROM asset_model m JOIN manufacturer f ON f.id = m.manufacturer_id WHERE m.id = p_model_id),
           p_notes))
$$;

CREATE FUNCTION asset_search_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := asset_search_text(NEW.tag, NEW.name, NEW.serial, NEW.model_id, NEW.notes);
  RETURN NEW;
END $$;
CREATE TRIGGER asset_search BEFORE INSERT OR UPDATE OF tag, name, serial, model_id, notes ON asset
  FOR EACH ROW EXECUTE FUNCTION asset_search_fill();

-- Renaming a model or manufacturer renews the search text of its assets.
CREATE FUNCTION asset_search_renew_model() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE asset SET search = asset_search_text(tag, name, serial, model_id, notes) WHERE model_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER asset_model_search AFTER UPDATE OF name, model_number, manufacturer_id ON asset_model
  FOR EACH ROW EXECUTE FUNCTION asset_search_renew_model();

CREATE FUNCTION asset_search_renew_manufacturer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE asset SET search = asset_search_text(tag, name, serial, model_id, notes)
   WHERE model_id IN (SELECT id FROM asset_model WHERE manufacturer_id = NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER manufacturer_search AFTER UPDATE OF name ON manufacturer
  FOR EACH ROW EXECUTE FUNCTION asset_search_renew_manufacturer();

-- The number of assets per school, kind and status, kept by statement triggers: the overview's counts and the
-- totals of lists filtered only on school, kind and status read a few hundred rows instead of every asset.
-- (Concurrent writers of the same school, kind and status wait for each other's commit on the counter row.)
CREATE TABLE asset_count (
  school_id BIGINT NOT NULL REFERENCES school(id),
  kind      VARCHAR(30) NOT NULL,
  status    VARCHAR(20) NOT NULL,
  n         BIGINT NOT NULL CHECK (n >= 0),
  PRIMARY KEY (school_id, kind, status)
);

CREATE FUNCTION asset_count_apply(p_school BIGINT, p_kind TEXT, p_status TEXT, p_delta BIGINT) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  IF p_delta < 0 THEN -- the row exists: the assets it counted were counted on their way in
    UPDATE asset_count SET n = n + p_delta WHERE school_id = p_school AND kind = p_kind AND status = p_status;
  ELSE
    INSERT INTO asset_count (school_id, kind, status, n) VALUES (p_school, p_kind, p_status, p_delta)
    ON CONFLICT (school_id, kind, status) DO UPDATE SET n = asset_count.n + EXCLUDED.n;
  END IF;
END $$;

CREATE FUNCTION asset_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM asset_count_apply(school_id, kind, status, count(*)) FROM new_rows GROUP BY school_id, kind, status;
  RETURN NULL;
END $$;
CREATE FUNCTION asset_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM asset_count_apply(school_id, kind, status, -count(*)) FROM old_rows GROUP BY school_id, kind, status;
  RETURN NULL;
END $$;
CREATE FUNCTION asset_count_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM asset_count_apply(school_id, kind, status, sum(d)::bigint)
  FROM (SELECT school_id, kind, status, -1 AS d FROM old_rows UNION ALL SELECT school_id, kind, status, 1 FROM new_rows) c
  GROUP BY school_id, kind, status HAVING sum(d) <> 0;
  RETURN NULL;
END $$;
CREATE TRIGGER asset_count_insert AFTER INSERT ON asset REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION asset_count_inserted();
CREATE TRIGGER asset_count_delete AFTER DELETE ON asset REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION asset_count_deleted();
CREATE TRIGGER asset_count_update AFTER UPDATE ON asset REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION asset_count_updated();
CREATE FUNCTION asset_count_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM asset_count;
  RETURN NULL;
END $$;
CREATE TRIGGER asset_count_truncate AFTER TRUNCATE ON asset FOR EACH STATEMENT EXECUTE FUNCTION asset_count_truncated();

CREATE TABLE asset_attachment (
  id               BIGSERIAL PRIMARY KEY,
  asset_id         BIGINT NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
  school_id        BIGINT NOT NULL REFERENCES school(id),
  file_name        VARCHAR(255) NOT NULL,
  content_type     VARCHAR(100) NOT NULL,
  size_bytes       BIGINT NOT NULL CHECK (size_bytes > 0),
  sha256           CHAR(64) NOT NULL,
  bytes            BYTEA NOT NULL,
  uploaded_by      BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  uploaded_by_name VARCHAR(200) NOT NULL,
  uploaded_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX asset_attachment_asset_idx ON asset_attachment (asset_id, uploaded_at);

-- A user's named list filters, shown as quick links above the asset list.
CREATE TABLE saved_filter (
  id         BIGSERIAL PRIMARY KEY,
  user_id    BIGINT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  name       VARCHAR(100) NOT NULL,
  query      VARCHAR(2000) NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX saved_filter_name_uq ON saved_filter (user_id, lower(name));
