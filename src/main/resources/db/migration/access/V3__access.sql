-- Local accounts, role grants per school, personal API tokens.
CREATE TABLE app_user (
  id              BIGSERIAL PRIMARY KEY,
  board_id        BIGINT NOT NULL REFERENCES board(id),
  username        VARCHAR(100) NOT NULL,
  password_hash   VARCHAR(255) NOT NULL,
  display_name    VARCHAR(200) NOT NULL,
  email           VARCHAR(254),
  person_id       BIGINT,
  locale          VARCHAR(10) NOT NULL DEFAULT 'nl-BE',
  enabled         BOOLEAN NOT NULL DEFAULT TRUE,
  failed_attempts INT NOT NULL DEFAULT 0,
  locked_until    TIMESTAMPTZ,
  last_sign_in_at TIMESTAMPTZ,
  version         INT NOT NULL DEFAULT 0,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_username_uq ON app_user (lower(username));

CREATE TABLE role_grant (
  id        BIGSERIAL PRIMARY KEY,
  user_id   BIGINT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  board_id  BIGINT NOT NULL REFERENCES board(id),
  school_id BIGINT REFERENCES school(id),
  role      VARCHAR(30) NOT NULL
            CHECK (role IN ('BOARD_ADMIN', 'COORDINATOR', 'DIRECTOR', 'STAFF', 'TECHNICIAN', 'DPO', 'EVALUATOR')),
  CHECK ((role IN ('BOARD_ADMIN', 'DPO')) = (school_id IS NULL))
);
CREATE UNIQUE INDEX role_grant_uq ON role_grant (user_id, role, COALESCE(school_id, 0));
CREATE INDEX role_grant_school_idx ON role_grant (school_id);

CREATE TABLE api_token (
  id           BIGSERIAL PRIMARY KEY,
  user_id      BIGINT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  name         VARCHAR(100) NOT NULL,
  token_hash   CHAR(64) NOT NULL,
  prefix       VARCHAR(16) NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at   TIMESTAMPTZ,
  last_used_at TIMESTAMPTZ,
  revoked_at   TIMESTAMPTZ
);
CREATE UNIQUE INDEX api_token_hash_uq ON api_token (token_hash);
CREATE INDEX api_token_user_idx ON api_token (user_id);
