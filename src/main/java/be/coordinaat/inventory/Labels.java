package be.coordinaat.inventory;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.inventory.Views.AssetRow;
import be.coordinaat.inventory.Views.AssetView;
import be.coordinaat.inventory.label.AssetLinks;
import be.coordinaat.inventory.label.LabelLayout;
import be.coordinaat.inventory.label.LabelSheetRenderer;
import be.coordinaat.inventory.label.LabelSheetRenderer.LabelData;
import be.coordinaat.inventory.label.QrCodes;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * QR labels of the assets. Each label's QR code holds the asset's short address {@code <base>/a/<schoolId>/<tag>}
 * ({@link AssetLinks}), which sends signed-in staff with INVENTORY_READ to the asset's page and answers 404 to
 * everyone else; it is stable so that the public "report a problem" page can later live behind it. Sheets are A4
 * PDFs in common label formats ({@link LabelFormat}) for a list of assets or the assets matching the list filters
 * of one school, at most {@link #MAX_LABELS}.
 */
@Service
@Transactional(readOnly = true)
public class Labels {

    public static final int MAX_LABELS = 2000;
    public static final int PNG_PIXELS = 400;

    /**
     * Which labels to print: either {@code assetIds}, or the assets matching {@code filter} (and free text {@code q})
     * in one school; {@code skip} labels of a partly used first sheet stay empty.
     */
    public record LabelRequest(@Size(max = MAX_LABELS) List<Long> assetIds, AssetFilter filter, @Size(max = 200) String q,
            LabelFormat format, Integer skip) {}

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final Inventory inventory;
    private final LabelSheetRenderer renderer;

    Labels(JdbcClient jdbc, AccessControl access, Inventory inventory, LabelSheetRenderer renderer) {
        this.jdbc = jdbc;
        this.access = access;
        this.inventory = inventory;
        this.renderer = renderer;
    }

    /** The asset behind a label's address, if the user may see it; 404 otherwise (also for other schools). */
    public long resolve(long schoolId, String tag) {
        return jdbc.sql("""
                SELECT id FROM asset WHERE school_id = :school AND lower(tag) = lower(:tag)
                  AND school_id = ANY(CAST(:ids AS bigint[]))""")
                .param("school", schoolId).param("tag", tag == null ? "" : tag)
                .param("ids", access.schoolArray(Permission.INVENTORY_READ))
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("asset", tag));
    }

    /** The absolute label address of an asset the user may see. */
    public String url(long assetId, String base) {
        AssetView a = inventory.asset(assetId);
        return AssetLinks.url(base, a.schoolId(), a.tag());
    }

    /** The asset's QR code as PNG. */
    public byte[] png(long assetId, String base) {
        return QrCodes.png(url(assetId, base), PNG_PIXELS);
    }

    /** A PDF of label sheets; 400 (fields assetIds, school, skip, format) when the selection or options are wrong. */
    public byte[] sheet(LabelRequest request, String base) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        LabelFormat format = request.format() == null ? LabelFormat.L7160 : request.format();
        int skip = request.skip() == null ? 0 : request.skip();
        if (skip < 0 || skip >= format.perSheet()) {
            throw InvalidInputException.of("skip", "label.error.skip", "must lie between 0 and " + (format.perSheet() - 1),
                    format.perSheet() - 1);
        }
        return renderer.pdf(format, skip, labels(request, base));
    }

    /** The number of labels a request selects (for the form's summary). */
    public int count(LabelRequest request) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        return labels(request, "").size();
    }

    private List<LabelData> labels(LabelRequest request, String base) {
        List<LabelData> labels = new ArrayList<>();
        if (request.assetIds() != null) {
            if (request.assetIds().size() > MAX_LABELS) {
                throw tooMany();
            }
            for (Long id : new LinkedHashSet<>(request.assetIds())) {
                if (id == null) {
                    continue;
                }
                AssetView a = inventory.asset(id);
                labels.add(new LabelData(AssetLinks.url(base, a.schoolId(), a.tag()), a.tag(),
                        LabelLayout.shortSchoolName(a.schoolName(), 40), model(a.manufacturerName(), a.modelName(), a.name())));
            }
        } else {
            AssetFilter filter = request.filter() == null ? AssetFilter.none() : request.filter();
            if (filter.school() == null) {
                List<SchoolRef> readable = inventory.readableSchools();
                if (readable.size() != 1) {
                    throw InvalidInputException.of("school", "label.error.school", "choose one school, or send assetIds");
                }
                filter = filter.withSchool(readable.get(0).id());
            }
            for (int page = 0; ; page++) {
                Views.AssetPage rows = inventory.assets(filter, PageQuery.of(page, PageQuery.MAX_SIZE, "tag", request.q()));
                if (rows.totalCapped() || rows.total() > MAX_LABELS) {
                    throw tooMany();
                }
                for (AssetRow a : rows.items()) {
                    labels.add(new LabelData(AssetLinks.url(base, a.schoolId(), a.tag()), a.tag(),
                            LabelLayout.shortSchoolName(a.schoolName(), 40), model(a.manufacturerName(), a.modelName(), a.name())));
                }
                if (!rows.hasNext()) {
                    break;
                }
            }
        }
        if (labels.isEmpty()) {
            throw InvalidInputException.of("assetIds", "label.error.none", "select at least one asset");
        }
        return labels;
    }

    private static InvalidInputException tooMany() {
        return InvalidInputException.of("assetIds", "label.error.tooMany", "at most " + MAX_LABELS + " labels at once", MAX_LABELS);
    }

    private static String model(String manufacturer, String model, String name) {
        if (model != null) {
            return (manufacturer == null ? "" : manufacturer + " ") + model;
        }
        return name == null ? "" : name;
    }
}
