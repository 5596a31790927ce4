-- ICT policy of a school (function description A.1, A.3, B): the ICT vision, the policy plan with goals, actions,
-- comments, approved snapshots and yearly reviews, classroom pilots, the acceptable-use policy with its
-- acknowledgements, and the security baseline checklist. Every table carries the school; every query filters on it.

-- One row per version of a school's vision; only the newest may change, and only while it is a draft or returned.
CREATE TABLE policy_vision (
  id                BIGSERIAL PRIMARY KEY,
  board_id          BIGINT NOT NULL REFERENCES board(id),
  school_id         BIGINT NOT NULL REFERENCES school(id),
  number            INT NOT NULL CHECK (number > 0),
  body              TEXT NOT NULL,
  status            VARCHAR(10) NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
  submitted_at      TIMESTAMPTZ,
  submitted_by_name VARCHAR(300),
  decided_at        TIMESTAMPTZ,
  decided_by_name   VARCHAR(300),
  remarks           VARCHAR(4000),
  version           INT NOT NULL DEFAULT 0,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  created_by_name   VARCHAR(300),
  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (school_id, number)
);

CREATE TABLE policy_plan (
  id                BIGSERIAL PRIMARY KEY,
  board_id          BIGINT NOT NULL REFERENCES board(id),
  school_id         BIGINT NOT NULL REFERENCES school(id),
  title             VARCHAR(200) NOT NULL,
  start_year        INT NOT NULL CHECK (start_year BETWEEN 2000 AND 2100),
  end_year          INT NOT NULL CHECK (end_year BETWEEN 2000 AND 2100),
  status            VARCHAR(10) NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
  -- the number of the version being drafted or last approved (1 for the first)
  number            INT NOT NULL DEFAULT 1,
  submitted_at      TIMESTAMPTZ,
  submitted_by_name VARCHAR(300),
  decided_at        TIMESTAMPTZ,
  decided_by_name   VARCHAR(300),
  remarks           VARCHAR(4000),
  carried_from_id   BIGINT REFERENCES policy_plan(id) ON DELETE SET NULL,
  version           INT NOT NULL DEFAULT 0,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (end_year >= start_year)
);
CREATE INDEX policy_plan_school_idx ON policy_plan (school_id, start_year DESC, id DESC);

-- An approved version of a plan, frozen as JSON: what the director approved, whatever changes afterwards.
CREATE TABLE policy_plan_snapshot (
  id               BIGSERIAL PRIMARY KEY,
  plan_id          BIGINT NOT NULL REFERENCES policy_plan(id) ON DELETE CASCADE,
  school_id        BIGINT NOT NULL REFERENCES school(id),
  number           INT NOT NULL,
  document         JSONB NOT NULL,
  approved_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  approved_by_name VARCHAR(300) NOT NULL,
  UNIQUE (plan_id, number)
);

CREATE TABLE policy_goal (
  id               BIGSERIAL PRIMARY KEY,
  plan_id          BIGINT NOT NULL REFERENCES policy_plan(id) ON DELETE CASCADE,
  school_id        BIGINT NOT NULL REFERENCES school(id),
  position         INT NOT NULL DEFAULT 0,
  title            VARCHAR(300) NOT NULL,
  measure          VARCHAR(1000),
  target           VARCHAR(1000),
  deadline         DATE,
  area             VARCHAR(40),
  themes           VARCHAR(10)[] NOT NULL DEFAULT '{}',
  carried_from_id  BIGINT REFERENCES policy_goal(id) ON DELETE SET NULL,
  version          INT NOT NULL DEFAULT 0,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX policy_goal_plan_idx ON policy_goal (plan_id, position, id);

CREATE TABLE policy_action (
  id              BIGSERIAL PRIMARY KEY,
  goal_id         BIGINT NOT NULL REFERENCES policy_goal(id) ON DELETE CASCADE,
  plan_id         BIGINT NOT NULL REFERENCES policy_plan(id) ON DELETE CASCADE,
  school_id       BIGINT NOT NULL REFERENCES school(id),
  title           VARCHAR(300) NOT NULL,
  owner_user_id   BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  start_date      DATE,
  deadline        DATE,
  horizon         VARCHAR(5) NOT NULL CHECK (horizon IN ('SHORT', 'LONG')),
  status          VARCHAR(12) NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
  budget_line_id  BIGINT,
  amount          NUMERIC(14, 2) CHECK (amount >= 0),
  evidence        VARCHAR(4000),
  evidence_url    VARCHAR(500),
  version         INT NOT NULL DEFAULT 0,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX policy_action_goal_idx ON policy_action (goal_id, id);
CREATE INDEX policy_action_plan_idx ON policy_action (plan_id, status, deadline);
-- "overdue" and "without owner" on the dashboard read only the open actions
CREATE INDEX policy_action_open_idx ON policy_action (school_id, deadline) WHERE status IN ('PLANNED', 'IN_PROGRESS');

CREATE TABLE policy_comment (
  id          BIGSERIAL PRIMARY KEY,
  plan_id     BIGINT NOT NULL REFERENCES policy_plan(id) ON DELETE CASCADE,
  school_id   BIGINT NOT NULL REFERENCES school(id),
  goal_id     BIGINT REFERENCES policy_goal(id) ON DELETE CASCADE,
  action_id   BIGINT REFERENCES policy_action(id) ON DELETE CASCADE,
  author_id   BIGINT,
  author_name VARCHAR(300) NOT NULL,
  body        VARCHAR(4000) NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX policy_comment_plan_idx ON policy_comment (plan_id, created_at);

-- The yearly review: one conclusion per goal per school year.
CREATE TABLE policy_goal_review (
  id               BIGSERIAL PRIMARY KEY,
  goal_id          BIGINT NOT NULL REFERENCES policy_goal(id) ON DELETE CASCADE,
  school_id        BIGINT NOT NULL REFERENCES school(id),
  school_year      VARCHAR(9) NOT NULL,
  conclusion       VARCHAR(8) NOT NULL CHECK (conclusion IN ('REACHED', 'CONTINUE', 'ADJUST', 'DROP')),
  remark           VARCHAR(4000),
  reviewed_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  reviewed_by_name VARCHAR(300) NOT NULL,
  UNIQUE (goal_id, school_year)
);

CREATE TABLE policy_pilot (
  id              BIGSERIAL PRIMARY KEY,
  board_id        BIGINT NOT NULL REFERENCES board(id),
  school_id       BIGINT NOT NULL REFERENCES school(id),
  title           VARCHAR(200) NOT NULL,
  description     VARCHAR(4000),
  class_name      VARCHAR(60),
  tool_name       VARCHAR(200),
  software_id     BIGINT,
  teacher_user_id BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  teacher_name    VARCHAR(200),
  start_date      DATE,
  end_date        DATE,
  outcome         VARCHAR(4000),
  scale_up        VARCHAR(5) CHECK (scale_up IN ('YES', 'NO', 'MAYBE')),
  version         INT NOT NULL DEFAULT 0,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX policy_pilot_school_idx ON policy_pilot (school_id, start_date DESC NULLS LAST, id DESC);

CREATE TABLE policy_pilot_goal (
  pilot_id BIGINT NOT NULL REFERENCES policy_pilot(id) ON DELETE CASCADE,
  goal_id  BIGINT NOT NULL REFERENCES policy_goal(id) ON DELETE CASCADE,
  PRIMARY KEY (pilot_id, goal_id)
);
CREATE INDEX policy_pilot_goal_goal_idx ON policy_pilot_goal (goal_id);

-- The acceptable-use policy (ICT-reglement) for staff and for pupils: versions per school and audience.
CREATE TABLE policy_aup (
  id                BIGSERIAL PRIMARY KEY,
  board_id          BIGINT NOT NULL REFERENCES board(id),
  school_id         BIGINT NOT NULL REFERENCES school(id),
  audience          VARCHAR(6) NOT NULL CHECK (audience IN ('STAFF', 'PUPILS')),
  number            INT NOT NULL CHECK (number > 0),
  title             VARCHAR(200) NOT NULL,
  body              TEXT NOT NULL,
  status            VARCHAR(10) NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
  published_at      TIMESTAMPTZ,
  published_by_name VARCHAR(300),
  version           INT NOT NULL DEFAULT 0,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (school_id, audience, number)
);

CREATE TABLE policy_aup_ack (
  aup_id          BIGINT NOT NULL REFERENCES policy_aup(id) ON DELETE CASCADE,
  user_id         BIGINT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  school_id       BIGINT NOT NULL REFERENCES school(id),
  acknowledged_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (aup_id, user_id)
);
CREATE INDEX policy_aup_ack_user_idx ON policy_aup_ack (user_id);

CREATE TABLE policy_aup_class_ack (
  id               BIGSERIAL PRIMARY KEY,
  aup_id           BIGINT NOT NULL REFERENCES policy_aup(id) ON DELETE CASCADE,
  school_id        BIGINT NOT NULL REFERENCES school(id),
  class_name       VARCHAR(30) NOT NULL,
  acknowledged_on  DATE NOT NULL,
  note             VARCHAR(1000),
  recorded_by_name VARCHAR(300) NOT NULL,
  recorded_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (aup_id, class_name)
);

CREATE TABLE policy_baseline_item (
  id             BIGSERIAL PRIMARY KEY,
  board_id       BIGINT NOT NULL REFERENCES board(id),
  school_id      BIGINT NOT NULL REFERENCES school(id),
  -- a standard item of the seeded checklist, or null for an item the school added itself
  code           VARCHAR(40),
  title          VARCHAR(300),
  position       INT NOT NULL DEFAULT 0,
  status         VARCHAR(14) NOT NULL CHECK (status IN ('NOT_STARTED', 'PARTIAL', 'DONE', 'NOT_APPLICABLE')),
  owner_user_id  BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  evidence       VARCHAR(4000),
  review_date    DATE,
  action_id      BIGINT REFERENCES policy_action(id) ON DELETE SET NULL,
  version        INT NOT NULL DEFAULT 0,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (code IS NOT NULL OR title IS NOT NULL)
);
CREATE UNIQUE INDEX policy_baseline_code_uq ON policy_baseline_item (school_id, code) WHERE code IS NOT NULL;
CREATE INDEX policy_baseline_school_idx ON policy_baseline_item (school_id, position, id);
