-- Staff, pupils (minimal data), external organisations and their contacts.
CREATE TABLE person (
  id             BIGSERIAL PRIMARY KEY,
  board_id       BIGINT NOT NULL REFERENCES board(id),
  kind           VARCHAR(10) NOT NULL CHECK (kind IN ('STAFF', 'PUPIL')),
  first_name     VARCHAR(100) NOT NULL,
  last_name      VARCHAR(100) NOT NULL,
  email          VARCHAR(254),
  phone          VARCHAR(40),
  function_title VARCHAR(100),
  class_name     VARCHAR(30),
  admin_number   VARCHAR(50),
  version        INT NOT NULL DEFAULT 0,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX person_name_trgm ON person USING gin ((lower(first_name || ' ' || last_name)) gin_trgm_ops);
CREATE INDEX person_sort_idx ON person (board_id, kind, lower(last_name), lower(first_name), id);

CREATE TABLE person_school (
  person_id BIGINT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  school_id BIGINT NOT NULL REFERENCES school(id),
  PRIMARY KEY (person_id, school_id)
);
CREATE INDEX person_school_school_idx ON person_school (school_id, person_id);

CREATE TABLE organisation (
  id          BIGSERIAL PRIMARY KEY,
  board_id    BIGINT NOT NULL REFERENCES board(id),
  name        VARCHAR(200) NOT NULL,
  kind        VARCHAR(30) NOT NULL CHECK (kind IN ('MUNICIPAL_ICT', 'MUNICIPAL_TECHNICAL', 'DPO', 'SUPPLIER',
                                                   'SCHOOL_COORDINATOR', 'OTHER')),
  email       VARCHAR(254),
  phone       VARCHAR(40),
  website     VARCHAR(300),
  street      VARCHAR(200),
  postal_code VARCHAR(10),
  city        VARCHAR(100),
  notes       VARCHAR(2000),
  version     INT NOT NULL DEFAULT 0
);
CREATE INDEX organisation_name_trgm ON organisation USING gin (lower(name) gin_trgm_ops);

CREATE TABLE organisation_school (
  organisation_id BIGINT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
  school_id       BIGINT NOT NULL REFERENCES school(id),
  PRIMARY KEY (organisation_id, school_id)
);
CREATE INDEX organisation_school_school_idx ON organisation_school (school_id);

CREATE TABLE contact (
  id              BIGSERIAL PRIMARY KEY,
  organisation_id BIGINT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
  name            VARCHAR(200) NOT NULL,
  role_title      VARCHAR(100),
  email           VARCHAR(254),
  phone           VARCHAR(40),
  version         INT NOT NULL DEFAULT 0
);
CREATE INDEX contact_org_idx ON contact (organisation_id);
