package dev.roadmap.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@link RoadmapIntegrationTest} (same application context) driven by headless Chromium
 * (see {@link Browser}); reported as skipped, with the reason, where Chromium is not
 * installed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RoadmapIntegrationTest
@ExtendWith(Browser.class)
public @interface BrowserTest {

}
