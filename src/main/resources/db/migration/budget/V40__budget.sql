-- The ICT budget (A.1 "plant de aankopen binnen het ICT-budget van de onderwijsinstelling in en volgt de aankopen
-- op"): budget years per school, lines by funding source and category with the planned amount, and the bookings
-- that other modules (purchasing) make against a line: open commitments and money spent. Amounts in euros with
-- exact decimals (NUMERIC, never floating point).

CREATE TABLE budget_year (
  id          BIGSERIAL PRIMARY KEY,
  school_id   BIGINT NOT NULL REFERENCES school(id),
  label       VARCHAR(40) NOT NULL,
  kind        VARCHAR(14) NOT NULL CHECK (kind IN ('SCHOOL_YEAR', 'CALENDAR_YEAR')),
  starts_on   DATE NOT NULL,
  ends_on     DATE NOT NULL,
  closed      BOOLEAN NOT NULL DEFAULT FALSE,
  version     INT NOT NULL DEFAULT 0,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (ends_on > starts_on),
  UNIQUE (school_id, starts_on)
);

CREATE TABLE budget_line (
  id              BIGSERIAL PRIMARY KEY,
  budget_year_id  BIGINT NOT NULL REFERENCES budget_year(id) ON DELETE CASCADE,
  -- copied from the year so that scope filters and per-school sums need no join
  school_id       BIGINT NOT NULL REFERENCES school(id),
  funding_source  VARCHAR(20) NOT NULL CHECK (funding_source IN ('OPERATING', 'GOVERNMENT_ICT', 'BOARD', 'OTHER')),
  category        VARCHAR(30) NOT NULL CHECK (category IN ('PUPIL_DEVICES', 'STAFF_DEVICES', 'INFRASTRUCTURE',
                                  'SOFTWARE_LICENCES', 'MAINTENANCE_SUPPORT', 'TRAINING', 'OTHER')),
  description     VARCHAR(200) NOT NULL,
  planned         NUMERIC(14, 2) NOT NULL CHECK (planned >= 0),
  version         INT NOT NULL DEFAULT 0,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX budget_line_year_idx ON budget_line (budget_year_id);
CREATE INDEX budget_line_school_idx ON budget_line (school_id, budget_year_id);

-- What another module committed or spent against a line. A source (e.g. one purchase order) replaces all its
-- bookings at once, so an amount is never counted twice: committed is what is promised and not yet invoiced,
-- spent is what is invoiced; remaining = planned - committed - spent.
CREATE TABLE budget_booking (
  id           BIGSERIAL PRIMARY KEY,
  line_id      BIGINT NOT NULL REFERENCES budget_line(id),
  school_id    BIGINT NOT NULL REFERENCES school(id),
  source_type  VARCHAR(40) NOT NULL,
  source_id    BIGINT NOT NULL,
  kind         VARCHAR(10) NOT NULL CHECK (kind IN ('COMMITTED', 'SPENT')),
  amount       NUMERIC(14, 2) NOT NULL,
  booked_on    DATE NOT NULL,
  description  VARCHAR(300),
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX budget_booking_source_idx ON budget_booking (source_type, source_id);
CREATE INDEX budget_booking_line_idx ON budget_booking (line_id, kind) INCLUDE (amount, booked_on);
