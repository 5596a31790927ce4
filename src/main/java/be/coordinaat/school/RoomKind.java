package be.coordinaat.school;

/** What a room is used for. */
public enum RoomKind { CLASSROOM, COMPUTER_LAB, OFFICE, SERVER_ROOM, STORAGE, HALL, OTHER }
