package be.coordinaat.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.coordinaat.calendar.FlemishSchoolHolidays.Holiday;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated Flemish holidays against the calendars the Flemish schools published (2022-2023 to 2025-2026) and,
 * for 2026-2027, the decree's rules (1 November 2026 is a Sunday: the autumn break starts on 2 November).
 */
class FlemishSchoolHolidaysTest {

    private static Holiday h(String name, ClosureKind kind, String first, String last) {
        return new Holiday(name, kind, LocalDate.parse(first), LocalDate.parse(last));
    }

    @Test
    void easterByTheAnonymousGregorianAlgorithm() {
        assertThat(FlemishSchoolHolidays.easterSunday(2024)).isEqualTo("2024-03-31");
        assertThat(FlemishSchoolHolidays.easterSunday(2025)).isEqualTo("2025-04-20");
        assertThat(FlemishSchoolHolidays.easterSunday(2026)).isEqualTo("2026-04-05");
        assertThat(FlemishSchoolHolidays.easterSunday(2027)).isEqualTo("2027-03-28");
        assertThat(FlemishSchoolHolidays.easterSunday(2038)).isEqualTo("2038-04-25"); // latest possible
        assertThat(FlemishSchoolHolidays.easterSunday(2285)).isEqualTo("2285-03-22"); // earliest possible
        assertThat(FlemishSchoolHolidays.easterSunday(1961)).isEqualTo("1961-04-02");
    }

    @Test
    void schoolYear2024to2025() {
        assertThat(FlemishSchoolHolidays.of(SchoolYear.parse("2024-2025"))).containsExactly(
                h("Herfstvakantie", ClosureKind.HOLIDAY, "2024-10-28", "2024-11-03"),
                h("Wapenstilstand", ClosureKind.PUBLIC_HOLIDAY, "2024-11-11", "2024-11-11"),
                h("Kerstvakantie", ClosureKind.HOLIDAY, "2024-12-23", "2025-01-05"),
                h("Krokusvakantie", ClosureKind.HOLIDAY, "2025-03-03", "2025-03-09"),
                h("Paasvakantie", ClosureKind.HOLIDAY, "2025-04-07", "2025-04-20"),
                h("Paasmaandag", ClosureKind.PUBLIC_HOLIDAY, "2025-04-21", "2025-04-21"),
                h("Dag van de Arbeid", ClosureKind.PUBLIC_HOLIDAY, "2025-05-01", "2025-05-01"),
                h("Hemelvaartsdag", ClosureKind.PUBLIC_HOLIDAY, "2025-05-29", "2025-05-29"),
                h("Vrijdag na Hemelvaart", ClosureKind.BRIDGE_DAY, "2025-05-30", "2025-05-30"),
                h("Pinkstermaandag", ClosureKind.PUBLIC_HOLIDAY, "2025-06-09", "2025-06-09"),
                h("Zomervakantie", ClosureKind.HOLIDAY, "2025-07-01", "2025-08-31"));
    }

    @Test
    void schoolYear2025to2026() {
        assertThat(FlemishSchoolHolidays.of(SchoolYear.parse("2025-2026"))).containsExactly(
                h("Herfstvakantie", ClosureKind.HOLIDAY, "2025-10-27", "2025-11-02"),
                h("Wapenstilstand", ClosureKind.PUBLIC_HOLIDAY, "2025-11-11", "2025-11-11"),
                h("Kerstvakantie", ClosureKind.HOLIDAY, "2025-12-22", "2026-01-04"),
                h("Krokusvakantie", ClosureKind.HOLIDAY, "2026-02-16", "2026-02-22"),
                h("Paasvakantie", ClosureKind.HOLIDAY, "2026-04-06", "2026-04-19"),
                h("Dag van de Arbeid", ClosureKind.PUBLIC_HOLIDAY, "2026-05-01", "2026-05-01"),
                h("Hemelvaartsdag", ClosureKind.PUBLIC_HOLIDAY, "2026-05-14", "2026-05-14"),
                h("Vrijdag na Hemelvaart", ClosureKind.BRIDGE_DAY, "2026-05-15", "2026-05-15"),
                h("Pinkstermaandag", ClosureKind.PUBLIC_HOLIDAY, "2026-05-25", "2026-05-25"),
                h("Zomervakantie", ClosureKind.HOLIDAY, "2026-07-01", "2026-08-31"));
    }

    @Test
    void schoolYear2026to2027() {
        assertThat(FlemishSchoolHolidays.of(SchoolYear.parse("2026-2027"))).containsExactly(
                h("Herfstvakantie", ClosureKind.HOLIDAY, "2026-11-02", "2026-11-08"),
                h("Wapenstilstand", ClosureKind.PUBLIC_HOLIDAY, "2026-11-11", "2026-11-11"),
                h("Kerstvakantie", ClosureKind.HOLIDAY, "2026-12-21", "2027-01-03"),
                h("Krokusvakantie", ClosureKind.HOLIDAY, "2027-02-08", "2027-02-14"),
                h("Paasvakantie", ClosureKind.HOLIDAY, "2027-03-29", "2027-04-11"),
                h("Dag van de Arbeid", ClosureKind.PUBLIC_HOLIDAY, "2027-05-01", "2027-05-01"),
                h("Hemelvaartsdag", ClosureKind.PUBLIC_HOLIDAY, "2027-05-06", "2027-05-06"),
                h("Vrijdag na Hemelvaart", ClosureKind.BRIDGE_DAY, "2027-05-07", "2027-05-07"),
                h("Pinkstermaandag", ClosureKind.PUBLIC_HOLIDAY, "2027-05-17", "2027-05-17"),
                h("Zomervakantie", ClosureKind.HOLIDAY, "2027-07-01", "2027-08-31"));
    }

    @Test
    void earlierPublishedYearsFollowTheSameRules() {
        List<Holiday> y2022 = FlemishSchoolHolidays.of(new SchoolYear(2022));
        assertThat(y2022).contains(
                h("Herfstvakantie", ClosureKind.HOLIDAY, "2022-10-31", "2022-11-06"),
                h("Kerstvakantie", ClosureKind.HOLIDAY, "2022-12-26", "2023-01-08"), // Christmas on a Sunday
                h("Krokusvakantie", ClosureKind.HOLIDAY, "2023-02-20", "2023-02-26"),
                h("Paasvakantie", ClosureKind.HOLIDAY, "2023-04-03", "2023-04-16"),
                h("Hemelvaartsdag", ClosureKind.PUBLIC_HOLIDAY, "2023-05-18", "2023-05-18"),
                h("Pinkstermaandag", ClosureKind.PUBLIC_HOLIDAY, "2023-05-29", "2023-05-29"));
        List<Holiday> y2023 = FlemishSchoolHolidays.of(new SchoolYear(2023));
        assertThat(y2023).contains(
                h("Herfstvakantie", ClosureKind.HOLIDAY, "2023-10-30", "2023-11-05"),
                h("Kerstvakantie", ClosureKind.HOLIDAY, "2023-12-25", "2024-01-07"),
                h("Krokusvakantie", ClosureKind.HOLIDAY, "2024-02-12", "2024-02-18"),
                h("Paasvakantie", ClosureKind.HOLIDAY, "2024-04-01", "2024-04-14")); // Easter in March
    }

    @Test
    void everyHolidayLiesInItsSchoolYear() {
        for (int y = 1950; y < 2150; y++) {
            SchoolYear year = new SchoolYear(y);
            for (Holiday h : FlemishSchoolHolidays.of(year)) {
                assertThat(year.contains(h.firstDay()) && year.contains(h.lastDay())).as(h + " in " + year).isTrue();
                assertThat(h.lastDay()).isAfterOrEqualTo(h.firstDay());
            }
        }
    }

    @Test
    void schoolYears() {
        assertThat(SchoolYear.containing(LocalDate.parse("2026-08-31"))).isEqualTo(new SchoolYear(2025));
        assertThat(SchoolYear.containing(LocalDate.parse("2026-09-01"))).isEqualTo(new SchoolYear(2026));
        assertThat(SchoolYear.parse("2026/2027").label()).isEqualTo("2026-2027");
        assertThatThrownBy(() -> SchoolYear.parse("2026-2028")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchoolYear.parse("x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchoolYear.parse("0001-0002")).isInstanceOf(IllegalArgumentException.class);
    }
}
