-- The function description of the ICT coordinator: the board's model (sections and task lines), the assignment
-- of a coordinator with their evaluators, and the immutable generated versions of the document.
-- Evaluators and the coordinator are accounts (app_user), not people: an evaluator must be able to sign in.

CREATE TABLE fd_section (
  id                         BIGSERIAL PRIMARY KEY,
  board_id                   BIGINT NOT NULL REFERENCES board(id),
  code                       VARCHAR(10) NOT NULL,
  title                      VARCHAR(300) NOT NULL,
  intro                      VARCHAR(300),
  position                   INT NOT NULL,
  requires_pedagogical_proof BOOLEAN NOT NULL DEFAULT FALSE,
  version                    INT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX fd_section_code_uq ON fd_section (board_id, lower(code));
CREATE INDEX fd_section_board_idx ON fd_section (board_id, position);

CREATE TABLE fd_task (
  id         BIGSERIAL PRIMARY KEY,
  board_id   BIGINT NOT NULL REFERENCES board(id),
  section_id BIGINT NOT NULL REFERENCES fd_section(id) ON DELETE CASCADE,
  position   INT NOT NULL,
  text       VARCHAR(1000) NOT NULL,
  version    INT NOT NULL DEFAULT 0
);
CREATE INDEX fd_task_section_idx ON fd_task (section_id, position, id);

CREATE TABLE fd_assignment (
  id                       BIGSERIAL PRIMARY KEY,
  board_id                 BIGINT NOT NULL REFERENCES board(id),
  school_id                BIGINT NOT NULL REFERENCES school(id),
  coordinator_user_id      BIGINT NOT NULL REFERENCES app_user(id),
  first_evaluator_user_id  BIGINT NOT NULL REFERENCES app_user(id),
  second_evaluator_user_id BIGINT REFERENCES app_user(id),
  pedagogical_proof        BOOLEAN NOT NULL DEFAULT FALSE,
  start_date               DATE NOT NULL,
  version                  INT NOT NULL DEFAULT 0,
  created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (first_evaluator_user_id <> coordinator_user_id),
  CHECK (second_evaluator_user_id IS NULL OR (second_evaluator_user_id <> coordinator_user_id
                                              AND second_evaluator_user_id <> first_evaluator_user_id))
);
CREATE INDEX fd_assignment_school_idx ON fd_assignment (school_id, start_date DESC);
CREATE INDEX fd_assignment_coordinator_idx ON fd_assignment (coordinator_user_id);
CREATE INDEX fd_assignment_first_idx ON fd_assignment (first_evaluator_user_id);
CREATE INDEX fd_assignment_second_idx ON fd_assignment (second_evaluator_user_id);

-- One generated document: numbered per assignment, with the rendered HTML as it was then. Never updated.
CREATE TABLE fd_document_version (
  id                   BIGSERIAL PRIMARY KEY,
  assignment_id        BIGINT NOT NULL REFERENCES fd_assignment(id),
  number               INT NOT NULL CHECK (number > 0),
  generated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  generated_by_user_id BIGINT REFERENCES app_user(id),
  generated_by_name    VARCHAR(200) NOT NULL,
  pedagogical_proof    BOOLEAN NOT NULL,
  html                 TEXT NOT NULL,
  UNIQUE (assignment_id, number)
);

CREATE FUNCTION fd_document_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a generated function-description version cannot be changed';
END
$$;
CREATE TRIGGER fd_document_version_no_update BEFORE UPDATE ON fd_document_version
  FOR EACH ROW EXECUTE FUNCTION fd_document_version_immutable();
