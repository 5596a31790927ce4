package be.coordinaat.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * With no {@code spring.datasource.url} configured, Coordinaat starts a real PostgreSQL server from a Maven
 * artifact, its data kept in {@code coordinaat.embedded-db.data-dir} (default {@code ./data/postgres}) across
 * restarts. A server left running by a killed earlier run is stopped first, so an unclean stop never blocks
 * the next start.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${coordinaat.embedded-db.data-dir:./data/postgres}") String dataDir,
            @Value("${coordinaat.embedded-db.clean:false}") boolean clean,
            @Value("${coordinaat.embedded-db.port:0}") int port)
            throws IOException {
        File dir = new File(dataDir).getAbsoluteFile();
        Files.createDirectories(dir.toPath());
        if (clean) {
            org.springframework.util.FileSystemUtils.deleteRecursively(dir);
            Files.createDirectories(dir.toPath());
        } else {
            StalePostgres.stopIfRunning(dir.toPath());
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // Spring closes this bean after the connection pool; zonky's own hook would stop the server first
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "128MB")
                    // an import of 100,000 assets writes some 250 MB of WAL in one transaction: fewer forced
                    // checkpoints and WAL-buffer flushes during such bulk work
                    .setServerConfig("wal_buffers", "16MB")
                    .setServerConfig("max_wal_size", "2GB")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            log.info("Embedded PostgreSQL running on port {} with its data in {}", pg.getPort(), dir);
            return pg;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "Coordinaat could not start its embedded PostgreSQL in " + dir + " (" + e.getMessage() + "). "
                            + "Check that the folder is writable and not used by another running Coordinaat, "
                            + "or run against an external PostgreSQL by setting SPRING_DATASOURCE_URL, "
                            + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.",
                    e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("coordinaat-embedded");
        return new HikariDataSource(config);
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }

    /** Stops a PostgreSQL server still running on the data folder after the JVM that owned it was killed. */
    static final class StalePostgres {
        private StalePostgres() {}

        static void stopIfRunning(Path dataDir) {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return;
            }
            try {
                String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
                long pid = Long.parseLong(first);
                var handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
                if (handle.isEmpty()) {
                    return; // PostgreSQL itself ignores a pid file whose process is gone
                }
                log.warn("A PostgreSQL server (pid {}) from an earlier run still uses {}; stopping it.", pid, dataDir);
                new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
                handle.get().onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).join();
                if (handle.get().isAlive()) {
                    handle.get().destroyForcibly();
                    handle.get().onExit().get(10, TimeUnit.SECONDS);
                }
                log.info("Stale PostgreSQL server stopped; its data is kept.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("Could not inspect {}: {}", pidFile, e.toString());
            }
        }
    }
}
