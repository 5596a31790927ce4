-- E-mail in and out: the board's outgoing SMTP settings, inbound IMAP mailboxes per school, the outbox (written in
-- the transaction of the change that causes a mail, delivered by a scheduled sender) and the inbound log that makes
-- every received mail handled exactly once.

CREATE TABLE mail_settings (
  board_id            BIGINT PRIMARY KEY REFERENCES board(id),
  smtp_host           VARCHAR(255),
  smtp_port           INT CHECK (smtp_port BETWEEN 1 AND 65535),
  smtp_security       VARCHAR(10) NOT NULL DEFAULT 'STARTTLS' CHECK (smtp_security IN ('NONE', 'STARTTLS', 'SSL')),
  smtp_username       VARCHAR(255),
  -- never shown back, never written to the history
  smtp_password       TEXT,
  from_address        VARCHAR(254),
  from_name           VARCHAR(200),
  -- the address people reach Coordinaat at, for links in mails (https://coordinaat.school.be)
  base_url            VARCHAR(300),
  digest_enabled      BOOLEAN NOT NULL DEFAULT FALSE,
  digest_last_sent_at TIMESTAMPTZ,
  version             INT NOT NULL DEFAULT 0,
  updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE mailbox (
  id              BIGSERIAL PRIMARY KEY,
  board_id        BIGINT NOT NULL REFERENCES board(id),
  school_id       BIGINT NOT NULL REFERENCES school(id),
  name            VARCHAR(100) NOT NULL,
  -- which module handles its mail (InboundMailHandler.channel()), e.g. 'helpdesk'
  channel         VARCHAR(50) NOT NULL,
  host            VARCHAR(255) NOT NULL,
  port            INT NOT NULL CHECK (port BETWEEN 1 AND 65535),
  ssl             BOOLEAN NOT NULL DEFAULT TRUE,
  username        VARCHAR(255) NOT NULL,
  password        TEXT,
  folder          VARCHAR(200) NOT NULL DEFAULT 'INBOX',
  poll_minutes    INT NOT NULL DEFAULT 5 CHECK (poll_minutes BETWEEN 1 AND 1440),
  enabled         BOOLEAN NOT NULL DEFAULT TRUE,
  last_poll_at    TIMESTAMPTZ,
  last_success_at TIMESTAMPTZ,
  last_error      VARCHAR(1000),
  last_error_at   TIMESTAMPTZ,
  handled_count   BIGINT NOT NULL DEFAULT 0,
  ignored_count   BIGINT NOT NULL DEFAULT 0,
  failed_count    BIGINT NOT NULL DEFAULT 0,
  version         INT NOT NULL DEFAULT 0,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX mailbox_school_idx ON mailbox (school_id, name);
CREATE INDEX mailbox_due_idx ON mailbox (last_poll_at) WHERE enabled;

CREATE TABLE mail_outbox (
  id               BIGSERIAL PRIMARY KEY,
  board_id         BIGINT NOT NULL REFERENCES board(id),
  school_id        BIGINT REFERENCES school(id),
  recipient        VARCHAR(320) NOT NULL,
  recipient_name   VARCHAR(200),
  recipient_locale VARCHAR(10) NOT NULL,
  template         VARCHAR(100),
  subject          VARCHAR(1000) NOT NULL,
  body_text        TEXT NOT NULL,
  body_html        TEXT,
  reply_to         VARCHAR(320),
  in_reply_to      VARCHAR(1000),
  references_hdr   TEXT,
  thread_ref       VARCHAR(200),
  message_id       VARCHAR(300) NOT NULL,
  status           VARCHAR(10) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
  attempts         INT NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_error       VARCHAR(2000),
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  sent_at          TIMESTAMPTZ
);
CREATE UNIQUE INDEX mail_outbox_message_id_uq ON mail_outbox (message_id);
-- what the sender claims: pending mail whose time has come
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX mail_outbox_board_idx ON mail_outbox (board_id, created_at DESC, id DESC);
CREATE INDEX mail_outbox_board_status_idx ON mail_outbox (board_id, status, created_at DESC);
CREATE INDEX mail_outbox_thread_idx ON mail_outbox (thread_ref) WHERE thread_ref IS NOT NULL;

CREATE TABLE mail_outbox_attachment (
  id           BIGSERIAL PRIMARY KEY,
  mail_id      BIGINT NOT NULL REFERENCES mail_outbox(id) ON DELETE CASCADE,
  file_name    VARCHAR(255) NOT NULL,
  content_type VARCHAR(150) NOT NULL,
  content      BYTEA NOT NULL
);
CREATE INDEX mail_outbox_attachment_mail_idx ON mail_outbox_attachment (mail_id);

-- Every inbound mail seen once, by mailbox and Message-ID (or a hash of the message when it has none): a mail is
-- handed to the handler only while it has no HANDLED or IGNORED row, and that row commits with the handler's work.
CREATE TABLE mail_inbound (
  id           BIGSERIAL PRIMARY KEY,
  mailbox_id   BIGINT NOT NULL REFERENCES mailbox(id) ON DELETE CASCADE,
  school_id    BIGINT NOT NULL REFERENCES school(id),
  message_key  VARCHAR(500) NOT NULL,
  sender       VARCHAR(320),
  subject      VARCHAR(500),
  status       VARCHAR(10) NOT NULL CHECK (status IN ('HANDLED', 'IGNORED', 'FAILED', 'GAVE_UP')),
  reason       VARCHAR(40),
  error        VARCHAR(2000),
  attempts     INT NOT NULL DEFAULT 0,
  first_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX mail_inbound_key_uq ON mail_inbound (mailbox_id, message_key);
CREATE INDEX mail_inbound_mailbox_idx ON mail_inbound (mailbox_id, processed_at DESC);
-- the per-sender rate limit counts a sender's recent mails
CREATE INDEX mail_inbound_sender_idx ON mail_inbound (mailbox_id, lower(sender), first_seen_at);
