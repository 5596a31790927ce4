/**
 * Business calendars of the schools: opening hours per weekday (split days, Wednesday afternoon closed), closures
 * (school holidays, public holidays, pedagogical study days, bridge days) and the time zone, as a board default that
 * every school inherits unless it sets its own hours, time zone or opts out of the board's closures. The official
 * Flemish school holidays of a school year are generated from Easter ({@link be.coordinaat.calendar.FlemishSchoolHolidays}),
 * and {@link be.coordinaat.calendar.SchoolYear} is the 1 September – 31 August school year other modules use.
 *
 * <p>{@link be.coordinaat.calendar.BusinessCalendars} is the business clock (add business time, time between, open,
 * next opening) the helpdesk counts its SLA targets with; it needs no signed-in user and caches each school's
 * calendar. {@link be.coordinaat.calendar.SchoolCalendars} reads and changes the calendars for the pages and the API.
 *
 * <p>Scope: a school's calendar is read with SCHOOL_READ in that school and changed with HELPDESK_CONFIGURE in that
 * school (the permission that configures the helpdesk's business hours); the board default is changed by holders of a
 * board-wide HELPDESK_CONFIGURE (board admins) and read by everyone who reads a school. Depends on {@code access},
 * {@code school} (names) and {@code shared}; reads {@code school.board_id} in SQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package be.coordinaat.calendar;
