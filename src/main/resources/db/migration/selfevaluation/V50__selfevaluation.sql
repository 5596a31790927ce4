-- The school's self-evaluation of its digital practice (A.1), modelled on the European SELFIE approach: rounds per
-- school answered anonymously by school leaders, teachers and pupils on eight areas, with a statement bank (seeded
-- below, in Dutch and English) and up to ten statements of the school's own per round.

CREATE TABLE selfeval_round (
  id          BIGSERIAL PRIMARY KEY,
  school_id   BIGINT NOT NULL REFERENCES school(id),
  name        VARCHAR(150) NOT NULL,
  status      VARCHAR(8) NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED')),
  opened_at   TIMESTAMPTZ,
  closed_at   TIMESTAMPTZ,
  version     INT NOT NULL DEFAULT 0,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (status <> 'CLOSED' OR closed_at IS NOT NULL),
  CHECK (status = 'DRAFT' OR opened_at IS NOT NULL)
);
CREATE INDEX selfeval_round_school_idx ON selfeval_round (school_id, created_at DESC, id DESC);
-- "the latest closed round of a school", for the comparison and the policy plan
CREATE INDEX selfeval_round_closed_idx ON selfeval_round (school_id, closed_at DESC, id DESC) WHERE status = 'CLOSED';

-- The groups a round asks, each with the secret of its public link (a person who opens it gets a one-time code).
CREATE TABLE selfeval_round_group (
  round_id    BIGINT NOT NULL REFERENCES selfeval_round(id) ON DELETE CASCADE,
  grp         VARCHAR(14) NOT NULL CHECK (grp IN ('SCHOOL_LEADERS', 'TEACHERS', 'PUPILS')),
  link_token  VARCHAR(64) NOT NULL UNIQUE,
  PRIMARY KEY (round_id, grp)
);

-- The statement bank (code set, no round) and the school's own statements of one round (round and school set).
CREATE TABLE selfeval_statement (
  id            BIGSERIAL PRIMARY KEY,
  code          VARCHAR(12) UNIQUE,
  round_id      BIGINT REFERENCES selfeval_round(id) ON DELETE CASCADE,
  school_id     BIGINT REFERENCES school(id),
  area          VARCHAR(30) NOT NULL CHECK (area IN ('LEADERSHIP', 'COLLABORATION_NETWORKING', 'INFRASTRUCTURE_EQUIPMENT',
                  'PROFESSIONAL_DEVELOPMENT', 'PEDAGOGY_SUPPORTS_RESOURCES', 'PEDAGOGY_IMPLEMENTATION',
                  'ASSESSMENT_PRACTICES', 'LEARNERS_DIGITAL_COMPETENCE')),
  for_leaders   BOOLEAN NOT NULL,
  for_teachers  BOOLEAN NOT NULL,
  for_pupils    BOOLEAN NOT NULL,
  position      INT NOT NULL,
  text_nl       VARCHAR(300) NOT NULL,
  text_en       VARCHAR(300) NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (for_leaders OR for_teachers OR for_pupils),
  CHECK ((round_id IS NULL) = (school_id IS NULL)),
  CHECK ((round_id IS NULL) = (code IS NOT NULL))
);
CREATE INDEX selfeval_statement_round_idx ON selfeval_statement (round_id) WHERE round_id IS NOT NULL;

-- One-time codes: printed on a sheet (SHEET) or issued to a visitor of a group's link (LINK). A code answers once.
CREATE TABLE selfeval_code (
  id          BIGSERIAL PRIMARY KEY,
  round_id    BIGINT NOT NULL,
  school_id   BIGINT NOT NULL REFERENCES school(id),
  grp         VARCHAR(14) NOT NULL,
  code        VARCHAR(16) NOT NULL UNIQUE,
  source      VARCHAR(5) NOT NULL CHECK (source IN ('SHEET', 'LINK')),
  batch       INT,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  used_at     TIMESTAMPTZ,
  FOREIGN KEY (round_id, grp) REFERENCES selfeval_round_group (round_id, grp) ON DELETE CASCADE,
  CHECK ((source = 'SHEET') = (batch IS NOT NULL))
);
CREATE INDEX selfeval_code_round_idx ON selfeval_code (round_id, grp, source, batch, id);

-- One response per code: the unique code_id is the guarantee, whatever the application does.
CREATE TABLE selfeval_response (
  id            BIGSERIAL PRIMARY KEY,
  round_id      BIGINT NOT NULL REFERENCES selfeval_round(id) ON DELETE CASCADE,
  school_id     BIGINT NOT NULL REFERENCES school(id),
  grp           VARCHAR(14) NOT NULL CHECK (grp IN ('SCHOOL_LEADERS', 'TEACHERS', 'PUPILS')),
  code_id       BIGINT NOT NULL UNIQUE REFERENCES selfeval_code(id) ON DELETE CASCADE,
  submitted_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX selfeval_response_round_idx ON selfeval_response (round_id, grp);

-- An answer: 1 (strongly disagree) to 5 (strongly agree), or NULL for "not applicable".
CREATE TABLE selfeval_answer (
  response_id   BIGINT NOT NULL REFERENCES selfeval_response(id) ON DELETE CASCADE,
  statement_id  BIGINT NOT NULL REFERENCES selfeval_statement(id) ON DELETE CASCADE,
  value         SMALLINT CHECK (value BETWEEN 1 AND 5),
  PRIMARY KEY (response_id, statement_id)
);
CREATE INDEX selfeval_answer_statement_idx ON selfeval_answer (statement_id) INCLUDE (value);

-- Hits per client address, action and fixed window for the public answering pages: counted in the database, so the
-- limit holds across instances.
CREATE TABLE selfeval_rate (
  address       VARCHAR(64) NOT NULL,
  action        VARCHAR(10) NOT NULL,
  window_start  TIMESTAMPTZ NOT NULL,
  hits          INT NOT NULL,
  PRIMARY KEY (address, action, window_start)
);
CREATE INDEX selfeval_rate_window_idx ON selfeval_rate (window_start);

-- The statement bank: our own wording after the SELFIE areas, 3 to 5 statements per area for each group.
INSERT INTO selfeval_statement (code, area, for_leaders, for_teachers, for_pupils, position, text_nl, text_en) VALUES
('LEA-1', 'LEADERSHIP', TRUE, TRUE, FALSE, 1, 'Onze school heeft een gedeelde visie op het gebruik van digitale technologie voor leren en lesgeven.', 'Our school has a shared vision on using digital technology for learning and teaching.'),
('LEA-2', 'LEADERSHIP', TRUE, TRUE, FALSE, 2, 'Het schoolteam wordt betrokken bij het uitwerken van het ICT-beleid van de school.', 'The school team is involved in developing the school''s ICT policy.'),
('LEA-3', 'LEADERSHIP', TRUE, TRUE, FALSE, 3, 'De schoolleiding voorziet tijd en middelen om nieuwe digitale werkwijzen uit te proberen.', 'The school leadership provides time and means to try out new digital ways of working.'),
('LEA-4', 'LEADERSHIP', TRUE, FALSE, FALSE, 4, 'Het ICT-beleidsplan wordt elk jaar opgevolgd en bijgestuurd.', 'The ICT policy plan is reviewed and adjusted every year.'),
('LEA-5', 'LEADERSHIP', TRUE, TRUE, TRUE, 5, 'Op school zijn er duidelijke afspraken over hoe we computers en tablets gebruiken.', 'At school there are clear agreements on how we use computers and tablets.'),
('LEA-6', 'LEADERSHIP', FALSE, FALSE, TRUE, 6, 'Op school wordt gevraagd wat leerlingen denken over het werken met computers en tablets.', 'At school pupils are asked what they think about working with computers and tablets.'),
('LEA-7', 'LEADERSHIP', FALSE, FALSE, TRUE, 7, 'De school legt uit waarom we met computers en tablets leren.', 'The school explains why we learn with computers and tablets.'),

('COL-1', 'COLLABORATION_NETWORKING', TRUE, TRUE, FALSE, 1, 'Collega''s delen met elkaar hun ervaringen met digitale leermiddelen.', 'Colleagues share their experiences with digital learning resources with each other.'),
('COL-2', 'COLLABORATION_NETWORKING', TRUE, TRUE, FALSE, 2, 'Onze school werkt samen met andere scholen of organisaties rond digitaal leren.', 'Our school works with other schools or organisations on digital learning.'),
('COL-3', 'COLLABORATION_NETWORKING', TRUE, TRUE, FALSE, 3, 'Het team bespreekt geregeld hoe digitale technologie het leren ondersteunt.', 'The team regularly discusses how digital technology supports learning.'),
('COL-4', 'COLLABORATION_NETWORKING', TRUE, TRUE, TRUE, 4, 'Ouders worden geïnformeerd over hoe de school computers en tablets gebruikt.', 'Parents are informed about how the school uses computers and tablets.'),
('COL-5', 'COLLABORATION_NETWORKING', FALSE, FALSE, TRUE, 5, 'Ik werk met de computer of tablet samen met andere leerlingen aan opdrachten.', 'I use the computer or tablet to work on assignments together with other pupils.'),
('COL-6', 'COLLABORATION_NETWORKING', FALSE, FALSE, TRUE, 6, 'Met digitale middelen werk ik soms samen met leerlingen van een andere klas of school.', 'With digital tools I sometimes work together with pupils of another class or school.'),

('INF-1', 'INFRASTRUCTURE_EQUIPMENT', TRUE, TRUE, TRUE, 1, 'Er zijn genoeg werkende toestellen om mee te leren.', 'There are enough working devices to learn with.'),
('INF-2', 'INFRASTRUCTURE_EQUIPMENT', TRUE, TRUE, TRUE, 2, 'De internetverbinding op school is snel en betrouwbaar.', 'The internet connection at school is fast and reliable.'),
('INF-3', 'INFRASTRUCTURE_EQUIPMENT', TRUE, TRUE, TRUE, 3, 'Als er een technisch probleem is, wordt het snel opgelost.', 'When there is a technical problem, it is solved quickly.'),
('INF-4', 'INFRASTRUCTURE_EQUIPMENT', TRUE, TRUE, FALSE, 4, 'Digitale toestellen en gegevens zijn op school goed beveiligd.', 'Digital devices and data are well protected at school.'),
('INF-5', 'INFRASTRUCTURE_EQUIPMENT', TRUE, TRUE, FALSE, 5, 'Leerlingen met specifieke noden krijgen de digitale hulpmiddelen die ze nodig hebben.', 'Pupils with specific needs get the assistive digital tools they need.'),
('INF-6', 'INFRASTRUCTURE_EQUIPMENT', FALSE, FALSE, TRUE, 6, 'Ik kan thuis een computer of tablet gebruiken voor schoolwerk.', 'At home I can use a computer or tablet for school work.'),

('PRO-1', 'PROFESSIONAL_DEVELOPMENT', TRUE, TRUE, FALSE, 1, 'Leraren kunnen nascholing volgen over lesgeven met digitale technologie.', 'Teachers can take professional development on teaching with digital technology.'),
('PRO-2', 'PROFESSIONAL_DEVELOPMENT', TRUE, TRUE, FALSE, 2, 'De schoolleiding bespreekt met leraren welke digitale vaardigheden ze verder willen ontwikkelen.', 'The school leadership discusses with teachers which digital skills they want to develop further.'),
('PRO-3', 'PROFESSIONAL_DEVELOPMENT', FALSE, TRUE, FALSE, 3, 'Ik leer bij door lessen van collega''s met digitale middelen te bekijken of te bespreken.', 'I learn by observing or discussing colleagues'' lessons with digital tools.'),
('PRO-4', 'PROFESSIONAL_DEVELOPMENT', TRUE, TRUE, FALSE, 4, 'Wat collega''s op nascholing leren, wordt gedeeld met het team.', 'What colleagues learn in training is shared with the team.'),
('PRO-5', 'PROFESSIONAL_DEVELOPMENT', TRUE, FALSE, FALSE, 5, 'De school houdt bij welke ICT-nascholing gevolgd werd en wat die opleverde.', 'The school keeps track of which ICT training was followed and what it brought.'),
('PRO-6', 'PROFESSIONAL_DEVELOPMENT', FALSE, FALSE, TRUE, 6, 'Mijn leerkrachten helpen me goed als ik vastloop op de computer of tablet.', 'My teachers help me well when I get stuck on the computer or tablet.'),
('PRO-7', 'PROFESSIONAL_DEVELOPMENT', FALSE, FALSE, TRUE, 7, 'Mijn leerkrachten gebruiken nieuwe digitale toepassingen in de les.', 'My teachers use new digital applications in class.'),
('PRO-8', 'PROFESSIONAL_DEVELOPMENT', FALSE, FALSE, TRUE, 8, 'Mijn leerkrachten weten goed hoe ze computers en tablets in de les gebruiken.', 'My teachers know well how to use computers and tablets in class.'),

('RES-1', 'PEDAGOGY_SUPPORTS_RESOURCES', TRUE, TRUE, FALSE, 1, 'Leraren zoeken online naar goede digitale leermiddelen.', 'Teachers search online for good digital learning resources.'),
('RES-2', 'PEDAGOGY_SUPPORTS_RESOURCES', TRUE, TRUE, FALSE, 2, 'Leraren maken zelf digitale leermiddelen om hun lessen te ondersteunen.', 'Teachers create digital learning resources to support their lessons.'),
('RES-3', 'PEDAGOGY_SUPPORTS_RESOURCES', TRUE, TRUE, FALSE, 3, 'Leraren gebruiken de elektronische leeromgeving om met leerlingen te communiceren.', 'Teachers use the learning platform to communicate with pupils.'),
('RES-4', 'PEDAGOGY_SUPPORTS_RESOURCES', TRUE, TRUE, FALSE, 4, 'Leraren houden rekening met auteursrecht en privacy bij het gebruik van digitale inhoud.', 'Teachers take copyright and privacy into account when using digital content.'),
('RES-5', 'PEDAGOGY_SUPPORTS_RESOURCES', FALSE, FALSE, TRUE, 5, 'Ik vind mijn taken en lesmateriaal makkelijk terug op het leerplatform.', 'I easily find my tasks and learning material on the learning platform.'),
('RES-6', 'PEDAGOGY_SUPPORTS_RESOURCES', FALSE, FALSE, TRUE, 6, 'We gebruiken op school goede oefenprogramma''s en apps.', 'At school we use good practice programs and apps.'),
('RES-7', 'PEDAGOGY_SUPPORTS_RESOURCES', FALSE, FALSE, TRUE, 7, 'Mijn leerkrachten tonen filmpjes en digitale bronnen die helpen om de leerstof te begrijpen.', 'My teachers show videos and digital sources that help to understand the lessons.'),

('IMP-1', 'PEDAGOGY_IMPLEMENTATION', TRUE, TRUE, FALSE, 1, 'Leraren gebruiken digitale technologie om lessen af te stemmen op de noden van elke leerling.', 'Teachers use digital technology to tailor lessons to the needs of each pupil.'),
('IMP-2', 'PEDAGOGY_IMPLEMENTATION', TRUE, TRUE, TRUE, 2, 'Computers en tablets maken de lessen actiever.', 'Computers and tablets make the lessons more active.'),
('IMP-3', 'PEDAGOGY_IMPLEMENTATION', TRUE, TRUE, FALSE, 3, 'Leraren stimuleren leerlingen om creatief aan de slag te gaan met digitale middelen.', 'Teachers encourage pupils to work creatively with digital tools.'),
('IMP-4', 'PEDAGOGY_IMPLEMENTATION', TRUE, TRUE, FALSE, 4, 'Leraren zetten digitale technologie in voor samenwerkend leren.', 'Teachers use digital technology for collaborative learning.'),
('IMP-5', 'PEDAGOGY_IMPLEMENTATION', FALSE, FALSE, TRUE, 5, 'Met de computer of tablet kan ik oefenen op mijn eigen tempo.', 'With the computer or tablet I can practise at my own pace.'),
('IMP-6', 'PEDAGOGY_IMPLEMENTATION', FALSE, FALSE, TRUE, 6, 'Ik mag soms zelf kiezen hoe ik een opdracht met de computer of tablet maak.', 'I can sometimes choose myself how I make an assignment with the computer or tablet.'),

('ASS-1', 'ASSESSMENT_PRACTICES', TRUE, TRUE, FALSE, 1, 'Leraren gebruiken digitale middelen om de vorderingen van leerlingen op te volgen.', 'Teachers use digital tools to follow up the progress of pupils.'),
('ASS-2', 'ASSESSMENT_PRACTICES', TRUE, TRUE, TRUE, 2, 'Leerlingen krijgen via digitale middelen snel feedback op hun werk.', 'Pupils get quick feedback on their work through digital tools.'),
('ASS-3', 'ASSESSMENT_PRACTICES', TRUE, TRUE, FALSE, 3, 'Leraren laten leerlingen met digitale middelen nadenken over hun eigen leren.', 'Teachers use digital tools to let pupils reflect on their own learning.'),
('ASS-4', 'ASSESSMENT_PRACTICES', TRUE, TRUE, FALSE, 4, 'Gegevens uit digitale oefenplatformen worden gebruikt om het onderwijs bij te sturen.', 'Data from digital practice platforms are used to adjust teaching.'),
('ASS-5', 'ASSESSMENT_PRACTICES', FALSE, FALSE, TRUE, 5, 'Ik kan met digitale middelen tonen wat ik geleerd heb.', 'I can use digital tools to show what I have learned.'),
('ASS-6', 'ASSESSMENT_PRACTICES', FALSE, FALSE, TRUE, 6, 'Met de computer of tablet kan ik nagaan wat ik al goed kan en wat nog niet.', 'With the computer or tablet I can check what I already master and what not yet.'),

('DIG-1', 'LEARNERS_DIGITAL_COMPETENCE', TRUE, TRUE, TRUE, 1, 'Op school leren leerlingen veilig en verantwoordelijk omgaan met het internet.', 'At school pupils learn to use the internet safely and responsibly.'),
('DIG-2', 'LEARNERS_DIGITAL_COMPETENCE', TRUE, TRUE, TRUE, 2, 'Op school leren leerlingen nagaan of informatie op het internet betrouwbaar is.', 'At school pupils learn to check whether information on the internet is reliable.'),
('DIG-3', 'LEARNERS_DIGITAL_COMPETENCE', TRUE, TRUE, TRUE, 3, 'Leerlingen leren op school programmeren.', 'Pupils learn to code at school.'),
('DIG-4', 'LEARNERS_DIGITAL_COMPETENCE', TRUE, TRUE, FALSE, 4, 'Leerlingen leren digitale inhoud maken, zoals teksten, presentaties of filmpjes.', 'Pupils learn to create digital content, such as texts, presentations or videos.'),
('DIG-5', 'LEARNERS_DIGITAL_COMPETENCE', TRUE, TRUE, FALSE, 5, 'Leerlingen leren hoe ze met respect communiceren via digitale kanalen.', 'Pupils learn to communicate respectfully through digital channels.');
