-- The helpdesk tied to mail, the knowledge base and maintenance.

-- Every Message-ID of a ticket's conversation (mails we sent about it and mails that came in for it), so that a reply
-- whose In-Reply-To/References name one of them lands on the same ticket, and our mails thread in the mail client.
CREATE TABLE ticket_mail (
  id          BIGSERIAL PRIMARY KEY,
  ticket_id   BIGINT NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
  school_id   BIGINT NOT NULL REFERENCES school (id),
  message_id  VARCHAR(520) NOT NULL,
  outgoing    BOOLEAN NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ticket_mail_message ON ticket_mail (message_id);
CREATE INDEX ticket_mail_ticket ON ticket_mail (ticket_id, created_at, id);

-- Knowledge-base articles linked to a ticket (kb_article is created by a later migration: no foreign key).
CREATE TABLE ticket_article (
  ticket_id   BIGINT NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
  article_id  BIGINT NOT NULL,
  school_id   BIGINT NOT NULL REFERENCES school (id),
  linked_by   BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  linked_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (ticket_id, article_id)
);
CREATE INDEX ticket_article_school ON ticket_article (school_id);

-- Tickets opened by a failed maintenance check.
ALTER TABLE ticket DROP CONSTRAINT IF EXISTS ticket_source_check;
ALTER TABLE ticket ALTER COLUMN source TYPE VARCHAR(12);
ALTER TABLE ticket ADD CONSTRAINT ticket_source_check CHECK (source IN ('WEB', 'API', 'PUBLIC', 'MAIL', 'MAINTENANCE'));
