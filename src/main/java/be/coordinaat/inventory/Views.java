package be.coordinaat.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the inventory shows: read models. */
public final class Views {
    private Views() {}

    /** One line of the asset list, with the names of what it refers to. */
    public record AssetRow(long id, long schoolId, String schoolName, String tag, String name, String serial,
            AssetKind kind, AssetStatus status, Long modelId, String modelName, String manufacturerName, Long roomId,
            String roomName, String roomCode, String buildingName, Long assignedPersonId, String assignedPersonName,
            LocalDate purchaseDate, LocalDate warrantyEnd, LocalDate endOfLife, int version) {}

    /**
     * One page of the asset list. A text search is counted up to {@code AssetListQuery.TEXT_COUNT_LIMIT} matches:
     * beyond it {@code total} is that limit and {@code totalCapped} is true ("more than 1,000").
     */
    public record AssetPage(List<AssetRow> items, long total, boolean totalCapped, int page, int size) {

        public int totalPages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    /** An asset with everything about it. {@code extra} holds the custom field values by key. */
    public record AssetView(long id, long schoolId, String schoolName, String tag, String name, String serial,
            Long modelId, String modelName, Long manufacturerId, String manufacturerName, AssetKind kind,
            AssetStatus status, Instant statusChangedAt, Long roomId, String roomName, String roomCode,
            String buildingName, Long assignedPersonId, String assignedPersonName, LocalDate purchaseDate,
            BigDecimal price, String supplier, String orderReference, LocalDate warrantyEnd, LocalDate endOfLife,
            String notes, Instant lastAuditAt, Map<String, Object> extra, int version, Instant createdAt,
            Instant updatedAt) {}

    public record AttachmentView(long id, long assetId, String fileName, String contentType, long size,
            String uploadedBy, Instant uploadedAt) {

        public boolean image() {
            return contentType.startsWith("image/");
        }

        /** The size in kB, rounded up (a small photo is 1 kB, not 0). */
        public long kilobytes() {
            return Math.max(1, (size + 1023) / 1024);
        }
    }

    /** An attachment's content, for download. */
    public record AttachmentFile(String fileName, String contentType, byte[] bytes) {}

    public record ManufacturerView(long id, String name, String website, String supportEmail, String supportPhone,
            int modelCount, int version) {}

    /**
     * A model; {@code assetCount} counts the assets in the schools the current user may see (null in choosers,
     * which do not count).
     */
    public record ModelView(long id, long manufacturerId, String manufacturerName, String name, AssetKind kind,
            String modelNumber, Integer endOfLifeMonths, String notes, Long assetCount, int version) {

        /** "Acer Chromebook 311". */
        public String fullName() {
            return manufacturerName + " " + name;
        }
    }

    public record FieldView(long id, AssetKind kind, String key, String label, FieldType type, List<String> choices,
            boolean required, int position, int version) {}

    /**
     * The counts of one school's assets: per kind and status, with totals per kind and per status, and how many
     * have a warranty ending within {@code Inventory#WARRANTY_SOON_DAYS} days.
     */
    public record SchoolSummary(long schoolId, String schoolName, long total, long warrantyEndingSoon,
            Map<AssetKind, Map<AssetStatus, Long>> counts, Map<AssetKind, Long> byKind,
            Map<AssetStatus, Long> byStatus) {}

    public record SavedFilterView(long id, String name, String query) {}

    /** A person who can be chosen for an assignment: name and, for pupils, the class ({@code detail}). */
    public record PersonOption(long id, String name, String detail) {}
}
