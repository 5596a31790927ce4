package be.coordinaat.licences;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.licences.domain.ProofFiles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A proof of purchase is recognised by its first bytes, and its name is made safe to store and send back. */
class LicenceProofFilesTest {

    @Test
    void recognisesPdfPngAndJpegByTheirContentOnly() {
        assertThat(ProofFiles.detect(LicenceTestData.PDF)).contains(ProofFiles.PDF);
        assertThat(ProofFiles.detect(LicenceTestData.PNG)).contains(ProofFiles.PNG);
        assertThat(ProofFiles.detect(LicenceTestData.JPEG)).contains(ProofFiles.JPEG);
        assertThat(ProofFiles.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).as("WebP is no proof").isEmpty();
        assertThat(ProofFiles.detect("MZ\u0090\0".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(ProofFiles.detect("%PD".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(ProofFiles.detect(new byte[0])).isEmpty();
        assertThat(ProofFiles.detect(null)).isEmpty();
    }

    @Test
    void fileNamesLoseFoldersAndControlCharacters() {
        assertThat(ProofFiles.safeName("C:\\Users\\koen\\factuur.pdf", ProofFiles.PDF)).isEqualTo("factuur.pdf");
        assertThat(ProofFiles.safeName("../../etc/passwd", ProofFiles.PDF)).isEqualTo("passwd");
        assertThat(ProofFiles.safeName("fac\"tuur\r\n.pdf", ProofFiles.PDF)).isEqualTo("factuur.pdf");
        assertThat(ProofFiles.safeName("  ", ProofFiles.JPEG)).isEqualTo("bewijs.jpg");
        assertThat(ProofFiles.safeName(null, ProofFiles.PNG)).isEqualTo("bewijs.png");
        assertThat(ProofFiles.safeName("x".repeat(300) + ".pdf", ProofFiles.PDF)).hasSize(255).endsWith(".pdf");
    }
}
