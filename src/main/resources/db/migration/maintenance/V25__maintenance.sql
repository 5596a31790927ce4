-- Preventive maintenance (A.4 "zorgt voor het onderhoud van de digitale middelen"): recurring plans per school that
-- target an asset kind, a model, a room or one asset; their occurrences with the checklist ticked per target asset;
-- and the maintenance log of every asset (preventive results and ad-hoc corrective work).

CREATE TABLE maintenance_plan (
  id                       BIGSERIAL PRIMARY KEY,
  school_id                BIGINT NOT NULL REFERENCES school(id),
  name                     VARCHAR(150) NOT NULL,
  description              VARCHAR(4000),
  target_type              VARCHAR(10) NOT NULL CHECK (target_type IN ('KIND', 'MODEL', 'ROOM', 'ASSET')),
  target_kind              VARCHAR(30),
  -- a deleted model, room or asset leaves the plan without its target (shown as such), never blocks the deletion
  target_model_id          BIGINT REFERENCES asset_model(id) ON DELETE SET NULL,
  target_room_id           BIGINT REFERENCES room(id) ON DELETE SET NULL,
  target_asset_id          BIGINT REFERENCES asset(id) ON DELETE SET NULL,
  recurrence               VARCHAR(12) NOT NULL CHECK (recurrence IN ('WEEKS', 'MONTHS', 'SCHOOL_YEAR')),
  interval_count           INT CHECK (interval_count IS NULL OR interval_count BETWEEN 1 AND 520),
  yearly_month             INT CHECK (yearly_month IS NULL OR yearly_month BETWEEN 1 AND 12),
  yearly_day               INT CHECK (yearly_day IS NULL OR yearly_day BETWEEN 1 AND 31),
  start_date               DATE NOT NULL,
  -- the next due date, computed by the application from the schedule and the last completion
  next_due                 DATE NOT NULL,
  last_due                 DATE,
  last_done_on             DATE,
  assignee_user_id         BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  assignee_organisation_id BIGINT REFERENCES organisation(id) ON DELETE SET NULL,
  estimated_minutes        INT CHECK (estimated_minutes IS NULL OR estimated_minutes BETWEEN 1 AND 100000),
  checklist                TEXT[] NOT NULL DEFAULT '{}',
  active                   BOOLEAN NOT NULL DEFAULT TRUE,
  version                  INT NOT NULL DEFAULT 0,
  created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (recurrence = 'SCHOOL_YEAR' OR interval_count IS NOT NULL),
  CHECK (recurrence <> 'SCHOOL_YEAR' OR (yearly_month IS NOT NULL AND yearly_day IS NOT NULL)),
  CHECK (assignee_user_id IS NULL OR assignee_organisation_id IS NULL)
);
-- due / overdue lists: per school, per assignee account, per assignee organisation, active plans only
CREATE INDEX maintenance_plan_due_idx ON maintenance_plan (school_id, next_due) WHERE active;
CREATE INDEX maintenance_plan_user_due_idx ON maintenance_plan (assignee_user_id, next_due) WHERE active AND assignee_user_id IS NOT NULL;
CREATE INDEX maintenance_plan_org_due_idx ON maintenance_plan (assignee_organisation_id, next_due) WHERE active AND assignee_organisation_id IS NOT NULL;
CREATE INDEX maintenance_plan_school_name_idx ON maintenance_plan (school_id, lower(name));
CREATE INDEX maintenance_plan_asset_idx ON maintenance_plan (target_asset_id) WHERE target_asset_id IS NOT NULL;

-- One time a plan is carried out. Its checklist and targets are frozen when it is opened.
CREATE TABLE maintenance_occurrence (
  id                BIGSERIAL PRIMARY KEY,
  school_id         BIGINT NOT NULL REFERENCES school(id),
  plan_id           BIGINT NOT NULL REFERENCES maintenance_plan(id) ON DELETE CASCADE,
  due_date          DATE NOT NULL,
  status            VARCHAR(10) NOT NULL CHECK (status IN ('OPEN', 'COMPLETED')),
  checklist         TEXT[] NOT NULL,
  note              VARCHAR(4000),
  opened_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  opened_by_name    VARCHAR(300),
  completed_at      TIMESTAMPTZ,
  completed_on      DATE,
  completed_by      BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  completed_by_name VARCHAR(300),
  version           INT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX maintenance_occurrence_open_uq ON maintenance_occurrence (plan_id) WHERE status = 'OPEN';
CREATE INDEX maintenance_occurrence_plan_idx ON maintenance_occurrence (plan_id, due_date DESC, id DESC);

-- What an occurrence is carried out on: the matching assets when it was opened, or the plan as a whole (no asset)
-- when none matched (e.g. a room without registered devices).
CREATE TABLE maintenance_target (
  id            BIGSERIAL PRIMARY KEY,
  occurrence_id BIGINT NOT NULL REFERENCES maintenance_occurrence(id) ON DELETE CASCADE,
  asset_id      BIGINT REFERENCES asset(id) ON DELETE SET NULL,
  room_id       BIGINT REFERENCES room(id) ON DELETE SET NULL,
  label         VARCHAR(400) NOT NULL,
  position      INT NOT NULL
);
CREATE INDEX maintenance_target_occurrence_idx ON maintenance_target (occurrence_id, position);
CREATE INDEX maintenance_target_asset_idx ON maintenance_target (asset_id) WHERE asset_id IS NOT NULL;

-- One checklist item ticked for one target.
CREATE TABLE maintenance_check (
  target_id   BIGINT NOT NULL REFERENCES maintenance_target(id) ON DELETE CASCADE,
  item_index  INT NOT NULL CHECK (item_index >= 0),
  outcome     VARCHAR(8) NOT NULL CHECK (outcome IN ('DONE', 'FAILED', 'SKIPPED')),
  note        VARCHAR(1000),
  recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (target_id, item_index)
);

-- The maintenance log of an asset: results of preventive maintenance and ad-hoc (corrective) work.
CREATE TABLE maintenance_log (
  id                BIGSERIAL PRIMARY KEY,
  school_id         BIGINT NOT NULL REFERENCES school(id),
  asset_id          BIGINT NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
  performed_on      DATE NOT NULL,
  kind              VARCHAR(12) NOT NULL CHECK (kind IN ('PREVENTIVE', 'CORRECTIVE')),
  outcome           VARCHAR(8) CHECK (outcome IS NULL OR outcome IN ('OK', 'FAILED')),
  plan_id           BIGINT REFERENCES maintenance_plan(id) ON DELETE SET NULL,
  occurrence_id     BIGINT REFERENCES maintenance_occurrence(id) ON DELETE SET NULL,
  summary           VARCHAR(4000) NOT NULL,
  performed_by      VARCHAR(200),
  supplier          VARCHAR(200),
  cost              NUMERIC(12, 2) CHECK (cost IS NULL OR cost >= 0),
  created_by        BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  created_by_name   VARCHAR(300),
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  version           INT NOT NULL DEFAULT 0
);
CREATE INDEX maintenance_log_asset_idx ON maintenance_log (asset_id, performed_on DESC, id DESC);
CREATE INDEX maintenance_log_school_idx ON maintenance_log (school_id, performed_on DESC, id DESC);
