package be.coordinaat.knowledge;

import be.coordinaat.knowledge.Forms.ArticleForm;
import be.coordinaat.knowledge.Forms.CategoryForm;
import be.coordinaat.shared.DemoContributor;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo knowledge base: eight Dutch how-tos of De Regenboog and the atheneum: the projector, Smartschool
 * passwords (public), the staff wifi (internal), printing to the copy room, lending a Chromebook and the data breach
 * procedure (shared with the school community), a draft, and a public one that is due for review, with the board's
 * categories, a few views and votes.
 */
@Component
@Order(70)
class KnowledgeDemoData implements DemoContributor {

    private final Articles articles;
    private final Categories categories;
    private final JdbcClient jdbc;

    KnowledgeDemoData(Articles articles, Categories categories, JdbcClient jdbc) {
        this.articles = articles;
        this.categories = categories;
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(DemoBoard board) {
        long b = board.boardId();
        long rb = board.schools().get("regenboog");
        long at = board.schools().get("atheneum");
        long classroom = categories.insert(b, new CategoryForm(null, null, "Klastechnologie",
                "Projectoren, digitale borden, laptops en tablets in de klas", 10, null));
        long accounts = categories.insert(b, new CategoryForm(null, null, "Accounts en wachtwoorden",
                "Smartschool, Microsoft 365 en andere aanmeldingen", 20, null));
        long network = categories.insert(b, new CategoryForm(null, null, "Netwerk en printen", null, 30, null));
        long privacy = categories.insert(b, new CategoryForm(null, null, "Privacy en veiligheid",
                "GDPR, datalekken en veilig omgaan met gegevens", 40, null));
        long lending = categories.insert(b, new CategoryForm(rb, classroom, "Toestellen uitlenen", null, 0, null));

        Long coordinator = board.users().get("coordinator");
        String coordinatorName = "Koen Coördinator";
        Long technician = board.users().get("technician");
        String technicianName = "Theo Technicus";

        long projector = article(b, rb, classroom, coordinator, coordinatorName, Audience.COMMUNITY, ArticleStatus.PUBLISHED,
                "De projector aansluiten in een klaslokaal",
                "Beeld van je laptop op de projector of het digitale bord, in vijf stappen.",
                List.of("projector", "hdmi", "beamer", "klaslokaal"), """
                ## Wat heb je nodig?

                - je laptop of de klas-pc
                - de HDMI-kabel die aan de muur of op de lessenaar hangt
                - de afstandsbediening van de projector (in de lade van de lessenaar)

                ## Zo doe je het

                1. Zet de projector aan met de rode knop op de afstandsbediening. Het lampje knippert groen tot hij opgewarmd is.
                2. Steek de HDMI-kabel in je laptop. Heeft je laptop alleen USB-C? Gebruik dan de grijze adapter die aan de kabel vastzit.
                3. Kies op de afstandsbediening **Source** → **HDMI 1**.
                4. Zie je nog niets? Druk op je laptop op **Windows-toets + P** en kies **Dupliceren**.
                5. Geluid via de luidsprekers van het lokaal: klik rechtsonder op het luidsprekertje en kies **Epson PJ**.

                ## Het beeld is wazig of te klein

                Gebruik de knop **Auto** op de afstandsbediening. Helpt dat niet, zet de resolutie van je laptop op 1920 × 1080.

                > Zet de projector na je les uit: de lamp gaat dan veel langer mee. Het ventilatortje draait nog even na; trek de stekker niet uit.

                Werkt het nog steeds niet? Meld het via de helpdesk en vermeld het lokaal.
                """);
        long smartschool = article(b, rb, accounts, coordinator, coordinatorName, Audience.PUBLIC, ArticleStatus.PUBLISHED,
                "Wachtwoord Smartschool resetten",
                "Je wachtwoord van Smartschool vergeten? Zo kies je zelf een nieuw.",
                List.of("smartschool", "wachtwoord", "aanmelden"), """
                ## Zelf een nieuw wachtwoord kiezen

                1. Ga naar de aanmeldpagina van Smartschool van onze school.
                2. Klik onder het aanmeldvenster op **Wachtwoord vergeten?**
                3. Vul je gebruikersnaam in (voornaam.familienaam) en klik op **Verzenden**.
                4. Je krijgt een e-mail op het e-mailadres dat de school van je kent. Klik op de link (die is 1 uur geldig).
                5. Kies een nieuw wachtwoord van minstens 12 tekens.

                ## Geen e-mail gekregen?

                - Kijk in je map **Ongewenste e-mail**.
                - Leerlingen en ouders: vraag een nieuw wachtwoord aan het secretariaat of de klasleraar.
                - Personeel: vraag het aan de ICT-coördinator.

                **Tip:** een zin als wachtwoord (bv. *IkFietsElkeDagNaarSchool!*) is lang, sterk en makkelijk te onthouden.
                """);
        long wifi = article(b, rb, network, technician, technicianName, Audience.SCHOOL, ArticleStatus.PUBLISHED,
                "Verbinden met het wifi-netwerk voor personeel",
                "Het personeelsnetwerk RB-Personeel gebruik je met je Microsoft 365-account.",
                List.of("wifi", "netwerk", "draadloos", "eduroam"), """
                In de school zijn er drie draadloze netwerken:

                | Netwerk | Voor wie | Aanmelden |
                |---|---|---|
                | RB-Personeel | personeel | je Microsoft 365-account |
                | RB-Leerlingen | toestellen van de school | automatisch |
                | RB-Gasten | bezoekers | code aan het onthaal |

                ## Laptop of smartphone verbinden met RB-Personeel

                1. Kies het netwerk **RB-Personeel**.
                2. Meld aan met je volledige e-mailadres (voornaam.familienaam@zonnebeke-demo.be) en je wachtwoord van Microsoft 365.
                3. Vraagt je toestel naar een certificaat, kies dan **Vertrouwen** of **Certificaat niet valideren**. Het certificaat is van *radius.zonnebeke-demo.be*.

                Je toestel onthoudt de verbinding. Na het wijzigen van je wachtwoord moet je opnieuw aanmelden.

                > Deel je gegevens van RB-Personeel nooit met leerlingen: alles wat via dit netwerk gebeurt, staat op jouw naam.
                """);
        long printing = article(b, at, network, technician, technicianName, Audience.SCHOOL, ArticleStatus.PUBLISHED,
                "Printen naar de kopieerzaal",
                "Afdrukken op de grote printer van de kopieerzaal, en ophalen met je personeelsbadge.",
                List.of("printen", "kopieerzaal", "badge", "afdrukken"), """
                Alle afdrukken gaan naar één wachtrij: **Kopieerzaal-Follow-Me**. Je haalt ze op aan eender welke printer van de school.

                ## Vanaf een schoolcomputer

                1. Kies **Bestand → Afdrukken** en selecteer **Kopieerzaal-Follow-Me**.
                2. Kies bij **Eigenschappen** recto verso en nietjes indien nodig.
                3. Ga naar de printer, houd je personeelsbadge tegen de lezer en kies **Afdrukken vrijgeven**.

                ## Vanaf je eigen laptop

                Stuur het bestand als bijlage naar *print@atheneum-demo.be* vanaf je schoolmailadres. Binnen een minuut staat het in je wachtrij.

                ## Goed om te weten

                - Afdrukken die je niet ophaalt, worden na 24 uur gewist.
                - Grote oplages (meer dan 200 pagina's) vraag je aan de kopieerzaal: dat is goedkoper en sneller.
                - Papier op? Er ligt reservepapier in de kast naast de printer.
                """);
        long chromebook = article(b, rb, lending, coordinator, coordinatorName, Audience.COMMUNITY, ArticleStatus.PUBLISHED,
                "Een Chromebook uitlenen",
                "Een Chromebook uit de laadkar uitlenen aan een leerling, en hoe je hem terugneemt.",
                List.of("chromebook", "uitlenen", "laadkar", "leerling"), """
                De Chromebooks staan in de laadkarren op de gang van blok A en blok B. Elk toestel heeft een label met een nummer (bv. RB-000123).

                ## Uitlenen voor een les

                1. Neem de toestellen uit de kar en laat elke leerling het nummer van zijn toestel noteren op het klasblad.
                2. Leerlingen melden aan met hun Smartschool-account.
                3. Zet de Chromebooks na de les terug in de kar **met de stekker erin**.

                ## Uitlenen voor thuis (enkele dagen of langer)

                1. Registreer de uitlening in Coordinaat: *Technisch → Uitleningen → Nieuwe uitlening*, scan het label of typ het nummer.
                2. Druk de uitleenovereenkomst af en laat ze ondertekenen door een ouder.
                3. Geef de lader mee.

                Bij het terugbrengen: kijk na of het scherm en de toetsen in orde zijn en registreer de terugname. Schade? Vermeld het in de terugname; de coördinator volgt het op.
                """);
        long breach = article(b, at, privacy, board.users().get("admin"), "An Beheerder", Audience.COMMUNITY,
                ArticleStatus.PUBLISHED,
                "Wat te doen bij een datalek",
                "Een USB-stick kwijt, een mail naar de verkeerde ouder, een gehackt account? Meld het binnen het uur.",
                List.of("datalek", "gdpr", "privacy", "melden"), """
                Een **datalek** is elk incident waarbij persoonsgegevens verloren gaan, of bij iemand terechtkomen die ze niet mag zien. Bijvoorbeeld:

                - een USB-stick of laptop met leerlingenlijsten is kwijt of gestolen;
                - een e-mail met rapporten is naar de verkeerde ouders gestuurd;
                - iemand heeft je wachtwoord gebruikt om aan te melden.

                ## Wat doe je meteen?

                1. **Meld het binnen het uur** aan de directie en de ICT-coördinator, ook als je twijfelt.
                2. Schrijf op wat er gebeurde, wanneer, en welke gegevens het betreft.
                3. Verwijder niets en probeer niets zelf te herstellen.
                4. Is je account gehackt? Wijzig onmiddellijk je wachtwoord.

                ## Wat gebeurt er daarna?

                De school beoordeelt samen met de functionaris voor gegevensbescherming (DPO) of het lek binnen 72 uur gemeld moet worden aan de Vlaamse Toezichtcommissie, en of de betrokkenen verwittigd worden.

                *Wie een lek meldt, doet het goed: niemand wordt gestraft omdat hij een fout toegeeft.*
                """);
        article(b, at, classroom, technician, technicianName, Audience.SCHOOL, ArticleStatus.DRAFT,
                "Schermdelen op het digitale bord met Miracast",
                "Draadloos je scherm tonen op het digitale bord (concept, wordt nog getest).",
                List.of("digitaal bord", "miracast", "schermdelen"), """
                ## Nog in test

                1. Zet het bord aan en kies de bron **Screen Share**.
                2. Druk op je laptop op **Windows-toets + K** en kies het bord van je lokaal.
                3. Bevestig de code die op het bord verschijnt.

                Werkt voorlopig alleen in de lokalen van het hoofdgebouw.
                """);
        long mfa = article(b, rb, accounts, coordinator, coordinatorName, Audience.PUBLIC, ArticleStatus.PUBLISHED,
                "Tweestapsverificatie instellen voor Microsoft 365",
                "Beveilig je schoolaccount met de Authenticator-app op je smartphone.",
                List.of("microsoft 365", "mfa", "tweestapsverificatie", "beveiliging"), """
                1. Installeer de app **Microsoft Authenticator** op je smartphone.
                2. Meld aan op je computer bij Microsoft 365 en kies **Beveiligingsgegevens**.
                3. Kies **Aanmeldingsmethode toevoegen → Authenticator-app** en scan de QR-code met de app.
                4. Bevestig met het getal dat op je scherm verschijnt.

                Nieuwe smartphone? Laat de coördinator je oude methode verwijderen voor je de nieuwe instelt.
                """);
        // a public article last checked more than a year ago: due for review on the managers' overview
        jdbc.sql("UPDATE kb_article SET last_reviewed_on = current_date - 430 WHERE id = ?").param(mfa).update();

        views(projector, rb, 57);
        views(smartschool, rb, 112);
        views(wifi, rb, 31);
        views(printing, at, 44);
        views(chromebook, rb, 19);
        views(breach, at, 8);
        vote(projector, rb, board.users().get("teacher"), true, null);
        vote(projector, rb, board.users().get("director"), true, "Duidelijk, met de sneltoets voor Windows.");
        vote(wifi, rb, board.users().get("teacher"), false, "Mijn iPhone vraagt geen certificaat maar een domein; wat vul ik in?");
    }

    private long article(long board, long school, long category, Long author, String authorName, Audience audience,
            ArticleStatus status, String title, String summary, List<String> tags, String body) {
        ArticleForm form = new ArticleForm(school, category, title, summary, body, tags, audience, 12, null, null);
        List<FieldProblem> problems = new ArrayList<>();
        Articles.Checked checked = articles.checked(form, school, board, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return articles.insert(board, checked, form, status, author, authorName);
    }

    private void views(long article, long school, long count) {
        jdbc.sql("INSERT INTO kb_article_views (article_id, school_id, views, last_viewed_at) VALUES (?, ?, ?, now())")
                .params(article, school, count).update();
    }

    private void vote(long article, long school, Long user, boolean helpful, String comment) {
        jdbc.sql("INSERT INTO kb_feedback (article_id, user_id, school_id, helpful, comment) VALUES (?, ?, ?, ?, ?)")
                .params(article, user, school, helpful, comment).update();
    }
}
