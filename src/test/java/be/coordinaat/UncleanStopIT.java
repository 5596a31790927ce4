package be.coordinaat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The embedded database survives an unclean stop: the application is killed with SIGKILL, which leaves its
 * PostgreSQL server running on the data folder (a stale server); the next start must stop that server, keep
 * the data, and come up healthy.
 *
 * <p>Runs the real application as child JVMs from the test classpath, so it needs no build of its own. Not
 * tagged: it belongs to the normal suite only (the run against an external PostgreSQL has nothing to test
 * here). The children's output goes to {@code target/unclean-stop/} and is printed when the test fails.
 */
class UncleanStopIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Path LOGS = Paths.get("target", "unclean-stop").toAbsolutePath();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> apps = new ArrayList<>();
    private Path work;
    private Path dataDir;

    @BeforeEach
    void createFolders() throws IOException {
        Files.createDirectories(LOGS);
        for (String name : List.of("first-run", "second-run")) {
            Files.deleteIfExists(LOGS.resolve(name + ".log"));
        }
        work = Files.createTempDirectory("coordinaat-unclean-stop");
        dataDir = work.resolve("postgres");
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void dataSurvivesAKilledApplicationAndItsStaleServerIsStopped() throws Exception {
        try {
            // First run: start, write a marker straight into the database, then kill the JVM without warning.
            int firstHttpPort = freePort();
            Process first = startApp("first-run", firstHttpPort);
            awaitHealthy(first, firstHttpPort, "first-run");
            PostmasterPid stale = PostmasterPid.read(dataDir);
            try (Connection db = connect(stale.port()); Statement sql = db.createStatement()) {
                sql.execute("CREATE TABLE unclean_marker(x text)");
                sql.execute("INSERT INTO unclean_marker VALUES ('kept')");
            }
            first.destroyForcibly(); // SIGKILL: no shutdown hook runs, the PostgreSQL server stays up
            assertThat(first.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(isAlive(stale.pid()))
                    .as("the killed application's PostgreSQL server (pid %d) is still running: the stale case", stale.pid())
                    .isTrue();

            // Second run on the same data folder: the stale server is stopped, the data is kept.
            int secondHttpPort = freePort();
            Process second = startApp("second-run", secondHttpPort);
            awaitHealthy(second, secondHttpPort, "second-run");
            PostmasterPid fresh = PostmasterPid.read(dataDir);
            assertThat(fresh.pid()).as("a new PostgreSQL server serves the data").isNotEqualTo(stale.pid());
            assertThat(isAlive(stale.pid())).as("the stale PostgreSQL server (pid %d) was stopped", stale.pid()).isFalse();
            try (Connection db = connect(fresh.port());
                    Statement sql = db.createStatement();
                    ResultSet rows = sql.executeQuery("SELECT x FROM unclean_marker")) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                assertThat(values).containsExactly("kept");
            }
            assertThat(health(secondHttpPort)).isEqualTo(200);

            // A normal stop (SIGTERM) stops the embedded server too.
            second.destroy();
            assertThat(second.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .as("the application stops within %s after SIGTERM", STOP_TIMEOUT)
                    .isTrue();
            Optional<PostmasterPid> left = PostmasterPid.readIfPresent(dataDir).filter(p -> isAlive(p.pid()));
            left.ifPresent(p -> stopServer(p.pid()));
            assertThat(left).as("no PostgreSQL server is left running after a normal stop").isEmpty();
        } catch (Throwable e) {
            printLogs();
            throw e;
        }
    }

    @AfterEach
    void cleanUp() throws IOException {
        for (Process app : apps) {
            if (app.isAlive()) {
                app.destroyForcibly();
                try {
                    app.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        PostmasterPid.readIfPresent(dataDir).filter(p -> isAlive(p.pid())).ifPresent(p -> stopServer(p.pid()));
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Process startApp(String name, int httpPort) throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-cp", absoluteClasspath(),
                CoordinaatApplication.class.getName(),
                "--server.port=" + httpPort,
                "--coordinaat.embedded-db.data-dir=" + dataDir,
                "--coordinaat.demo=true",
                "--spring.main.banner-mode=off"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(LOGS.resolve(name + ".log").toFile());
        // Always the embedded database, whatever the environment of the build says.
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("COORDINAAT_") || k.equals("PORT"));
        Process process = builder.start();
        apps.add(process);
        return process;
    }

    /** Surefire's classpath may hold relative entries; the child runs in another folder. */
    private static String absoluteClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(s -> Paths.get(s).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private void awaitHealthy(Process app, int httpPort, String name) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                fail("%s exited with status %d before it was healthy; see %s", name, app.exitValue(), LOGS.resolve(name + ".log"));
            }
            last = health(httpPort);
            if (last == 200) {
                return;
            }
            Thread.sleep(500);
        }
        fail("%s was not healthy within %s (last answer: %d); see %s", name, START_TIMEOUT, last, LOGS.resolve(name + ".log"));
    }

    private int health(int httpPort) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYetListening) {
            return -1;
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Fast shutdown (SIGINT to the postmaster), then SIGKILL if it does not go. */
    private static void stopServer(long pid) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
            ProcessHandle.of(pid).ifPresent(p -> {
                p.onExit().completeOnTimeout(p, 30, TimeUnit.SECONDS).join();
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printLogs() {
        for (String name : List.of("first-run", "second-run")) {
            Path log = LOGS.resolve(name + ".log");
            if (Files.exists(log)) {
                try {
                    System.err.println("===== " + log + " =====");
                    System.err.println(Files.readString(log, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    System.err.println("(could not read " + log + ": " + e + ")");
                }
            }
        }
    }

    /** The server's pid and port from {@code postmaster.pid}: line 1 is the pid, line 4 the port. */
    private record PostmasterPid(long pid, int port) {
        static PostmasterPid read(Path dataDir) throws IOException {
            return readIfPresent(dataDir).orElseThrow(() -> new AssertionError("no postmaster.pid in " + dataDir));
        }

        static Optional<PostmasterPid> readIfPresent(Path dataDir) {
            if (dataDir == null) {
                return Optional.empty();
            }
            Path file = dataDir.resolve("postmaster.pid");
            try {
                List<String> lines = Files.readAllLines(file);
                return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim())));
            } catch (IOException | RuntimeException missingOrIncomplete) {
                return Optional.empty();
            }
        }
    }
}
