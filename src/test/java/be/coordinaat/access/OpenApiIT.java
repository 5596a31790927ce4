package be.coordinaat.access;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browser;
import be.coordinaat.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class OpenApiIT {

    @LocalServerPort int port;

    @Test
    void theApiIsDescribed() {
        var docs = Api.anonymous(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/schools")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/schools/{schoolId}/rooms")).isTrue();
        assertThat(docs.json().at("/components/securitySchemes/token/scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void swaggerUiRendersUnderTheContentSecurityPolicy() {
        try (Browser browser = new Browser(port)) {
            browser.open("/swagger-ui/index.html");
            browser.waitForText(".information-container", "Coordinaat API");
            assertThat(browser.pageText()).contains("/api/v1/schools");
        }
    }
}
