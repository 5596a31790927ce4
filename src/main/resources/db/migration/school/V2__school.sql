-- School board, school community, schools and their places.
CREATE TABLE board (
  id          BIGSERIAL PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  street      VARCHAR(200),
  postal_code VARCHAR(10),
  city        VARCHAR(100),
  email       VARCHAR(254),
  phone       VARCHAR(40),
  version     INT NOT NULL DEFAULT 0,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE school_community (
  id         BIGSERIAL PRIMARY KEY,
  board_id   BIGINT NOT NULL REFERENCES board(id),
  name       VARCHAR(200) NOT NULL,
  version    INT NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX school_community_name_uq ON school_community (board_id, lower(name));

CREATE TABLE school (
  id                 BIGSERIAL PRIMARY KEY,
  board_id           BIGINT NOT NULL REFERENCES board(id),
  community_id       BIGINT REFERENCES school_community(id),
  name               VARCHAR(200) NOT NULL,
  institution_number VARCHAR(6) NOT NULL,
  level              VARCHAR(20) NOT NULL CHECK (level IN ('PRIMARY', 'SECONDARY', 'OTHER')),
  street             VARCHAR(200),
  postal_code        VARCHAR(10),
  city               VARCHAR(100),
  email              VARCHAR(254),
  phone              VARCHAR(40),
  version            INT NOT NULL DEFAULT 0,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX school_institution_number_uq ON school (institution_number);
CREATE INDEX school_board_idx ON school (board_id, lower(name));

CREATE TABLE campus (
  id          BIGSERIAL PRIMARY KEY,
  school_id   BIGINT NOT NULL REFERENCES school(id),
  name        VARCHAR(200) NOT NULL,
  street      VARCHAR(200),
  postal_code VARCHAR(10),
  city        VARCHAR(100),
  version     INT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX campus_name_uq ON campus (school_id, lower(name));

CREATE TABLE building (
  id        BIGSERIAL PRIMARY KEY,
  school_id BIGINT NOT NULL REFERENCES school(id),
  campus_id BIGINT NOT NULL REFERENCES campus(id),
  name      VARCHAR(200) NOT NULL,
  version   INT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX building_name_uq ON building (campus_id, lower(name));
CREATE INDEX building_school_idx ON building (school_id);

CREATE TABLE room (
  id          BIGSERIAL PRIMARY KEY,
  school_id   BIGINT NOT NULL REFERENCES school(id),
  building_id BIGINT NOT NULL REFERENCES building(id),
  name        VARCHAR(200) NOT NULL,
  code        VARCHAR(30),
  floor       VARCHAR(20),
  kind        VARCHAR(20) NOT NULL DEFAULT 'CLASSROOM'
              CHECK (kind IN ('CLASSROOM', 'COMPUTER_LAB', 'OFFICE', 'SERVER_ROOM', 'STORAGE', 'HALL', 'OTHER')),
  capacity    INT CHECK (capacity IS NULL OR capacity >= 0),
  version     INT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX room_name_uq ON room (building_id, lower(name));
CREATE INDEX room_school_idx ON room (school_id, lower(name));
