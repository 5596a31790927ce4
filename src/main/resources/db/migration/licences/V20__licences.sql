-- Licence policy (A.4): the board's catalogue of software and digital tools with the schools that use them, the
-- licences of a school or of the whole board, their assignment to assets, people or whole schools, and the proof
-- of purchase. Seats used are computed by licence_seats_used() below, so lists, filters and compliance agree.

CREATE TABLE software (
  id                     BIGSERIAL PRIMARY KEY,
  board_id               BIGINT NOT NULL REFERENCES board(id),
  name                   VARCHAR(150) NOT NULL,
  category               VARCHAR(30) NOT NULL CHECK (category IN ('ADMINISTRATION', 'LEARNING_PLATFORM', 'EDUCATIONAL_APP',
                           'OFFICE', 'OPERATING_SYSTEM', 'SECURITY', 'OTHER')),
  -- The vendor as free text, or an organisation of the people module (never both).
  vendor_name            VARCHAR(200),
  vendor_organisation_id BIGINT REFERENCES organisation(id) ON DELETE SET NULL,
  -- Who administers it: an account of the board, or free text (e.g. "ICT-dienst gemeente"); never both.
  administrator_user_id  BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  administrator_name     VARCHAR(200),
  website                VARCHAR(300),
  contract_reference     VARCHAR(100),
  notes                  VARCHAR(4000),
  version                INT NOT NULL DEFAULT 0,
  created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (vendor_name IS NULL OR vendor_organisation_id IS NULL),
  CHECK (administrator_name IS NULL OR administrator_user_id IS NULL)
);
CREATE UNIQUE INDEX software_name_uq ON software (board_id, lower(name));
CREATE INDEX software_category_idx ON software (board_id, category, lower(name));
CREATE INDEX software_name_trgm ON software USING gin (lower(name || ' ' || coalesce(vendor_name, '')) gin_trgm_ops);

-- The schools that use a catalogue entry.
CREATE TABLE software_school (
  software_id BIGINT NOT NULL REFERENCES software(id) ON DELETE CASCADE,
  school_id   BIGINT NOT NULL REFERENCES school(id),
  PRIMARY KEY (software_id, school_id)
);
CREATE INDEX software_school_school_idx ON software_school (school_id, software_id);

CREATE TABLE licence (
  id              BIGSERIAL PRIMARY KEY,
  board_id        BIGINT NOT NULL REFERENCES board(id),
  -- NULL: a board-wide licence, covering all schools of the board and managed by board admins only.
  school_id       BIGINT REFERENCES school(id),
  software_id     BIGINT NOT NULL REFERENCES software(id),
  name            VARCHAR(150),
  type            VARCHAR(20) NOT NULL CHECK (type IN ('PER_DEVICE', 'PER_USER', 'SITE', 'SUBSCRIPTION', 'VOLUME', 'FREE_OPEN')),
  -- NULL: unlimited (site and free/open licences only).
  seats           INT CHECK (seats IS NULL OR seats BETWEEN 1 AND 1000000),
  cost            NUMERIC(12, 2) CHECK (cost IS NULL OR cost >= 0),
  start_date      DATE,
  -- The end date, or the next renewal date of a subscription.
  end_date        DATE,
  auto_renew      BOOLEAN NOT NULL DEFAULT FALSE,
  supplier        VARCHAR(200),
  order_reference VARCHAR(100),
  notes           VARCHAR(4000),
  version         INT NOT NULL DEFAULT 0,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (seats IS NOT NULL OR type IN ('SITE', 'FREE_OPEN')),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX licence_school_idx ON licence (school_id, software_id);
CREATE INDEX licence_board_idx ON licence (board_id) WHERE school_id IS NULL;
CREATE INDEX licence_software_idx ON licence (software_id);
-- Renewals due and expired licences read the end dates in order.
CREATE INDEX licence_end_idx ON licence (end_date) WHERE end_date IS NOT NULL;

-- Exactly one target per assignment: an asset, a person, or a whole school; each at most once per licence.
CREATE TABLE licence_assignment (
  id               BIGSERIAL PRIMARY KEY,
  licence_id       BIGINT NOT NULL REFERENCES licence(id) ON DELETE CASCADE,
  -- Assignments end with the asset or person (an erased person leaves no trace here).
  asset_id         BIGINT REFERENCES asset(id) ON DELETE CASCADE,
  person_id        BIGINT REFERENCES person(id) ON DELETE CASCADE,
  school_id        BIGINT REFERENCES school(id),
  assigned_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  assigned_by      BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  assigned_by_name VARCHAR(200) NOT NULL,
  CHECK (num_nonnulls(asset_id, person_id, school_id) = 1)
);
CREATE UNIQUE INDEX licence_assignment_asset_uq ON licence_assignment (licence_id, asset_id) WHERE asset_id IS NOT NULL;
CREATE UNIQUE INDEX licence_assignment_person_uq ON licence_assignment (licence_id, person_id) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX licence_assignment_school_uq ON licence_assignment (licence_id, school_id) WHERE school_id IS NOT NULL;
-- Counting and deleting a licence's assignments, whatever their kind.
CREATE INDEX licence_assignment_licence_idx ON licence_assignment (licence_id);
CREATE INDEX licence_assignment_asset_idx ON licence_assignment (asset_id) WHERE asset_id IS NOT NULL;
CREATE INDEX licence_assignment_person_idx ON licence_assignment (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX licence_assignment_school_idx ON licence_assignment (school_id) WHERE school_id IS NOT NULL;

-- The proof of purchase (an invoice or order confirmation) of a licence: one file, replaced by a new upload.
CREATE TABLE licence_proof (
  licence_id       BIGINT PRIMARY KEY REFERENCES licence(id) ON DELETE CASCADE,
  file_name        VARCHAR(255) NOT NULL,
  content_type     VARCHAR(100) NOT NULL,
  size_bytes       BIGINT NOT NULL CHECK (size_bytes > 0),
  sha256           CHAR(64) NOT NULL,
  bytes            BYTEA NOT NULL,
  uploaded_by      BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  uploaded_by_name VARCHAR(200) NOT NULL,
  uploaded_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The seats a licence uses. An asset or person assigned directly takes one seat. A whole school assigned to a
-- per-device licence covers each of its assets still in service, and to a per-user licence each of its people;
-- an asset or person covered both ways counts once. For the other types a whole school takes one seat (a site).
-- Two forms of the same rule, kept side by side (a test checks that they agree on every licence):
-- licence_seats_used() for the rows of one page (evaluated after sort and limit), and licence_usage() for a whole
-- board at once (each school's devices and people counted once), for the over-use filter, sorting and compliance.
CREATE FUNCTION licence_seats_used(p_licence BIGINT, p_type TEXT) RETURNS BIGINT LANGUAGE sql STABLE AS $$
  SELECT
    (SELECT count(*) FROM licence_assignment la
      WHERE la.licence_id = p_licence AND la.school_id IS NULL
        AND NOT (p_type = 'PER_DEVICE' AND la.asset_id IS NOT NULL AND EXISTS (
              SELECT 1 FROM asset a JOIN licence_assignment s ON s.licence_id = p_licence AND s.school_id = a.school_id
               WHERE a.id = la.asset_id AND a.status NOT IN ('RETIRED', 'DISPOSED')))
        AND NOT (p_type = 'PER_USER' AND la.person_id IS NOT NULL AND EXISTS (
              SELECT 1 FROM person_school ps JOIN licence_assignment s ON s.licence_id = p_licence AND s.school_id = ps.school_id
               WHERE ps.person_id = la.person_id)))
  + (SELECT coalesce(sum(CASE p_type
         WHEN 'PER_DEVICE' THEN (SELECT count(*) FROM asset a WHERE a.school_id = la.school_id AND a.status NOT IN ('RETIRED', 'DISPOSED'))
         WHEN 'PER_USER' THEN (SELECT count(*) FROM person_school ps WHERE ps.school_id = la.school_id)
         ELSE 1 END), 0)
     FROM licence_assignment la WHERE la.licence_id = p_licence AND la.school_id IS NOT NULL)
$$;

-- The seats used by every licence of a board that has assignments (licences without any use none).
CREATE FUNCTION licence_usage(p_board BIGINT) RETURNS TABLE (licence_id BIGINT, used BIGINT) LANGUAGE sql STABLE AS $$
  WITH school_devices AS (
    SELECT a.school_id, count(*) AS n FROM asset a JOIN school sc ON sc.id = a.school_id AND sc.board_id = p_board
     WHERE a.status NOT IN ('RETIRED', 'DISPOSED') GROUP BY a.school_id),
  school_people AS (
    SELECT ps.school_id, count(*) AS n FROM person_school ps JOIN school sc ON sc.id = ps.school_id AND sc.board_id = p_board
     GROUP BY ps.school_id)
  SELECT la.licence_id, sum(CASE
      WHEN la.school_id IS NOT NULL THEN CASE l.type WHEN 'PER_DEVICE' THEN coalesce(d.n, 0)
                                                    WHEN 'PER_USER' THEN coalesce(p.n, 0) ELSE 1 END
      WHEN l.type = 'PER_DEVICE' AND la.asset_id IS NOT NULL AND EXISTS (
           SELECT 1 FROM asset a JOIN licence_assignment s ON s.licence_id = la.licence_id AND s.school_id = a.school_id
            WHERE a.id = la.asset_id AND a.status NOT IN ('RETIRED', 'DISPOSED')) THEN 0
      WHEN l.type = 'PER_USER' AND la.person_id IS NOT NULL AND EXISTS (
           SELECT 1 FROM person_school ps JOIN licence_assignment s ON s.licence_id = la.licence_id AND s.school_id = ps.school_id
            WHERE ps.person_id = la.person_id) THEN 0
      ELSE 1 END)::bigint
  FROM licence_assignment la JOIN licence l ON l.id = la.licence_id AND l.board_id = p_board
  LEFT JOIN school_devices d ON d.school_id = la.school_id
  LEFT JOIN school_people p ON p.school_id = la.school_id
  GROUP BY la.licence_id
$$;
