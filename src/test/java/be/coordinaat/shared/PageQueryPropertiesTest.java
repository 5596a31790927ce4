package be.coordinaat.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Whatever a user puts in the page, size, sort and search parameters, the SQL stays ours. */
class PageQueryPropertiesTest {

    static final Map<String, String> COLUMNS = Map.of("name", "lower(name)", "city", "lower(city)");

    @Property(tries = 500)
    void anyInputGivesAWhitelistedOrderAndBoundedPaging(@ForAll Integer page, @ForAll Integer size, @ForAll String sort,
            @ForAll String q) {
        PageQuery query = PageQuery.of(page, size, sort, q);
        assertThat(query.page()).isGreaterThanOrEqualTo(0);
        assertThat(query.size()).isBetween(1, PageQuery.MAX_SIZE);
        String orderBy = query.orderBy(COLUMNS, "name");
        assertThat(orderBy).matches(" ORDER BY lower\\((name|city)\\) (ASC|DESC), id (ASC|DESC)");
        if (query.q() != null) {
            assertThat(query.q().length()).isLessThanOrEqualTo(200);
            String like = query.likePattern();
            assertThat(like).startsWith("%").endsWith("%");
            String inner = like.substring(1, like.length() - 1);
            // every % and _ of the input is escaped, so the user's text matches literally
            assertThat(inner.replace("\\\\", "").replace("\\%", "").replace("\\_", "")).doesNotContain("%", "_");
        }
    }
}
