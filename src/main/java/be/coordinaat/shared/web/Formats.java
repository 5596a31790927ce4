package be.coordinaat.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Date formats for templates ({@code ${@fmt.dateTime(x)}}), always in Brussels time. */
@Component("fmt")
public class Formats {
    public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public String dateTime(Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant);
    }

    public String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "—" : DATE.format(instant.atZone(ZONE));
    }
}
