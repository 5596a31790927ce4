-- Automatic inventory: computers report themselves through the FusionInventory agent (OCS XML) or the GLPI Agent
-- (JSON). A school enrols its agents with a URL token and a secret; what an agent reports is kept per asset in
-- asset_hardware (one row), asset_network and asset_software (replaced as a whole by each inventory).

CREATE TABLE agent_enrolment (
  school_id    BIGINT PRIMARY KEY REFERENCES school(id),
  board_id     BIGINT NOT NULL REFERENCES board(id),
  -- In the agent URL (/ocsinventory/{token}) and the user name of HTTP Basic; identifies the school, not a secret.
  token        VARCHAR(64) NOT NULL CHECK (token ~ '^[A-Za-z0-9_-]{16,64}$'),
  -- SHA-256 (hex) of the secret the agents send as HTTP Basic password or bearer token; the secret is shown once.
  secret_hash  CHAR(64) NOT NULL,
  require_auth BOOLEAN NOT NULL DEFAULT TRUE,
  -- The one enrolment that answers /ocsinventory and /front/inventory.php without a token in the URL and
  -- without credentials (the demo's first school; off for every school created later).
  is_default   BOOLEAN NOT NULL DEFAULT FALSE,
  prolog_hours INT NOT NULL DEFAULT 24 CHECK (prolog_hours BETWEEN 1 AND 720),
  version      INT NOT NULL DEFAULT 0,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX agent_enrolment_token_uq ON agent_enrolment (token);
CREATE UNIQUE INDEX agent_enrolment_secret_uq ON agent_enrolment (secret_hash);
CREATE UNIQUE INDEX agent_enrolment_default_uq ON agent_enrolment ((TRUE)) WHERE is_default AND NOT require_auth;

-- What the last inventory said about a computer (one row per asset that an agent reported).
CREATE TABLE asset_hardware (
  asset_id        BIGINT PRIMARY KEY REFERENCES asset(id) ON DELETE CASCADE,
  board_id        BIGINT NOT NULL REFERENCES board(id),
  school_id       BIGINT NOT NULL REFERENCES school(id),
  device_id       VARCHAR(255) NOT NULL,
  protocol        VARCHAR(10) NOT NULL CHECK (protocol IN ('OCS', 'GLPI')),
  agent_version   VARCHAR(100),
  hostname        VARCHAR(255),
  uuid            VARCHAR(64),
  manufacturer    VARCHAR(100),
  model           VARCHAR(150),
  chassis         VARCHAR(60),
  virtual_system  VARCHAR(60),
  os_name         VARCHAR(150),
  os_version      VARCHAR(100),
  os_full_name    VARCHAR(255),
  os_arch         VARCHAR(40),
  -- From the built-in life-cycle table (OsSupport) at the last inventory; NULL when unknown.
  os_support_end  DATE,
  cpu             VARCHAR(255),
  cpu_cores       INT,
  cpu_threads     INT,
  memory_mb       BIGINT,
  -- [{"slot","capacityMb","type","speed","serial"}] and [{"name","model","sizeMb","serial"}]
  memory_modules  JSONB NOT NULL DEFAULT '[]'::jsonb,
  disks           JSONB NOT NULL DEFAULT '[]'::jsonb,
  last_user       VARCHAR(255),
  ip_addresses    VARCHAR(1000),
  software_count  INT NOT NULL DEFAULT 0,
  -- Hash of the software list: an unchanged list (the usual case) is not rewritten.
  software_hash   CHAR(64),
  source_address  VARCHAR(64),
  first_seen_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_seen_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX asset_hardware_uuid_idx ON asset_hardware (board_id, upper(uuid)) WHERE uuid IS NOT NULL;
CREATE INDEX asset_hardware_device_idx ON asset_hardware (board_id, device_id);
CREATE INDEX asset_hardware_host_idx ON asset_hardware (school_id, lower(hostname)) WHERE hostname IS NOT NULL;
-- "Not seen for N days" and "OS out of support" per school.
CREATE INDEX asset_hardware_seen_idx ON asset_hardware (school_id, last_seen_at, asset_id);
CREATE INDEX asset_hardware_os_idx ON asset_hardware (school_id, os_support_end) WHERE os_support_end IS NOT NULL;

-- Serial numbers are matched case-insensitively over the board's schools (placeholders are never stored as a
-- match key: see SerialNumbers).
CREATE INDEX asset_serial_idx ON asset (upper(serial)) INCLUDE (school_id) WHERE serial IS NOT NULL;

CREATE TABLE asset_network (
  asset_id     BIGINT NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
  board_id     BIGINT NOT NULL REFERENCES board(id),
  school_id    BIGINT NOT NULL REFERENCES school(id),
  position     INT NOT NULL,
  description  VARCHAR(150),
  mac          CHAR(17),
  ip_addresses VARCHAR(1000),
  virtual      BOOLEAN NOT NULL DEFAULT FALSE,
  PRIMARY KEY (asset_id, position)
);
CREATE INDEX asset_network_mac_idx ON asset_network (board_id, mac) WHERE mac IS NOT NULL AND NOT virtual;

CREATE TABLE asset_software (
  asset_id        BIGINT NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
  board_id        BIGINT NOT NULL REFERENCES board(id),
  school_id       BIGINT NOT NULL REFERENCES school(id),
  position        INT NOT NULL,
  name            VARCHAR(255) NOT NULL,
  -- lower case, without version, architecture and edition noise: what licences and counts group on
  normalised_name VARCHAR(255) NOT NULL,
  publisher       VARCHAR(255),
  version         VARCHAR(100),
  PRIMARY KEY (asset_id, position)
);
-- Licence compliance counts a product by its name and by names that start with it ("microsoft office" finds
-- "microsoft office ltsc professional plus 2021"): prefix searches need the pattern operator class.
CREATE INDEX asset_software_name_idx ON asset_software (board_id, normalised_name text_pattern_ops) INCLUDE (school_id, asset_id);
CREATE INDEX asset_software_school_idx ON asset_software (school_id, normalised_name);
