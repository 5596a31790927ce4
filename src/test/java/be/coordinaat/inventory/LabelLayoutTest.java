package be.coordinaat.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.coordinaat.inventory.label.AssetLinks;
import be.coordinaat.inventory.label.AssetLinks.ScanCode;
import be.coordinaat.inventory.label.LabelLayout;
import org.junit.jupiter.api.Test;

/** The label layout math and the label address: building it and reading it back from a scan. */
class LabelLayoutTest {

    @Test
    void everyFormatFitsOnA4() {
        for (LabelFormat f : LabelFormat.values()) {
            double right = f.left + (f.columns - 1) * f.pitchX + f.width;
            double bottom = f.top + (f.rows - 1) * f.pitchY + f.height;
            assertThat(right).as(f.name()).isLessThanOrEqualTo(210.0);
            assertThat(bottom).as(f.name()).isLessThanOrEqualTo(297.0);
            assertThat(f.pitchX).as(f.name()).isGreaterThanOrEqualTo(f.width);
        }
        assertThat(LabelFormat.L7160.perSheet()).isEqualTo(21);
        assertThat(LabelFormat.L7163.perSheet()).isEqualTo(14);
        assertThat(LabelFormat.L7651.perSheet()).isEqualTo(65);
    }

    @Test
    void positionsFillRowsThenPagesAfterTheSkippedLabels() {
        var p = LabelLayout.positions(LabelFormat.L7160, 22, 2);
        assertThat(p.get(0)).isEqualTo(new LabelLayout.Position(0, 2, 0, 7.2 + 2 * 66.04, 15.15));
        assertThat(p.get(1).row()).isEqualTo(1);
        assertThat(p.get(1).column()).isZero();
        assertThat(p.get(18).page()).isZero();
        assertThat(p.get(19).page()).isEqualTo(1);
        assertThat(p.get(19).x()).isEqualTo(7.2);
        assertThat(p.get(19).y()).isEqualTo(15.15);
        assertThat(LabelLayout.pages(LabelFormat.L7160, 22, 2)).isEqualTo(2);
        assertThat(LabelLayout.pages(LabelFormat.L7160, 21, 0)).isEqualTo(1);
        assertThat(LabelLayout.pages(LabelFormat.L7160, 1, 20)).isEqualTo(1);
        assertThat(LabelLayout.pages(LabelFormat.L7160, 2, 20)).isEqualTo(2);
        assertThat(LabelLayout.pages(LabelFormat.L7651, 130, 0)).isEqualTo(2);
        assertThat(LabelLayout.pages(LabelFormat.L7163, 0, 0)).isZero();
        assertThatThrownBy(() -> LabelLayout.positions(LabelFormat.L7163, 1, 14)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LabelLayout.positions(LabelFormat.L7163, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shortSchoolNamesDropGenericWords() {
        assertThat(LabelLayout.shortSchoolName("Gemeentelijke Basisschool De Regenboog", 40)).isEqualTo("De Regenboog");
        assertThat(LabelLayout.shortSchoolName("Basisschool", 40)).isEqualTo("Basisschool");
        assertThat(LabelLayout.shortSchoolName("Koninklijk Atheneum Zuidstad Campus Noord", 20)).hasSize(20).endsWith("…");
    }

    @Test
    void labelAddressesRoundTrip() {
        assertThat(AssetLinks.url("https://x.be/", 12, "RB-000001")).isEqualTo("https://x.be/a/12/RB-000001");
        assertThat(AssetLinks.path(12, "LOK/12 é")).isEqualTo("/a/12/LOK/12%20%C3%A9");
        for (String tag : new String[] {"RB-000001", "LOK/12 é", "a.b_c", "X+Y"}) {
            assertThat(AssetLinks.parse(AssetLinks.url("http://localhost:8080/app", 7, tag))).isEqualTo(new ScanCode(7L, tag));
            assertThat(AssetLinks.parse(AssetLinks.path(7, tag))).isEqualTo(new ScanCode(7L, tag));
        }
    }

    @Test
    void scannedCodesThatAreNoAddressAreTags() {
        assertThat(AssetLinks.parse("  RB-000001 ")).isEqualTo(new ScanCode(null, "RB-000001"));
        assertThat(AssetLinks.parse("https://example.com/other/page")).isEqualTo(new ScanCode(null, "https://example.com/other/page"));
        assertThat(AssetLinks.parse("/a/x/RB-1")).isEqualTo(new ScanCode(null, "/a/x/RB-1"));
        assertThat(AssetLinks.parse("https://x.be/a/12/RB-1?utm=1")).isEqualTo(new ScanCode(12L, "RB-1"));
        assertThat(AssetLinks.parse("http://[bad")).isEqualTo(new ScanCode(null, "http://[bad"));
        assertThat(AssetLinks.parse("/a/12/%ZZ")).isEqualTo(new ScanCode(null, "/a/12/%ZZ"));
        assertThat(AssetLinks.parse(" ")).isNull();
    }
}
