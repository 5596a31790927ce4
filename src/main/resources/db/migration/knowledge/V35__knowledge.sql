-- Knowledge base: articles and how-tos per school, shared with the school community or the public, with
-- categories, versions, image attachments, feedback and view counts.

-- Accent-insensitive search: the unaccent extension when the server has it (PostgreSQL's contrib, which the
-- embedded server and Debian's postgresql package ship); otherwise a fixed translation of the usual accents.
DO $do$
DECLARE
  ext_schema text;
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS unaccent;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'unaccent is available but may not be created by this user; accents are folded by translate()';
    END;
  END IF;
  SELECT n.nspname INTO ext_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
   WHERE e.extname = 'unaccent';
  IF ext_schema IS NOT NULL THEN
    -- unaccent() is only STABLE; with its dictionary named explicitly it is safe to declare IMMUTABLE for indexes
    EXECUTE format($f$CREATE FUNCTION kb_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $b$SELECT lower(%I.unaccent(%L::regdictionary, t))$b$$f$, ext_schema, ext_schema || '.unaccent');
    EXECUTE format('CREATE TEXT SEARCH CONFIGURATION kb (COPY = pg_catalog.simple)');
    EXECUTE format('ALTER TEXT SEARCH CONFIGURATION kb ALTER MAPPING FOR hword, hword_part, word WITH %I.unaccent, simple',
      ext_schema);
  ELSE
    CREATE FUNCTION kb_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $f$SELECT translate(lower(t), 'áàâäãåāéèêëēėęíìîïīóòôöõøōúùûüūýÿçñß', 'aaaaaaaeeeeeeeiiiiiooooooouuuuuyycns')$f$;
    CREATE TEXT SEARCH CONFIGURATION kb (COPY = pg_catalog.simple);
  END IF;
END $do$;

-- Categories: a tree per school; board-level categories (school_id NULL) are shared by all schools of the board.
CREATE TABLE kb_category (
  id          BIGSERIAL PRIMARY KEY,
  board_id    BIGINT NOT NULL REFERENCES board(id),
  school_id   BIGINT REFERENCES school(id),
  parent_id   BIGINT REFERENCES kb_category(id),
  name        VARCHAR(100) NOT NULL,
  description VARCHAR(500),
  position    INT NOT NULL DEFAULT 0,
  version     INT NOT NULL DEFAULT 0,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX kb_category_name_uq ON kb_category (board_id, COALESCE(school_id, 0), COALESCE(parent_id, 0), lower(name));
CREATE INDEX kb_category_school_idx ON kb_category (school_id);
CREATE INDEX kb_category_parent_idx ON kb_category (parent_id);

CREATE TABLE kb_article (
  id               BIGSERIAL PRIMARY KEY,
  board_id         BIGINT NOT NULL REFERENCES board(id),
  school_id        BIGINT NOT NULL REFERENCES school(id),
  category_id      BIGINT REFERENCES kb_category(id),
  slug             VARCHAR(90) NOT NULL,
  title            VARCHAR(200) NOT NULL,
  summary          VARCHAR(500),
  body             TEXT NOT NULL,
  -- the rendered body's text, for search, snippets and the helpdesk (no markup)
  body_text        TEXT NOT NULL,
  tags             TEXT[] NOT NULL DEFAULT '{}',
  audience         VARCHAR(20) NOT NULL CHECK (audience IN ('SCHOOL', 'COMMUNITY', 'PUBLIC')),
  status           VARCHAR(20) NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
  author_id        BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  author_name      VARCHAR(200),
  review_months    INT NOT NULL DEFAULT 12 CHECK (review_months BETWEEN 1 AND 120),
  last_reviewed_on DATE,
  published_at     TIMESTAMPTZ,
  revision         INT NOT NULL DEFAULT 1,
  version          INT NOT NULL DEFAULT 0,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  search           TSVECTOR NOT NULL DEFAULT ''::tsvector,
  CHECK (length(body) <= 200000)
);
CREATE INDEX kb_article_search_idx ON kb_article USING gin (search);
CREATE INDEX kb_article_title_trgm_idx ON kb_article USING gin (kb_fold(title) gin_trgm_ops);
CREATE INDEX kb_article_school_idx ON kb_article (school_id, status, updated_at DESC);
CREATE INDEX kb_article_public_idx ON kb_article (board_id, updated_at DESC) WHERE status = 'PUBLISHED' AND audience = 'PUBLIC';
CREATE INDEX kb_article_community_idx ON kb_article (school_id, updated_at DESC) WHERE status = 'PUBLISHED' AND audience <> 'SCHOOL';
CREATE INDEX kb_article_category_idx ON kb_article (category_id);
CREATE INDEX kb_article_tags_idx ON kb_article USING gin (tags);

-- The search document: title and tags weigh most, then the summary, then the body, folded (lower case, no accents)
-- like the queries, so search ignores accents also where the server lacks unaccent. Written by a trigger because
-- the tags need array_to_string (not immutable, so no generated column).
CREATE FUNCTION kb_article_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := setweight(to_tsvector('kb', kb_fold(coalesce(NEW.title, ''))), 'A')
             || setweight(to_tsvector('kb', kb_fold(coalesce(array_to_string(NEW.tags, ' '), ''))), 'A')
             || setweight(to_tsvector('kb', kb_fold(coalesce(NEW.summary, ''))), 'B')
             || setweight(to_tsvector('kb', kb_fold(coalesce(NEW.body_text, ''))), 'C');
  RETURN NEW;
END $$;
CREATE TRIGGER kb_article_search_trg BEFORE INSERT OR UPDATE OF title, summary, body_text, tags ON kb_article
  FOR EACH ROW EXECUTE FUNCTION kb_article_search();

-- Every saved state of an article (revision 1 is the first save); the latest equals the article itself.
CREATE TABLE kb_article_revision (
  id          BIGSERIAL PRIMARY KEY,
  article_id  BIGINT NOT NULL REFERENCES kb_article(id) ON DELETE CASCADE,
  school_id   BIGINT NOT NULL REFERENCES school(id),
  revision    INT NOT NULL,
  title       VARCHAR(200) NOT NULL,
  summary     VARCHAR(500),
  body        TEXT NOT NULL,
  tags        TEXT[] NOT NULL DEFAULT '{}',
  note        VARCHAR(200),
  saved_by    BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  saved_by_name VARCHAR(200),
  saved_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX kb_article_revision_uq ON kb_article_revision (article_id, revision);

-- Images shown in an article (JPEG, PNG, WebP, GIF), referenced from the Markdown as ![text](attachment:ID).
CREATE TABLE kb_attachment (
  id               BIGSERIAL PRIMARY KEY,
  article_id       BIGINT NOT NULL REFERENCES kb_article(id) ON DELETE CASCADE,
  school_id        BIGINT NOT NULL REFERENCES school(id),
  file_name        VARCHAR(255) NOT NULL,
  content_type     VARCHAR(100) NOT NULL,
  size_bytes       INT NOT NULL,
  sha256           CHAR(64) NOT NULL,
  bytes            BYTEA NOT NULL,
  uploaded_by      BIGINT REFERENCES app_user(id) ON DELETE SET NULL,
  uploaded_by_name VARCHAR(200),
  uploaded_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX kb_attachment_article_idx ON kb_attachment (article_id);

-- "Was this helpful?": one vote per account and article, changeable.
CREATE TABLE kb_feedback (
  article_id BIGINT NOT NULL REFERENCES kb_article(id) ON DELETE CASCADE,
  user_id    BIGINT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  school_id  BIGINT NOT NULL REFERENCES school(id),
  helpful    BOOLEAN NOT NULL,
  comment    VARCHAR(1000),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, user_id)
);

-- View counts in their own row, so counting a view never rewrites the article (nor fires its search trigger).
CREATE TABLE kb_article_views (
  article_id     BIGINT PRIMARY KEY REFERENCES kb_article(id) ON DELETE CASCADE,
  school_id      BIGINT NOT NULL REFERENCES school(id),
  views          BIGINT NOT NULL DEFAULT 0,
  last_viewed_at TIMESTAMPTZ
);
CREATE INDEX kb_article_views_school_idx ON kb_article_views (school_id, views DESC);
