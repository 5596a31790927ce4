package be.coordinaat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.inventory.Views.FieldView;
import be.coordinaat.inventory.domain.AssetListQuery;
import be.coordinaat.inventory.domain.CustomFields;
import be.coordinaat.shared.FileTypes;
import be.coordinaat.inventory.domain.TagPrefixes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inventory's rules that need no database: file types, custom fields, tags, list SQL. */
class AssetRulesTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    @Test
    void fileTypesAreJudgedByTheirContent() {
        assertThat(FileTypes.detect(PNG, FileTypes.PHOTOS_AND_PDF)).contains("image/png");
        assertThat(FileTypes.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0}, FileTypes.PHOTOS_AND_PDF)).contains("image/jpeg");
        assertThat(FileTypes.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(), FileTypes.PHOTOS_AND_PDF)).contains("image/webp");
        assertThat(FileTypes.detect("%PDF-1.7\n".getBytes(), FileTypes.PHOTOS_AND_PDF)).contains("application/pdf");
        assertThat(FileTypes.detect("MZ\u0090\0\3\0\0\0".getBytes(), FileTypes.PHOTOS_AND_PDF)).as("a Windows program").isEmpty();
        assertThat(FileTypes.detect("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(), FileTypes.PHOTOS_AND_PDF)).as("SVG can carry scripts").isEmpty();
        assertThat(FileTypes.detect("RIFF\0\0\0\0WAVE".getBytes(), FileTypes.PHOTOS_AND_PDF)).as("a sound file").isEmpty();
        assertThat(FileTypes.detect(new byte[] {(byte) 0x89, 'P'}, FileTypes.PHOTOS_AND_PDF)).isEmpty();
        assertThat(FileTypes.detect(new byte[0], FileTypes.PHOTOS_AND_PDF)).isEmpty();
    }

    @Test
    void fileNamesAreMadeSafe() {
        assertThat(FileTypes.safeName("C:\\Users\\koen\\factuur 2024.pdf", "application/pdf", "file", 255)).isEqualTo("factuur 2024.pdf");
        assertThat(FileTypes.safeName("../../etc/passwd", "image/png", "file", 255)).isEqualTo("passwd");
        assertThat(FileTypes.safeName("a\"b\r\nc.png", "image/png", "file", 255)).isEqualTo("abc.png");
        assertThat(FileTypes.safeName("", "image/jpeg", "file", 255)).isEqualTo("file.jpg");
        assertThat(FileTypes.safeName(null, "application/pdf", "file", 255)).isEqualTo("file.pdf");
        assertThat(FileTypes.safeName("x".repeat(300), "image/png", "file", 255)).hasSize(255).endsWith(".png");
    }

    static FieldView field(String key, FieldType type, boolean required, String... choices) {
        return new FieldView(1, AssetKind.LAPTOP, key, key, type, List.of(choices), required, 0, 0);
    }

    @Test
    void customFieldsAreCheckedByType() {
        var defs = List.of(field("ram_gb", FieldType.NUMBER, false), field("os", FieldType.CHOICE, true, "Windows 11", "Ubuntu"),
                field("aue", FieldType.DATE, false), field("mac", FieldType.TEXT, false));
        Map<String, Object> good = new LinkedHashMap<>();
        good.put("ram_gb", "8,5");
        good.put("os", "Ubuntu");
        good.put("aue", "2031-06-01");
        good.put("mac", "  e0:63:da:1f:0a:11 ");
        var ok = CustomFields.check(defs, good);
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.values()).containsEntry("ram_gb", new BigDecimal("8.5")).containsEntry("os", "Ubuntu")
                .containsEntry("aue", "2031-06-01").containsEntry("mac", "e0:63:da:1f:0a:11");
        assertThat(CustomFields.check(defs, Map.of("os", "Ubuntu", "ram_gb", 16)).values().get("ram_gb")).isEqualTo(new BigDecimal("16"));

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("ram_gb", "veel");
        bad.put("os", "Windows 95");
        bad.put("aue", "01/06/2031");
        bad.put("mac", "x".repeat(501));
        bad.put("colour", "blue");
        var problems = CustomFields.check(defs, bad).problems();
        assertThat(problems).extracting(p -> p.field() + ":" + p.messageKey()).containsExactlyInAnyOrder(
                "extra.colour:asset.error.extra.unknown", "extra.ram_gb:asset.error.extra.number",
                "extra.os:asset.error.extra.choice", "extra.aue:asset.error.extra.date", "extra.mac:asset.error.extra.tooLong");
        assertThat(CustomFields.check(defs, Map.of()).problems()).extracting(p -> p.field() + ":" + p.messageKey())
                .containsExactly("extra.os:error.required");
        assertThat(CustomFields.check(defs, Map.of("os", List.of("Ubuntu"))).problems()).extracting(p -> p.messageKey())
                .containsExactly("asset.error.extra.type");
        assertThat(CustomFields.check(defs, Map.of("os", "Ubuntu", "ram_gb", true)).problems()).extracting(p -> p.field())
                .containsExactly("extra.ram_gb");
    }

    @Test
    void tagPrefixesComeFromTheDistinctiveWordsOfTheName() {
        assertThat(TagPrefixes.of("Gemeentelijk Atheneum Zonnebeke")).isEqualTo("AZ");
        assertThat(TagPrefixes.of("Gemeentelijke Basisschool De Regenboog")).isEqualTo("RE");
        assertThat(TagPrefixes.of("Vrije Basisschool Sint-Jozef")).isEqualTo("JO");
        assertThat(TagPrefixes.of("Koninklijk Technisch Atheneum Ieper Brugge")).isEqualTo("KTAI");
        assertThat(TagPrefixes.of("École Élémentaire")).isEqualTo("EE");
        assertThat(TagPrefixes.of("  ")).isEqualTo("INV");
        assertThat(TagPrefixes.tag("RB", 123)).isEqualTo("RB-000123");
        assertThat(TagPrefixes.valid("RB")).isTrue();
        assertThat(TagPrefixes.valid("rb")).isFalse();
        assertThat(TagPrefixes.valid("RB-")).isFalse();
        assertThat(TagPrefixes.valid("ABCDEFGHIJK")).isFalse();
    }

    @Test
    void userInputReachesTheListSqlOnlyAsParameters() {
        AssetFilter filter = new AssetFilter(7L, List.of(AssetKind.LAPTOP, AssetKind.TABLET), List.of(AssetStatus.IN_USE),
                null, 3L, null, null, 9L, "30", "passed", List.of());
        var sql = AssetListQuery.build(new Long[] {1L, 2L}, filter, List.of("{\"os\":\"x\"}"), AssetListQuery.terms("Acer  311 acer ' OR 1=1 --"),
                "warrantyEnd; DROP TABLE asset", true, 25, 50, LocalDate.of(2025, 1, 1));
        assertThat(sql.page(5000)).doesNotContain("DROP").doesNotContain("OR 1=1").contains("ORDER BY lower(a.tag) DESC, a.id DESC");
        assertThat(sql.page(12)).as("few matches: sorted from the matches, not read in index order")
                .contains("ORDER BY (lower(a.tag) || '') DESC, a.id DESC");
        assertThat(sql.count()).doesNotContain("JOIN").contains("a.kind = ANY(CAST(:kinds AS text[]))")
                .contains("a.status = :status").contains("building_id = :building").contains("manufacturer_id = :manufacturer")
                .contains("a.warranty_end BETWEEN :today AND :warrantyUntil").contains("a.end_of_life < :today")
                .contains("a.extra @> CAST(:extra0 AS jsonb)").contains("a.search LIKE :q0");
        assertThat(sql.params()).containsEntry("kinds", "{LAPTOP,TABLET}").containsEntry("warrantyUntil", LocalDate.of(2025, 1, 31))
                .containsEntry("q0", "%acer%").containsEntry("q1", "%311%").containsEntry("offset", 50L);
        assertThat(AssetListQuery.terms("100%_\\")).containsExactly("100%_\\");
        var escaped = AssetListQuery.build(new Long[] {1L}, AssetFilter.none(), List.of(), List.of("100%_"), "warrantyEnd", false, 25, 0,
                LocalDate.of(2025, 1, 1));
        assertThat(escaped.params()).containsEntry("q0", "%100\\%\\_%");
        assertThat(escaped.page(2000)).contains("ORDER BY a.warranty_end ASC NULLS LAST, a.id ASC");
        assertThat(escaped.page(3)).contains("ORDER BY (a.warranty_end + 0) ASC NULLS LAST, a.id ASC");
        assertThat(escaped.count()).as("text searches count up to a limit").contains("LIMIT 1001");
        var totals = AssetListQuery.build(new Long[] {1L}, new AssetFilter(3L, List.of(AssetKind.LAPTOP), List.of(AssetStatus.IN_USE), null,
                null, null, null, null, null, null, null), List.of(), List.of(), null, false, 25, 0, LocalDate.of(2025, 1, 1));
        assertThat(totals.count()).as("school, kind and status alone: from the kept counts").startsWith("SELECT coalesce(sum(a.n), 0) FROM asset_counts a");
    }

    @Test
    void filtersWriteTheirQueryString() {
        AssetFilter filter = new AssetFilter(7L, List.of(AssetKind.LAPTOP), List.of(), null, null, null, null, null, "ended",
                null, List.of("os:Windows 11"));
        assertThat(filter.queryString("acer 311", "-tag")).isEqualTo("school=7&kind=LAPTOP&warranty=ended&extra=os%3AWindows+11&q=acer+311&sort=-tag");
        assertThat(AssetFilter.none().queryString(null, "")).isEmpty();
        assertThat(AssetFilter.none().any()).isFalse();
    }
}
