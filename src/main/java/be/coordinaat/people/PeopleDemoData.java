package be.coordinaat.people;

import be.coordinaat.people.Forms.ContactForm;
import be.coordinaat.people.Forms.OrganisationForm;
import be.coordinaat.people.Forms.PersonForm;
import be.coordinaat.shared.DemoContributor;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The people of the demo board: staff of both schools (the demo coordinator, director and teacher linked to their
 * person), four classes of pupils and the organisations around the schools with their contacts.
 */
@Component
@Order(20)
class PeopleDemoData implements DemoContributor {

    private static final String[] FIRST_NAMES = {"Lotte", "Wout", "Noor", "Lars", "Fien", "Jules", "Marie", "Louis",
            "Emma", "Arthur", "Lena", "Mathis", "Ella", "Finn", "Nora", "Vic", "Mila", "Seppe", "Hanne", "Warre", "Zoë",
            "Kobe", "Febe", "Stan", "Lore", "Jasper", "Amber", "Robbe", "Jana", "Tuur", "Elise", "Mats", "Lien", "Bram",
            "Roos", "Cas", "Sien", "Milan", "Ines", "Thibo"};
    private static final String[] LAST_NAMES = {"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems",
            "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Vermeulen", "Van den Broeck", "Declercq", "Verhoeven",
            "Lambrecht", "Vandenberghe", "Deconinck", "Vanhove", "Degroote", "Verstraete", "Coussement", "Debaene",
            "Vandamme", "Ghesquière", "Hollevoet", "Vanneste", "Dewaele", "Seynaeve", "Casteleyn", "Vansteenkiste",
            "Lievens", "Devos", "Naert", "Beernaert", "Cardoen", "Demeulenaere", "Moerman", "Pattyn", "Vanlerberghe"};

    private int phone;
    private final People people;
    private final Organisations organisations;
    private final JdbcClient jdbc;
    private final be.coordinaat.access.Accounts accounts;

    PeopleDemoData(People people, Organisations organisations, JdbcClient jdbc, be.coordinaat.access.Accounts accounts) {
        this.accounts = accounts;
        this.people = people;
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(DemoBoard board) {
        long regenboog = board.schools().get("regenboog");
        long atheneum = board.schools().get("atheneum");
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM school WHERE board_id = ?").param(board.boardId())
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2))).list();

        long director = staff(board, names, "Dirk", "Vandamme", "Directeur", regenboog);
        long coordinator = staff(board, names, "Koen", "Desmet", "Leerkracht 6de leerjaar en ICT-coördinator", regenboog);
        long teacher = staff(board, names, "Tine", "Claeys", "Leerkracht 5de leerjaar", regenboog);
        staff(board, names, "Sofie", "Maes", "Leerkracht 6de leerjaar", regenboog);
        staff(board, names, "Hilde", "Vercruysse", "Kleuteronderwijzer", regenboog);
        staff(board, names, "Bart", "Goethals", "Zorgcoördinator", regenboog);
        staff(board, names, "Marc", "Verstraete", "Directeur", atheneum);
        staff(board, names, "Els", "Vanhoutte", "Leerkracht informatica en ICT-coördinator", atheneum);
        staff(board, names, "Pieter", "Lannoo", "Leerkracht wiskunde", atheneum);
        staff(board, names, "Katrien", "Dewulf", "Leerkracht Nederlands", atheneum);
        staff(board, names, "Stijn", "Callewaert", "Leerkracht STEM", atheneum);
        staff(board, names, "Griet", "Vandenbussche", "Leerlingenbegeleider", atheneum);
        staff(board, names, "Lieve", "Debruyne", "Opvoeder", atheneum);
        staff(board, names, "Ann", "Deprez", "Secretariaatsmedewerker", regenboog, atheneum);
        staff(board, names, "Wim", "Lefever", "Preventieadviseur", regenboog, atheneum);
        link(board, "director", director);
        link(board, "coordinator", coordinator);
        link(board, "teacher", teacher);

        int n = 0;
        for (var cls : List.of(Map.entry("5A", regenboog), Map.entry("6B", regenboog), Map.entry("1A", atheneum),
                Map.entry("3B", atheneum))) {
            for (int i = 0; i < 10; i++, n++) {
                String first = FIRST_NAMES[n % FIRST_NAMES.length];
                String last = LAST_NAMES[(n * 7 + 3) % LAST_NAMES.length];
                // the secondary school's administration numbers its pupils; the primary school does not in this demo
                String number = cls.getValue() == atheneum ? String.format("AZ-%05d", 24001 + n) : null;
                people.insert(board.boardId(), new PersonForm(PersonKind.PUPIL, first, last, null, null, null,
                        cls.getKey(), number, List.of(cls.getValue()), null), only(names, cls.getValue()));
            }
        }

        long ictService = organisation(board, names, new OrganisationForm("ICT-dienst Gemeente Zonnebeke-Demo",
                OrganisationKind.MUNICIPAL_ICT, "ict@zonnebeke-demo.be", "051 00 00 40", "https://www.zonnebeke-demo.be/ict",
                "Marktplein 1", "8980", "Zonnebeke", "Tweedelijnssupport voor netwerk, servers en Microsoft 365 van beide scholen.",
                List.of(regenboog, atheneum), null),
                new ContactForm("Theo Vanneste", "Systeembeheerder", "theo.vanneste@zonnebeke-demo.be", "051 00 00 41", null),
                new ContactForm("Nele Bouckaert", "Diensthoofd ICT", "nele.bouckaert@zonnebeke-demo.be", "051 00 00 42", null));
        Long ictUser = board.users().get("ictdienst");
        if (ictUser != null) {
            // the municipal ICT service's technician: sees only what is escalated to the service
            accounts.linkOrganisationInitial(ictUser, ictService, board.boardId());
        }
        organisation(board, names, new OrganisationForm("Technische dienst Gemeente Zonnebeke-Demo",
                OrganisationKind.MUNICIPAL_TECHNICAL, "techniek@zonnebeke-demo.be", "051 00 00 50", null,
                "Ieperstraat 20", "8980", "Zonnebeke", "Elektriciteit, bekabeling en herstellingen in de gebouwen.",
                List.of(regenboog, atheneum), null),
                new ContactForm("Geert Vandenbroucke", "Ploegbaas gebouwen", "geert.vandenbroucke@zonnebeke-demo.be",
                        "0470 12 34 56", null));
        organisation(board, names, new OrganisationForm("Functionaris voor gegevensbescherming schoolbestuur",
                OrganisationKind.DPO, "dpo@zonnebeke-demo.be", "051 00 00 60", null, "Marktplein 1", "8980", "Zonnebeke",
                "Voor het verwerkingsregister, datalekken en DPIA's van alle scholen van het bestuur.",
                List.of(), null),
                new ContactForm("Dana Pattyn", "Functionaris voor gegevensbescherming", "dana.pattyn@zonnebeke-demo.be",
                        "051 00 00 61", null));
        organisation(board, names, new OrganisationForm("Westhoek IT bv", OrganisationKind.SUPPLIER,
                "onderwijs@westhoek-it.example", "057 21 21 21", "https://westhoek-it.example", "Industrielaan 8", "8900",
                "Ieper", "Raamcontract laptops en digitale borden.", List.of(regenboog), null),
                new ContactForm("Frederik Moerman", "Accountmanager onderwijs", "frederik.moerman@westhoek-it.example",
                        "0478 65 43 21", null),
                new ContactForm("Helpdesk Westhoek IT", "Helpdesk", "support@westhoek-it.example", "057 21 21 22", null));
        organisation(board, names, new OrganisationForm("EduNet Vlaanderen nv", OrganisationKind.SUPPLIER,
                "scholen@edunet.example", "09 123 45 67", "https://edunet.example", "Kortrijksesteenweg 100", "9000",
                "Gent", "Wifi-netwerk en firewall van het atheneum.", List.of(atheneum), null),
                new ContactForm("Sarah Vermeersch", "Projectleider", "sarah.vermeersch@edunet.example", "0486 11 22 33", null));
    }

    private long staff(DemoBoard board, Map<Long, String> names, String first, String last, String function,
            Long... schools) {
        Map<Long, String> chosen = new LinkedHashMap<>();
        for (Long s : schools) {
            chosen.put(s, names.get(s));
        }
        String email = ascii(first + "." + last).toLowerCase(Locale.ROOT).replace(" ", "") + "@zonnebeke-demo.be";
        return people.insert(board.boardId(), new PersonForm(PersonKind.STAFF, first, last, email,
                String.format("051 11 %02d %02d", ++phone / 100, phone % 100 + 10), function, null, null,
                List.of(schools), null), chosen);
    }

    private long organisation(DemoBoard board, Map<Long, String> names, OrganisationForm form, ContactForm... contacts) {
        Map<Long, String> served = new LinkedHashMap<>();
        form.schoolIds().forEach(s -> served.put(s, names.get(s)));
        long id = organisations.insert(board.boardId(), form, served);
        for (ContactForm c : contacts) {
            organisations.insertContact(board.boardId(), id, form.name(), served.keySet(), c);
        }
        return id;
    }

    private void link(DemoBoard board, String username, long personId) {
        Long userId = board.users().get(username);
        if (userId != null) {
            accounts.linkPerson(userId, personId, board.boardId());
        }
    }

    private static Map<Long, String> only(Map<Long, String> names, long schoolId) {
        return Map.of(schoolId, names.get(schoolId));
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
