-- Digital tools in the software catalogue (A.2 "ondersteunt bij de keuze van een digitaal middel", A.3 "beoordeelt
-- educatieve digitale middelen samen met de leraren"): one catalogue entry (software) has a life in every school that
-- uses or considers it: proposed, evaluated with a rubric by invited teachers, adopted / piloted / rejected, retired.

CREATE TABLE tool (
  id                 BIGSERIAL PRIMARY KEY,
  board_id           BIGINT NOT NULL REFERENCES board(id),
  school_id          BIGINT NOT NULL REFERENCES school(id),
  software_id        BIGINT NOT NULL REFERENCES software(id),
  status             VARCHAR(20) NOT NULL CHECK (status IN ('PROPOSED', 'UNDER_EVALUATION', 'ADOPTED', 'PILOTING',
                       'REJECTED', 'RETIRED')),
  purpose            VARCHAR(2000) NOT NULL,
  -- Subjects and grades (ToolSubject, ToolGrade names): "which tools may I use for maths in grade 5?"
  subjects           TEXT[] NOT NULL DEFAULT '{}',
  grades             TEXT[] NOT NULL DEFAULT '{}',
  cost_model         VARCHAR(20) NOT NULL CHECK (cost_model IN ('FREE', 'FREEMIUM', 'PER_PUPIL', 'PER_TEACHER',
                       'PER_SCHOOL', 'ONE_OFF', 'INCLUDED')),
  pilot_end          DATE,
  proposed_by        BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  proposed_by_name   VARCHAR(200) NOT NULL,
  proposed_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  -- The last decision (adopt, pilot, reject, retire) with its reason.
  decided_by_name    VARCHAR(200),
  decided_at         TIMESTAMPTZ,
  decision_reason    VARCHAR(2000),
  -- Set when the tool was adopted or piloted while privacy checks were open (TOOLS_OVERRIDE_PRIVACY).
  privacy_override   VARCHAR(2000),
  status_changed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  version            INT NOT NULL DEFAULT 0,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (status <> 'PILOTING' OR pilot_end IS NOT NULL)
);
-- One life per catalogue entry and school: a rejected or retired tool is proposed again on the same record.
CREATE UNIQUE INDEX tool_software_school_uq ON tool (software_id, school_id);
CREATE INDEX tool_school_status_idx ON tool (school_id, status, status_changed_at);
CREATE INDEX tool_subjects_gin ON tool USING gin (subjects);
CREATE INDEX tool_grades_gin ON tool USING gin (grades);
CREATE INDEX tool_cost_idx ON tool (school_id, cost_model);

-- The life of a tool: every status change with its reason, who and when (also shown to readers without HISTORY_READ).
CREATE TABLE tool_transition (
  id               BIGSERIAL PRIMARY KEY,
  tool_id          BIGINT NOT NULL REFERENCES tool(id) ON DELETE CASCADE,
  from_status      VARCHAR(20),
  to_status        VARCHAR(20) NOT NULL,
  reason           VARCHAR(2000),
  pilot_end        DATE,
  -- The privacy checks that were open and the reason they were overridden, when they were.
  open_checks      VARCHAR(2000),
  override_reason  VARCHAR(2000),
  actor_id         BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  actor_name       VARCHAR(200) NOT NULL,
  occurred_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX tool_transition_tool_idx ON tool_transition (tool_id, occurred_at, id);

-- The teachers the coordinator invited to evaluate a tool.
CREATE TABLE tool_evaluator (
  tool_id          BIGINT NOT NULL REFERENCES tool(id) ON DELETE CASCADE,
  user_id          BIGINT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  invited_by_name  VARCHAR(200) NOT NULL,
  invited_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (tool_id, user_id)
);
CREATE INDEX tool_evaluator_user_idx ON tool_evaluator (user_id, tool_id);

-- One evaluation per evaluator and tool, scored 1-5 with a comment per criterion of the rubric.
CREATE TABLE tool_evaluation (
  id                     BIGSERIAL PRIMARY KEY,
  tool_id                BIGINT NOT NULL REFERENCES tool(id) ON DELETE CASCADE,
  evaluator_id           BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  evaluator_name         VARCHAR(200) NOT NULL,
  pedagogy               SMALLINT NOT NULL CHECK (pedagogy BETWEEN 1 AND 5),
  pedagogy_comment       VARCHAR(2000),
  usability              SMALLINT NOT NULL CHECK (usability BETWEEN 1 AND 5),
  usability_comment      VARCHAR(2000),
  accessibility          SMALLINT NOT NULL CHECK (accessibility BETWEEN 1 AND 5),
  accessibility_comment  VARCHAR(2000),
  privacy                SMALLINT NOT NULL CHECK (privacy BETWEEN 1 AND 5),
  privacy_comment        VARCHAR(2000),
  technical              SMALLINT NOT NULL CHECK (technical BETWEEN 1 AND 5),
  technical_comment      VARCHAR(2000),
  cost                   SMALLINT NOT NULL CHECK (cost BETWEEN 1 AND 5),
  cost_comment           VARCHAR(2000),
  recommendation         VARCHAR(10) NOT NULL CHECK (recommendation IN ('ADOPT', 'PILOT', 'REJECT')),
  comment                VARCHAR(4000),
  version                INT NOT NULL DEFAULT 0,
  created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tool_evaluation_uq ON tool_evaluation (tool_id, evaluator_id);
