-- Purchasing (A.1 "plant de aankopen binnen het ICT-budget ... en volgt de aankopen op"): purchase requests with the
-- coordinator's advice and the director's decision, quotes from suppliers, orders (also joint orders split over the
-- schools of the school community), partial deliveries that put the assets and licences into the inventory, and
-- invoices. Amounts in euros as NUMERIC (never floating point). What is committed and spent against budget lines
-- is booked through budget's BudgetLedger (tables of the budget module), never here.

-- The quote thresholds of a board (Belgian public procurement: below the first limit one quote suffices, up to
-- the second the school compares several quotes, above it a formal procedure is needed).
CREATE TABLE purchase_settings (
  board_id           BIGINT PRIMARY KEY REFERENCES board(id),
  single_quote_below NUMERIC(14, 2) NOT NULL DEFAULT 3000 CHECK (single_quote_below >= 0),
  procedure_from     NUMERIC(14, 2) NOT NULL DEFAULT 30000,
  quotes_required    INT NOT NULL DEFAULT 3 CHECK (quotes_required BETWEEN 1 AND 10),
  version            INT NOT NULL DEFAULT 0,
  updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (procedure_from >= single_quote_below)
);

CREATE TABLE purchase_request (
  id                  BIGSERIAL PRIMARY KEY,
  board_id            BIGINT NOT NULL REFERENCES board(id),
  school_id           BIGINT NOT NULL REFERENCES school(id),
  title               VARCHAR(200) NOT NULL,
  reason              VARCHAR(4000),
  for_whom            VARCHAR(200),
  room_id             BIGINT REFERENCES room(id) ON DELETE SET NULL,
  quantity            INT NOT NULL CHECK (quantity > 0),
  estimated_cost      NUMERIC(14, 2) NOT NULL CHECK (estimated_cost >= 0),
  wished_date         DATE,
  status              VARCHAR(20) NOT NULL CHECK (status IN ('REQUESTED', 'ADVISED', 'APPROVED', 'REJECTED',
                          'CHANGES_REQUESTED', 'ORDERED', 'PARTLY_DELIVERED', 'DELIVERED', 'INVOICED', 'CLOSED')),
  requester_id        BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  requester_name      VARCHAR(200) NOT NULL,
  -- the coordinator's advice
  recommendation      VARCHAR(4000),
  alternatives        VARCHAR(4000),
  budget_line_id      BIGINT REFERENCES budget_line(id) ON DELETE SET NULL,
  advised_by_name     VARCHAR(200),
  advised_at          TIMESTAMPTZ,
  -- the director's decision
  decision_comment    VARCHAR(4000),
  decided_by_name     VARCHAR(200),
  decided_at          TIMESTAMPTZ,
  -- the quote chosen and why
  chosen_quote_id     BIGINT,
  choice_reason       VARCHAR(2000),
  version             INT NOT NULL DEFAULT 0,
  created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX purchase_request_school_idx ON purchase_request (school_id, status, created_at DESC);
CREATE INDEX purchase_request_requester_idx ON purchase_request (requester_id, created_at DESC);
CREATE INDEX purchase_request_search_idx ON purchase_request USING gin (lower(title || ' ' || coalesce(for_whom, '') || ' ' || requester_name) gin_trgm_ops);

-- What a purchase replaces: assets and licences of the same school (checked through their modules' facades).
CREATE TABLE purchase_request_replaces (
  request_id  BIGINT NOT NULL REFERENCES purchase_request(id) ON DELETE CASCADE,
  asset_id    BIGINT REFERENCES asset(id) ON DELETE CASCADE,
  licence_id  BIGINT REFERENCES licence(id) ON DELETE CASCADE,
  CHECK ((asset_id IS NULL) <> (licence_id IS NULL))
);
CREATE UNIQUE INDEX purchase_request_replaces_asset_uq ON purchase_request_replaces (request_id, asset_id) WHERE asset_id IS NOT NULL;
CREATE UNIQUE INDEX purchase_request_replaces_licence_uq ON purchase_request_replaces (request_id, licence_id) WHERE licence_id IS NOT NULL;

CREATE TABLE purchase_quote (
  id               BIGSERIAL PRIMARY KEY,
  request_id       BIGINT NOT NULL REFERENCES purchase_request(id) ON DELETE CASCADE,
  school_id        BIGINT NOT NULL REFERENCES school(id),
  supplier_org_id  BIGINT REFERENCES organisation(id) ON DELETE SET NULL,
  supplier_name    VARCHAR(200) NOT NULL,
  amount           NUMERIC(14, 2) NOT NULL CHECK (amount >= 0),
  quote_date       DATE NOT NULL,
  reference        VARCHAR(100),
  notes            VARCHAR(2000),
  file_name        VARCHAR(200),
  content_type     VARCHAR(50),
  size_bytes       BIGINT,
  bytes            BYTEA,
  created_by_name  VARCHAR(200) NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX purchase_quote_request_idx ON purchase_quote (request_id, amount);
ALTER TABLE purchase_request ADD CONSTRAINT purchase_request_chosen_quote_fk
  FOREIGN KEY (chosen_quote_id) REFERENCES purchase_quote(id) ON DELETE SET NULL;

CREATE TABLE purchase_order (
  id               BIGSERIAL PRIMARY KEY,
  board_id         BIGINT NOT NULL REFERENCES board(id),
  -- the ordering school; school_ids holds it and every school that has a line (a joint purchase)
  school_id        BIGINT NOT NULL REFERENCES school(id),
  school_ids       BIGINT[] NOT NULL,
  request_id       BIGINT REFERENCES purchase_request(id) ON DELETE SET NULL,
  number           VARCHAR(50) NOT NULL,
  order_date       DATE NOT NULL,
  supplier_org_id  BIGINT REFERENCES organisation(id) ON DELETE SET NULL,
  supplier_name    VARCHAR(200) NOT NULL,
  status           VARCHAR(20) NOT NULL CHECK (status IN ('ORDERED', 'PARTLY_DELIVERED', 'DELIVERED', 'INVOICED', 'CLOSED')),
  notes            VARCHAR(4000),
  total_net        NUMERIC(14, 2) NOT NULL,
  total_vat        NUMERIC(14, 2) NOT NULL,
  total_gross      NUMERIC(14, 2) NOT NULL,
  created_by_name  VARCHAR(200) NOT NULL,
  version          INT NOT NULL DEFAULT 0,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX purchase_order_number_uq ON purchase_order (board_id, lower(number));
CREATE UNIQUE INDEX purchase_order_request_uq ON purchase_order (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX purchase_order_schools_idx ON purchase_order USING gin (school_ids);
CREATE INDEX purchase_order_date_idx ON purchase_order (board_id, order_date DESC);

CREATE TABLE purchase_order_line (
  id               BIGSERIAL PRIMARY KEY,
  order_id         BIGINT NOT NULL REFERENCES purchase_order(id) ON DELETE CASCADE,
  line_no          INT NOT NULL,
  school_id        BIGINT NOT NULL REFERENCES school(id),
  description      VARCHAR(300) NOT NULL,
  quantity         INT NOT NULL CHECK (quantity > 0),
  unit_price       NUMERIC(14, 2) NOT NULL CHECK (unit_price >= 0),
  vat_rate         NUMERIC(5, 2) NOT NULL CHECK (vat_rate IN (0, 6, 12, 21)),
  net              NUMERIC(14, 2) NOT NULL,
  vat              NUMERIC(14, 2) NOT NULL,
  gross            NUMERIC(14, 2) NOT NULL,
  item_kind        VARCHAR(12) NOT NULL CHECK (item_kind IN ('ASSET', 'LICENCE', 'CONSUMABLE', 'SERVICE')),
  asset_kind       VARCHAR(30),
  asset_model_id   BIGINT REFERENCES asset_model(id) ON DELETE SET NULL,
  software_id      BIGINT REFERENCES software(id) ON DELETE SET NULL,
  licence_type     VARCHAR(20),
  budget_line_id   BIGINT REFERENCES budget_line(id) ON DELETE SET NULL,
  received         INT NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= quantity),
  UNIQUE (order_id, line_no)
);
CREATE INDEX purchase_order_line_order_idx ON purchase_order_line (order_id, line_no);

-- A delivery is stored once per submission key: the same form or API call sent twice (a double click, a retry
-- after a time-out, two at once) finds the first one and changes nothing.
CREATE TABLE purchase_delivery (
  id                BIGSERIAL PRIMARY KEY,
  order_id          BIGINT NOT NULL REFERENCES purchase_order(id) ON DELETE CASCADE,
  submission_key    VARCHAR(64) NOT NULL,
  delivered_on      DATE NOT NULL,
  note              VARCHAR(2000),
  received_by_name  VARCHAR(200) NOT NULL,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (order_id, submission_key)
);

CREATE TABLE purchase_delivery_line (
  id             BIGSERIAL PRIMARY KEY,
  delivery_id    BIGINT NOT NULL REFERENCES purchase_delivery(id) ON DELETE CASCADE,
  order_line_id  BIGINT NOT NULL REFERENCES purchase_order_line(id) ON DELETE CASCADE,
  quantity       INT NOT NULL CHECK (quantity > 0),
  licence_id     BIGINT REFERENCES licence(id) ON DELETE SET NULL,
  UNIQUE (delivery_id, order_line_id)
);

-- One row per unit received of an order line: unit n of a line exists once, so an asset is never created twice
-- for the same unit, whatever replays or races happen.
CREATE TABLE purchase_received_unit (
  id                BIGSERIAL PRIMARY KEY,
  order_line_id     BIGINT NOT NULL REFERENCES purchase_order_line(id) ON DELETE CASCADE,
  unit_no           INT NOT NULL CHECK (unit_no > 0),
  delivery_line_id  BIGINT NOT NULL REFERENCES purchase_delivery_line(id) ON DELETE CASCADE,
  serial            VARCHAR(100),
  asset_id          BIGINT REFERENCES asset(id) ON DELETE SET NULL,
  UNIQUE (order_line_id, unit_no)
);

CREATE TABLE purchase_invoice (
  id               BIGSERIAL PRIMARY KEY,
  order_id         BIGINT NOT NULL REFERENCES purchase_order(id) ON DELETE CASCADE,
  number           VARCHAR(60) NOT NULL,
  amount           NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
  invoice_date     DATE NOT NULL,
  paid_on          DATE,
  created_by_name  VARCHAR(200) NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX purchase_invoice_number_uq ON purchase_invoice (order_id, lower(number));
