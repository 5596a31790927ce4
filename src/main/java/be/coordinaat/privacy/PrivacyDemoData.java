package be.coordinaat.privacy;

import be.coordinaat.privacy.Forms.AgreementForm;
import be.coordinaat.privacy.Forms.BreachForm;
import be.coordinaat.privacy.Forms.DpiaForm;
import be.coordinaat.privacy.Forms.ProcessingForm;
import be.coordinaat.privacy.Kinds.AgreementStatus;
import be.coordinaat.privacy.Kinds.BreachRisk;
import be.coordinaat.privacy.Kinds.DpiaCriterion;
import be.coordinaat.privacy.Kinds.DpiaDecision;
import be.coordinaat.privacy.Kinds.LegalBasis;
import be.coordinaat.privacy.Kinds.ModelAgreement;
import be.coordinaat.privacy.Kinds.ProcessingStatus;
import be.coordinaat.privacy.Kinds.SubjectCategory;
import be.coordinaat.shared.DemoContributor;
import be.coordinaat.shared.web.Formats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo privacy records of the board: the register (Smartschool board-wide, Bingel, Informat, the school website's
 * photos, Wisa, Google Workspace for Education with its transfer to the US), processor agreements (the Flemish model
 * for Smartschool, Informat and Wisa, Microsoft's DPA, a request to Van In, an expired one with Google), two DPIAs
 * (Google Workspace pending with the DPO's advice, Kurzweil decided) and two breaches (a care report mailed to the
 * wrong parent yesterday, the 72-hour clock running; a lost USB stick, low risk, closed). Runs after the licences demo
 * data (the tools).
 */
@Component
@Order(80)
class PrivacyDemoData implements DemoContributor {

    private final JdbcClient jdbc;
    private final ProcessingRegister register;
    private final ProcessorAgreements agreements;
    private final Dpias dpias;
    private final Breaches breaches;

    PrivacyDemoData(JdbcClient jdbc, ProcessingRegister register, ProcessorAgreements agreements, Dpias dpias,
            Breaches breaches) {
        this.jdbc = jdbc;
        this.register = register;
        this.agreements = agreements;
        this.dpias = dpias;
        this.breaches = breaches;
    }

    @Override
    public void contribute(DemoBoard board) {
        long b = board.boardId();
        long rb = board.schools().get("regenboog");
        long at = board.schools().get("atheneum");
        LocalDate today = LocalDate.now(Formats.ZONE);
        Long smartschool = tool(b, "Smartschool");
        Long bingel = tool(b, "Bingel");
        Long google = tool(b, "Google Workspace for Education Fundamentals");
        Long informat = tool(b, "Informat");
        Long wisa = tool(b, "Wisa");
        Long m365 = tool(b, "Microsoft 365 A1");
        Long kurzweil = tool(b, "Kurzweil 3000");
        var all = List.of(SubjectCategory.PUPILS, SubjectCategory.PARENTS, SubjectCategory.STAFF);

        long smsc = register.insert(b, new ProcessingForm(null, "Leerlingvolgsysteem en communicatie via Smartschool",
                "Lessen, taken en toetsen delen, de skore-agenda, berichten tussen school en ouders, het digitale rapport en "
                        + "het leerlingvolgsysteem (zorg en begeleiding).",
                LegalBasis.PUBLIC_TASK, all, "Identificatie (naam, klas, geboortedatum), schoolresultaten en rapporten, "
                        + "berichten, afwezigheden, aantekeningen van de leerlingenbegeleiding.",
                true, "Gezondheidsgegevens en zorgnoden in het leerlingvolgsysteem (art. 9.2.g AVG, onderwijsdecreten: "
                        + "leerlingenbegeleiding).",
                "Leerkrachten en directie van de eigen school; CLB bij een begeleidingsvraag.", null, "Smartbit bv", false, null,
                "Leerlingendossier tot 10 jaar na het vertrek van de leerling; berichten 2 jaar; rapporten volgens de "
                        + "archiefregels van het onderwijs.",
                "Tweestapsverificatie voor het personeel, rechten per rol en klas, logboek van wie wat bekeek, hosting "
                        + "in de EU (België).", smartschool, "Directies van beide scholen", ProcessingStatus.ACTIVE,
                today.plusDays(45), null));
        register.insert(b, new ProcessingForm(rb, "Oefenplatform Bingel (wiskunde en taal)",
                "Leerlingen oefenen thuis en in de klas bij de methodes; de leerkracht volgt de voortgang.",
                LegalBasis.PUBLIC_TASK, List.of(SubjectCategory.PUPILS, SubjectCategory.STAFF),
                "Naam, klas, oefenresultaten en voortgang.", false, null, "Klasleerkracht", null, "Van In (Bingel)", false,
                null, "Tot het einde van het schooljaar; accounts gewist na het vertrek van de leerling.",
                "Klascodes in plaats van e-mailadressen voor de jongste leerlingen.", bingel, "Koen Coördinator",
                ProcessingStatus.ACTIVE, today.minusDays(10), null));
        register.insert(b, new ProcessingForm(rb, "Leerlingenadministratie (Informat)",
                "Inschrijvingen, attesten, de leerlingentelling en de uitwisseling met AGODI (Discimus).",
                LegalBasis.LEGAL_OBLIGATION, List.of(SubjectCategory.PUPILS, SubjectCategory.PARENTS),
                "Identificatie, rijksregisternummer, adres, gezinssituatie, schoolloopbaan.", false, null,
                "AGODI, CLB, gemeente (schooltoelage)", null, "Cipal Schaubroeck (Informat)", false, null,
                "Volgens de bewaartermijnen van het Agentschap voor Onderwijsdiensten.",
                "Toegang alleen voor secretariaat en directie; back-up bij de leverancier.", informat, "Secretariaat",
                ProcessingStatus.ACTIVE, today.plusMonths(6), null));
        register.insert(b, new ProcessingForm(rb, "Foto's en video's op de schoolwebsite en Facebook",
                "Het schoolleven tonen aan ouders en geïnteresseerden.", LegalBasis.CONSENT,
                List.of(SubjectCategory.PUPILS, SubjectCategory.STAFF), "Beeldmateriaal, voornaam.", false, null,
                "Iedereen (publiek)", null, null, false, null, "Tot de toestemming wordt ingetrokken; jaarlijks nagekeken.",
                "Toestemming per leerling in Smartschool; geen namen bij foto's.", null, "Directie", ProcessingStatus.DRAFT,
                today.plusMonths(1), null));
        register.insert(b, new ProcessingForm(at, "Leerlingen- en personeelsadministratie (Wisa)",
                "Inschrijvingen, lessenrooster, afwezigheden, attesten en de uitwisseling met AGODI.",
                LegalBasis.LEGAL_OBLIGATION, all, "Identificatie, rijksregisternummer, adres, afwezigheden, schoolloopbaan.",
                false, null, "AGODI, CLB", null, "Wisa", false, null,
                "Volgens de bewaartermijnen van het Agentschap voor Onderwijsdiensten.",
                "Toegang per rol; tweestapsverificatie voor het secretariaat.", wisa, "Secretariaat",
                ProcessingStatus.ACTIVE, today.plusMonths(8), null));
        long googleEntry = register.insert(b, new ProcessingForm(at, "Google Workspace for Education (Classroom, Drive)",
                "Samenwerken aan opdrachten en lesmateriaal in de eerste graad, met Chromebooks.",
                LegalBasis.PUBLIC_TASK, List.of(SubjectCategory.PUPILS, SubjectCategory.STAFF),
                "Naam, schoolaccount, klas, documenten en opdrachten, inloggegevens van de Chromebook.", false, null,
                "Leerkrachten van de klas", null, "Google Ireland Ltd.", true,
                "EU-VS Data Privacy Framework (adequaatheidsbesluit van 10 juli 2023) en de standaardcontractbepalingen in "
                        + "het Data Processing Amendment van Google Workspace for Education.",
                "Tot 1 jaar na het vertrek van de leerling (account en bestanden gewist).",
                "Beheerde Chromebooks, geen advertenties in Core Services, extra diensten uitgeschakeld.", google,
                "ICT-coördinator atheneum", ProcessingStatus.UNDER_REVIEW, today.plusDays(14), null));

        byte[] pdf = ("%PDF-1.4\n% Verwerkersovereenkomst Smartschool - modelovereenkomst Vlaams onderwijs\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        long smscAgreement = agreements.insert(b, new AgreementForm(null, smartschool, null, "Smartbit bv",
                AgreementStatus.SIGNED, ModelAgreement.FLEMISH_EDUCATION, today.minusYears(3).minusMonths(2),
                today.minusYears(3), null, "VO-SMSC-2023", "Modelverwerkersovereenkomst van de onderwijskoepels, "
                        + "ondertekend voor het hele schoolbestuur.", null));
        jdbc.sql("""
                INSERT INTO privacy_agreement_document (agreement_id, file_name, content_type, size_bytes, sha256, bytes,
                  uploaded_by, uploaded_by_name) VALUES (?, 'verwerkersovereenkomst-smartschool.pdf', 'application/pdf', ?,
                  encode(sha256(?), 'hex'), ?, ?, 'Dana Privacy')""")
                .params(smscAgreement, pdf.length, pdf, pdf, board.users().get("dpo")).update();
        agreements.insert(b, new AgreementForm(null, m365, null, "Microsoft Ireland Operations Ltd.", AgreementStatus.SIGNED,
                ModelAgreement.VENDOR, null, today.minusYears(2), null, "Microsoft Products and Services DPA",
                "Onderdeel van het EES-contract van het bestuur.", null));
        agreements.insert(b, new AgreementForm(rb, bingel, null, "Van In", AgreementStatus.REQUESTED,
                ModelAgreement.FLEMISH_EDUCATION, today.minusDays(20), null, null, null,
                "Modelovereenkomst opgestuurd; Van In antwoordt na de herfstvakantie.", null));
        agreements.insert(b, new AgreementForm(rb, informat, null, "Cipal Schaubroeck", AgreementStatus.SIGNED,
                ModelAgreement.FLEMISH_EDUCATION, null, today.minusYears(1).minusMonths(3), null, null, null, null));
        agreements.insert(b, new AgreementForm(at, wisa, null, "Wisa", AgreementStatus.SIGNED, ModelAgreement.FLEMISH_EDUCATION,
                null, today.minusYears(2).minusMonths(1), null, null, null, null));
        agreements.insert(b, new AgreementForm(at, google, null, "Google Ireland Ltd.", AgreementStatus.SIGNED,
                ModelAgreement.VENDOR, null, today.minusYears(3), today.minusDays(30), "GWFE-DPA-2022",
                "Aanvaard in de beheerconsole voor drie schooljaren; opnieuw aanvaarden na de nieuwe voorwaarden.", null));

        long googleDpia = dpias.insert(b, new DpiaForm(at, "Google Workspace for Education in de eerste graad", google,
                googleEntry, List.of(DpiaCriterion.VULNERABLE_SUBJECTS, DpiaCriterion.LARGE_SCALE,
                        DpiaCriterion.SYSTEMATIC_MONITORING),
                "Alle leerlingen van de eerste graad (12-14 jaar) werken met een schoolaccount in Classroom en Drive op "
                        + "beheerde Chromebooks.",
                "Alternatief Microsoft 365 bekeken; Chromebooks vragen een Google-account. Alleen Core Services, geen "
                        + "extra diensten, geen YouTube-reacties.", null));
        risk(googleDpia, "Doorgifte van gegevens naar de Verenigde Staten", 2, 3,
                "Data Privacy Framework en standaardcontractbepalingen; gegevensopslag in de EU gekozen.");
        risk(googleDpia, "Profilering of advertenties op basis van het gedrag van leerlingen", 1, 4,
                "Alleen Core Services zonder advertenties; extra diensten uitgeschakeld in de beheerconsole.");
        risk(googleDpia, "Leerlingen delen wachtwoorden en zien elkaars documenten", 3, 2,
                "Les digitale geletterdheid in september; wachtwoord opnieuw instellen via de klastitularis.");
        long kurzweilDpia = dpias.insert(b, new DpiaForm(rb, "Kurzweil 3000 voor leerlingen met een attest", kurzweil, null,
                List.of(DpiaCriterion.SENSITIVE_DATA, DpiaCriterion.VULNERABLE_SUBJECTS),
                "Voorleessoftware; de licentie koppelt de leerling aan een attest (dyslexie).",
                "Nodig voor redelijke aanpassingen (M-decreet); alleen naam en klas gaan naar de leverancier.", null));
        risk(kurzweilDpia, "Wie de licentielijst ziet, kent de diagnose van de leerling", 2, 3,
                "Licentielijst alleen bij de zorgcoördinator; geen vermelding van het attest bij de leverancier.");
        Long dpo = board.users().get("dpo");
        jdbc.sql("""
                UPDATE privacy_dpia SET decision = 'PROCEED_WITH_MEASURES', decision_note = ?, decided_at = now() - interval '20 days',
                  decided_by_name = 'Koen Coördinator' WHERE id = ?""")
                .params("Doorgaan: licentielijst alleen bij de zorgcoördinator, jaarlijks nakijken.", kurzweilDpia).update();

        review(b, null, "processing", smsc, "SIGN_OFF", "Register nagekeken; bewaartermijn berichten is in orde.", dpo,
                "Dana Privacy", 5);
        review(b, at, "dpia", googleDpia, "ADVICE", "Voorlopig positief advies op voorwaarde dat de extra diensten uit "
                + "blijven en de verwerkersovereenkomst opnieuw wordt aanvaard (de huidige is verlopen).", dpo, "Dana Privacy", 3);
        review(b, rb, "dpia", kurzweilDpia, "SIGN_OFF", null, dpo, "Dana Privacy", 2);

        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant discovered = now.minus(Duration.ofHours(20));
        long breach = breaches.insertDemo(b, new BreachForm(rb, "E-mail met zorgverslag naar de verkeerde ouder",
                "Een zorgverslag (MDO) over een leerling van het vijfde leerjaar werd via Smartschool naar de ouders van een "
                        + "andere leerling met dezelfde familienaam gestuurd. De ouders meldden het zelf.",
                local(discovered.minus(Duration.ofHours(3))), local(discovered), List.of(SubjectCategory.PUPILS,
                        SubjectCategory.PARENTS), "Naam, klas, leer- en gedragsproblemen, afspraken met het CLB.", true, 1, 1,
                BreachRisk.RISK, "Gezondheids- en zorggegevens van een minderjarige bij een derde; de ouders hebben het bericht "
                        + "verwijderd, maar het risico is niet uitgesloten.", null, null, null, null, null,
                "Bericht ingetrokken in Smartschool; ontvangers gevraagd het te verwijderen; afspraak: zorgverslagen alleen nog "
                        + "via het leerlingvolgsysteem delen.", false, null),
                board.users().get("teacher"), "Tine Leerkracht", discovered.plus(Duration.ofMinutes(40)));
        review(b, rb, "breach", breach, "COMMENT", "Gelieve voor morgenmiddag te melden bij de Vlaamse Toezichtcommissie; "
                + "ik bekijk de tekst van de melding graag mee.", dpo, "Dana Privacy", 0);
        Instant lost = now.minus(Duration.ofDays(40));
        breaches.insertDemo(b, new BreachForm(at, "USB-stick met puntenlijsten verloren",
                "Een leerkracht verloor een USB-stick met de puntenlijsten van twee klassen van het derde jaar.",
                null, local(lost), List.of(SubjectCategory.PUPILS), "Naam en punten.", false, 46, 46, BreachRisk.LOW,
                "De stick was versleuteld (BitLocker To Go).", null, null, null,
                "Versleutelde drager: de gegevens zijn niet leesbaar voor wie de stick vindt.", null,
                "Leerkracht herinnerd aan de afspraak: puntenlijsten alleen in Smartschool.", true, null),
                board.users().get("admin"), "An Beheerder", lost.plus(Duration.ofHours(2)));
    }

    private Long tool(long board, String name) {
        return jdbc.sql("SELECT id FROM software WHERE board_id = ? AND name = ?").params(board, name).query(Long.class)
                .optional().orElse(null);
    }

    private void risk(long dpia, String description, int likelihood, int impact, String measures) {
        jdbc.sql("INSERT INTO privacy_dpia_risk (dpia_id, description, likelihood, impact, measures) VALUES (?, ?, ?, ?, ?)")
                .params(dpia, description, likelihood, impact, measures).update();
    }

    private void review(long board, Long school, String type, long id, String kind, String body, Long author,
            String authorName, int daysAgo) {
        jdbc.sql("""
                INSERT INTO privacy_review (board_id, school_id, record_type, record_id, kind, body, author_id, author_name, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, now() + interval '1 second' - make_interval(days => ?))""")
                .params(board, school, type, id, kind, body, author, authorName, daysAgo).update();
        if (!kind.equals("SIGN_OFF")) {
            return;
        }
        // the record was last changed before it was signed off, so the sign-off is current
        String table = switch (type) {
            case "processing" -> "privacy_processing";
            case "agreement" -> "privacy_agreement";
            case "dpia" -> "privacy_dpia";
            default -> "privacy_breach";
        };
        jdbc.sql("UPDATE " + table + " SET created_at = LEAST(created_at, now() - make_interval(days => ? + 1)),"
                + " updated_at = LEAST(updated_at, now() - make_interval(days => ? + 1)) WHERE id = ?")
                .params(daysAgo, daysAgo, id).update();
    }

    private static LocalDateTime local(Instant i) {
        return LocalDateTime.ofInstant(i, Formats.ZONE);
    }
}
