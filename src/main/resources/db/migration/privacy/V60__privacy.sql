-- Privacy (GDPR) with the DPO (function description C: "werkt samen met de DPO"): the processing register (art. 30),
-- processor agreements per tool or vendor (art. 28) with their document, DPIAs (art. 35) with the screening on the
-- EDPB criteria and the risks, the data-breach register (art. 33-34) with the 72-hour clock, and the DPO's comments,
-- advice and sign-offs on all of them. Every record belongs to one school or (school_id NULL) to the whole board.

CREATE TABLE privacy_processing (
  id                         BIGSERIAL PRIMARY KEY,
  board_id                   BIGINT NOT NULL REFERENCES board(id),
  school_id                  BIGINT REFERENCES school(id),
  name                       VARCHAR(200) NOT NULL,
  purpose                    VARCHAR(4000) NOT NULL,
  legal_basis                VARCHAR(30) NOT NULL CHECK (legal_basis IN ('CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION',
                               'VITAL_INTERESTS', 'PUBLIC_TASK', 'LEGITIMATE_INTERESTS')),
  subject_categories         VARCHAR(10)[] NOT NULL DEFAULT '{}',
  data_categories            VARCHAR(4000),
  special_categories         BOOLEAN NOT NULL DEFAULT FALSE,
  special_categories_detail  VARCHAR(2000),
  recipients                 VARCHAR(2000),
  processor_organisation_id  BIGINT REFERENCES organisation(id) ON DELETE SET NULL,
  processor_name             VARCHAR(200),
  transfers_outside_eu       BOOLEAN NOT NULL DEFAULT FALSE,
  transfer_safeguards        VARCHAR(2000),
  retention                  VARCHAR(1000) NOT NULL,
  security_measures          VARCHAR(4000),
  software_id                BIGINT REFERENCES software(id) ON DELETE SET NULL,
  owner                      VARCHAR(200),
  status                     VARCHAR(15) NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'UNDER_REVIEW', 'RETIRED')),
  review_date                DATE,
  version                    INT NOT NULL DEFAULT 0,
  created_at                 TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at                 TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (processor_name IS NULL OR processor_organisation_id IS NULL)
);
CREATE INDEX privacy_processing_school_idx ON privacy_processing (board_id, school_id, lower(name));
CREATE INDEX privacy_processing_software_idx ON privacy_processing (software_id) WHERE software_id IS NOT NULL;
CREATE INDEX privacy_processing_review_idx ON privacy_processing (review_date) WHERE status <> 'RETIRED';

CREATE TABLE privacy_agreement (
  id                      BIGSERIAL PRIMARY KEY,
  board_id                BIGINT NOT NULL REFERENCES board(id),
  school_id               BIGINT REFERENCES school(id),
  software_id             BIGINT REFERENCES software(id) ON DELETE SET NULL,
  vendor_organisation_id  BIGINT REFERENCES organisation(id) ON DELETE SET NULL,
  vendor_name             VARCHAR(200),
  -- EXPIRED is not stored: it is SIGNED with an end date in the past, computed when read.
  status                  VARCHAR(10) NOT NULL CHECK (status IN ('NONE', 'REQUESTED', 'SIGNED')),
  model                   VARCHAR(20) NOT NULL CHECK (model IN ('FLEMISH_EDUCATION', 'VENDOR', 'OWN', 'OTHER')),
  requested_on            DATE,
  signed_on               DATE,
  end_date                DATE,
  reference               VARCHAR(100),
  notes                   VARCHAR(4000),
  version                 INT NOT NULL DEFAULT 0,
  created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (vendor_name IS NULL OR vendor_organisation_id IS NULL),
  CHECK (status <> 'SIGNED' OR signed_on IS NOT NULL),
  CHECK (end_date IS NULL OR signed_on IS NULL OR end_date >= signed_on)
);
CREATE INDEX privacy_agreement_school_idx ON privacy_agreement (board_id, school_id);
CREATE INDEX privacy_agreement_software_idx ON privacy_agreement (software_id, school_id) WHERE software_id IS NOT NULL;

CREATE TABLE privacy_agreement_document (
  agreement_id      BIGINT PRIMARY KEY REFERENCES privacy_agreement(id) ON DELETE CASCADE,
  file_name         VARCHAR(255) NOT NULL,
  content_type      VARCHAR(100) NOT NULL,
  size_bytes        BIGINT NOT NULL,
  sha256            CHAR(64) NOT NULL,
  bytes             BYTEA NOT NULL,
  uploaded_by       BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  uploaded_by_name  VARCHAR(200) NOT NULL,
  uploaded_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE privacy_dpia (
  id               BIGSERIAL PRIMARY KEY,
  board_id         BIGINT NOT NULL REFERENCES board(id),
  school_id        BIGINT REFERENCES school(id),
  title            VARCHAR(200) NOT NULL,
  software_id      BIGINT REFERENCES software(id) ON DELETE SET NULL,
  processing_id    BIGINT REFERENCES privacy_processing(id) ON DELETE SET NULL,
  -- The EDPB criteria that apply (screening); a DPIA is needed from two criteria on.
  criteria         VARCHAR(30)[] NOT NULL DEFAULT '{}',
  description      VARCHAR(8000),
  necessity        VARCHAR(8000),
  decision         VARCHAR(25) NOT NULL DEFAULT 'PENDING' CHECK (decision IN ('PENDING', 'PROCEED',
                     'PROCEED_WITH_MEASURES', 'DO_NOT_PROCEED')),
  decision_note    VARCHAR(4000),
  decided_at       TIMESTAMPTZ,
  decided_by_name  VARCHAR(200),
  version          INT NOT NULL DEFAULT 0,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX privacy_dpia_school_idx ON privacy_dpia (board_id, school_id, created_at);
CREATE INDEX privacy_dpia_software_idx ON privacy_dpia (software_id, school_id) WHERE software_id IS NOT NULL;

CREATE TABLE privacy_dpia_risk (
  id           BIGSERIAL PRIMARY KEY,
  dpia_id      BIGINT NOT NULL REFERENCES privacy_dpia(id) ON DELETE CASCADE,
  description  VARCHAR(2000) NOT NULL,
  likelihood   SMALLINT NOT NULL CHECK (likelihood BETWEEN 1 AND 4),
  impact       SMALLINT NOT NULL CHECK (impact BETWEEN 1 AND 4),
  measures     VARCHAR(4000),
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX privacy_dpia_risk_dpia_idx ON privacy_dpia_risk (dpia_id, id);

CREATE TABLE privacy_breach (
  id                     BIGSERIAL PRIMARY KEY,
  board_id               BIGINT NOT NULL REFERENCES board(id),
  school_id              BIGINT REFERENCES school(id),
  title                  VARCHAR(200) NOT NULL,
  description            VARCHAR(8000) NOT NULL,
  occurred_at            TIMESTAMPTZ,
  discovered_at          TIMESTAMPTZ NOT NULL,
  reported_by            BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  reported_by_name       VARCHAR(200) NOT NULL,
  subject_categories     VARCHAR(10)[] NOT NULL DEFAULT '{}',
  data_categories        VARCHAR(4000),
  special_categories     BOOLEAN NOT NULL DEFAULT FALSE,
  people_affected        INT CHECK (people_affected IS NULL OR people_affected >= 0),
  records_affected       INT CHECK (records_affected IS NULL OR records_affected >= 0),
  -- NULL: not assessed yet. NONE/LOW: no notification; RISK: notify the authority; HIGH: also inform the people.
  risk                   VARCHAR(5) CHECK (risk IN ('NONE', 'LOW', 'RISK', 'HIGH')),
  risk_assessment        VARCHAR(4000),
  authority_notified_at  TIMESTAMPTZ,
  authority_reference    VARCHAR(100),
  delay_reason           VARCHAR(2000),
  not_notified_reason    VARCHAR(2000),
  people_informed_at     TIMESTAMPTZ,
  measures               VARCHAR(4000),
  closed_at              TIMESTAMPTZ,
  version                INT NOT NULL DEFAULT 0,
  created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX privacy_breach_school_idx ON privacy_breach (board_id, school_id, discovered_at DESC);
CREATE INDEX privacy_breach_reporter_idx ON privacy_breach (reported_by, discovered_at DESC);
-- Open breaches that may still have to be notified: the dashboard's "clock running" list.
CREATE INDEX privacy_breach_open_idx ON privacy_breach (discovered_at) WHERE closed_at IS NULL AND authority_notified_at IS NULL;

-- Comments, the DPO's advice and sign-offs on any privacy record (type: processing, agreement, dpia, breach).
CREATE TABLE privacy_review (
  id           BIGSERIAL PRIMARY KEY,
  board_id     BIGINT NOT NULL REFERENCES board(id),
  school_id    BIGINT REFERENCES school(id),
  record_type  VARCHAR(20) NOT NULL CHECK (record_type IN ('processing', 'agreement', 'dpia', 'breach')),
  record_id    BIGINT NOT NULL,
  kind         VARCHAR(10) NOT NULL CHECK (kind IN ('COMMENT', 'ADVICE', 'SIGN_OFF')),
  body         VARCHAR(4000),
  author_id    BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  author_name  VARCHAR(200) NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX privacy_review_record_idx ON privacy_review (record_type, record_id, created_at);
