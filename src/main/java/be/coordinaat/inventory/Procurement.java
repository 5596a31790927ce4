package be.coordinaat.inventory;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.inventory.Views.ModelView;
import be.coordinaat.school.Schools;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.RecordChanged;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assets that arrive with a purchase delivery (the purchasing module), in the caller's transaction. They follow
 * {@link Inventory#create}: INVENTORY_MANAGE in the school, a generated tag from the school's counter, status in
 * stock, the model's end of life, the history; but the custom fields a kind requires (the operating system of a
 * laptop, …) are left empty, since whoever unpacks the device fills them in when it is set up. The caller makes sure
 * a unit is received once.
 */
@Service
@Transactional(readOnly = true)
public class Procurement {

    /** One unit received: its school, description, serial, model or kind, room and what the order says about it. */
    public record DeliveredAsset(long schoolId, String name, String serial, Long modelId, AssetKind kind, Long roomId,
            LocalDate purchaseDate, BigDecimal price, String supplier, String orderReference, String notes) {}

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final Inventory inventory;
    private final AssetCatalog catalog;
    private final Schools schools;
    private final ApplicationEventPublisher events;

    Procurement(JdbcClient jdbc, AccessControl access, Inventory inventory, AssetCatalog catalog, Schools schools,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.inventory = inventory;
        this.catalog = catalog;
        this.schools = schools;
        this.events = events;
    }

    /** Registers one delivered unit as an asset in stock and returns its id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long receive(DeliveredAsset a) {
        access.require(Permission.INVENTORY_MANAGE, a.schoolId());
        ModelView model = null;
        if (a.modelId() != null) {
            model = catalog.modelChoices().stream().filter(m -> m.id() == a.modelId()).findFirst()
                    .orElseThrow(() -> InvalidInputException.of("modelId", "error.reference", "does not exist"));
        }
        AssetKind kind = a.kind() != null ? a.kind() : model == null ? null : model.kind();
        if (kind == null) {
            throw InvalidInputException.of("kind", "error.required", "is required");
        }
        Long room = a.roomId() != null && schools.roomIn(a.roomId(), Set.of(a.schoolId())) ? a.roomId() : null;
        LocalDate endOfLife = model != null && model.endOfLifeMonths() != null && a.purchaseDate() != null
                ? a.purchaseDate().plusMonths(model.endOfLifeMonths()) : null;
        BigDecimal price = a.price() == null ? null : a.price().setScale(2, RoundingMode.HALF_UP);
        String tag = inventory.nextFreeTag(a.schoolId());
        long id = jdbc.sql("""
                INSERT INTO asset (school_id, tag, name, serial, model_id, kind, status, room_id, purchase_date, price, supplier,
                                   order_reference, end_of_life, notes, extra)
                VALUES (:school, :tag, :name, :serial, :model, :kind, 'IN_STOCK', :room, :purchaseDate, :price, :supplier,
                        :orderReference, :endOfLife, :notes, CAST('{}' AS jsonb))
                RETURNING id""")
                .param("school", a.schoolId()).param("tag", tag).param("name", cut(a.name(), 150)).param("serial", cut(a.serial(), 100))
                .param("model", a.modelId()).param("kind", kind.name()).param("room", room).param("purchaseDate", a.purchaseDate())
                .param("price", price).param("supplier", cut(a.supplier(), 200)).param("orderReference", cut(a.orderReference(), 100))
                .param("endOfLife", endOfLife).param("notes", cut(a.notes(), 4000)).query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("tag", tag);
        after.put("name", cut(a.name(), 150));
        after.put("serial", cut(a.serial(), 100));
        after.put("kind", kind);
        after.put("model", model == null ? null : model.fullName());
        after.put("status", AssetStatus.IN_STOCK);
        after.put("roomId", room);
        after.put("purchaseDate", a.purchaseDate());
        after.put("price", price == null ? null : price.toPlainString());
        after.put("supplier", a.supplier());
        after.put("orderReference", a.orderReference());
        after.put("endOfLife", endOfLife);
        after.put("notes", a.notes());
        events.publishEvent(new RecordChanged("asset", id, access.current().boardId(), a.schoolId(), RecordChanged.CREATED, tag,
                RecordChanged.diff(Map.of(), after)));
        return id;
    }

    private static String cut(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }
}
