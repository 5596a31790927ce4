/**
 * The school board, its schools (with their official institution number), the school community that groups
 * them, and their places: campuses, buildings and rooms. Other modules refer to schools and rooms by id and read
 * them through {@link be.coordinaat.school.Schools}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "School")
package be.coordinaat.school;
