package be.coordinaat.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (paths given explicitly, nothing is
 * downloaded). One browser per test class; close it in {@code @AfterAll}.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final String base;
    private final Path profile;

    public Browser(int port) {
        System.setProperty("SE_OFFLINE", "true");
        try {
            profile = Files.createTempDirectory("coordinaat-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--force-prefers-reduced-motion", "--window-size=1280,1000", "--lang=nl-BE", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        base = "http://localhost:" + port;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public String path() {
        return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    /**
     * Clicks like a person: scrolls the element to the middle of the window first, and tries again when
     * something still moving (an htmx fragment loading above it) covers it for a moment. Scrolling is instant
     * (Bootstrap turns on smooth scrolling, which let a click land mid-animation on a slow machine).
     */
    public void click(String css) {
        for (int attempt = 1; ; attempt++) {
            WebElement e = new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
            ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});", e);
            try {
                e.click();
                return;
            } catch (org.openqa.selenium.ElementClickInterceptedException | org.openqa.selenium.StaleElementReferenceException ex) {
                if (attempt == 30) {
                    throw ex;
                }
                try {
                    Thread.sleep(300);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw ex;
                }
            }
        }
    }

    public void signIn(String username, String password) {
        open("/login");
        type("#username", username);
        type("#password", password);
        click("#sign-in");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !path().startsWith("/login") || !all("#sign-in-error").isEmpty());
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void waitForText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Waits until the element's whole text (trimmed) is exactly {@code text}: "1 toestel" must not match "121 toestellen". */
    public void waitForExactText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            try {
                return text.equals(d.findElement(By.cssSelector(css)).getText().strip());
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
    }

    /** Saves a screenshot under target/screenshots for a person to look at after a failure. */
    public void screenshot(String name) {
        try {
            Path dir = Path.of("target/screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (Exception ignored) {
            // a missing screenshot must not hide the real failure
        }
    }

    @Override
    public void close() {
        driver.quit();
        org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile());
    }
}
