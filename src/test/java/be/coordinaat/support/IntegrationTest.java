package be.coordinaat.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole running application on a real PostgreSQL: the embedded one by default, or the
 * external server named by SPRING_DATASOURCE_URL (the test script runs these tests against both). All
 * integration tests share this one configuration and so one Spring context; the demo board is their base data,
 * and each test creates what it changes with unique names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "coordinaat.embedded-db.data-dir=target/test-postgres",
        "coordinaat.embedded-db.clean=true",
        "coordinaat.demo=true"})
public @interface IntegrationTest {}
