package be.coordinaat.inventory;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.inventory.Views.AssetView;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.RecordChanged;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charging carts and the devices standing in them. A cart is an asset of kind {@link AssetKind#CHARGING_CART};
 * laptops, Chromebooks and tablets of the same school can be put in it. The bulk check-out lends a cart's devices
 * to a class.
 */
@Service
public class Carts {

    /** The kinds of device that go into a charging cart. */
    public static final Set<AssetKind> CART_DEVICES = Collections.unmodifiableSet(
            EnumSet.of(AssetKind.LAPTOP, AssetKind.CHROMEBOOK, AssetKind.TABLET));

    /** A device in a cart. */
    public record CartDevice(long id, String tag, String name, AssetKind kind, AssetStatus status, String model) {}

    /** A cart, for choosers: its tag, name or room, and how many devices stand in it. */
    public record CartRef(long id, String tag, String label, int devices) {}

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final Inventory inventory;
    private final ApplicationEventPublisher events;

    Carts(JdbcClient jdbc, AccessControl access, Inventory inventory, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.inventory = inventory;
        this.events = events;
    }

    /** The devices in a cart (404 when the cart is not visible; empty for other kinds of asset). */
    public List<CartDevice> devices(long cartId) {
        AssetView cart = inventory.asset(cartId);
        if (cart.kind() != AssetKind.CHARGING_CART) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT a.id, a.tag, a.name, a.kind, a.status,
                       (SELECT f.name || ' ' || m.name FROM asset_model m JOIN manufacturer f ON f.id = m.manufacturer_id
                         WHERE m.id = a.model_id)
                FROM asset a WHERE a.cart_id = ? AND a.school_id = ? ORDER BY lower(a.tag), a.id""")
                .params(cartId, cart.schoolId())
                .query((rs, n) -> new CartDevice(rs.getLong(1), rs.getString(2), rs.getString(3),
                        AssetKind.valueOf(rs.getString(4)), AssetStatus.valueOf(rs.getString(5)), rs.getString(6)))
                .list();
    }

    /** The carts of a school that the user sees, by tag. */
    public List<CartRef> carts(long schoolId) {
        if (!access.can(Permission.INVENTORY_READ, schoolId)) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT c.id, c.tag, coalesce(c.name, r.name, ''),
                       (SELECT count(*) FROM asset d WHERE d.cart_id = c.id)
                FROM asset c LEFT JOIN room r ON r.id = c.room_id
                WHERE c.school_id = ? AND c.kind = 'CHARGING_CART' AND c.status NOT IN ('RETIRED', 'DISPOSED')
                ORDER BY lower(c.tag), c.id""")
                .param(schoolId)
                .query((rs, n) -> new CartRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    /** The cart a device stands in, if any (for the device's page). */
    public java.util.Optional<CartRef> cartOf(long assetId) {
        AssetView asset = inventory.asset(assetId);
        return jdbc.sql("""
                SELECT c.id, c.tag, coalesce(c.name, r.name, ''), 0
                FROM asset d JOIN asset c ON c.id = d.cart_id LEFT JOIN room r ON r.id = c.room_id
                WHERE d.id = ? AND c.school_id = ?""")
                .params(assetId, asset.schoolId())
                .query((rs, n) -> new CartRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).optional();
    }

    /**
     * Puts the devices with these tags (separated by spaces, commas, semicolons or new lines) in the cart: all or
     * none; every tag that is unknown in the cart's school, or not a laptop, Chromebook or tablet, is reported.
     *
     * @return how many devices were moved into the cart
     */
    @Transactional
    public int put(long cartId, String tags) {
        AssetView cart = requireCart(cartId);
        List<String> list = tags == null ? List.of()
                : Arrays.stream(tags.split("[\\s,;]+")).filter(t -> !t.isBlank()).distinct().toList();
        if (list.isEmpty()) {
            throw InvalidInputException.of("tags", "cart.error.noTags", "list the tags of the devices");
        }
        if (list.size() > 500) {
            throw InvalidInputException.of("tags", "cart.error.tooMany", "at most 500 devices at once", 500);
        }
        record Device(long id, String tag, AssetKind kind, Long cartId, String cartTag) {}
        List<FieldProblem> problems = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        for (String tag : list) {
            var d = jdbc.sql("""
                    SELECT a.id, a.tag, a.kind, a.cart_id, c.tag FROM asset a LEFT JOIN asset c ON c.id = a.cart_id
                    WHERE a.school_id = ? AND lower(a.tag) = lower(?) FOR UPDATE OF a""")
                    .params(cart.schoolId(), tag)
                    .query((rs, n) -> new Device(rs.getLong(1), rs.getString(2), AssetKind.valueOf(rs.getString(3)),
                            (Long) rs.getObject(4), rs.getString(5)))
                    .optional();
            if (d.isEmpty()) {
                problems.add(new FieldProblem("tags", "cart.error.unknownTag", "tag " + tag + " does not exist in this school", tag));
            } else if (!CART_DEVICES.contains(d.get().kind())) {
                problems.add(new FieldProblem("tags", "cart.error.kind", tag + " is not a laptop, Chromebook or tablet", tag));
            } else if (d.get().cartId() == null || d.get().cartId() != cartId) {
                devices.add(d.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long board = access.current().boardId();
        for (Device d : devices) {
            jdbc.sql("UPDATE asset SET cart_id = ?, version = version + 1, updated_at = now() WHERE id = ?")
                    .params(cartId, d.id()).update();
            events.publishEvent(new RecordChanged("asset", d.id(), board, cart.schoolId(), RecordChanged.UPDATED, d.tag(),
                    RecordChanged.diff(java.util.Collections.singletonMap("cart", d.cartTag()),
                            java.util.Collections.singletonMap("cart", cart.tag()))));
        }
        return devices.size();
    }

    /** Takes a device out of the cart. */
    @Transactional
    public void remove(long cartId, long assetId) {
        AssetView cart = requireCart(cartId);
        var tag = jdbc.sql("SELECT tag FROM asset WHERE id = ? AND cart_id = ? AND school_id = ? FOR UPDATE")
                .params(assetId, cartId, cart.schoolId()).query(String.class).optional()
                .orElseThrow(() -> new be.coordinaat.shared.NotFoundException("asset", assetId));
        jdbc.sql("UPDATE asset SET cart_id = NULL, version = version + 1, updated_at = now() WHERE id = ?")
                .param(assetId).update();
        events.publishEvent(new RecordChanged("asset", assetId, access.current().boardId(), cart.schoolId(),
                RecordChanged.UPDATED, tag, RecordChanged.diff(java.util.Collections.singletonMap("cart", cart.tag()),
                        java.util.Collections.singletonMap("cart", null))));
    }

    private AssetView requireCart(long cartId) {
        AssetView cart = inventory.asset(cartId);
        access.require(Permission.INVENTORY_MANAGE, cart.schoolId());
        if (cart.kind() != AssetKind.CHARGING_CART) {
            throw InvalidInputException.of("cartId", "cart.error.notACart", "is not a charging cart");
        }
        return cart;
    }
}
