package be.coordinaat.inventory;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the multi-year replacement plan (budget module) needs from the inventory, as SQL aggregates over the working
 * assets of one school (not retired or disposed): how many assets of each kind and model were bought in which month,
 * with which end-of-life date, and what they cost. No asset leaves the inventory one by one. The caller checks the
 * user's permission in the school (this facade is not an endpoint and checks no scope of its own).
 */
@Service
@Transactional(readOnly = true)
public class ReplacementData {

    /**
     * A group of working assets of one school with the same kind, model, month of purchase and month of end of life.
     *
     * @param purchaseMonth  first day of the month of purchase; null when the purchase date is unknown
     * @param endOfLifeMonth first day of the month of the end-of-life date set on the asset; null when none is set
     * @param priced         how many of them have a price
     * @param priceSum       the sum of those prices (0 when none)
     */
    public record Group(long schoolId, AssetKind kind, Long modelId, LocalDate purchaseMonth, LocalDate endOfLifeMonth,
            long count, long priced, BigDecimal priceSum) {}

    /**
     * The median price of a kind (modelId null) or of one model, over the assets with a price (any status), and how
     * many prices it is taken from. The median is one of the prices (never an average), so it has two decimals.
     */
    public record MedianPrice(AssetKind kind, Long modelId, BigDecimal median, long samples) {}

    private final JdbcClient jdbc;

    ReplacementData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The working assets of a school, grouped by kind, model, purchase month and end-of-life month. */
    public List<Group> groups(long schoolId) {
        return jdbc.sql("""
                SELECT kind, model_id, date_trunc('month', purchase_date)::date AS purchase_month,
                       date_trunc('month', end_of_life)::date AS eol_month,
                       count(*) AS n, count(price) AS priced, coalesce(sum(price), 0) AS price_sum
                FROM asset
                WHERE school_id = :school AND status NOT IN ('RETIRED', 'DISPOSED')
                GROUP BY kind, model_id, purchase_month, eol_month
                ORDER BY kind, model_id NULLS LAST, purchase_month NULLS LAST, eol_month NULLS LAST""")
                .param("school", schoolId)
                .query((rs, n) -> new Group(schoolId, AssetKind.valueOf(rs.getString("kind")),
                        (Long) rs.getObject("model_id"), localDate(rs.getDate("purchase_month")),
                        localDate(rs.getDate("eol_month")), rs.getLong("n"), rs.getLong("priced"),
                        rs.getBigDecimal("price_sum")))
                .list();
    }

    /** Median prices of one school's assets: per kind and model, and per kind. */
    public List<MedianPrice> medianPrices(long schoolId) {
        return jdbc.sql("""
                SELECT kind, model_id, GROUPING(model_id) AS per_kind,
                       percentile_disc(0.5) WITHIN GROUP (ORDER BY price) AS median, count(*) AS n
                FROM asset
                WHERE school_id = :school AND price IS NOT NULL
                GROUP BY GROUPING SETS ((kind, model_id), (kind))""")
                .param("school", schoolId)
                .query((rs, n) -> new MedianPrice(AssetKind.valueOf(rs.getString("kind")),
                        rs.getInt("per_kind") == 1 ? null : (Long) rs.getObject("model_id"), rs.getBigDecimal("median"),
                        rs.getLong("n")))
                .list().stream().filter(m -> m.modelId() != null || m.median() != null).toList();
    }

    /** How long a board's median prices per kind are reused: a statistic over the whole board that moves slowly. */
    static final java.time.Duration BOARD_MEDIANS_FOR = java.time.Duration.ofMinutes(10);

    private record BoardMedians(java.time.Instant at, java.util.Map<AssetKind, MedianPrice> byKind) {}

    private final java.util.Map<Long, BoardMedians> boardMedians = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Median prices per kind over all schools of a board, for kinds a school has never bought with a price itself.
     * Computed for every kind at once (one pass over the board's priced assets, a few hundred milliseconds at
     * 250,000 assets) and reused for {@link #BOARD_MEDIANS_FOR} by every forecast of the board on this instance.
     */
    public List<MedianPrice> boardMedianPrices(long boardId, Collection<AssetKind> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        java.time.Instant now = java.time.Instant.now();
        BoardMedians cached = boardMedians.get(boardId);
        if (cached == null || cached.at().plus(BOARD_MEDIANS_FOR).isBefore(now)) {
            java.util.Map<AssetKind, MedianPrice> byKind = new java.util.EnumMap<>(AssetKind.class);
            jdbc.sql("""
                    SELECT a.kind, percentile_disc(0.5) WITHIN GROUP (ORDER BY a.price) AS median, count(*) AS n
                    FROM asset a JOIN school s ON s.id = a.school_id
                    WHERE s.board_id = :board AND a.price IS NOT NULL
                    GROUP BY a.kind""")
                    .param("board", boardId)
                    .query((rs, n) -> new MedianPrice(AssetKind.valueOf(rs.getString("kind")), null,
                            rs.getBigDecimal("median"), rs.getLong("n")))
                    .list().forEach(m -> byKind.put(m.kind(), m));
            cached = new BoardMedians(now, byKind);
            boardMedians.put(boardId, cached);
        }
        java.util.Map<AssetKind, MedianPrice> byKind = cached.byKind();
        return kinds.stream().map(byKind::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Forgets the reused board medians (tests that change prices and read the forecast at once). */
    public void forgetBoardMedians() {
        boardMedians.clear();
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
