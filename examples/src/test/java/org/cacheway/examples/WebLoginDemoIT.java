package org.cacheway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.cacheway.examples.web.DemoUsers;
import org.cacheway.session.auth.DjangoAuth;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.cacheway.testsupport.RespClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web login demo in a real headless Chromium on a real Redis: log in, find the session under
 * Django's key in db 1, restart the application, still be logged in, log out, and the key is gone.
 */
class WebLoginDemoIT {
    private static final String SESSION_PREFIX = ":1:django.contrib.sessions.cache";

    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    @TempDir
    Path profile;

    private final Console console = new Console();
    private ExampleSettings settings;
    private ExampleRedis exampleRedis;
    private WebLoginDemo demo;
    private ChromeDriver browser;
    private RespClient db1;

    @BeforeEach
    void start() throws Exception {
        redis.get().flushAll();
        ExampleOptions options = ExampleOptions.defaults().withRedisUrl(redis.get().uri(1));
        settings = ExampleSettings.load(options);
        exampleRedis = ExampleRedis.resolve(options, settings, console.stream());
        demo = WebLoginDemo.start(settings, exampleRedis, 0, console.stream());
        db1 = redis.get().server().connect();
        db1.call("SELECT", 1);
        browser = Chromium.start(profile.resolve("chromium"));
    }

    @AfterEach
    void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (demo != null) {
                demo.close();
            }
            db1.close();
            exampleRedis.close();
        }
    }

    @Test
    void aLoginLivesInRedisUnderDjangosKeyOutlivesARestartAndGoesAtLogout() throws Exception {
        browser.get(demo.url());
        wait(browser).until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElement(By.id("intro")).getText()).contains("Redis db 1",
                SESSION_PREFIX + "<session key>", "redis-cli -p " + redis.get().port() + " -n 1 --scan");
        browser.findElement(By.id("username")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD);
        browser.findElement(By.id("login")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("user")));
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("Logged in as alice.");

        // One record, under Django's cache-engine key; the cookie is its session key.
        List<?> keys = (List<?>) db1.call("KEYS", "*");
        assertThat(keys).hasSize(1);
        String redisKey = (String) keys.get(0);
        assertThat(redisKey).matches(":1:django\\.contrib\\.sessions\\.cache[a-z0-9]{32}");
        Cookie cookie = browser.manage().getCookieNamed("sessionid");
        assertThat(cookie).isNotNull();
        assertThat(SESSION_PREFIX + cookie.getValue()).isEqualTo(redisKey);
        // Django's login: alice's primary key as a string, the backend, and the session auth hash of her
        // password hash under the settings' SECRET_KEY, as Django computes it.
        String authHash = DjangoAuth.fromSettings(settings.sessionSettings()).sessionAuthHash(
                DemoUsers.authenticate("alice", DemoUsers.PASSWORD).orElseThrow().passwordHash());
        assertThat((String) db1.call("GET", redisKey)).contains("\"_auth_user_id\": \"1\"")
                .contains("\"_auth_user_backend\": \"django.contrib.auth.backends.ModelBackend\"")
                .contains("\"_auth_user_hash\": \"" + authHash + "\"");
        assertThat(console.text()).contains("User 'alice' logged in; session key (the sessionid cookie): "
                + cookie.getValue(), "redis-cli -p " + redis.get().port() + " -n 1 --scan");
        screenshot(browser);

        // Stop the application and start a new one on the same port and Redis: the session survives.
        int port = demo.port();
        demo.close();
        demo = null;
        demo = WebLoginDemo.start(settings, exampleRedis, port, console.stream());
        browser.navigate().refresh();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("user")));
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("Logged in as alice.");
        assertThat(browser.findElement(By.id("session-key")).getText()).isEqualTo(cookie.getValue());

        browser.findElement(By.id("logout")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
        assertThat(db1.call("EXISTS", redisKey)).isEqualTo(0L);
        assertThat((List<?>) db1.call("KEYS", "*")).isEmpty();
        assertThat(browser.manage().getCookieNamed("sessionid")).isNull();
    }

    @Test
    void aWrongPasswordStoresNoSession() {
        browser.get(demo.url() + "login");
        browser.findElement(By.id("username")).sendKeys("mallory");
        browser.findElement(By.id("password")).sendKeys("guess");
        browser.findElement(By.id("login")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("error")));
        assertThat((List<?>) db1.call("KEYS", "*")).isEmpty();
        assertThat(browser.manage().getCookieNamed("sessionid")).isNull();
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private static void screenshot(ChromeDriver browser) throws IOException {
        Path dir = Path.of(System.getProperty("cacheway.examples.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve("logged-in.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
