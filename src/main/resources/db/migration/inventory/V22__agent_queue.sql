-- Unknown agents (optional, per board): when a board switches the queue on, an agent that reports to the bare
-- default paths without credentials (and no school is open there) is not refused but waits here, with its last
-- inventory, until a coordinator accepts it into a school (the stored inventory is then taken in, and the device's
-- later reports go to that school) or refuses it (its later reports get 403).

CREATE TABLE agent_queue_setting (
  board_id   BIGINT PRIMARY KEY REFERENCES board(id),
  enabled    BOOLEAN NOT NULL DEFAULT FALSE,
  version    INT NOT NULL DEFAULT 0,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE agent_pending (
  id             BIGSERIAL PRIMARY KEY,
  board_id       BIGINT NOT NULL REFERENCES board(id),
  device_id      VARCHAR(255) NOT NULL,
  protocol       VARCHAR(10) NOT NULL CHECK (protocol IN ('OCS', 'GLPI')),
  hostname       VARCHAR(255),
  serial         VARCHAR(100),
  manufacturer   VARCHAR(100),
  model          VARCHAR(150),
  os_name        VARCHAR(255),
  source_address VARCHAR(64),
  -- the last full inventory, decoded and deflate-compressed; NULL after only a contact/prolog
  report         BYTEA,
  status         VARCHAR(10) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'REFUSED')),
  reports        INT NOT NULL DEFAULT 1,
  first_seen_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_seen_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  decided_by     VARCHAR(200),
  decided_at     TIMESTAMPTZ,
  version        INT NOT NULL DEFAULT 0,
  UNIQUE (board_id, device_id)
);
CREATE INDEX agent_pending_list_idx ON agent_pending (board_id, status, last_seen_at DESC);

-- Devices accepted from the queue: their later reports without credentials go to this school.
CREATE TABLE agent_accepted (
  board_id    BIGINT NOT NULL REFERENCES board(id),
  device_id   VARCHAR(255) NOT NULL,
  school_id   BIGINT NOT NULL REFERENCES school(id),
  accepted_by VARCHAR(200) NOT NULL,
  accepted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (board_id, device_id)
);
