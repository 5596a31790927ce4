package be.coordinaat.school;

/** Level of education of a school. */
public enum SchoolLevel { PRIMARY, SECONDARY, OTHER }
