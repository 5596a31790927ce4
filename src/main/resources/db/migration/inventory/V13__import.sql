-- Imports of assets from CSV/XLSX: the uploaded file (kept as a file under the import directory), its column
-- mapping, the validation report and the progress of the commit. Jobs expire after 24 hours.
CREATE TABLE asset_import (
  id             BIGSERIAL PRIMARY KEY,
  board_id       BIGINT NOT NULL REFERENCES board(id),
  school_id      BIGINT NOT NULL REFERENCES school(id),
  user_id        BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  file_name      VARCHAR(255) NOT NULL,
  file_path      VARCHAR(1000) NOT NULL,
  format         VARCHAR(10) NOT NULL,
  mode           VARCHAR(20) NOT NULL CHECK (mode IN ('CREATE', 'UPDATE_BY_TAG', 'UPDATE_BY_SERIAL')),
  create_models  BOOLEAN NOT NULL DEFAULT FALSE,
  headers        JSONB NOT NULL DEFAULT '[]'::jsonb,
  mapping        JSONB NOT NULL DEFAULT '[]'::jsonb,
  preview        JSONB NOT NULL DEFAULT '[]'::jsonb,
  errors         JSONB NOT NULL DEFAULT '[]'::jsonb,
  status         VARCHAR(20) NOT NULL CHECK (status IN ('OPEN', 'VALIDATED', 'RUNNING', 'DONE', 'FAILED')),
  total_rows     INT NOT NULL DEFAULT 0,
  processed_rows INT NOT NULL DEFAULT 0,
  new_count      INT NOT NULL DEFAULT 0,
  update_count   INT NOT NULL DEFAULT 0,
  error_count    INT NOT NULL DEFAULT 0,
  failure        VARCHAR(2000),
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at     TIMESTAMPTZ NOT NULL DEFAULT now() + INTERVAL '24 hours',
  finished_at    TIMESTAMPTZ
);
CREATE INDEX asset_import_school_idx ON asset_import (school_id, created_at DESC);
CREATE INDEX asset_import_expiry_idx ON asset_import (expires_at);
