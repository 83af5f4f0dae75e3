package dev.roadmap.test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Headless Debian Chromium for {@link BrowserTest}s, driven by the system's chromedriver
 * so that nothing is ever downloaded. Injected into test methods; one fresh browser
 * profile per test, closed after it.
 */
public final class Browser implements ExecutionCondition, ParameterResolver, AfterEachCallback {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final WebDriver driver;

	private final String baseUrl;

	private final WebDriverWait wait;

	private final List<Browser> companions = new ArrayList<>();

	/**
	 * Used by JUnit to register the extension.
	 */
	public Browser() {
		this.driver = null;
		this.baseUrl = null;
		this.wait = null;
	}

	private Browser(WebDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
			return ConditionEvaluationResult.enabled("Chromium found at " + CHROMIUM);
		}
		return ConditionEvaluationResult.disabled("Browser tests need Debian's Chromium and its driver (" + CHROMIUM
				+ ", " + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver");
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		Browser browser = new Browser(startChromium(), "http://localhost:" + port);
		context.getStore(ExtensionContext.Namespace.create(Browser.class)).put("browser", browser);
		return browser;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Browser browser = context.getStore(ExtensionContext.Namespace.create(Browser.class))
			.remove("browser", Browser.class);
		if (browser != null) {
			browser.companions.forEach((companion) -> companion.driver.quit());
			browser.driver.quit();
		}
	}

	/**
	 * A second browser on the same application with JavaScript switched off, closed with
	 * this one: for checking that every action works as a plain HTML form.
	 */
	public Browser withoutJavaScript() {
		Browser plain = new Browser(startChromium(false), this.baseUrl);
		this.companions.add(plain);
		return plain;
	}

	private static WebDriver startChromium() {
		return startChromium(true);
	}

	private static WebDriver startChromium(boolean javaScript) {
		ChromeOptions options = new ChromeOptions();
		if (!javaScript) {
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		options.setBinary(CHROMIUM.toFile());
		try {
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--window-size=1280,900",
					"--user-data-dir=" + Files.createTempDirectory("roadmap-chromium").toAbsolutePath());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create a Chromium profile directory", ex);
		}
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * Runs JavaScript in the page and returns its result.
	 */
	public Object script(String script) {
		return ((org.openqa.selenium.JavascriptExecutor) this.driver).executeScript(script);
	}

	/**
	 * Opens a path of the application under test, such as {@code /stages/apis}.
	 */
	public void open(String path) {
		this.driver.get(this.baseUrl + path);
	}

	public WebElement find(String css) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/**
	 * An element that is in the page, visible or not (such as a visually hidden radio).
	 */
	public WebElement present(String css) {
		return this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	/**
	 * Waits until the page the element belonged to has been replaced by the next one.
	 * ChromeDriver reports an element of a page being torn down either as stale or,
	 * during the swap, as a node that "does not belong to the document": both mean it is
	 * gone.
	 */
	public void waitForNextPage(WebElement fromThisPage) {
		this.wait.until((driver) -> {
			try {
				fromThisPage.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		});
	}

	public void waitUntil(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
		this.wait.until(condition);
	}

	/**
	 * Makes the page match {@code prefers-color-scheme} as given ({@code light} or
	 * {@code dark}), through the DevTools protocol; it lasts across navigations.
	 */
	public void emulateColorScheme(String scheme) {
		((ChromeDriver) this.driver).executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

	public String currentPath() {
		String url = this.driver.getCurrentUrl();
		return url.substring(this.baseUrl.length());
	}

}
