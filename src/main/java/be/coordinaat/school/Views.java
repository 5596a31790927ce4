package be.coordinaat.school;

/** What the school module shows: read models. */
public final class Views {
    private Views() {}

    public record BoardView(long id, String name, String street, String postalCode, String city, String email,
            String phone, int version) {}

    public record CommunityView(long id, long boardId, String name, int schoolCount, int version) {}

    public record SchoolView(long id, long boardId, String name, String institutionNumber, SchoolLevel level,
            Long communityId, String communityName, String street, String postalCode, String city, String email,
            String phone, int version) {}

    public record CampusView(long id, long schoolId, String name, String street, String postalCode, String city,
            int version) {}

    public record BuildingView(long id, long schoolId, long campusId, String campusName, String name, int version) {}

    public record RoomView(long id, long schoolId, long buildingId, String buildingName, String campusName, String name,
            String code, String floor, RoomKind kind, Integer capacity, int version) {}
}
