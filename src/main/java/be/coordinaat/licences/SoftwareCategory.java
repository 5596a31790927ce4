package be.coordinaat.licences;

/** What a catalogue entry is for a school. */
public enum SoftwareCategory {
    /** School administration: pupil records, timetables, finances (Informat, Wisa, Smartschool administration). */
    ADMINISTRATION,
    /** The electronic learning environment (Smartschool, Google Classroom). */
    LEARNING_PLATFORM,
    /** Apps and methods for lessons (Bingel, Diddit, Kurzweil 3000). */
    EDUCATIONAL_APP,
    OFFICE,
    OPERATING_SYSTEM,
    SECURITY,
    OTHER
}
