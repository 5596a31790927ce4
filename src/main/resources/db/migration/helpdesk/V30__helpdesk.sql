-- The first-line helpdesk (A.4): tickets per school with replies, internal notes, attachments, links, escalations
-- to external organisations (second line), categories and canned replies per school or board-wide, SLA targets per
-- priority, and full-text search over a ticket's title, description and replies.

-- Accent folding for search ("vidéo" finds "video"): unaccent when the server has it, the identity otherwise.
DO $$
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS unaccent;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'unaccent is not available: ticket search does not fold accents';
  END;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
    EXECUTE 'CREATE OR REPLACE FUNCTION helpdesk_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT '
         || 'AS ''SELECT lower(public.unaccent(''''public.unaccent''''::regdictionary, $1))''';
  ELSE
    EXECUTE 'CREATE OR REPLACE FUNCTION helpdesk_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT '
         || 'AS ''SELECT lower($1)''';
  END IF;
END $$;

-- A tree of categories; school_id NULL: a board default every school of the board sees.
CREATE TABLE ticket_category (
  id         BIGSERIAL PRIMARY KEY,
  board_id   BIGINT NOT NULL REFERENCES board(id),
  school_id  BIGINT REFERENCES school(id),
  parent_id  BIGINT REFERENCES ticket_category(id),
  name       VARCHAR(100) NOT NULL,
  position   INT NOT NULL DEFAULT 0,
  active     BOOLEAN NOT NULL DEFAULT TRUE,
  version    INT NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ticket_category_name_uq ON ticket_category (board_id, coalesce(school_id, 0), coalesce(parent_id, 0), lower(name));
CREATE INDEX ticket_category_school_idx ON ticket_category (board_id, school_id);

-- The next ticket number per board and year: T-2026-000123.
CREATE TABLE ticket_number_counter (
  board_id   BIGINT NOT NULL REFERENCES board(id),
  year       INT NOT NULL,
  next_value BIGINT NOT NULL DEFAULT 1,
  PRIMARY KEY (board_id, year)
);

CREATE TABLE ticket (
  id                   BIGSERIAL PRIMARY KEY,
  board_id             BIGINT NOT NULL REFERENCES board(id),
  school_id            BIGINT NOT NULL REFERENCES school(id),
  number               VARCHAR(20) NOT NULL,
  kind                 VARCHAR(10) NOT NULL CHECK (kind IN ('INCIDENT', 'REQUEST', 'QUESTION')),
  title                VARCHAR(200) NOT NULL,
  description          VARCHAR(20000) NOT NULL,
  category_id          BIGINT REFERENCES ticket_category(id) ON DELETE SET NULL,
  impact               VARCHAR(6) NOT NULL CHECK (impact IN ('LOW', 'MEDIUM', 'HIGH')),
  urgency              VARCHAR(6) NOT NULL CHECK (urgency IN ('LOW', 'MEDIUM', 'HIGH')),
  priority             SMALLINT NOT NULL CHECK (priority BETWEEN 1 AND 4),
  status               VARCHAR(20) NOT NULL CHECK (status IN ('NEW', 'IN_PROGRESS', 'WAITING_REQUESTER',
                         'WAITING_THIRD_PARTY', 'SOLVED', 'CLOSED')),
  source               VARCHAR(10) NOT NULL CHECK (source IN ('WEB', 'API', 'PUBLIC', 'MAIL')),
  requester_user_id    BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  requester_person_id  BIGINT REFERENCES person(id) ON DELETE SET NULL,
  requester_name       VARCHAR(150),
  requester_email      VARCHAR(254),
  asset_id             BIGINT REFERENCES asset(id) ON DELETE SET NULL,
  room_id              BIGINT REFERENCES room(id) ON DELETE SET NULL,
  -- a public report for a label whose tag was not found: kept for the coordinator, flagged on the ticket
  unknown_asset_tag    VARCHAR(60),
  assignee_id          BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  -- the organisation the ticket is escalated to right now (the periods are in ticket_escalation)
  escalated_org_id     BIGINT REFERENCES organisation(id) ON DELETE SET NULL,
  external_reference   VARCHAR(100),
  merged_into_id       BIGINT REFERENCES ticket(id),
  -- SHA-256 of the follow token of a public report (the token itself is shown once, to the reporter)
  follow_token_hash    VARCHAR(64),
  satisfaction         SMALLINT CHECK (satisfaction BETWEEN 1 AND 5),
  satisfaction_comment VARCHAR(2000),
  response_due_at      TIMESTAMPTZ,
  resolution_due_at    TIMESTAMPTZ,
  first_response_at    TIMESTAMPTZ,
  sla_paused_at        TIMESTAMPTZ,
  solved_at            TIMESTAMPTZ,
  closed_at            TIMESTAMPTZ,
  search               TSVECTOR NOT NULL DEFAULT ''::tsvector,
  reply_search         TSVECTOR NOT NULL DEFAULT ''::tsvector,
  version              INT NOT NULL DEFAULT 0,
  created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ticket_number_uq ON ticket (board_id, number);
CREATE UNIQUE INDEX ticket_follow_uq ON ticket (follow_token_hash) WHERE follow_token_hash IS NOT NULL;
CREATE INDEX ticket_school_created_idx ON ticket (school_id, created_at DESC);
CREATE INDEX ticket_created_idx ON ticket (created_at DESC);
CREATE INDEX ticket_requester_idx ON ticket (requester_user_id, created_at DESC) WHERE requester_user_id IS NOT NULL;
CREATE INDEX ticket_asset_idx ON ticket (asset_id) WHERE asset_id IS NOT NULL;
CREATE INDEX ticket_room_idx ON ticket (room_id) WHERE room_id IS NOT NULL;
CREATE INDEX ticket_search_idx ON ticket USING gin (search);
-- open tickets: what the helpdesk works from every day
CREATE INDEX ticket_open_created_idx ON ticket (created_at DESC) WHERE status NOT IN ('SOLVED', 'CLOSED');
CREATE INDEX ticket_open_school_idx ON ticket (school_id, priority, created_at DESC) WHERE status NOT IN ('SOLVED', 'CLOSED');
CREATE INDEX ticket_open_assignee_idx ON ticket (assignee_id, created_at DESC) WHERE status NOT IN ('SOLVED', 'CLOSED');
CREATE INDEX ticket_open_due_idx ON ticket (resolution_due_at) WHERE status NOT IN ('SOLVED', 'CLOSED');
CREATE INDEX ticket_open_category_idx ON ticket (category_id) WHERE status NOT IN ('SOLVED', 'CLOSED');
CREATE INDEX ticket_escalated_idx ON ticket (escalated_org_id) WHERE escalated_org_id IS NOT NULL;

-- The search vector: title (weight A), description (B) and every reply and note (C, kept in reply_search).
CREATE FUNCTION ticket_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := setweight(to_tsvector('simple', helpdesk_fold(NEW.title)), 'A')
             || setweight(to_tsvector('simple', helpdesk_fold(NEW.description)), 'B')
             || NEW.reply_search;
  RETURN NEW;
END $$;
CREATE TRIGGER ticket_search_trg BEFORE INSERT OR UPDATE OF title, description, reply_search ON ticket
  FOR EACH ROW EXECUTE FUNCTION ticket_search_update();

CREATE TABLE ticket_reply (
  id           BIGSERIAL PRIMARY KEY,
  ticket_id    BIGINT NOT NULL REFERENCES ticket(id) ON DELETE CASCADE,
  school_id    BIGINT NOT NULL REFERENCES school(id),
  -- an internal note: staff (and the escalated organisation) only, never the requester
  internal     BOOLEAN NOT NULL DEFAULT FALSE,
  from_staff   BOOLEAN NOT NULL,
  source       VARCHAR(10) NOT NULL CHECK (source IN ('WEB', 'API', 'PUBLIC', 'MAIL')),
  body         VARCHAR(20000) NOT NULL,
  author_id    BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  author_name  VARCHAR(200) NOT NULL,
  author_email VARCHAR(254),
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ticket_reply_ticket_idx ON ticket_reply (ticket_id, created_at, id);

CREATE FUNCTION ticket_reply_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE ticket SET reply_search = reply_search || setweight(to_tsvector('simple', helpdesk_fold(NEW.body)), 'C')
   WHERE id = NEW.ticket_id;
  RETURN NULL;
END $$;
CREATE TRIGGER ticket_reply_search_trg AFTER INSERT ON ticket_reply FOR EACH ROW EXECUTE FUNCTION ticket_reply_search();

CREATE TABLE ticket_attachment (
  id               BIGSERIAL PRIMARY KEY,
  ticket_id        BIGINT NOT NULL REFERENCES ticket(id) ON DELETE CASCADE,
  reply_id         BIGINT REFERENCES ticket_reply(id) ON DELETE CASCADE,
  school_id        BIGINT NOT NULL REFERENCES school(id),
  internal         BOOLEAN NOT NULL DEFAULT FALSE,
  file_name        VARCHAR(255) NOT NULL,
  content_type     VARCHAR(100) NOT NULL,
  size_bytes       BIGINT NOT NULL,
  sha256           VARCHAR(64) NOT NULL,
  bytes            BYTEA NOT NULL,
  uploaded_by      BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  uploaded_by_name VARCHAR(200) NOT NULL,
  uploaded_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ticket_attachment_ticket_idx ON ticket_attachment (ticket_id, id);

-- RELATED and DUPLICATE are symmetric; PARENT: ticket_id is the parent of other_id.
CREATE TABLE ticket_link (
  id              BIGSERIAL PRIMARY KEY,
  ticket_id       BIGINT NOT NULL REFERENCES ticket(id) ON DELETE CASCADE,
  other_id        BIGINT NOT NULL REFERENCES ticket(id) ON DELETE CASCADE,
  kind            VARCHAR(10) NOT NULL CHECK (kind IN ('RELATED', 'DUPLICATE', 'PARENT')),
  created_by_name VARCHAR(200) NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (ticket_id <> other_id)
);
CREATE UNIQUE INDEX ticket_link_uq ON ticket_link (least(ticket_id, other_id), greatest(ticket_id, other_id));
CREATE INDEX ticket_link_other_idx ON ticket_link (other_id);

-- Second line: the periods a ticket spent with an external organisation, with their reference.
CREATE TABLE ticket_escalation (
  id              BIGSERIAL PRIMARY KEY,
  ticket_id       BIGINT NOT NULL REFERENCES ticket(id) ON DELETE CASCADE,
  school_id       BIGINT NOT NULL REFERENCES school(id),
  organisation_id BIGINT NOT NULL REFERENCES organisation(id),
  reference       VARCHAR(100),
  note            VARCHAR(2000),
  started_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  started_by_name VARCHAR(200) NOT NULL,
  ended_at        TIMESTAMPTZ,
  ended_by_name   VARCHAR(200)
);
CREATE INDEX ticket_escalation_org_idx ON ticket_escalation (organisation_id, ticket_id);
CREATE INDEX ticket_escalation_ticket_idx ON ticket_escalation (ticket_id, started_at);
CREATE UNIQUE INDEX ticket_escalation_open_uq ON ticket_escalation (ticket_id) WHERE ended_at IS NULL;

CREATE TABLE canned_reply (
  id         BIGSERIAL PRIMARY KEY,
  board_id   BIGINT NOT NULL REFERENCES board(id),
  school_id  BIGINT REFERENCES school(id),
  title      VARCHAR(100) NOT NULL,
  body       VARCHAR(5000) NOT NULL,
  version    INT NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX canned_reply_school_idx ON canned_reply (board_id, school_id);

-- SLA targets per priority, in business minutes; school_id NULL: the board default.
CREATE TABLE sla_target (
  id                 BIGSERIAL PRIMARY KEY,
  board_id           BIGINT NOT NULL REFERENCES board(id),
  school_id          BIGINT REFERENCES school(id),
  priority           SMALLINT NOT NULL CHECK (priority BETWEEN 1 AND 4),
  response_minutes   INT NOT NULL CHECK (response_minutes BETWEEN 1 AND 525600),
  resolution_minutes INT NOT NULL CHECK (resolution_minutes BETWEEN 1 AND 525600),
  version            INT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX sla_target_uq ON sla_target (board_id, coalesce(school_id, 0), priority);
